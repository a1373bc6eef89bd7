import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const COLUMNS = `id, requested_at AS "requestedAt", processed_at AS "processedAt", processed_by AS "processedBy"`;

@Injectable()
export class QueueProbeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert() {
    const [row] = await this.db.query(`INSERT INTO queue_probes DEFAULT VALUES RETURNING ${COLUMNS}`);
    return row;
  }

  async find(id: string) {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM queue_probes WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Idempotent: a retried job keeps the first processing time. */
  async markProcessed(id: string, workerId: string): Promise<void> {
    await this.db.query(
      `UPDATE queue_probes SET processed_at = coalesce(processed_at, now()), processed_by = coalesce(processed_by, $2)
        WHERE id = $1`,
      [id, workerId],
    );
  }
}
