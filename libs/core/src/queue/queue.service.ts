import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ClsServiceManager } from 'nestjs-cls';
import { JOBS, JobName, JobPayloads, QueueName, jobId } from './job-catalogue.js';

/** The only way code enqueues work. Adds the correlation id and the deterministic job id. */
@Injectable()
export class QueueService {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: { delay?: number } = {}) {
    const correlationId = payload.correlationId ?? ClsServiceManager.getClsService()?.getId();
    const data = { ...payload, correlationId };
    const id = jobId(name, data);
    const job = await this.queue(JOBS[name].queue).add(name, data, { jobId: id, ...options });
    return { jobId: job.id ?? id };
  }

  /**
   * Like `enqueue`, for work a person asks to run again (an admin re-running today's reminders after
   * fixing the mail settings): a job of the same id that already finished (BullMQ keeps it for a while,
   * and would take the new one for a duplicate) is removed first, so the work runs again. One still
   * waiting or running is left alone: the same job never runs twice at once.
   */
  async enqueueAgain<N extends JobName>(name: N, payload: JobPayloads[N]) {
    const previous = await this.queue(JOBS[name].queue).getJob(jobId(name, payload));
    if (previous && ((await previous.isCompleted()) || (await previous.isFailed()))) {
      // Another request may have removed it just now: then there is nothing left to remove.
      await previous.remove().catch(() => undefined);
    }
    return this.enqueue(name, payload);
  }

  /** For the outbox relay: the job id is the outbox entry's, so a second relay of it queues nothing. */
  async enqueueWithId<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string) {
    const job = await this.queue(JOBS[name].queue).add(name, payload, { jobId });
    return { jobId: job.id ?? jobId };
  }
}
