import { cpus, loadavg } from 'node:os';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { QueueName } from '../../libs/core/src/index.js';
import { EVALUATION_BATCH_SIZE } from '../../libs/labels/src/index.js';
import { withClient } from '../bench-database.js';
import { distPath, freePort, startProcess, startServer, type ServerProcess } from '../child-process.js';
import { isoDate, weekMonday } from '../iso-weeks.js';
import { memoryOf } from '../process-memory.js';
import { check, result, type Scenario } from '../scenario.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_EMAIL = 'bench-admin@ocr.local';
const ADMIN_PASSWORD = 'bench-password-0123456789';

/**
 * The floor: every metric of labels.md for every space of the region open on `until`, in one
 * hand-written set-based statement (no evidence lists, no JSON). `$1` region, `$2` until, `$3` the
 * window's Monday, `$4` its Sunday, `$5` its number of weeks. Values are rounded to 6 decimals as the
 * stored results are.
 */
const FLOOR_SQL = `
WITH t AS (
  SELECT id, ref, pricing, open_to_all_publics, charter_signed_on, opened_on, closed_on FROM spaces
  WHERE region_code = $1 AND opened_on <= $2::date AND (closed_on IS NULL OR closed_on >= $2::date)
),
tw AS (
  SELECT x.space_id, date_trunc('week', x.date::timestamp)::date AS monday,
         count(*) AS sessions, sum(x.duration_hours) AS hours
  FROM training_sessions x JOIN t ON t.id = x.space_id
  WHERE x.date BETWEEN $3::date AND $4::date
  GROUP BY 1, 2
),
w AS (
  SELECT wa.space_id, count(*)::int AS weeks, avg(wa.opening_hours) AS open,
         avg(wa.hours_with_animator) AS hwa,
         avg(CASE WHEN wa.hours_with_animator IS NOT NULL
                  THEN GREATEST(0, wa.hours_with_animator - COALESCE(tw.hours, 0)) END) AS free,
         count(*) FILTER (WHERE t.opened_on <= wa.week_start + 6
                            AND (t.closed_on IS NULL OR t.closed_on >= wa.week_start)) AS reported_open
  FROM weekly_activity wa JOIN t ON t.id = wa.space_id
  LEFT JOIN tw ON tw.space_id = wa.space_id AND tw.monday = wa.week_start
  -- The ISO years the window spans, probed by (iso_year, space_id): week_start alone has no index.
  WHERE wa.iso_year BETWEEN extract(isoyear FROM $3::date)::int AND extract(isoyear FROM $4::date)::int
    AND wa.space_id = ANY (ARRAY(SELECT id FROM t))
    AND wa.week_start BETWEEN $3::date AND $4::date
  GROUP BY wa.space_id
),
tr AS (SELECT space_id, sum(sessions)::int AS sessions, sum(hours) AS hours FROM tw GROUP BY space_id),
e AS (
  SELECT x.space_id, sum(x.quantity) FILTER (WHERE x.type IN ('desktop', 'laptop'))::int AS computers,
         sum(x.quantity) FILTER (WHERE x.type IN ('desktop', 'laptop', 'tablet'))::int AS devices
  FROM equipment x JOIN t ON t.id = x.space_id
  WHERE (x.acquired_on IS NULL OR x.acquired_on <= $4::date) AND (x.retired_on IS NULL OR x.retired_on > $4::date)
  GROUP BY x.space_id
),
an AS (
  SELECT x.space_id, count(DISTINCT x.animator_id)::int AS qualified
  FROM animator_assignments x JOIN t ON t.id = x.space_id
  WHERE x.qualified AND x.starts_on <= $4::date AND (x.ends_on IS NULL OR x.ends_on >= $4::date)
  GROUP BY x.space_id
),
-- Weeks of the window when the space was open: the Mondays m = $3 + 7k with opened_on <= m + 6 and
-- closed_on >= m, counted arithmetically.
ow AS (
  SELECT t.id, GREATEST(0,
           LEAST($5::int - 1, floor((LEAST(COALESCE(t.closed_on, $4::date), $4::date) - $3::date) / 7.0)::int)
           - GREATEST(0, ceil((t.opened_on - 6 - $3::date) / 7.0)::int) + 1) AS open_weeks
  FROM t
)
SELECT t.ref, COALESCE(w.weeks, 0) AS "weeksWithData",
       ROUND(w.open, 6)::float8 AS avg_weekly_opening_hours,
       ROUND(w.hwa, 6)::float8 AS avg_weekly_hours_with_animator,
       ROUND(COALESCE(tr.hours, 0) / $5::numeric, 6)::float8 AS avg_weekly_training_hours,
       ROUND(w.free, 6)::float8 AS avg_weekly_accompanied_free_access_hours,
       COALESCE(tr.sessions, 0) AS training_sessions,
       COALESCE(e.computers, 0) AS computers_in_service,
       COALESCE(e.devices, 0) AS devices_in_service,
       COALESCE(an.qualified, 0) AS qualified_animators,
       COALESCE(t.pricing IN ('free', 'reduced_rates'), false) AS pricing_accessible,
       COALESCE(t.open_to_all_publics, false) AS open_to_all_publics,
       (t.charter_signed_on IS NOT NULL AND t.charter_signed_on <= $4::date) AS charter_signed,
       CASE WHEN ow.open_weeks = 0 THEN NULL
            ELSE ROUND(COALESCE(w.reported_open, 0) * 100.0 / ow.open_weeks, 6)::float8 END
         AS reporting_completeness_pct
FROM t JOIN ow ON ow.id = t.id
LEFT JOIN w ON w.space_id = t.id LEFT JOIN tr ON tr.space_id = t.id
LEFT JOIN e ON e.space_id = t.id LEFT JOIN an ON an.space_id = t.id
ORDER BY t.ref`;

