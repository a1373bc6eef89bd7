import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../libs/core/src/index.js';
import {
  FiguresRepository,
  FiguresService,
  REPORT_STATEMENT_SETTINGS,
  assembleFigures,
  ratio,
  roundHalfUp,
  type MunicipalityDbRow,
  type ReportAnnex,
  type ReportFigures,
  type ReportRegion,
  type YearRow,
} from '../libs/reports/src/index.js';

/**
 * The floor of the report scenarios: hand-written SQL for the same figures, written for speed. One
 * statement per year; the two years run in parallel over the same pool, as the service runs its own
 * statements. Each aggregates the weekly rows per space first, then over the region, and reuses the
 * per-space aggregates for the municipality rows; Y's statement also returns the municipality rows and
 * the annex as JSON columns (numerics as text, so that they keep every digit), so there is no second
 * pass over the weekly rows. `$1` region, `$2` the year.
 */
function floorYearSql(details: boolean): string {
  return `
WITH region_spaces AS (
  SELECT s.id, s.ref, s.name, s.nis_code,
         (s.opened_on <= make_date($2::int, 12, 31)
          AND (s.closed_on IS NULL OR s.closed_on >= make_date($2::int, 1, 1))) AS active
  FROM spaces s WHERE s.region_code = $1
),
act AS (SELECT id, ref, name, nis_code FROM region_spaces WHERE active),
per_space AS (
  SELECT w.space_id,
         avg(w.opening_hours) AS mean_open, avg(w.hours_with_animator) AS mean_with_animator,
         sum(w.animator_hours) AS animator_hours,
         sum(w.opening_hours) AS opening_hours,
         sum(w.visits) AS visits, sum(w.visits_ict_learning) AS ict, sum(w.visits_job_search) AS job,
         sum(w.visits_leisure_culture) AS leisure, sum(w.visits_housing_elearning) AS housing,
         sum(w.visits_administrative) AS admin,
         sum(w.visitors_women) AS women, sum(w.visits) FILTER (WHERE w.visitors_women IS NOT NULL) AS women_base,
         sum(w.visitors_job_seekers) AS job_seekers,
         sum(w.visits) FILTER (WHERE w.visitors_job_seekers IS NOT NULL) AS job_seekers_base,
         sum(w.visitors_seniors) AS seniors,
         sum(w.visits) FILTER (WHERE w.visitors_seniors IS NOT NULL) AS seniors_base,
         sum(w.visitors_youth) AS youth, sum(w.visits) FILTER (WHERE w.visitors_youth IS NOT NULL) AS youth_base,
         sum(w.mobile_actions) AS mobile
  FROM weekly_activity w
  -- An array probe of (iso_year, space_id): measured faster here than the hash join the planner picks.
  -- Every record of the region's spaces in ISO year Y: the sums count them all, the averages only
  -- the active (reporting) spaces'.
  WHERE w.iso_year = $2::int AND w.space_id = ANY (ARRAY(SELECT id FROM region_spaces))
  GROUP BY w.space_id
),
wk AS (
  SELECT count(*) FILTER (WHERE r.active)::int AS spaces_reporting,
         avg(mean_open) FILTER (WHERE r.active) AS avg_open,
         avg(mean_with_animator) FILTER (WHERE r.active) AS avg_with_animator,
         avg(animator_hours / opening_hours) FILTER (WHERE r.active AND opening_hours > 0) AS avg_present,
         sum(visits) AS visits, sum(ict) AS ict, sum(job) AS job, sum(leisure) AS leisure,
         sum(housing) AS housing, sum(admin) AS admin, sum(women) AS women, sum(women_base) AS women_base,
         sum(job_seekers) AS job_seekers, sum(job_seekers_base) AS job_seekers_base,
         sum(seniors) AS seniors, sum(seniors_base) AS seniors_base, sum(youth) AS youth,
         sum(youth_base) AS youth_base, sum(mobile) AS mobile
  FROM per_space p JOIN region_spaces r ON r.id = p.space_id
),
-- The year's sessions by date first (idx_training_sessions_date), then only those of active spaces.
tr AS (
  SELECT count(*)::int AS sessions, sum(t.duration_hours) AS training_hours,
         sum(t.participants) AS participations, sum(t.new_participants) AS training_users
  FROM training_sessions t JOIN act a ON a.id = t.space_id
  WHERE t.date BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31)
),
kit AS (
  SELECT sum(e.quantity) FILTER (WHERE e.type IN ('desktop', 'laptop')) AS computers,
         sum(e.quantity) FILTER (WHERE e.type = 'tablet') AS tablets
  FROM equipment e JOIN act a ON a.id = e.space_id
  WHERE (e.acquired_on IS NULL OR e.acquired_on <= make_date($2::int, 12, 31))
    AND (e.retired_on IS NULL OR e.retired_on > make_date($2::int, 12, 31))
),
assigned AS (
  SELECT aa.space_id, aa.animator_id, aa.fte
  FROM animator_assignments aa JOIN act a ON a.id = aa.space_id
  WHERE aa.role IN ('animator', 'project_lead') AND aa.starts_on <= make_date($2::int, 12, 31)
    AND (aa.ends_on IS NULL OR aa.ends_on >= make_date($2::int, 1, 1))
),
staff AS (SELECT count(DISTINCT animator_id)::int AS animators, sum(fte) AS fte FROM assigned),
fund_space AS (
  SELECT f.space_id, sum(f.amount_eur) AS total,
         COALESCE(sum(f.amount_eur) FILTER (WHERE f.source = 'municipality'), 0) AS municipal,
         bool_or(f.kind = 'structural') AS structural
  FROM funding f JOIN act a ON a.id = f.space_id
  WHERE f.year = $2::int
  GROUP BY f.space_id
),
fund AS (
  SELECT sum(total) AS funding_total, avg(municipal * 100 / total) FILTER (WHERE total > 0) AS avg_municipal_pct
  FROM fund_space
),
project_ending AS (
  SELECT p.space_id, min(p.ends_on) AS ends_on
  FROM funding p JOIN act a ON a.id = p.space_id
  WHERE p.kind = 'project' AND p.ends_on BETWEEN make_date($2::int + 1, 1, 1) AND make_date($2::int + 1, 12, 31)
  GROUP BY p.space_id
),
ending_spaces AS (
  SELECT pe.space_id, pe.ends_on FROM project_ending pe LEFT JOIN fund_space fs ON fs.space_id = pe.space_id
  WHERE fs.structural IS NOT TRUE
),
windows AS (
  SELECT g.space_id, COALESCE(g.valid_from, (g.decided_at AT TIME ZONE 'Europe/Brussels')::date) AS starts_on,
         LEAST(COALESCE(g.valid_until, 'infinity'::date),
               COALESCE(min(CASE WHEN c.status = 'suspended'
                                 THEN (c.decided_at AT TIME ZONE 'Europe/Brussels')::date
                                 ELSE COALESCE(c.valid_from, (c.decided_at AT TIME ZONE 'Europe/Brussels')::date)
                            END) - 1,
                        'infinity'::date)) AS ends_on
  FROM labels g JOIN act a ON a.id = g.space_id
  LEFT JOIN labels c ON c.space_id = g.space_id AND c.scheme = g.scheme
   AND c.status IN ('suspended', 'withdrawn') AND c.decided_at > g.decided_at
  WHERE g.status = 'granted'
  GROUP BY g.id
),
labelled AS (
  SELECT count(DISTINCT space_id)::int AS spaces_labelled FROM windows
  WHERE starts_on <= ends_on AND starts_on <= make_date($2::int, 12, 31) AND ends_on >= make_date($2::int, 1, 1)
),
reference AS (
  SELECT count(*)::int AS municipalities_total, sum(inhabitants) AS inhabitants
  FROM municipalities WHERE reference_year = 2020 AND region_code = $1
)${
    details
      ? `,
per_municipality AS (
  SELECT r.nis_code, count(*) FILTER (WHERE r.active)::int AS spaces_active, sum(f.fte) AS fte,
         sum(v.visits) AS visits
  FROM region_spaces r
  LEFT JOIN (SELECT space_id, sum(fte) AS fte FROM assigned GROUP BY space_id) f ON f.space_id = r.id
  LEFT JOIN per_space v ON v.space_id = r.id
  GROUP BY r.nis_code
),
details AS (
  SELECT
    (SELECT json_agg(json_build_object('nis_code', m.nis_code, 'name_nl', m.name_nl, 'name_fr', m.name_fr,
              'region_code', trim(m.region_code), 'inhabitants', m.inhabitants,
              'spaces_active', COALESCE(pm.spaces_active, 0), 'fte', pm.fte::text, 'visits', pm.visits::text)
            ORDER BY m.nis_code)
     FROM municipalities m LEFT JOIN per_municipality pm ON pm.nis_code = m.nis_code
     WHERE m.reference_year = 2020 AND m.region_code = $1) AS municipalities,
    (SELECT json_agg(json_build_object('source', source, 'amount', amount::text) ORDER BY amount DESC, source)
     FROM (SELECT f.source, sum(f.amount_eur) AS amount FROM funding f JOIN act a ON a.id = f.space_id
           WHERE f.year = $2::int GROUP BY f.source) x) AS sources,
    (SELECT json_agg(json_build_object('ref', a.ref, 'name', a.name, 'ends_on', e.ends_on::text)
            ORDER BY e.ends_on, a.ref)
     FROM ending_spaces e JOIN act a ON a.id = e.space_id) AS ending_list
)`
      : ''
  }
SELECT (SELECT count(*)::int FROM act) AS spaces_active,
       (SELECT count(DISTINCT nis_code)::int FROM act) AS municipalities_covered,
       (SELECT count(*)::int FROM ending_spaces) AS ending,
       wk.*, tr.*, kit.*, staff.*, fund.*, labelled.*, reference.*${details ? ', details.*' : ''}
FROM wk, tr, kit, staff, fund, labelled, reference${details ? ', details' : ''}`;
}

