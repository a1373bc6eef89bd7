import { evaluationRunError } from './evaluation-run.rule.js';

describe('evaluationRunError', () => {
  it('has no error unless the run failed', () => {
    for (const status of ['queued', 'running', 'done']) {
      expect(evaluationRunError({ status, spaceId: null, evaluated: 3, total: 5 })).toBeNull();
    }
  });

  it('says a region run with some results is incomplete, and how many spaces are missing', () => {
    const error = evaluationRunError({ status: 'failed', spaceId: null, evaluated: 160, total: 200 });
    expect(error?.code).toBe('LABELS.EVALUATION_INCOMPLETE');
    expect(error?.message).toContain('40 of 200 spaces');
  });

  it('says a one-space run, or a region run without any result, failed', () => {
    expect(evaluationRunError({ status: 'failed', spaceId: 's', evaluated: 0, total: 1 })?.code).toBe(
      'LABELS.EVALUATION_FAILED',
    );
    expect(evaluationRunError({ status: 'failed', spaceId: null, evaluated: 0, total: 200 })?.code).toBe(
      'LABELS.EVALUATION_FAILED',
    );
  });
});
