import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import {
  api,
  spawnWorker,
  startTestApi,
  waitFor,
  type TestApi,
  type WorkerProcess,
} from '../support/test-app.js';

/**
 * A worker killed with SIGKILL in the middle of a region's evaluation: after a restart, every space is
 * evaluated exactly once. Nothing is lost (the killed jobs come back as stalled jobs) and nothing is
 * stored twice (results are keyed by run and space).
 */
describe('labels: a region evaluation survives kill -9', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const workers: WorkerProcess[] = [];
  const SPACES = 1500;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    await w.sql(
      `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, pricing, open_to_all_publics)
       SELECT 'WAL-' || i, 'Space ' || i, '62063', 'WAL', 'library', '2015-01-05', 'free', true
       FROM generate_series(1, $1::int) AS i`,
      [SPACES],
    );
    await w.sql(
      `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, hours_with_animator, visits)
       SELECT s.id, to_char(d, 'IYYY-"W"IW'), to_char(d, 'IYYY')::smallint, d::date, 20, 8, 5
       FROM spaces s CROSS JOIN generate_series('2025-06-02'::date, '2026-05-25'::date, interval '14 days') AS d
       WHERE s.region_code = 'WAL'`,
    );
  }, 120000);
  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await t?.close();
  });

  const resultCount = async (runId: string) =>
    (await w.sql(`SELECT count(*)::int AS n FROM label_evaluation_results WHERE run_id = $1`, [runId]))[0]
      .n as number;

  it('evaluates every space exactly once after a restart', async () => {
    const first = spawnWorker(t.env);
    workers.push(first);
    await waitFor(async () => first.output().includes('worker consuming'), 30000);

    const created = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: w.tokens.staffWAL,
      body: { scheme: 'wallonia-epn', region: 'WAL', until: '2026-06-03' },
    });
    expect(created.status).toBe(202);
    const runId = created.body.id;
    const total = SPACES + 1; // and the world's WAL-C

    // Kill the worker while it is half-way: some results stored, most not.
    await waitFor(async () => (await resultCount(runId)) >= 20, 30000, 5);
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    // A statement the worker had already sent still commits in PostgreSQL after the kill: wait until
    // the stored results stop moving before comparing them with what the run reports.
    let atKill = await resultCount(runId);
    for (let settled = false; !settled;) {
      await new Promise((r) => setTimeout(r, 300));
      const now = await resultCount(runId);
      settled = now === atKill;
      atKill = now;
    }
    expect(atKill).toBeLessThan(total);
    const progress = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${runId}`, {
      token: w.tokens.staffWAL,
    });
    expect(progress.body.status).toBe('running');
    expect(progress.body.progress).toEqual({ evaluated: atKill, total });

    const second = spawnWorker(t.env);
    workers.push(second);
    const done = await waitFor(
      async () => {
        const res = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${runId}`, {
          token: w.tokens.admin,
        });
        return res.body.status === 'done' ? res.body : null;
      },
      120000,
      500,
    );
    expect(done.progress).toEqual({ evaluated: total, total });
    const [stored] = await w.sql(
      `SELECT count(*)::int AS rows, count(DISTINCT x.space_id)::int AS spaces,
              count(*) FILTER (WHERE s.region_code <> 'WAL')::int AS foreign,
              (SELECT count(*)::int FROM spaces WHERE region_code = 'WAL') AS expected,
              count(*) FILTER (WHERE x.eligible)::int AS eligible
       FROM label_evaluation_results x JOIN spaces s ON s.id = x.space_id WHERE x.run_id = $1`,
      [runId],
    );
    expect(stored).toMatchObject({ rows: total, spaces: total, foreign: 0, expected: total });
    expect(done.eligibleCount).toBe(stored.eligible);
    // Every stored result is complete: all eight Walloon criteria.
    const incomplete = await w.sql(
      `SELECT count(*)::int AS n FROM label_evaluation_results WHERE run_id = $1 AND jsonb_array_length(criteria) <> 8`,
      [runId],
    );
    expect(incomplete).toEqual([{ n: 0 }]);
  }, 180000);
});
