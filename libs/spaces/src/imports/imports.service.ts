import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import {
  csvExport,
  readCsv,
  type CsvMessageCatalogue,
  type CsvReader,
  type CsvSeparator,
  type Principal,
} from '../../../core/src/index.js';
import { actorOf, type AuditActor } from '../audit/audit.repository.js';
import { brusselsWallClock } from '../rules/brussels-time.js';
import { copyTextLine } from './copy-text.js';
import type { ImportContext, ImportKind, ImportResult, ImportRowError } from './import-kind.js';
import { ImportKindRegistry } from './import-kind.registry.js';
import { ImportRejectedException } from './import.errors.js';
import { importMessages } from './imports.messages.js';
import {
  ImportsRepository,
  STAGING_TABLE,
  type ImportTransaction,
  type StagedBatch,
} from './imports.repository.js';
import { ReadAhead } from './read-ahead.js';

/**
 * Errors listed in a rejection: csv.md asks for every invalid row, which this is for any file of up to
 * 100,000 rows (the largest the bench imports). Beyond that the rest are counted, so that a hopeless
 * 200 MB file cannot hold the process's memory with millions of errors (≈ 20 MB for these).
 */
export const MAX_LISTED_ERRORS = 100_000;
/** Rows per batch of an export. */
const BATCH_SIZE = 1000;
/** Rows per parsed batch: small, so a batch is turned into staging text before the young GC promotes it. */
const READ_BATCH_ROWS = 250;
/** Batches parsed ahead of the database at most (12,000 rows): bounds what a slow database lets pile up. */
const READ_AHEAD_BATCHES = 48;
const SLICE_BYTES = 16 * 1024;

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
 * The file is parsed ahead while the database works. A kind with `chunkRows` is checked and written a
 * chunk at a time as it is read; any other kind is staged whole first, because its checks may compare
 * rows of the same file.
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
      const reader = readCsv(inSlices(source), kind.schema, {
        batchSize: READ_BATCH_ROWS,
        maxErrors: MAX_LISTED_ERRORS,
      });
      const ctx: ImportContext = {
        staging: STAGING_TABLE,
        principal: options.principal,
        // Read when the checks and the upsert run, by which time the reader has read the first line.
        get columns() {
          return reader.columnsInFile();
        },
        actor: options.actor ?? actorOf(options.principal),
        correlationId: this.cls.isActive() ? (this.cls.getId() ?? null) : null,
        query: (sql, params) => tx.query(sql, params),
      };
      await this.repo.createStaging(tx, kind.staging);
      const found = new FoundErrors(Object.keys(kind.schema.columns));
      const counts = { created: 0, updated: 0 };
      const addCounts = (more: { created: number; updated: number }) => {
        counts.created += more.created;
        counts.updated += more.updated;
      };
      // Parsing, typing and formatting run in the pump, ahead of the database, while it works on the
      // previous chunk.
      const ahead = new ReadAhead(stagedBatches(reader, kind, found), READ_AHEAD_BATCHES);
      const chunkBatches = kind.chunkRows
        ? Math.max(1, Math.floor(kind.chunkRows / READ_BATCH_ROWS))
        : Infinity;
      let staged = 0;
      try {
        for (;;) {
          const batches = await ahead.take(chunkBatches);
          if (batches.length === 0) break;
          await this.repo.copyIntoStaging(tx, kind.staging, batches);
          staged += batches.reduce((sum, batch) => sum + batch.rows, 0);
          if (!kind.chunkRows) continue;
          // A chunked kind's checks and writes depend only on the row and the database: check and write
          // each chunk now. Once any row has failed, the file will be rejected and rolled back, so the
          // remaining chunks are only checked, to list every error.
          await this.check(tx, kind, ctx, found);
          const readErrors = batches[batches.length - 1].readErrors;
          if (readErrors === 0 && found.count === 0) addCounts(await kind.upsert(ctx));
          await this.repo.clearStaging(tx);
        }
      } finally {
        await ahead.close();
      }
      const summary = reader.result();
      found.add(summary.errors, summary.errorCount);
      if (!kind.chunkRows) {
        await this.repo.analyzeStaging(tx);
        await this.check(tx, kind, ctx, found);
      }
      if (found.count > 0) {
        throw new ImportRejectedException(found.listed(), found.count, catalogueOf(kind));
      }
      if (!kind.chunkRows) addCounts(await kind.upsert(ctx));
      if (!dryRun) await tx.commit();
      return { ...counts, unchanged: staged - counts.created - counts.updated, dryRun };
    } finally {
      await tx.end();
    }
  }

  /** Runs the kind's set-based checks over what is staged now. */
  private async check(
    tx: ImportTransaction,
    kind: ImportKind<any, any>,
    ctx: ImportContext,
    found: FoundErrors,
  ): Promise<void> {
    for (const check of kind.checks(ctx)) {
      const { errors, count } = await this.repo.runCheck(tx, check, MAX_LISTED_ERRORS);
      found.add(errors, count);
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
}

/**
 * The source in slices of at most SLICE_BYTES, with a turn of the event loop before each: the parser
 * handles a slice in one go, and without the turn a database reply arriving meanwhile would wait for a
 * whole 64 KB read (≈ 25 ms of parsing) before the next statement could be sent.
 */
async function* inSlices(source: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      yield bytes.subarray(start, start + SLICE_BYTES);
    }
  }
}

