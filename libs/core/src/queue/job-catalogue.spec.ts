import { JobName, handlerCoverage, jobId } from './job-catalogue.js';

describe('job catalogue', () => {
  it('accepts exactly one handler per job', () => {
    expect(handlerCoverage(Object.values(JobName))).toEqual({ missing: [], duplicated: [] });
  });

  it('names a job without a handler', () => {
    const registered = Object.values(JobName).filter((n) => n !== JobName.SystemProbe);
    expect(handlerCoverage(registered).missing).toEqual([JobName.SystemProbe]);
  });

  it('names a job with two handlers', () => {
    expect(handlerCoverage([...Object.values(JobName), JobName.SystemHeartbeat]).duplicated).toEqual([
      JobName.SystemHeartbeat,
    ]);
  });

  it('gives the same work the same job id, and never a colon', () => {
    const a = jobId(JobName.SystemProbe, { probeId: 'a:b', correlationId: 'x' });
    const b = jobId(JobName.SystemProbe, { probeId: 'a:b', correlationId: 'y' });
    expect(a).toBe(b);
    expect(a).not.toContain(':');
  });
});
