import { UnrecoverableError } from 'bullmq';
import { wasAbandoned } from './job-abandonment.js';

describe('wasAbandoned', () => {
  it('recognises BullMQ giving a job up after too many starts, or too many stalls', () => {
    expect(wasAbandoned(new UnrecoverableError('job started more than allowable limit'))).toBe(true);
    expect(wasAbandoned(new UnrecoverableError('job stalled more than allowable limit'))).toBe(true);
  });

  it('recognises it by name too, as an error that crossed a process boundary has no class', () => {
    const plain = Object.assign(new Error('job started more than allowable limit'), {
      name: 'UnrecoverableError',
    });
    expect(wasAbandoned(plain)).toBe(true);
  });

  it('leaves failures of the handler itself to the handler', () => {
    expect(wasAbandoned(new Error('job started more than allowable limit'))).toBe(false);
    expect(wasAbandoned(new UnrecoverableError('the scheme does not exist'))).toBe(false);
    expect(wasAbandoned(new Error('connection refused'))).toBe(false);
    expect(wasAbandoned(undefined)).toBe(false);
  });
});
