import {
  api,
  spawnWorker,
  startTestApi,
  waitFor,
  type QueueBackend,
  type TestApi,
  type WorkerProcess,
} from '../support/test-app.js';

const ADMIN = { email: 'admin@example.be', password: 'correct horse battery' };

// The same code path on both backends: only the environment differs (REDIS_URL set or not).
describe.each<QueueBackend>(['redis', 'postgres'])('queue end to end on %s', (backend) => {
  let t: TestApi;
  let worker: WorkerProcess;
  let token: string;

  beforeAll(async () => {
    t = await startTestApi({ backend, extra: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    token = (await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: ADMIN })).body.accessToken;
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('is not ready before a worker has proved itself, then ready once it has', async () => {
    const before = await api(t.baseUrl, 'GET', '/health/ready');
    expect(before.status).toBe(503);
    expect(before.body.code).toBe('HEALTH.NOT_READY');
    worker = spawnWorker(t.env);
    const ready = await waitFor(async () => {
      const res = await api(t.baseUrl, 'GET', '/health/ready');
      return res.status === 200 ? res : null;
    }, 30000);
    expect(ready.body.details).toMatchObject({
      database: { status: 'up' },
      queue: { status: 'up', backend },
      worker: { status: 'up' },
    });
  });

  it('processes a job enqueued by the API in the worker process', async () => {
    const created = await api(t.baseUrl, 'POST', '/api/v1/system/queue-probes', {
      token,
      headers: { 'x-correlation-id': `probe-${backend}` },
    });
    expect(created.status).toBe(202);
    expect(created.body.processedAt).toBeNull();
    const done = await waitFor(async () => {
      const res = await api(t.baseUrl, 'GET', `/api/v1/system/queue-probes/${created.body.id}`, { token });
      return res.body.processedAt ? res.body : null;
    });
    expect(done.processedBy).toMatch(new RegExp(`:${worker.child.pid}$`));
    // The correlation id of the request travelled with the job into the worker's log lines (which reach
    // this process through a pipe, a moment after the job's database write).
    await waitFor(async () => worker.output().includes(`probe-${backend}`), 10_000);
    expect(worker.output()).toContain(`probe-${backend}`);
  });

  it('exits cleanly within 10 s on SIGTERM', async () => {
    const started = Date.now();
    const ended = await worker.stop('SIGTERM');
    expect(Date.now() - started).toBeLessThan(10000);
    // Nest closes the workers (letting running jobs finish), then re-raises the signal.
    expect(ended.code === 0 || ended.signal === 'SIGTERM').toBe(true);
    expect(worker.output()).toContain('worker stopped');
  });
});
