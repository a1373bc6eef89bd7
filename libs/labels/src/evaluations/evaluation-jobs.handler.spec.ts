import { JOB_START_LIMITS } from '../../../core/src/index.js';
import { isLastAttempt } from './evaluation-jobs.handler.js';

describe('isLastAttempt', () => {
  it('is the attempt after which the queue retries no more (attemptsMade counts the earlier ones)', () => {
    expect(isLastAttempt({ attemptsMade: 0, opts: { attempts: 5 } })).toBe(false);
    expect(isLastAttempt({ attemptsMade: 3, opts: { attempts: 5 } })).toBe(false);
    expect(isLastAttempt({ attemptsMade: 4, opts: { attempts: 5 } })).toBe(true);
    expect(isLastAttempt({ attemptsMade: 0, opts: {} })).toBe(true);
  });

  it('is also the last once stalls have used up the starts BullMQ allows, attempts left or not', () => {
    const max = JOB_START_LIMITS.maxStartedAttempts;
    expect(isLastAttempt({ attemptsMade: 1, attemptsStarted: max - 1, opts: { attempts: 5 } })).toBe(false);
    expect(isLastAttempt({ attemptsMade: 1, attemptsStarted: max, opts: { attempts: 5 } })).toBe(true);
  });

  it('treats a call outside the queue (no job) as the only attempt', () => {
    expect(isLastAttempt(undefined)).toBe(true);
  });
});
