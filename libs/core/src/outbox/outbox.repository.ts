import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../database/returned-rows.js';

export interface PendingOutboxEntry {
  id: string;
  jobName: string;
  payload: Record<string, unknown>;
}

/** All SQL of the outbox. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, jobName: string, payload: Record<string, unknown>): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO outbox (job_name, payload) VALUES ($1, $2) RETURNING id`,
      [jobName, JSON.stringify(payload)],
    );
    return rows[0].id;
  }

  /**
   * Takes up to `limit` pending entries for the rest of `work`'s transaction; entries another relay holds
   * are skipped, so relays in the API and the worker never wait on each other.
   */
  claimPending<T>(
    limit: number,
    work: (entries: PendingOutboxEntry[], manager: EntityManager) => Promise<T>,
  ) {
    return this.dataSource.transaction(async (m) => {
      const rows: Array<{ id: string; job_name: string; payload: Record<string, unknown> }> = await m.query(
        `SELECT id, job_name, payload FROM outbox WHERE relayed_at IS NULL
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      return work(
        rows.map((r) => ({ id: r.id, jobName: r.job_name, payload: r.payload })),
        m,
      );
    });
  }

  async markRelayed(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE outbox SET relayed_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async markFailed(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
      id,
      error,
    ]);
  }

  async pendingCount(): Promise<number> {
    const result = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`,
    );
    return returnedRows<{ n: number }>(result)[0].n;
  }
}
