import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { Environment } from '../config/environment.js';
import { JOBS, type JobName, type JobPayloads } from '../queue/job-catalogue.js';
import { QueueService } from '../queue/queue.service.js';
import { OutboxRepository } from './outbox.repository.js';

const BATCH = 100;

/**
 * The transactional outbox. A write that queues work calls `add` inside its own transaction, so the
 * work is recorded if and only if the write commits. The relay then moves entries to the queue with
 * the entry's id as the BullMQ job id: a crash after the enqueue but before the entry is marked makes
 * the next relay enqueue the same id again, which BullMQ ignores, so each entry runs exactly once.
 *
 * `relayNow()` after the commit gives the usual fast path; the poller (on in the worker) picks up what a
 * crash or an unreachable queue left behind.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private poll = false;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly queues: QueueService,
    private readonly env: Environment,
  ) {}

  /** Records work to queue once `manager`'s transaction commits. Answers the entry (and job) id. */
  add<N extends JobName>(manager: EntityManager, name: N, payload: JobPayloads[N]): Promise<string> {
    const correlationId = payload.correlationId ?? ClsServiceManager.getClsService()?.getId();
    return this.repo.insert(manager, name, { ...payload, correlationId });
  }

  /** Moves every pending entry to the queue; answers how many were relayed. One run at a time per process. */
  relayNow(): Promise<number> {
    this.running ??= this.relayAll().finally(() => (this.running = null));
    return this.running;
  }

  /**
   * The fast path after a commit. Never fails the caller's request: if the queue cannot be reached, the
   * entries stay pending and the worker's poller relays them.
   */
  async relayAfterCommit(): Promise<void> {
    await this.relayNow().catch((error: unknown) =>
      this.logger.warn({ error: String(error) }, 'outbox relay deferred to the worker'),
    );
  }

  /** The worker polls; the API relays right after its own writes. */
  enablePolling(): void {
    this.poll = true;
  }

  onApplicationBootstrap(): void {
    if (!this.poll) return;
    this.timer = setInterval(() => {
      this.relayNow().catch((error: unknown) =>
        this.logger.warn({ error: String(error) }, 'outbox relay failed'),
      );
    }, this.env.OUTBOX_RELAY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async relayAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.repo.claimPending(BATCH, async (entries, m) => {
        const done: string[] = [];
        for (const entry of entries) {
          const name = entry.jobName as JobName;
          if (!(name in JOBS)) {
            await this.repo.markFailed(m, entry.id, `unknown job ${entry.jobName}`);
            continue;
          }
          // The entry's id is the job id: enqueuing it twice queues it once.
          await this.queues.enqueueWithId(
            name,
            entry.payload as JobPayloads[typeof name],
            `outbox.${entry.id}`,
          );
          done.push(entry.id);
        }
        await this.repo.markRelayed(m, done);
        return entries.length;
      });
      total += relayed;
      if (relayed < BATCH) return total;
    }
  }
}
