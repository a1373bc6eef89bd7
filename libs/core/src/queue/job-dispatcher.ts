import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { CLS_ID, ClsService } from 'nestjs-cls';
import { JOB_HANDLER_METADATA } from './job-handler.decorator.js';
import { DEFAULT_JOB_OPTIONS, JOBS, JobName, QueueName, handlerCoverage } from './job-catalogue.js';
import type { QueueConnection } from './queue-connection.js';
import { QUEUE_CONNECTION } from './queue.module.js';

type Handler = (payload: any, job: Job) => Promise<unknown>;

export const WORKER_ID = `${hostname()}:${process.pid}`;

/**
 * Runs in the worker app only: finds every @JobHandler, refuses to start unless each job of the
 * catalogue has exactly one, and consumes each queue, routing a job to its handler by name.
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly handlers = new Map<string, Handler>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly cls: ClsService,
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const registered: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<string | undefined>(JOB_HANDLER_METADATA, proto[method]);
        if (!name) continue;
        registered.push(name);
        this.handlers.set(name, proto[method].bind(instance));
      }
    }
    const { missing, duplicated } = handlerCoverage(registered);
    if (missing.length || duplicated.length) {
      throw new Error(
        `Job handlers do not match the catalogue. Missing: [${missing.join(', ')}]; duplicated: [${duplicated.join(', ')}]`,
      );
    }
    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(queue, (job) => this.process(job), {
        ...this.connection.options,
        concurrency: 4,
        // A job whose worker died is "stalled" and taken up again. BullMQ fails it for good after one
        // stall by default, so two crashes during the same job would lose it; handlers are idempotent,
        // so allowing as many stalls as attempts is safe.
        maxStalledCount: DEFAULT_JOB_OPTIONS.attempts,
      });
      worker.on('failed', (job, err) =>
        this.logger.warn(
          { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: err.message },
          'job failed',
        ),
      );
      worker.on('error', (err) => this.logger.error({ err: err.message }, 'worker error'));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    this.logger.log({ backend: this.connection.kind, queues: Object.values(QueueName) }, 'worker consuming');
  }

  private process(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler || !(job.name in JOBS)) throw new Error(`No handler for job "${job.name}"`);
    // Jobs carry the correlation id of the request that caused them, so their log lines join up.
    return this.cls.run(async () => {
      this.cls.set(CLS_ID, job.data?.correlationId ?? `job-${job.id}`);
      const started = Date.now();
      const result = await handler(job.data, job);
      if (job.name !== JobName.SystemHeartbeat) {
        this.logger.log({ jobId: job.id, job: job.name, ms: Date.now() - started }, 'job done');
      }
      return result;
    });
  }

  /**
   * Lets running jobs finish (BullMQ's close waits for them) before the process exits. Before, not on,
   * application shutdown: that is when the queues, the flow producer and the database close, and a job
   * still running then could not finish.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.logger.log({ signal }, 'worker stopped');
  }
}
