import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Environment } from '../config/environment.js';
import { QueueName } from '../queue/job-catalogue.js';
import { QUEUE_CONNECTION } from '../queue/queue.module.js';
import type { QueueConnection } from '../queue/queue-connection.js';
import { QueueService } from '../queue/queue.service.js';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository.js';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly typeorm: TypeOrmHealthIndicator,
    private readonly queues: QueueService,
    private readonly env: Environment,
    private readonly heartbeats: WorkerHeartbeatRepository,
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
  ) {}

  ready() {
    return this.health.check([
      () => this.typeorm.pingCheck('database', { timeout: 2000 }),
      () => this.queueBackend(),
      () => this.workerHeartbeat(),
    ]);
  }

  private async queueBackend() {
    const check = this.indicators.check('queue');
    try {
      await withTimeout(this.queues.queue(QueueName.System).getJobCounts('waiting'), 2000);
      return check.up({ backend: this.connection.kind });
    } catch (e) {
      return check.down({ backend: this.connection.kind, message: (e as Error).message });
    }
  }

  private async workerHeartbeat() {
    const check = this.indicators.check('worker');
    try {
      const age = await this.heartbeats.secondsSinceLastBeat();
      const maxAge = this.env.WORKER_HEARTBEAT_MAX_AGE_SECONDS;
      if (age === null) return check.down({ message: 'no worker heartbeat yet' });
      return age <= maxAge
        ? check.up({ lastSeenSecondsAgo: Math.round(age) })
        : check.down({ lastSeenSecondsAgo: Math.round(age), maxAge });
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }
}