/**
 * The file's valid rows as staging text (COPY's text format), a batch at a time. Rows with errors are left
 * out, so the set-based checks only see valid rows; their errors go to `found`.
 */
async function* stagedBatches(
  reader: CsvReader<Record<string, unknown>>,
  kind: ImportKind<any, any>,
  found: FoundErrors,
): AsyncGenerator<StagedBatch> {
  for await (const batch of reader) {
    let text = '';
    let rows = 0;
    for (const { line, values: row } of batch.rows) {
      const nul = columnWithNul(row);
      if (nul !== null) {
        found.add([{ line, column: nul, key: 'import.null_character', params: {} }]);
        continue;
      }
      const prepared = kind.prepare ? kind.prepare(row) : { ok: true as const, row };
      if (!prepared.ok) {
        found.add(prepared.issues.map((issue) => ({ line, ...issue })));
        continue;
      }
      text += copyTextLine([line, ...kind.staging.map((column) => column.value(prepared.row))]);
      rows++;
    }
    yield { text: Buffer.from(text), rows, readErrors: batch.errorCount };
  }
}

/**
 * Row errors found so far, all counted. Only the first MAX_LISTED_ERRORS in file order are ever shown, so
 * the list is cut back to those whenever it doubles: a hopeless file checked chunk by chunk stays small.
 */
class FoundErrors {
  private errors: ImportRowError[] = [];
  count = 0;

  constructor(private readonly columns: readonly string[]) {}

  add(errors: readonly ImportRowError[], count = errors.length): void {
    this.count += count;
    this.errors.push(...errors);
    if (this.errors.length > 2 * MAX_LISTED_ERRORS) this.errors = this.listed();
  }

  /** The first MAX_LISTED_ERRORS in file order (whole-line errors first, then the contract's columns). */
  listed(): ImportRowError[] {
    return sortErrors(this.errors, this.columns).slice(0, MAX_LISTED_ERRORS);
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
function sortErrors(errors: ImportRowError[], columns: readonly string[]): ImportRowError[] {
  const position = (column: string | null) => (column === null ? -1 : columns.indexOf(column));
  return errors.sort((a, b) => a.line - b.line || position(a.column) - position(b.column));
}

function catalogueOf(kind: ImportKind<any, any>): CsvMessageCatalogue {
  const merged = (lang: 'nl' | 'fr' | 'en') => ({ ...importMessages[lang], ...kind.messages[lang] });
  return { nl: merged('nl'), fr: merged('fr'), en: merged('en') };
}
