import { Queue } from 'bullmq';
import { api } from '../support/test-app.js';
import { startFaultSystem, type FaultSystem } from './support/fault-system.js';
import { seedWalloonSpaces } from './support/fault-seed.js';
import { waitUntil, type NodeProcess } from './support/private-services.js';

const MAX_KILLS = 20;
/** A safety stop for the kill loop; fewer than MAX_KILLS kills by then fails the test. */
const KILL_BUDGET_MS = Number(process.env.FAULT_KILL_BUDGET_MS ?? 360_000);

/**
 * `kill -9` of the worker while a report job runs, again and again, each time with a fresh worker
 * started behind it. Killed jobs come back as stalled jobs. In the end every run is done, each with
 * exactly one set of artifacts written in one transaction, and no job was completed twice.
 */
describe('faults: kill -9 of workers during report jobs', () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await startFaultSystem();
    await seedWalloonSpaces(system, 200);
  }, 120000);
  afterAll(async () => {
    await system?.shutdown();
  }, 60000);

  const runStatus = async (id: string) =>
    (await system.sql(`SELECT status FROM report_runs WHERE id = $1`, [id]))[0]?.status as string | undefined;

  it('finishes every report exactly once', async () => {
    const runIds: string[] = [];
    let worker: NodeProcess = system.workers[0];
    let kills = 0;
    let killsDuringJob = 0;
    const started = Date.now();
    while (kills < MAX_KILLS && Date.now() - started < KILL_BUDGET_MS) {
      const created = await api(system.baseUrl, 'POST', '/api/v1/reports', {
        token: system.adminToken,
        body: { type: 'regional', region: 'WAL', year: 2020 + (kills % 7), force: true },
      });
      expect(created.status).toBe(202);
      const id = created.body.id as string;
      expect(runIds).not.toContain(id);
      runIds.push(id);
      await waitUntil(async () => (await runStatus(id)) !== 'queued', 60000, 'report job started', 10);
      const ended = await worker.stop('SIGKILL');
      expect(ended.signal).toBe('SIGKILL');
      kills += 1;
      if ((await runStatus(id)) === 'running') killsDuringJob += 1;
      worker = await system.startWorker();
    }
    // The last worker stays: it takes the stalled jobs back once their locks expire.
    const finished = await waitUntil(
      async () => {
        const rows = await system.sql(
          `SELECT status, count(*)::int AS n FROM report_runs WHERE id = ANY($1) GROUP BY status`,
          [runIds],
        );
        return rows.every((r) => r.status === 'done' || r.status === 'failed') ? rows : null;
      },
      150000,
      'every report finished',
      500,
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}\n${await queueDiagnosis(system, runIds)}`);
    });
    process.stdout.write(
      `kill -9 loop: ${kills} kills (${killsDuringJob} while the killed worker's report was running), ` +
        `${runIds.length} reports, ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
    expect(finished).toEqual([{ status: 'done', n: runIds.length }]);
    expect(kills).toBe(MAX_KILLS);
    expect(killsDuringJob).toBeGreaterThanOrEqual(Math.ceil(kills / 2));

    // One artifact set per run: every format once, all written by one transaction.
    const sets = await system.sql(
      `SELECT run_id, count(*)::int AS files, count(DISTINCT format)::int AS formats,
              count(DISTINCT created_at)::int AS writes, array_agg(format ORDER BY format) AS list
         FROM report_artifacts WHERE run_id = ANY($1) GROUP BY run_id`,
      [runIds],
    );
    expect(sets).toHaveLength(runIds.length);
    const expectedFormats = sets[0].list;
    expect(expectedFormats).toEqual(expect.arrayContaining(['csv', 'html', 'json', 'xlsx']));
    for (const set of sets) {
      expect(set).toMatchObject({
        files: expectedFormats.length,
        formats: expectedFormats.length,
        writes: 1,
      });
      expect(set.list).toEqual(expectedFormats);
    }

    // No report job completed twice, across every worker that ever ran (killed ones included).
    const completions = new Map<string, number>();
    for (const w of system.workers) {
      for (const line of w.output().split('\n')) {
        if (!line.includes('job done') || !line.includes('reports.generate')) continue;
        const entry = JSON.parse(line) as { jobId: string };
        completions.set(entry.jobId, (completions.get(entry.jobId) ?? 0) + 1);
      }
    }
    expect(completions.size).toBe(runIds.length);
    expect([...completions.values()].every((n) => n === 1)).toBe(true);
  }, 600000);
});

/** What the queue and the database say about unfinished runs, for a failure message. */
async function queueDiagnosis(system: FaultSystem, runIds: string[]): Promise<string> {
  const queue = new Queue('reports', {
    connection: { host: '127.0.0.1', port: system.redis.port, maxRetriesPerRequest: null },
    prefix: system.env.QUEUE_PREFIX,
  });
  try {
    const counts = await queue.getJobCounts();
    const failed = (await queue.getFailed()).map((j) => `${j.id}: ${j.failedReason}`);
    const runs = await system.sql(
      `SELECT id, status, progress FROM report_runs WHERE id = ANY($1) AND status <> 'done'`,
      [runIds],
    );
    return `queue counts ${JSON.stringify(counts)}\nfailed jobs ${JSON.stringify(failed)}\nunfinished runs ${JSON.stringify(runs)}`;
  } finally {
    await queue.close();
  }
}
