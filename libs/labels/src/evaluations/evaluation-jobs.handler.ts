import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import {
  JOB_START_LIMITS,
  JobAbandoned,
  JobHandler,
  JobName,
  type JobPayloads,
} from '../../../core/src/index.js';
import { EvaluationsService } from './evaluations.service.js';

type AttemptCounts = Pick<Job, 'attemptsMade' | 'opts'> & Partial<Pick<Job, 'attemptsStarted'>>;

/**
 * Whether this attempt is the job's last: when it throws, the queue retries it no more. That is after
 * its last attempt, or, as BullMQ's `shouldRetryJob` decides, once the job has been started as often
 * as JOB_START_LIMITS allows (earlier starts cut short by dying workers count too).
 */
export function isLastAttempt(job: AttemptCounts | undefined): boolean {
  return (
    !job ||
    job.attemptsMade + 1 >= (job.opts.attempts ?? 1) ||
    (job.attemptsStarted ?? 0) >= JOB_START_LIMITS.maxStartedAttempts
  );
}

/**
 * Worker side of evaluations: one space, a batch of a region's spaces, and the region's parent job.
 * A job that fails for good marks its run `failed`, or the run would say `queued` or `running` for
 * ever. A batch does not: its parent still runs (the flow ignores a failed child) and closes the run
 * as failed when spaces lack a result. A job the queue gives up without running it (its workers died
 * every time) marks its run failed through @JobAbandoned; a batch again needs nothing.
 */
@Injectable()
export class EvaluationJobsHandler {
  constructor(private readonly evaluations: EvaluationsService) {}

  @JobHandler(JobName.LabelsEvaluateSpace)
  evaluateSpace(payload: JobPayloads[JobName.LabelsEvaluateSpace], job?: Job): Promise<void> {
    return this.failingRunOnLastAttempt(payload.runId, job, () =>
      this.evaluations.evaluate(payload.runId, [payload.spaceId]),
    );
  }

  @JobHandler(JobName.LabelsEvaluateBatch)
  evaluateBatch(payload: JobPayloads[JobName.LabelsEvaluateBatch]): Promise<void> {
    return this.evaluations.evaluate(payload.runId, payload.spaceIds);
  }

  @JobHandler(JobName.LabelsStartRegion)
  startRegion(payload: JobPayloads[JobName.LabelsStartRegion], job?: Job): Promise<void> {
    return this.failingRunOnLastAttempt(payload.runId, job, () =>
      this.evaluations.startRegion(payload.runId),
    );
  }

  @JobHandler(JobName.LabelsEvaluateRegion)
  evaluateRegion(payload: JobPayloads[JobName.LabelsEvaluateRegion], job?: Job): Promise<void> {
    return this.failingRunOnLastAttempt(payload.runId, job, () => this.evaluations.aggregate(payload.runId));
  }

  @JobAbandoned(JobName.LabelsEvaluateSpace)
  spaceAbandoned(payload: JobPayloads[JobName.LabelsEvaluateSpace], error: Error): Promise<void> {
    return this.evaluations.fail(payload.runId, error);
  }

  @JobAbandoned(JobName.LabelsStartRegion)
  startAbandoned(payload: JobPayloads[JobName.LabelsStartRegion], error: Error): Promise<void> {
    return this.evaluations.fail(payload.runId, error);
  }

  @JobAbandoned(JobName.LabelsEvaluateRegion)
  regionAbandoned(payload: JobPayloads[JobName.LabelsEvaluateRegion], error: Error): Promise<void> {
    return this.evaluations.fail(payload.runId, error);
  }

  private async failingRunOnLastAttempt(runId: string, job: Job | undefined, work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      // Marked before rethrowing, so the job still shows as failed in the queue with its cause.
      if (isLastAttempt(job)) await this.evaluations.fail(runId, error);
      throw error;
    }
  }
}
