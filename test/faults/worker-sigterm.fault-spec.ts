import { api } from '../support/test-app.js';
import { startFaultSystem, type FaultSystem } from './support/fault-system.js';
import { waitUntil } from './support/private-services.js';
import { seedWalloonSpaces } from './support/fault-seed.js';

/**
 * SIGTERM to a worker in the middle of a region's label evaluation: it stops within 10 s (running jobs
 * are allowed to finish, nothing new is taken) and exits cleanly; the rest of the run is not lost, a new
 * worker finishes it, and every space is evaluated exactly once.
 */
describe('faults: SIGTERM to a busy worker', () => {
  let system: FaultSystem;
  const SPACES = 1200;

  beforeAll(async () => {
    system = await startFaultSystem();
    await seedWalloonSpaces(system, SPACES);
  }, 120000);
  afterAll(async () => {
    await system?.shutdown();
  }, 60000);

  const resultCount = async (runId: string) =>
    (
      await system.sql(`SELECT count(*)::int AS n FROM label_evaluation_results WHERE run_id = $1`, [runId])
    )[0].n as number;

  it('exits within 10 s with a clean status and loses no job', async () => {
    const [first] = system.workers;
    const created = await api(system.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: system.adminToken,
      body: { scheme: 'wallonia-epn', region: 'WAL', until: '2026-06-03' },
    });
    expect(created.status).toBe(202);
    const runId = created.body.id;

    await waitUntil(async () => (await resultCount(runId)) >= 20, 30000, 'evaluation under way', 5);
    const signalled = Date.now();
    const ended = await first.stop('SIGTERM');
    const stopMs = Date.now() - signalled;
    process.stdout.write(`SIGTERM: worker ended after ${stopMs} ms with ${JSON.stringify(ended)}\n`);
    expect(stopMs).toBeLessThan(10000);
    // Nest closes the BullMQ workers (running jobs finish), then ends with code 0 or re-raises SIGTERM.
    expect(ended.code === 0 || (ended.code === null && ended.signal === 'SIGTERM')).toBe(true);
    expect(first.output()).toContain('worker stopped');
    const atExit = await resultCount(runId);
    expect(atExit).toBeLessThan(SPACES);

    const second = await system.startWorker();
    const done = await waitUntil(
      async () => {
        const res = await api(system.baseUrl, 'GET', `/api/v1/label-evaluations/${runId}`, {
          token: system.adminToken,
        });
        return res.body.status === 'done' ? res.body : null;
      },
      90000,
      'evaluation done',
      300,
    );
    expect(done.progress).toEqual({ evaluated: SPACES, total: SPACES });
    const [stored] = await system.sql(
      `SELECT count(*)::int AS rows, count(DISTINCT space_id)::int AS spaces FROM label_evaluation_results
        WHERE run_id = $1`,
      [runId],
    );
    expect(stored).toEqual({ rows: SPACES, spaces: SPACES });
    expect(second.alive()).toBe(true);
  }, 150000);
});
