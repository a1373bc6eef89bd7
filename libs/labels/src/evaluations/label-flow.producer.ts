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
 * Adds a region's evaluation as one BullMQ flow: a parent job (aggregation) with one child job per
 * space, added atomically. Job ids are deterministic, so the same run never enqueues twice. A child
 * that fails for good does not block the parent: the run then shows fewer results than spaces.
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
      children: spaceIds.map((spaceId) => {
        const data = { runId, spaceId, correlationId };
        return {
          name: JobName.LabelsEvaluateSpace,
          queueName: JOBS[JobName.LabelsEvaluateSpace].queue,
          data,
          opts: {
            ...DEFAULT_JOB_OPTIONS,
            jobId: jobId(JobName.LabelsEvaluateSpace, data),
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