const FLOOR_YEAR = floorYearSql(false);
const FLOOR_YEAR_WITH_DETAILS = floorYearSql(true);

type FloorDetailsRow = YearRow & {
  municipalities: MunicipalityDbRow[] | null;
  sources: Array<{ source: string; amount: string }> | null;
  ending_list: Array<{ ref: string; name: string; ends_on: string }> | null;
};

export interface ReportOutput {
  figures: ReportFigures;
  annex: ReportAnnex;
}

export interface ReportMeasurement {
  /** Medians, in ms. */
  serviceMs: number;
  floorMs: number;
  serviceRuns: number[];
  floorRuns: number[];
  equal: boolean;
  /** Paths of the first figures that differ (empty when equal). */
  differences: string[];
  /** Weekly rows of the region's spaces in ISO years Y−1 and Y: what the report reads. */
  weeklyRows: number;
  spacesActive: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/**
 * One floor statement on a connection of the pool, with the service's settings (memory for the hash
 * aggregates, no parallel workers): the floor is the same SQL work at its best, not a different
 * configuration.
 */
async function floorStatement(pool: pg.Pool, sql: string, params: unknown[]) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(REPORT_STATEMENT_SETTINGS);
    const result = await client.query(sql, params);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A connection left inside a failed transaction is closed, not handed back to the pool.
    client.release(error as Error);
    throw error;
  }
}

