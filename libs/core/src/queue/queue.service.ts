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

  /** For the outbox relay: the job id is the outbox entry's, so a second relay of it queues nothing. */
  async enqueueWithId<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string) {
    const job = await this.queue(JOBS[name].queue).add(name, payload, { jobId });
    return { jobId: job.id ?? jobId };
  }
}
