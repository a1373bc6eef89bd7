export interface EvaluationRunError {
  /** Stable: `LABELS.EVALUATION_FAILED` or `LABELS.EVALUATION_INCOMPLETE`. */
  code: string;
  message: string;
}

/**
 * Why a run failed, in the `{ status, error? }` shape of the API. The failure is recorded as the run's
 * status; which error it is follows from the run itself: a region run with some results lost only
 * the spaces of its failed batches (the results it has stay readable, and its progress says how many
 * are missing); any other failed run has nothing to show. Never the technical cause: that is logged.
 */
export function evaluationRunError(run: {
  status: string;
  spaceId: string | null;
  evaluated: number;
  total: number;
}): EvaluationRunError | null {
  if (run.status !== 'failed') return null;
  if (run.spaceId === null && run.evaluated > 0) {
    const missing = Math.max(0, run.total - run.evaluated);
    return {
      code: 'LABELS.EVALUATION_INCOMPLETE',
      message:
        `${missing} of ${run.total} spaces could not be evaluated, so this run is incomplete. ` +
        'Request a new evaluation of the region, or of those spaces one by one.',
    };
  }
  return {
    code: 'LABELS.EVALUATION_FAILED',
    message: 'The evaluation could not be carried out. Request a new evaluation.',
  };
}
