import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { JobName, QueueName } from '../queue/job-catalogue.js';
import { QueueService } from '../queue/queue.service.js';

/**
 * The heartbeat is a repeatable job (a BullMQ job scheduler), so a fresh heartbeat proves the whole
 * path — queue backend, worker, database — and not just that a process is alive.
 */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueService,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.queue(QueueName.System).upsertJobScheduler(
      'system-heartbeat',
      { every: this.env.WORKER_HEARTBEAT_SECONDS * 1000 },
      {
        name: JobName.SystemHeartbeat,
        data: {},
        opts: { attempts: 1, removeOnComplete: true, removeOnFail: 100 },
      },
    );
  }
}
