import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** All SQL of worker heartbeats: written by the heartbeat job, read by /health/ready. */
@Injectable()
export class WorkerHeartbeatRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(workerId: string, backend: string): Promise<void> {
    await this.db.query(
      `INSERT INTO worker_heartbeats (worker_id, seen_at, backend) VALUES ($1, now(), $2)
       ON CONFLICT (worker_id) DO UPDATE SET seen_at = excluded.seen_at, backend = excluded.backend`,
      [workerId, backend],
    );
  }

  /** Seconds since any worker's last heartbeat; null when none was ever seen. */
  async secondsSinceLastBeat(): Promise<number | null> {
    const [row] = await this.db.query(
      `SELECT extract(epoch FROM now() - max(seen_at))::float AS age FROM worker_heartbeats`,
    );
    return row?.age ?? null;
  }
}
