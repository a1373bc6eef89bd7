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
import { wasAbandoned } from './job-abandonment.js';
import { JOB_ABANDONED_METADATA, JOB_HANDLER_METADATA } from './job-handler.decorator.js';
import {
  JOBS,
  JOB_START_LIMITS,
  JobName,
  QueueName,
  duplicatedNames,
  handlerCoverage,
} from './job-catalogue.js';
import type { QueueConnection } from './queue-connection.js';
import { QUEUE_CONNECTION } from './queue.module.js';

type Handler = (payload: any, job: Job) => Promise<unknown>;
type AbandonedListener = (payload: any, error: Error) => Promise<unknown>;

export const WORKER_ID = `${hostname()}:${process.pid}`;

/**
 * Runs in the worker app only: finds every @JobHandler, refuses to start unless each job of the
 * catalogue has exactly one, and consumes each queue, routing a job to its handler by name. Finds every
 * @JobAbandoned too (at most one per job) and tells it when the queue gives its job up.
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly handlers = new Map<string, Handler>();
  private readonly abandonedListeners = new Map<string, AbandonedListener>();
  /** Listeners still running, awaited at shutdown so they are not cut off by the database closing. */
  private readonly abandonmentsBeingTold = new Set<Promise<void>>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly cls: ClsService,
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.methodsMarked(JOB_HANDLER_METADATA);
    const { missing, duplicated } = handlerCoverage(handlers.map(([name]) => name));
    if (missing.length || duplicated.length) {
      throw new Error(
        `Job handlers do not match the catalogue. Missing: [${missing.join(', ')}]; duplicated: [${duplicated.join(', ')}]`,
      );
    }
    const abandonedListeners = this.methodsMarked(JOB_ABANDONED_METADATA);
    const twice = duplicatedNames(abandonedListeners.map(([name]) => name));
    if (twice.length) throw new Error(`More than one @JobAbandoned for: [${twice.join(', ')}]`);
    for (const [name, method] of handlers) this.handlers.set(name, method);
    for (const [name, method] of abandonedListeners) this.abandonedListeners.set(name, method);

    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(queue, (job) => this.process(job), {
        ...this.connection.options,
        concurrency: 4,
        // A job whose worker died is "stalled" and taken up again; past these limits it is failed
        // without running (see JOB_START_LIMITS), and 'failed' below tells its @JobAbandoned.
        ...JOB_START_LIMITS,
      });
      worker.on('failed', (job, err) => {
        this.logger.warn(
          { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: err.message },
          'job failed',
        );
        if (job && wasAbandoned(err)) this.tellAbandoned(job, err);
      });
      worker.on('error', (err) => this.logger.error({ err: err.message }, 'worker error'));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    this.logger.log({ backend: this.connection.kind, queues: Object.values(QueueName) }, 'worker consuming');
  }

  /** Every provider method carrying `metadataKey`, as [job name, method bound to its provider]. */
  private methodsMarked(metadataKey: string): Array<[string, (...args: any[]) => Promise<unknown>]> {
    const found: Array<[string, (...args: any[]) => Promise<unknown>]> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<string | undefined>(metadataKey, proto[method]);
        if (name) found.push([name, proto[method].bind(instance)]);
      }
    }
    return found;
  }

  /** Jobs carry the correlation id of the request that caused them, so their log lines join up. */
  private inJobContext<T>(job: Job, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set(CLS_ID, job.data?.correlationId ?? `job-${job.id}`);
      return work();
    });
  }

  private process(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler || !(job.name in JOBS)) throw new Error(`No handler for job "${job.name}"`);
    return this.inJobContext(job, async () => {
      const started = Date.now();
      const result = await handler(job.data, job);
      if (job.name !== JobName.SystemHeartbeat) {
        this.logger.log({ jobId: job.id, job: job.name, ms: Date.now() - started }, 'job done');
      }
      return result;
    });
  }

  /**
   * Tells a job's @JobAbandoned that the queue gave the job up. Called from an event listener, which
   * nobody awaits: its failure is logged here, never left as an unhandled rejection.
   */
  private tellAbandoned(job: Job, error: Error): void {
    const listener = this.abandonedListeners.get(job.name);
    const told = this.inJobContext(job, async () => {
      this.logger.error(
        { jobId: job.id, job: job.name, started: job.attemptsStarted, err: error.message },
        'job abandoned',
      );
      if (listener) await listener(job.data, error);
    }).catch((err: unknown) =>
      this.logger.error(
        { jobId: job.id, job: job.name, err: err instanceof Error ? err.message : String(err) },
        'job abandoned: its owner could not be told',
      ),
    );
    this.abandonmentsBeingTold.add(told);
    void told.finally(() => this.abandonmentsBeingTold.delete(told));
  }

  /**
   * Lets running jobs finish (BullMQ's close waits for them) before the process exits. Before, not on,
   * application shutdown: that is when the queues, the flow producer and the database close, and a job
   * still running then could not finish.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.abandonmentsBeingTold);
    this.logger.log({ signal }, 'worker stopped');
  }
}
