// The import pipeline's public face, for other libs that register their own kinds (re-exported by
// libs/spaces/src/index.ts).
export type {
  ImportContext,
  ImportKind,
  ImportResult,
  ImportRowError,
  PrepareResult,
  RowCheck,
  StagingColumn,
  StagingValue,
  UpsertCounts,
} from './import-kind.js';
export { defineImportKind } from './import-kind.js';
export { ImportKindRegistry } from './import-kind.registry.js';
export { auditInsertSql, countsOf, spaceRefChecks } from './import-sql.js';
export { ImportRejectedException } from './import.errors.js';
export { importMessages } from './imports.messages.js';
export { ImportsModule } from './imports.module.js';
export { ImportsService, MAX_LISTED_ERRORS } from './imports.service.js';
export type { CsvDownload, ImportOptions } from './imports.service.js';
export { notBefore } from './kinds/row-checks.js';
