import type {
  CellError,
  CsvColumns,
  CsvMessageCatalogue,
  CsvParams,
  CsvSchema,
  InferRow,
  Principal,
} from '../../../core/src/index.js';
import type { AuditActor } from '../audit/audit.repository.js';

/**
 * One record kind that can be imported from and exported to CSV (spaces, animators, … and, registered by
 * the activity lib, weekly-activity and training-sessions). The pipeline (ImportsService) does the
 * plumbing: it streams the file through `readCsv`, runs `prepare` per row, COPYs the rows into a TEMP
 * staging table inside one transaction, runs the kind's set-based `checks`, and only when every row is
 * valid calls `upsert`; it answers 422 with every row error otherwise. A kind only says what is specific
 * to it, mostly as SQL over the staging table.
 *
 * Register a kind from any module that imports ImportsModule:
 *   `onModuleInit() { this.kinds.register(weeklyActivityImportKind); }` (ImportKindRegistry).
 */
export interface ImportKind<C extends CsvColumns = CsvColumns, Prepared = InferRow<C>> {
  /** The `{kind}` of `/imports/{kind}` and `/exports/{kind}`, e.g. `equipment`. */
  readonly name: string;
  /** Columns exactly as in the CSV contract (csv.md), with the key columns and CPU row checks. */
  readonly schema: CsvSchema<C>;
  /** Messages for the keys the kind's row checks and SQL checks use (NL/FR/EN). */
  readonly messages: CsvMessageCatalogue;
  /**
   * CPU-only work per valid row that a column type cannot express, e.g. validating and normalising an
   * opening-hours expression. Issues are row errors; the row is then not staged.
   */
  prepare?(row: InferRow<C>): PrepareResult<Prepared>;
  /**
   * The staging table's columns (the pipeline adds `line integer`). Give each the type of the column it
   * ends up in (e.g. `numeric(4,3)`), so that rounding happens while staging and an identical re-import
   * compares equal.
   */
  readonly staging: readonly StagingColumn<Prepared>[];
  /**
   * Rows per chunk, for a kind whose checks and upsert depend only on each row and the database, never on
   * other rows of the same file (weekly activity): the file is then checked and written a chunk at a time
   * while the next chunk is read, and the staging table only ever holds one chunk. Without it, the whole
   * file is staged before the checks run.
   */
  readonly chunkRows?: number;
  /**
   * Set-based checks against the database. Each is one query over the staging table (`ctx.staging`)
   * returning the offending rows' `line` (and optionally `params jsonb` for the message).
   */
  checks(ctx: ImportContext): readonly RowCheck[];
  /**
   * Writes the staged rows (set-based: INSERT … SELECT … ON CONFLICT DO UPDATE … WHERE changed) and their
   * audit entries, and counts rows created and updated; the rest are unchanged. Runs only when no row has
   * an error, inside the import's transaction (rolled back after a dry run).
   */
  upsert(ctx: ImportContext): Promise<UpsertCounts>;
  /**
   * The export: one SELECT whose columns are named and typed like the CSV columns (numbers as float8 or
   * integers, dates as `YYYY-MM-DD` text, arrays as text[]), limited to what `principal` may see (use
   * spaceScopeCondition) and ordered by the key. Parameters are appended to `params`.
   */
  exportQuery(principal: Principal, params: unknown[]): string;
}

export type PrepareResult<Prepared> =
  | { readonly ok: true; readonly row: Prepared }
  | { readonly ok: false; readonly issues: readonly CellError[] };

/** What COPY can take for one cell. */
export type StagingValue = string | number | boolean | null | readonly string[];

export interface StagingColumn<Prepared> {
  /** snake_case; usually the CSV column's name. */
  readonly name: string;
  /** A PostgreSQL type, e.g. `text`, `date`, `numeric(14,2)`, `text[]`. */
  readonly type: string;
  readonly value: (row: Prepared) => StagingValue;
}

export interface RowCheck {
  /** The CSV column the error names (null: the whole row). */
  readonly column: string | null;
  /** A key of the kind's `messages` (or of core's CSV messages). */
  readonly key: string;
  /** `SELECT line[, params] FROM <ctx.staging> …`; `params` is a jsonb object of message parameters. */
  readonly sql: string;
  readonly params?: readonly unknown[];
}

export interface UpsertCounts {
  readonly created: number;
  readonly updated: number;
}

/** What a kind's SQL runs against: the import's transaction and its staging table. */
export interface ImportContext {
  /** Quoted name of the TEMP staging table (columns: `line` and the kind's staging columns). */
  readonly staging: string;
  /** Whose scope the rows must be in (the CLI acts as an admin). */
  readonly principal: Principal;
  /**
   * The CSV columns the file's first line names. A column the file leaves out is staged as null, yet must
   * leave the stored value as it is (only an empty cell in a column that is there means "clear it"): an
   * upsert sets, and compares, only these columns on update.
   */
  readonly columns: ReadonlySet<string>;
  /** Who the audit trail names. */
  readonly actor: AuditActor;
  readonly correlationId: string | null;
  /** Runs SQL on the import's transaction and returns the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A row error before it is put into words; `line` is the file's physical line (header = 1). */
export interface ImportRowError {
  readonly line: number;
  readonly column: string | null;
  readonly key: string;
  readonly params: CsvParams;
}

export interface ImportResult {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly dryRun: boolean;
}

/** Typed helper: infers the row types of a kind from its schema. */
export function defineImportKind<C extends CsvColumns, Prepared = InferRow<C>>(
  kind: ImportKind<C, Prepared>,
): ImportKind<C, Prepared> {
  return kind;
}
