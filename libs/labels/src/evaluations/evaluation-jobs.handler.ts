import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, type JobPayloads } from '../../../core/src/index.js';
import { EvaluationsService } from './evaluations.service.js';

/** Worker side of evaluations: one space, a batch of a region's spaces, and the region's parent job. */
@Injectable()
export class EvaluationJobsHandler {
  constructor(private readonly evaluations: EvaluationsService) {}

  @JobHandler(JobName.LabelsEvaluateSpace)
  evaluateSpace(payload: JobPayloads[JobName.LabelsEvaluateSpace]): Promise<void> {
    return this.evaluations.evaluate(payload.runId, [payload.spaceId]);
  }

  @JobHandler(JobName.LabelsEvaluateBatch)
  evaluateBatch(payload: JobPayloads[JobName.LabelsEvaluateBatch]): Promise<void> {
    return this.evaluations.evaluate(payload.runId, payload.spaceIds);
  }

  @JobHandler(JobName.LabelsStartRegion)
  startRegion(payload: JobPayloads[JobName.LabelsStartRegion]): Promise<void> {
    return this.evaluations.startRegion(payload.runId);
  }

  @JobHandler(JobName.LabelsEvaluateRegion)
  evaluateRegion(payload: JobPayloads[JobName.LabelsEvaluateRegion]): Promise<void> {
    return this.evaluations.aggregate(payload.runId);
  }
}
