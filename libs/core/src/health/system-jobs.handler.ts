import { Inject, Injectable } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName, JobPayloads } from '../queue/job-catalogue.js';
import { WORKER_ID } from '../queue/job-dispatcher.js';
import type { QueueConnection } from '../queue/queue-connection.js';
import { QueueProbeRepository } from '../queue/queue-probe.repository.js';
import { QUEUE_CONNECTION } from '../queue/queue.module.js';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository.js';

/** The worker's own jobs: the heartbeat that /health/ready reads, and the operator's queue probe. */
@Injectable()
export class SystemJobsHandler {
  constructor(
    private readonly heartbeats: WorkerHeartbeatRepository,
    private readonly probes: QueueProbeRepository,
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
  ) {}

  @JobHandler(JobName.SystemHeartbeat)
  heartbeat(): Promise<void> {
    return this.heartbeats.record(WORKER_ID, this.connection.kind);
  }

  @JobHandler(JobName.SystemProbe)
  probe(payload: JobPayloads[JobName.SystemProbe]): Promise<void> {
    return this.probes.markProcessed(payload.probeId, WORKER_ID);
  }
}