type Measured = number | boolean | null;
type FloorRow = { ref: string; weeksWithData: number } & Record<string, Measured | string>;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const same = (a: Measured | undefined, b: Measured | undefined) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 : a === b;

/**
 * Polls the run's row (cheap, by primary key) until the run is done; answers the seconds since `started`.
 * Every 5 ms: the poll's own granularity adds half of it to the figure on average (at 20 ms, ≈ 6 % of a
 * 150 ms evaluation), which the floor, timed around one query, does not pay.
 */
async function untilDone(
  client: pg.Client,
  runId: string,
  started: bigint,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ status: string }>(
      'SELECT status FROM label_evaluation_runs WHERE id = $1',
      [runId],
    );
    if (rows[0]?.status === 'done') return Number(process.hrtime.bigint() - started) / 1e9;
    if (rows[0]?.status === 'failed') throw new Error(`label evaluation ${runId} failed`);
    if (Date.now() > deadline) throw new Error(`label evaluation ${runId} not done after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Drops the queues' keys of this run from Redis (the prefix is this run's own). */
async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * (4) A whole-region label evaluation through the real path: POST /api/v1/label-evaluations (admin) to
 * the API from dist, the outbox relays it to BullMQ, the worker from dist fans it out (one job per batch
 * of spaces, then the parent job) and stores the results. Timed from the POST until the run is `done`. The floor is
 * one hand-written SQL pass computing the same metrics for the same spaces, whose values must match the
 * stored results.
 */
export const labelsScenario: Scenario = {
  id: 'labels',
  title: 'Whole-region label evaluation vs one SQL pass',
  status: 'ready',
  async run(ctx) {
    const { config } = ctx;
    const world = await ctx.world();
    // The Monday of week 1 after the last seeded year: the window is that year's last 52 weeks.
    const until = isoDate(weekMonday(config.toYear + 1, 1));
    const region = config.labelsRegion;
    // Queues of their own, so that nothing else on this Redis takes or leaves jobs in them.
    const prefix = `ocrbenchlabels${process.pid}`;
    const env = {
      DATABASE_URL: world.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    };
    const worker = startProcess(distPath('apps', 'worker', 'src', 'main.js'), {
      ...env,
      OCR_SERVICE_NAME: 'bench-worker',
    });
    let api: ServerProcess | null = null;
    // Only to see the worker's consumers connect (BullMQ lists a queue's workers from Redis).
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.Labels, { connection: redis, prefix });
    try {
      api = await startServer(
        distPath('apps', 'api', 'src', 'main.js'),
        { ...env, ADMIN_EMAIL, ADMIN_PASSWORD, OCR_SERVICE_NAME: 'bench-api' },
        await freePort(),
        '/health/live',
      );
      // The worker is ready when its consumers are connected: only then does the clock start.
      const deadline = Date.now() + 60_000;
      while ((await queue.getWorkersCount()) === 0) {
        if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.stderr()}`);
        if (Date.now() > deadline) throw new Error(`worker not consuming within 60 s: ${worker.stderr()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      });
      if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
      const { accessToken } = (await login.json()) as { accessToken: string };

      const loadBefore = loadavg()[0];
      const runs: Array<{ id: string; seconds: number }> = [];
      let warmUpSeconds = NaN;
      await withClient(world.url, async (client) => {
        const evaluate = async () => {
          const started = process.hrtime.bigint();
          const res = await fetch(`${api!.baseUrl}/api/v1/label-evaluations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
            body: JSON.stringify({ scheme: config.labelsScheme, region, until }),
          });
          if (res.status !== 202) throw new Error(`evaluation request: ${res.status} ${await res.text()}`);
          const { id } = (await res.json()) as { id: string };
          return { id, seconds: await untilDone(client, id, started, 15 * 60_000) };
        };
        // One evaluation first, not counted, as the floor's first pass is not: the first after the
        // worker starts also opens its pool's connections and plans its statements on each of them.
        warmUpSeconds = (await evaluate()).seconds;
        for (let i = 0; i < config.labelRuns; i++) runs.push(await evaluate());
      });
      const workerPeak = memoryOf(worker.pid)?.peakMb ?? null;

      // The floor over the last run's window and spaces, then its values against the stored results.
      const last = runs[runs.length - 1];
      const { floorRuns, floorRows, stored, window } = await withClient(world.url, async (client) => {
        const { rows: runRows } = await client.query<{ from: string; to: string; total: number }>(
          `SELECT window_from::text AS "from", window_to::text AS "to", total FROM label_evaluation_runs WHERE id = $1`,
          [last.id],
        );
        const w = runRows[0];
        const weeks = Math.round((Date.parse(w.to) - Date.parse(w.from) + 86_400_000) / (7 * 86_400_000));
        const params = [region, until, w.from, w.to, weeks];
        await client.query(FLOOR_SQL, params); // warm-up, not counted
        const times: number[] = [];
        let rows: FloorRow[] = [];
        for (let i = 0; i < config.repeats; i++) {
          const started = process.hrtime.bigint();
          rows = (await client.query<FloorRow>(FLOOR_SQL, params)).rows;
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        const { rows: results } = await client.query<{
          ref: string;
          weeksWithData: number;
          criteria: Array<{ metric: string; measured: Measured }>;
        }>(
          `SELECT s.ref, x.weeks_with_data AS "weeksWithData", x.criteria
           FROM label_evaluation_results x JOIN spaces s ON s.id = x.space_id
           WHERE x.run_id = $1 ORDER BY s.ref`,
          [last.id],
        );
        return { floorRuns: times, floorRows: rows, stored: results, window: { ...w, weeks } };
      });
      const loadAfter = loadavg()[0];

      const mismatches: string[] = [];
      const byRef = new Map(floorRows.map((r) => [r.ref, r]));
      if (stored.length !== floorRows.length)
        mismatches.push(`${stored.length} stored results, ${floorRows.length} floor rows`);
      let compared = 0;
      for (const r of stored) {
        const f = byRef.get(r.ref);
        if (!f) {
          mismatches.push(`${r.ref}: not in the floor`);
          continue;
        }
        if (f.weeksWithData !== r.weeksWithData)
          mismatches.push(`${r.ref} weeksWithData: ${r.weeksWithData} vs ${f.weeksWithData}`);
        for (const c of r.criteria) {
          compared++;
          if (!same(c.measured, f[c.metric] as Measured))
            mismatches.push(
              `${r.ref} ${c.metric}: ${JSON.stringify(c.measured)} vs ${JSON.stringify(f[c.metric])}`,
            );
        }
      }
      const figureMs = median(runs.map((r) => r.seconds * 1000));
      const floorMs = median(floorRuns);
      return [
        result({
          scenario: 'labels',
          name: `evaluate ${region} (${config.labelsScheme}, ${stored.length} spaces)`,
          figure: { label: 'API + queue + worker (dist)', value: figureMs, unit: 'ms' },
          floor: { label: 'one SQL pass', value: floorMs, unit: 'ms' },
          target: { kind: 'max', value: 3, text: '≤ 3× the floor' },
          checks: [
            check('stored metrics equal to the floor', mismatches.length === 0 ? 1 : 0, '', 'min', 1),
            check('spaces evaluated', stored.length, 'spaces', 'min', Math.max(1, window.total)),
          ],
          notes: [
            `${config.labelRuns} run(s) after one warm-up run (${(warmUpSeconds * 1000).toFixed(0)} ms, not counted), ` +
              `POST to done: ${runs.map((r) => (r.seconds * 1000).toFixed(0)).join(', ')} ms; ` +
              `floor median of ${config.repeats}: ${floorRuns.map((t) => t.toFixed(1)).join(', ')} ms`,
            `until ${until}: window ${window.from} to ${window.to} (${window.weeks} weeks); ` +
              `${compared} criterion values compared`,
            `worker: one job per batch of ${EVALUATION_BATCH_SIZE} spaces at concurrency 4, then the parent job` +
              (workerPeak ? `; peak RSS ${workerPeak.toFixed(0)} MB` : ''),
            `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} CPUs`,
            ...mismatches.slice(0, 8).map((m) => `differs: ${m}`),
          ],
        }),
      ];
    } finally {
      await queue.close();
      redis.disconnect();
      await api?.stop();
      await worker.stop();
      await dropQueueKeys(prefix);
    }
  },
};
