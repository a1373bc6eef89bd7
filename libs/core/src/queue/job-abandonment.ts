/**
 * BullMQ's reasons for failing a job without running its handler: the job was taken up more often
 * than `maxStartedAttempts` allows, or it stalled more often than `maxStalledCount` allows (see
 * JOB_START_LIMITS). Both come from BullMQ's worker (`getUnrecoverableErrorMessage`) as an
 * UnrecoverableError. The texts are BullMQ's own; test/e2e/jobs-abandoned.e2e-spec.ts fails if an
 * upgrade rewords the first.
 */
const GIVEN_UP_BY_BULLMQ = new Set([
  'job started more than allowable limit',
  'job stalled more than allowable limit',
]);

/**
 * Whether a job failed because BullMQ gave it up after workers died running it, rather than because
 * its handler threw: then no handler code ran to close the work the job serves.
 */
export function wasAbandoned(error: Pick<Error, 'name' | 'message'> | undefined): boolean {
  return error?.name === 'UnrecoverableError' && GIVEN_UP_BY_BULLMQ.has(error.message);
}
