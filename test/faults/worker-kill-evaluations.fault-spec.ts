import { api } from '../support/test-app.js';
import { startFaultSystem, type FaultSystem } from './support/fault-system.js';
import { seedWalloonSpaces } from './support/fault-seed.js';
import { waitUntil, type NodeProcess } from './support/private-services.js';

// Enough spaces that each run is several batch jobs (EVALUATION_BATCH_SIZE) and a kill lands mid-work.
const SPACES = 1200;
const MAX_KILLS = 20;
/** A safety stop for the kill loop; fewer than MAX_KILLS kills by then fails the test. */
const KILL_BUDGET_MS = Number(process.env.FAULT_KILL_BUDGET_MS ?? 360_000);

/**
 * `kill -9` of the worker while it evaluates a region's spaces for a label, again and again, each time
 * with a fresh worker behind it and a new run queued each time. A kill lands once the fresh worker is
 * storing results, so (nearly) every kill interrupts batch jobs mid-work. In the end every run is done,
 * with exactly one result per space, and no run's aggregation (the flow's parent job) completed twice.
 */
describe('faults: kill -9 of workers during label evaluations', () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await startFaultSystem();
    await seedWalloonSpaces(system, SPACES);
  }, 120000);
  afterAll(async () => {
    await system?.shutdown();
  }, 60000);

  const storedResults = async () =>
    (await system.sql(`SELECT count(*)::int AS n FROM label_evaluation_results`))[0].n as number;

  it('finishes every evaluation run with each space evaluated exactly once', async () => {
    const runIds: string[] = [];
    let worker: NodeProcess = system.workers[0];
    let kills = 0;
    let killsWithRunsOpen = 0;
    const started = Date.now();
    while (kills < MAX_KILLS && Date.now() - started < KILL_BUDGET_MS) {
      // A new run every round, so the fresh worker always has work when it is killed.
      const created = await api(system.baseUrl, 'POST', '/api/v1/label-evaluations', {
        token: system.adminToken,
        body: { scheme: 'wallonia-epn', region: 'WAL', until: '2026-06-03' },
      });
      expect(created.status).toBe(202);
      expect(runIds).not.toContain(created.body.id);
      runIds.push(created.body.id as string);
      // Kill only once this worker is busy storing results.
      const before = await storedResults();
      const busy = await waitUntil(
        async () => (await storedResults()) >= before + 5,
        20000,
        'worker evaluating',
        5,
      ).catch(() => false);
      const ended = await worker.stop('SIGKILL');
      expect(ended.signal).toBe('SIGKILL');
      kills += 1;
      const [open] = await system.sql(
        `SELECT count(*)::int AS n FROM label_evaluation_runs WHERE id = ANY($1) AND status <> 'done'`,
        [runIds],
      );
      if (busy && open.n > 0) killsWithRunsOpen += 1;
      worker = await system.startWorker();
    }

    // The last worker stays: it takes the stalled jobs back once their locks expire.
    await waitUntil(
      async () => {
        const [row] = await system.sql(
          `SELECT count(*)::int AS n FROM label_evaluation_runs WHERE id = ANY($1) AND status = 'done'`,
          [runIds],
        );
        return row.n === runIds.length;
      },
      180000,
      'every evaluation run done',
      500,
    );
    process.stdout.write(
      `kill -9 loop (evaluations): ${kills} kills (${killsWithRunsOpen} while a run was open), ` +
        `${runIds.length} runs of ${SPACES} spaces, ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
    expect(kills).toBe(MAX_KILLS);
    // A kill whose worker had not stored anything within 20 s is not counted as mid-work.
    expect(killsWithRunsOpen).toBeGreaterThanOrEqual(kills - 2);

    // Exactly one result per (run, space), every WAL space in every run, and progress says so.
    const perRun = await system.sql(
      `SELECT r.id, count(x.*)::int AS rows, count(DISTINCT x.space_id)::int AS spaces, r.total
         FROM label_evaluation_runs r LEFT JOIN label_evaluation_results x ON x.run_id = r.id
        WHERE r.id = ANY($1) GROUP BY r.id, r.total`,
      [runIds],
    );
    expect(perRun).toHaveLength(runIds.length);
    for (const run of perRun) expect(run).toMatchObject({ rows: SPACES, spaces: SPACES, total: SPACES });
    for (const id of runIds) {
      const res = await api(system.baseUrl, 'GET', `/api/v1/label-evaluations/${id}`, {
        token: system.adminToken,
      });
      expect(res.body).toMatchObject({ status: 'done', progress: { evaluated: SPACES, total: SPACES } });
    }

    // Each run's aggregation completed once, across every worker that ever ran (killed ones included).
    const completions = new Map<string, number>();
    for (const w of system.workers) {
      for (const line of w.output().split('\n')) {
        if (!line.includes('job done') || !line.includes('labels.evaluate-region')) continue;
        const entry = JSON.parse(line) as { jobId: string };
        completions.set(entry.jobId, (completions.get(entry.jobId) ?? 0) + 1);
      }
    }
    expect(completions.size).toBe(runIds.length);
    expect([...completions.values()].every((n) => n === 1)).toBe(true);
  }, 600000);
});
