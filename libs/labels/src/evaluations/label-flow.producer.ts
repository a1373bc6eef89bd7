import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { FlowProducer } from 'bullmq';
import { ClsServiceManager } from 'nestjs-cls';
import {
  DEFAULT_JOB_OPTIONS,
  JOBS,
  JobName,
  QUEUE_CONNECTION,
  jobId,
  type QueueConnection,
} from '../../../core/src/index.js';

/**
 * Spaces per child job. Each child measures its spaces in one set-based statement, so a batch costs
 * about what one space costs; one job per space made a region's evaluation ~30× slower than one
 * SQL pass (docs/performance.md, scenario 4). Batches still spread over the worker's concurrency.
 */
export const EVALUATION_BATCH_SIZE = 160;

/**
 * Adds a region's evaluation as one BullMQ flow: a parent job (aggregation) with one child job per
 * batch of spaces, added atomically. Job ids are deterministic, so the same run never enqueues twice.
 * A child that fails for good does not block the parent, which then closes the run as `failed` (its
 * progress shows fewer results than spaces), never as done.
 */
@Injectable()
export class LabelFlowProducer implements OnApplicationShutdown {
  private producer: FlowProducer | null = null;

  constructor(@Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection) {}

  async addRegionFlow(runId: string, spaceIds: readonly string[]): Promise<void> {
    this.producer ??= new FlowProducer(this.connection.options);
    const correlationId = ClsServiceManager.getClsService()?.getId();
    const parent = { runId, correlationId };
    await this.producer.add({
      name: JobName.LabelsEvaluateRegion,
      queueName: JOBS[JobName.LabelsEvaluateRegion].queue,
      data: parent,
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobId(JobName.LabelsEvaluateRegion, parent) },
      children: batchesOf(spaceIds, EVALUATION_BATCH_SIZE).map((batchIds, batch) => {
        const data = { runId, batch, spaceIds: batchIds, correlationId };
        return {
          name: JobName.LabelsEvaluateBatch,
          queueName: JOBS[JobName.LabelsEvaluateBatch].queue,
          data,
          opts: {
            ...DEFAULT_JOB_OPTIONS,
            jobId: jobId(JobName.LabelsEvaluateBatch, data),
            ignoreDependencyOnFailure: true,
          },
        };
      }),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer?.close();
  }
}

/** The ids in consecutive batches of at most `size`, in their order. */
export function batchesOf<T>(ids: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  return batches;
}
