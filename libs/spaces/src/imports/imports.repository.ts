import { once } from 'node:events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import pgCopyStreams from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import type { ImportRowError, RowCheck, StagingColumn } from './import-kind.js';

/** The one staging table of an import; TEMP and dropped at the end of the transaction. */
export const STAGING_TABLE = 'import_staging';

/** Valid rows of the file, already in COPY's text format (one line each, `line` first). */
export interface StagedBatch {
  readonly text: Buffer;
  readonly rows: number;
  /** The reader's error count once this batch was read (errors so far, in the whole file). */
  readonly readErrors: number;
}

/** One database transaction on one connection, for a whole import (staging, checks, upsert). */
export class ImportTransaction {
  private done = false;

  constructor(
    private readonly runner: QueryRunner,
    private readonly client: pg.PoolClient,
  ) {}

  async query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.client.query(sql, params as unknown[]);
    return result.rows as T[];
  }

  /** Streams lines into `COPY … FROM STDIN` (text format), honouring back-pressure. */
  async copyIn(table: string, columns: readonly string[]): Promise<CopyWriter> {
    const stream = this.client.query(
      pgCopyStreams.from(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
    );
    return new CopyWriter(stream);
  }

  async commit(): Promise<void> {
    this.done = true;
    await this.runner.commitTransaction();
  }

  /** Safe to call in any state, e.g. from a `finally`. */
  async end(): Promise<void> {
    try {
      if (!this.done && this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      this.done = true;
      await this.runner.release();
    }
  }
}

export class CopyWriter {
  private failure: Error | null = null;
  private readonly finished: Promise<void>;

  constructor(private readonly stream: pgCopyStreams.CopyStreamQuery) {
    // Listen at once: an error (e.g. a value the column type refuses) may come before anyone awaits.
    this.finished = new Promise((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', (error) => {
        this.failure = error;
        reject(error);
      });
    });
    this.finished.catch(() => undefined);
  }

  /** Writes lines already in COPY's text format. */
  async write(text: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (text.length === 0) return;
    if (!this.stream.write(text)) {
      await Promise.race([once(this.stream, 'drain'), this.finished]);
    }
  }

  async end(): Promise<void> {
    this.stream.end();
    await this.finished;
  }

  /**
   * Abandons the COPY (the server gets a CopyFail), so the connection leaves COPY mode and the
   * transaction can be rolled back.
   */
  async abort(): Promise<void> {
    if (this.stream.writableFinished || this.stream.destroyed) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy(new Error('import abandoned'));
    await closed;
  }
}

/** All SQL of the import pipeline itself (the kinds hold theirs). */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async begin(): Promise<ImportTransaction> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      await runner.startTransaction();
      return new ImportTransaction(runner, client);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  async createStaging(tx: ImportTransaction, columns: readonly StagingColumn<unknown>[]): Promise<void> {
    const definitions = columns.map((c) => `"${c.name}" ${c.type}`);
    await tx.query(
      `CREATE TEMP TABLE ${STAGING_TABLE} (line integer NOT NULL PRIMARY KEY, ${definitions.join(', ')})
       ON COMMIT DROP`,
    );
  }

  /** One COPY of the batches' rows into the staging table. */
  async copyIntoStaging(
    tx: ImportTransaction,
    columns: readonly StagingColumn<unknown>[],
    batches: readonly StagedBatch[],
  ): Promise<void> {
    if (batches.every((batch) => batch.rows === 0)) return;
    const copy = await tx.copyIn(STAGING_TABLE, ['line', ...columns.map((c) => c.name)]);
    try {
      for (const batch of batches) await copy.write(batch.text);
      await copy.end();
    } catch (error) {
      await copy.abort();
      throw error;
    }
  }

  /** Empties the staging table for the next chunk. */
  async clearStaging(tx: ImportTransaction): Promise<void> {
    await tx.query(`TRUNCATE ${STAGING_TABLE}`);
  }

  /** Fresh statistics, so the checks and the upsert get join plans for the real row count. */
  async analyzeStaging(tx: ImportTransaction): Promise<void> {
    await tx.query(`ANALYZE ${STAGING_TABLE}`);
  }

  /** The first `limit` offending rows of one check, and how many there are in all. */
  async runCheck(
    tx: ImportTransaction,
    check: RowCheck,
    limit: number,
  ): Promise<{ errors: ImportRowError[]; count: number }> {
    const params = [...(check.params ?? [])];
    params.push(limit);
    const rows = await tx.query<{ line: number; params: Record<string, unknown> | null; total: number }>(
      `SELECT c.line, to_jsonb(c) -> 'params' AS params, (count(*) OVER ())::int AS total
       FROM (${check.sql}) c ORDER BY c.line LIMIT $${params.length}`,
      params,
    );
    return {
      count: rows[0]?.total ?? 0,
      errors: rows.map((row) => ({
        line: row.line,
        column: check.column,
        key: check.key,
        params: (row.params ?? {}) as ImportRowError['params'],
      })),
    };
  }

  /**
   * Reads a query's rows in batches through a cursor, in one read-only snapshot, so an export of any
   * size holds one batch in memory. Breaking off (e.g. a client that hangs up) closes the cursor.
   */
  async *stream(
    sql: string,
    params: readonly unknown[],
    batchSize = 1000,
  ): AsyncGenerator<Record<string, unknown>> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params as unknown[]);
        for (;;) {
          const { rows } = await client.query(`FETCH ${batchSize} FROM export_rows`);
          if (rows.length === 0) break;
          yield* rows;
        }
      } finally {
        await client.query('ROLLBACK');
      }
    } finally {
      await runner.release();
    }
  }
}