/** The floor's two statements (Y with the details, Y−1), in parallel over the same pool. */
async function floorRows(pool: pg.Pool, region: string, year: number) {
  const [current, previous] = await Promise.all([
    floorStatement(pool, FLOOR_YEAR_WITH_DETAILS, [region, year]),
    floorStatement(pool, FLOOR_YEAR, [region, year - 1]),
  ]);
  return { current: current.rows[0] as FloorDetailsRow, previous: previous.rows[0] as YearRow };
}

/** The floor's rows through the same pure assembly as the service (rounding and null rules only). */
function floorOutput(rows: Awaited<ReturnType<typeof floorRows>>): ReportOutput {
  const { municipalities, sources, ending_list: endingList, ...current } = rows.current;
  const figures = assembleFigures({
    current,
    previous: rows.previous,
    municipalities: municipalities ?? [],
    audience: 'internal',
    language: 'en',
  });
  const list = sources ?? [];
  const total = list.reduce((s, r) => s + Number(r.amount), 0);
  return {
    figures,
    annex: {
      fundingBySource: list.map((r) => ({
        source: r.source,
        amountEur: roundHalfUp(r.amount, 2),
        pct: ratio(r.amount, total, 100, 1),
      })),
      projectFundingEnding: (endingList ?? []).map((r) => ({ ref: r.ref, name: r.name, endsOn: r.ends_on })),
    },
  };
}

/** Where two JSON-like values differ: up to `limit` paths. */
export function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 8): string[] {
  if (out.length >= limit || isDeepStrictEqual(a, b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys)
      differences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
        out,
        limit,
      );
  } else {
    out.push(`${path || '.'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  return out;
}

/**
 * The regional annual report's figures (FiguresService.compute, the code the worker's report job runs,
 * with its repository over a TypeORM DataSource of the app's pool size) against the floor's SQL over the
 * very same pg pool. Alternates the two, after one warm-up each, and keeps the medians.
 */
export async function measureReport(
  url: string,
  region: string,
  year: number,
  repeats: number,
): Promise<ReportMeasurement> {
  const dataSource = new DataSource(buildDataSourceOptions(url, [], 10));
  await dataSource.initialize();
  try {
    const service = new FiguresService(new FiguresRepository(dataSource));
    // The DataSource's own pg pool: the floor pays no ORM, but the same connections and driver.
    const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
    const compute = () =>
      service.compute({ region: region as ReportRegion, year, audience: 'internal', language: 'en' });
    const floor = () => floorRows(pool, region, year);

    const warmService = await compute();
    const warmFloor = floorOutput(await floor());
    const serviceRuns: number[] = [];
    const floorRuns: number[] = [];
    let last: { service: ReportOutput; floor: ReportOutput } = { service: warmService, floor: warmFloor };
    for (let i = 0; i < repeats; i++) {
      const s = await timed(compute);
      const f = await timed(floor);
      serviceRuns.push(s.ms);
      floorRuns.push(f.ms);
      last = { service: s.value, floor: floorOutput(f.value) };
    }
    const diff = differences(last.service, last.floor);
    const { rows: counted } = await pool.query<{ rows: number }>(
      `SELECT count(*)::int AS rows FROM weekly_activity w JOIN spaces s ON s.id = w.space_id
       WHERE s.region_code = $1 AND w.iso_year BETWEEN $2::int - 1 AND $2::int`,
      [region, year],
    );
    return {
      serviceMs: median(serviceRuns),
      floorMs: median(floorRuns),
      serviceRuns,
      floorRuns,
      equal: diff.length === 0,
      differences: diff,
      weeklyRows: counted[0].rows,
      spacesActive: last.service.figures.spacesActive,
    };
  } finally {
    await dataSource.destroy();
  }
}
