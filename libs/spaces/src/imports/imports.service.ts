import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import {
  csvExport,
  readCsv,
  type CsvMessageCatalogue,
  type CsvSeparator,
  type Principal,
} from '../../../core/src/index.js';
import { actorOf, type AuditActor } from '../audit/audit.repository.js';
import { brusselsWallClock } from '../rules/brussels-time.js';
import type { ImportContext, ImportKind, ImportResult, ImportRowError, StagingValue } from './import-kind.js';
import { ImportKindRegistry } from './import-kind.registry.js';
import { ImportRejectedException } from './import.errors.js';
import { importMessages } from './imports.messages.js';
import { ImportsRepository, STAGING_TABLE, type ImportTransaction } from './imports.repository.js';

/** Errors listed in a rejection; the rest are counted. Keeps the answer to a hopeless file small. */
export const MAX_LISTED_ERRORS = 1000;
const BATCH_SIZE = 1000;

export interface ImportOptions {
  /** Whose scope the rows must be in. */
  principal: Principal;
  /** Who the audit trail names; by default the principal. */
  actor?: AuditActor;
  dryRun?: boolean;
}

export interface CsvDownload {
  filename: string;
  stream: Readable;
}

/**
 * The import pipeline: CSV stream → typed rows → COPY into a TEMP staging table → set-based checks →
 * set-based upsert with audit, all in one transaction that is rolled back on any row error or dry run.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly kinds: ImportKindRegistry,
    private readonly repo: ImportsRepository,
    private readonly cls: ClsService,
  ) {}

  /** Fails with 400 `IMPORT.UNKNOWN_KIND` before anything is read. */
  assertKind(name: string): void {
    this.kinds.get(name);
  }

  /** Throws ImportRejectedException (422) listing every invalid row; writes nothing then. */
  async import(
    kindName: string,
    source: Readable | AsyncIterable<Buffer | string>,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const kind = this.kinds.get(kindName);
    const dryRun = options.dryRun ?? false;
    const tx = await this.repo.begin();
    try {
      const ctx: ImportContext = {
        staging: STAGING_TABLE,
        principal: options.principal,
        actor: options.actor ?? actorOf(options.principal),
        correlationId: this.cls.isActive() ? (this.cls.getId() ?? null) : null,
        query: (sql, params) => tx.query(sql, params),
      };
      const staged = await this.stage(tx, kind, source);
      await this.repo.analyzeStaging(tx);
      const found: { errors: ImportRowError[]; count: number }[] = [staged];
      for (const check of kind.checks(ctx))
        found.push(await this.repo.runCheck(tx, check, MAX_LISTED_ERRORS));
      const errorCount = found.reduce((sum, f) => sum + f.count, 0);
      if (errorCount > 0) {
        const errors = sortErrors(
          found.flatMap((f) => f.errors),
          Object.keys(kind.schema.columns),
        );
        throw new ImportRejectedException(errors.slice(0, MAX_LISTED_ERRORS), errorCount, catalogueOf(kind));
      }
      const { created, updated } = await kind.upsert(ctx);
      if (!dryRun) await tx.commit();
      return { created, updated, unchanged: staged.rows - created - updated, dryRun };
    } finally {
      await tx.end();
    }
  }

  /** The messages an edge needs to word a kind's row errors. */
  messagesOf(kindName: string): CsvMessageCatalogue {
    return catalogueOf(this.kinds.get(kindName));
  }

  /** The kind's rows the principal may see, as a CSV stream read from the database in batches. */
  export(kindName: string, principal: Principal, separator: CsvSeparator = ','): CsvDownload {
    const kind = this.kinds.get(kindName);
    const params: unknown[] = [];
    const sql = kind.exportQuery(principal, params);
    const rows = this.repo.stream(sql, params, BATCH_SIZE);
    const { year, month, day } = brusselsWallClock(new Date());
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return {
      filename: `${kind.name}-${date}.csv`,
      stream: csvExport(kind.schema.columns, rows as AsyncIterable<any>, { separator }),
    };
  }

  /**
   * Reads the whole file (to collect every error) and COPYs each valid row into the staging table. Rows
   * with errors are left out of the staging table, so the set-based checks only see valid rows.
   */
  private async stage(
    tx: ImportTransaction,
    kind: ImportKind<any, any>,
    source: Readable | AsyncIterable<Buffer | string>,
  ): Promise<{ rows: number; errors: ImportRowError[]; count: number }> {
    await this.repo.createStaging(tx, kind.staging);
    const copy = await tx.copyIn(STAGING_TABLE, ['line', ...kind.staging.map((c) => c.name)]);
    const rowErrors: ImportRowError[] = [];
    let rowErrorCount = 0;
    let rows = 0;
    const reject = (error: ImportRowError) => {
      rowErrorCount++;
      if (rowErrors.length < MAX_LISTED_ERRORS) rowErrors.push(error);
    };
    const reader = readCsv(source, kind.schema, { batchSize: BATCH_SIZE, maxErrors: MAX_LISTED_ERRORS });
    try {
      for await (const batch of reader) {
        const values: StagingValue[][] = [];
        for (const { line, values: row } of batch.rows) {
          const nul = columnWithNul(row);
          if (nul !== null) {
            reject({ line, column: nul, key: 'import.null_character', params: {} });
            continue;
          }
          const prepared = kind.prepare ? kind.prepare(row) : { ok: true as const, row };
          if (!prepared.ok) {
            for (const issue of prepared.issues) reject({ line, ...issue });
            continue;
          }
          values.push([line, ...kind.staging.map((column) => column.value(prepared.row))]);
        }
        rows += values.length;
        await copy.write(values);
      }
      await copy.end();
    } catch (error) {
      await copy.abort();
      throw error;
    }
    const summary = reader.result();
    return {
      rows,
      errors: [...summary.errors, ...rowErrors],
      count: summary.errorCount + rowErrorCount,
    };
  }
}

/** PostgreSQL text cannot hold U+0000; a CSV cell can. */
function columnWithNul(row: Record<string, unknown>): string | null {
  for (const [column, value] of Object.entries(row)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === 'string' && text.includes('\u0000'))) return column;
  }
  return null;
}

/** File order, then the columns' order in the file's contract; whole-line errors first. */
function sortErrors(errors: ImportRowError[], columns: string[]): ImportRowError[] {
  const position = (column: string | null) => (column === null ? -1 : columns.indexOf(column));
  return errors.sort((a, b) => a.line - b.line || position(a.column) - position(b.column));
}

function catalogueOf(kind: ImportKind<any, any>): CsvMessageCatalogue {
  const merged = (lang: 'nl' | 'fr' | 'en') => ({ ...importMessages[lang], ...kind.messages[lang] });
  return { nl: merged('nl'), fr: merged('fr'), en: merged('en') };
}
