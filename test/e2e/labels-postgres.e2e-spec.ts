import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import {
  api,
  spawnWorker,
  startTestApi,
  waitFor,
  type TestApi,
  type WorkerProcess,
} from '../support/test-app.js';
import { UNTIL, buildSpace } from './labels-fixtures.js';

/** The region flow (parent job, one child per space) on the PostgreSQL queue backend, without Redis. */
describe('labels: region evaluation on the postgres queue backend', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let worker: WorkerProcess;

  beforeAll(async () => {
    t = await startTestApi({ backend: 'postgres' });
    w = await seedRegistryWorld(t);
    await buildSpace(w, { ref: 'BRU-OK', region: 'BRU' });
    await buildSpace(w, { ref: 'BRU-LOW', region: 'BRU', openingHours: 14.99 });
    worker = spawnWorker(t.env);
  }, 60000);
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('evaluates every space of the region and aggregates', async () => {
    const created = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: w.tokens.staffBRU,
      body: { scheme: 'brussels-ocr', region: 'BRU', until: UNTIL },
    });
    expect(created.status).toBe(202);
    const run = await waitFor(async () => {
      const res = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${created.body.id}`, {
        token: w.tokens.staffBRU,
      });
      return res.body.status === 'done' ? res.body : null;
    }, 60000);
    // The world's BRU-A, BRU-A1 and BRU-B, and the two built here.
    expect(run.progress).toEqual({ evaluated: 5, total: 5 });
    const eligible = Object.fromEntries(run.spaces.map((s: any) => [s.spaceRef, s.eligible]));
    expect(eligible).toEqual({
      'BRU-A': false,
      'BRU-A1': false,
      'BRU-B': false,
      'BRU-LOW': false,
      'BRU-OK': true,
    });
    expect(run.eligibleCount).toBe(1);
  }, 90000);
});
