import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName, JobPayloads } from '../queue/job-catalogue.js';
import { WORKER_ID } from '../queue/job-dispatcher.js';
import { Inject } from '@nestjs/common';
import { QUEUE_CONNECTION } from '../queue/queue.module.js';
import type { QueueConnection } from '../queue/queue-connection.js';

/** The worker's own jobs: the heartbeat that /health/ready reads, and the operator's queue probe. */
@Injectable()
export class SystemJobsHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
  ) {}

  @JobHandler(JobName.SystemHeartbeat)
  async heartbeat(): Promise<void> {
    await this.db.query(
      `INSERT INTO worker_heartbeats (worker_id, seen_at, backend) VALUES ($1, now(), $2)
       ON CONFLICT (worker_id) DO UPDATE SET seen_at = excluded.seen_at, backend = excluded.backend`,
      [WORKER_ID, this.connection.kind],
    );
  }

  @JobHandler(JobName.SystemProbe)
  async probe(payload: JobPayloads[JobName.SystemProbe]): Promise<void> {
    // Idempotent: a retried job keeps the first processing time.
    await this.db.query(
      `UPDATE queue_probes SET processed_at = coalesce(processed_at, now()), processed_by = coalesce(processed_by, $2)
        WHERE id = $1`,
      [payload.probeId, WORKER_ID],
    );
  }
}
