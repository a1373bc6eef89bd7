import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * All SQL of the figures: one statement per year. Each works on sets: it aggregates the weekly rows per
 * space first, then over the region, and reuses those per-space aggregates for the municipality rows,
 * so the weekly rows are read once per year; nothing loops over spaces. `$1` is the region (null for
 * BE), `$2` the year.
 *
 * Shared definitions (figures.md, domain.md):
 * - active in Y: opened on or before 31 Dec Y and not closed before 1 Jan Y;
 * - weekly activity by ISO week-year (`iso_year`); training sessions, equipment, assignments and
 *   funding by calendar dates or year;
 * - the sums of weekly records (visits, purposes, profiles, mobile actions, the municipality visits)
 *   cover every record of ISO year Y of the region's spaces, active in Y or not: a space that opens on
 *   2 January can report the ISO week that began on 28 December. The averages are over reporting
 *   spaces (active, with a record), as figures.md defines them. Antennas are spaces of their own.
 *
 * `national` (the public audience) widens the weekly pass to the whole country and adds each
 * municipality's visits: the public suppression pattern is one for the country (national-suppression
 * .rule.ts), so a regional report needs the other regions' visits too, read in the same pass.
 *
 * A label is valid from `valid_from` (or the decision's date) to `valid_until` (open when absent), cut
 * short by a later `suspended` or `withdrawn` decision for the same space and scheme: the granted label
 * then ends the day before that decision takes effect: the day a suspension was decided (in Brussels; a
 * suspension row keeps the term of the label it suspends), a withdrawal's `valid_from` or the day it was
 * decided. A later `granted` row is a label of its own.
 */
function yearSql(withDetails: boolean, national: boolean): string {
  return `
WITH scope AS (
  SELECT s.id, s.ref, s.name, s.nis_code, s.region_code,
         ($1::char(3) IS NULL OR s.region_code = $1::char(3)) AS in_region,
         (s.opened_on <= make_date($2::int, 12, 31)
          AND (s.closed_on IS NULL OR s.closed_on >= make_date($2::int, 1, 1))) AS active
  FROM spaces s${
    national
      ? ''
      : `
  WHERE ($1::char(3) IS NULL OR s.region_code = $1::char(3))`
  }
),
active AS (SELECT id, ref, name, nis_code FROM scope WHERE in_region AND active),
per_space AS (
  SELECT w.space_id,
         avg(w.opening_hours) AS mean_open,
         avg(w.hours_with_animator) AS mean_with_animator,
         sum(w.animator_hours) AS animator_hours,
         sum(w.opening_hours) AS opening_hours,
         sum(w.visits) AS visits,
         sum(w.visits_ict_learning) AS ict, sum(w.visits_job_search) AS job,
         sum(w.visits_leisure_culture) AS leisure, sum(w.visits_housing_elearning) AS housing,
         sum(w.visits_administrative) AS admin,
         sum(w.visitors_women) AS women,
         sum(w.visits) FILTER (WHERE w.visitors_women IS NOT NULL) AS women_base,
         sum(w.visitors_job_seekers) AS job_seekers,
         sum(w.visits) FILTER (WHERE w.visitors_job_seekers IS NOT NULL) AS job_seekers_base,
         sum(w.visitors_seniors) AS seniors,
         sum(w.visits) FILTER (WHERE w.visitors_seniors IS NOT NULL) AS seniors_base,
         sum(w.visitors_youth) AS youth,
         sum(w.visits) FILTER (WHERE w.visitors_youth IS NOT NULL) AS youth_base,
         sum(w.mobile_actions) AS mobile
  FROM weekly_activity w
  -- Probes (iso_year, space_id) with the scope's ids: faster than the hash join over the whole year
  -- that the planner picks for a join (docs/performance.md, scenario 1).
  WHERE w.iso_year = $2::int AND w.space_id = ANY (ARRAY(SELECT id FROM scope))
  GROUP BY w.space_id
),
region_weeks AS (
  SELECT p.*, sc.active FROM per_space p JOIN scope sc ON sc.id = p.space_id WHERE sc.in_region
),
week_totals AS (
  SELECT count(*) FILTER (WHERE active)::int AS spaces_reporting,
         avg(mean_open) FILTER (WHERE active) AS avg_open,
         avg(mean_with_animator) FILTER (WHERE active) AS avg_with_animator,
         -- Σ animator hours over Σ opening hours of all the space's weeks; a space that never gave
         -- animator hours has a null ratio, which avg skips.
         avg(animator_hours / opening_hours) FILTER (WHERE active AND opening_hours > 0) AS avg_present,
         sum(visits) AS visits, sum(ict) AS ict, sum(job) AS job, sum(leisure) AS leisure,
         sum(housing) AS housing, sum(admin) AS admin,
         sum(women) AS women, sum(women_base) AS women_base,
         sum(job_seekers) AS job_seekers, sum(job_seekers_base) AS job_seekers_base,
         sum(seniors) AS seniors, sum(seniors_base) AS seniors_base,
         sum(youth) AS youth, sum(youth_base) AS youth_base, sum(mobile) AS mobile
  FROM region_weeks
),
training AS (
  SELECT count(*)::int AS sessions, sum(t.duration_hours) AS training_hours,
         sum(t.participants) AS participations, sum(t.new_participants) AS training_users
  FROM training_sessions t JOIN active a ON a.id = t.space_id
  WHERE t.date BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31)
),
kit AS (
  SELECT sum(e.quantity) FILTER (WHERE e.type IN ('desktop', 'laptop')) AS computers,
         sum(e.quantity) FILTER (WHERE e.type = 'tablet') AS tablets
  FROM equipment e JOIN active a ON a.id = e.space_id
  WHERE (e.acquired_on IS NULL OR e.acquired_on <= make_date($2::int, 12, 31))
    AND (e.retired_on IS NULL OR e.retired_on > make_date($2::int, 12, 31))
),
assigned AS (
  SELECT aa.space_id, aa.animator_id, aa.fte
  FROM animator_assignments aa JOIN active a ON a.id = aa.space_id
  WHERE aa.role IN ('animator', 'project_lead')
    AND aa.starts_on <= make_date($2::int, 12, 31) AND (aa.ends_on IS NULL OR aa.ends_on >= make_date($2::int, 1, 1))
),
staff AS (SELECT count(DISTINCT animator_id)::int AS animators, sum(fte) AS fte FROM assigned),
funding_per_space AS (
  SELECT f.space_id, sum(f.amount_eur) AS total,
         COALESCE(sum(f.amount_eur) FILTER (WHERE f.source = 'municipality'), 0) AS municipal,
         bool_or(f.kind = 'structural') AS structural
  FROM funding f JOIN active a ON a.id = f.space_id
  WHERE f.year = $2::int
  GROUP BY f.space_id
),
funding_totals AS (
  SELECT sum(total) AS funding_total,
         avg(municipal * 100 / total) FILTER (WHERE total > 0) AS avg_municipal_pct
  FROM funding_per_space
),
-- Spaces whose project funding ends next year and that have no structural funding this year, with the
-- first such end date.
project_ending AS (
  SELECT f.space_id, min(f.ends_on) AS ends_on
  FROM funding f JOIN active a ON a.id = f.space_id
  WHERE f.kind = 'project' AND f.ends_on BETWEEN make_date($2::int + 1, 1, 1) AND make_date($2::int + 1, 12, 31)
  GROUP BY f.space_id
),
ending_spaces AS (
  SELECT pe.space_id, pe.ends_on
  FROM project_ending pe LEFT JOIN funding_per_space fs ON fs.space_id = pe.space_id
  WHERE fs.structural IS NOT TRUE
),
label_windows AS (
  SELECT g.space_id,
         COALESCE(g.valid_from, (g.decided_at AT TIME ZONE 'Europe/Brussels')::date) AS starts_on,
         LEAST(COALESCE(g.valid_until, 'infinity'::date),
               COALESCE(min(CASE WHEN c.status = 'suspended'
                                 THEN (c.decided_at AT TIME ZONE 'Europe/Brussels')::date
                                 ELSE COALESCE(c.valid_from, (c.decided_at AT TIME ZONE 'Europe/Brussels')::date)
                            END) - 1,
                        'infinity'::date)) AS ends_on
  FROM labels g JOIN active a ON a.id = g.space_id
  LEFT JOIN labels c ON c.space_id = g.space_id AND c.scheme = g.scheme
   AND c.status IN ('suspended', 'withdrawn') AND c.decided_at > g.decided_at
  WHERE g.status = 'granted'
  GROUP BY g.id
),
labelled AS (
  SELECT count(DISTINCT space_id)::int AS spaces_labelled FROM label_windows
  WHERE starts_on <= ends_on AND starts_on <= make_date($2::int, 12, 31) AND ends_on >= make_date($2::int, 1, 1)
),
reference AS (
  SELECT count(*)::int AS municipalities_total, sum(m.inhabitants) AS inhabitants
  FROM municipalities m
  WHERE m.reference_year = 2020 AND ($1::char(3) IS NULL OR m.region_code = $1::char(3))
)${
    withDetails
      ? `,
per_municipality AS (
  SELECT sc.nis_code, count(*) FILTER (WHERE sc.active)::int AS spaces_active, sum(f.fte) AS fte,
         sum(v.visits) AS visits
  FROM scope sc
  LEFT JOIN (SELECT space_id, sum(fte) AS fte FROM assigned GROUP BY space_id) f ON f.space_id = sc.id
  LEFT JOIN per_space v ON v.space_id = sc.id
  WHERE sc.in_region
  GROUP BY sc.nis_code
),
-- The municipality rows (those without any space included: the coverage gap) and the annex, as JSON
-- with numerics as text so that they keep every digit.
details AS (
  SELECT
    (SELECT json_agg(json_build_object('nis_code', m.nis_code, 'name_nl', m.name_nl, 'name_fr', m.name_fr,
              'region_code', trim(m.region_code), 'inhabitants', m.inhabitants,
              'spaces_active', COALESCE(pm.spaces_active, 0), 'fte', pm.fte::text, 'visits', pm.visits::text)
            ORDER BY m.nis_code)
     FROM municipalities m LEFT JOIN per_municipality pm ON pm.nis_code = m.nis_code
     WHERE m.reference_year = 2020 AND ($1::char(3) IS NULL OR m.region_code = $1::char(3))) AS municipalities,
    (SELECT json_agg(json_build_object('source', source, 'amount', amount::text) ORDER BY amount DESC, source)
     FROM (SELECT f.source, sum(f.amount_eur) AS amount FROM funding f JOIN active a ON a.id = f.space_id
           WHERE f.year = $2::int GROUP BY f.source) x) AS funding_by_source,
    (SELECT json_agg(json_build_object('ref', a.ref, 'name', a.name, 'ends_on', e.ends_on::text)
            ORDER BY e.ends_on, a.ref)
     FROM ending_spaces e JOIN active a ON a.id = e.space_id) AS project_funding_ending
)`
      : ''
  }${
    national
      ? `,
-- Every municipality's visits in the country (all spaces' records of ISO year Y), numerics as text.
national AS (
  SELECT json_agg(json_build_object('nis_code', n.nis_code, 'region_code', n.region_code,
                                    'visits', n.visits::text) ORDER BY n.nis_code) AS national_visits
  FROM (SELECT sc.nis_code, trim(min(sc.region_code)) AS region_code, sum(p.visits) AS visits
        FROM per_space p JOIN scope sc ON sc.id = p.space_id
        GROUP BY sc.nis_code) n
)`
      : ''
  }
SELECT (SELECT count(*)::int FROM active) AS spaces_active,
       (SELECT count(DISTINCT nis_code)::int FROM active) AS municipalities_covered,
       (SELECT count(*)::int FROM ending_spaces) AS ending,
       week_totals.*, training.*, kit.*, staff.*, funding_totals.*, labelled.*, reference.*${withDetails ? ', details.*' : ''}${national ? ', national.*' : ''}
FROM week_totals, training, kit, staff, funding_totals, labelled, reference${withDetails ? ', details' : ''}${national ? ', national' : ''}`;
}

/** The four statements, built once: with or without the details, with or without the national pass. */
const YEAR_SQL = {
  plain: yearSql(false, false),
  national: yearSql(false, true),
  details: yearSql(true, false),
  detailsNational: yearSql(true, true),
};

export interface YearRow {
  spaces_active: number;
  spaces_reporting: number;
  spaces_labelled: number;
  municipalities_covered: number;
  municipalities_total: number;
  inhabitants: string | null;
  avg_open: string | null;
  avg_with_animator: string | null;
  avg_present: string | null;
  visits: string | null;
  ict: string | null;
  job: string | null;
  leisure: string | null;
  housing: string | null;
  admin: string | null;
  women: string | null;
  women_base: string | null;
  job_seekers: string | null;
  job_seekers_base: string | null;
  seniors: string | null;
  seniors_base: string | null;
  youth: string | null;
  youth_base: string | null;
  mobile: string | null;
  sessions: number;
  training_hours: string | null;
  participations: string | null;
  training_users: string | null;
  computers: string | null;
  tablets: string | null;
  animators: number;
  fte: string | null;
  funding_total: string | null;
  avg_municipal_pct: string | null;
  ending: number;
}

export interface MunicipalityDbRow {
  nis_code: string;
  name_nl: string;
  name_fr: string;
  region_code: string;
  inhabitants: number;
  spaces_active: number;
  fte: string | null;
  visits: string | null;
}

/** One municipality's visits of ISO year Y, anywhere in the country (municipalities with records). */
export interface NationalVisitsRow {
  nis_code: string;
  region_code: string;
  visits: string | null;
}

/** A year's figures, with the country's municipality visits when asked for (the public audience). */
export interface YearFiguresRow extends YearRow {
  nationalVisits: NationalVisitsRow[];
}

/** The year's figures with the municipality rows and the annex (the report's year Y). */
export interface YearWithDetailsRow extends YearFiguresRow {
  municipalities: MunicipalityDbRow[];
  fundingBySource: Array<{ source: string; amount: string }>;
  projectFundingEnding: Array<{ ref: string; name: string; ends_on: string }>;
}

/**
 * Settings for the transaction of each year statement. The per-space aggregates hold one hash entry of
 * some twenty sums per space, and the training sessions' join one per session: past a few thousand
 * spaces (≈ 0.4 KB each) they outgrow PostgreSQL's default `work_mem` (4 MB) and spill to disk, so
 * their time per row grew with the region (docs/performance.md, (5)). And the two years already run
 * side by side on two connections: parallel workers on top only crowd the CPUs. `set_config(…, true)`
 * holds for the transaction only, so pooled connections keep their defaults.
 */
export const REPORT_STATEMENT_SETTINGS =
  "SELECT set_config('work_mem', '64MB', true), set_config('max_parallel_workers_per_gather', '0', true)";

/** Runs `work` in a transaction of its own with REPORT_STATEMENT_SETTINGS. */
export function inReportTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(REPORT_STATEMENT_SETTINGS);
    return work(manager);
  });
}

@Injectable()
export class FiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  private yearStatement(sql: string, region: string | null, year: number) {
    return inReportTransaction(this.dataSource, (manager) => manager.query(sql, [region, year]));
  }

  /**
   * Every top-level figure of one year, as raw sums, counts and unrounded means; with `national`, also
   * every municipality's visits in the country (empty otherwise).
   */
  async yearFigures(region: string | null, year: number, national = false): Promise<YearFiguresRow> {
    const [row] = await this.yearStatement(national ? YEAR_SQL.national : YEAR_SQL.plain, region, year);
    const { national_visits: nationalVisits, ...figures } = row;
    return { ...(figures as YearRow), nationalVisits: nationalVisits ?? [] };
  }

  /**
   * The same figures, plus one row per municipality of the region (those without any space included:
   * the coverage gap), the year's funding by source and the spaces whose project funding ends next year.
   */
  async yearWithDetails(region: string | null, year: number, national = false): Promise<YearWithDetailsRow> {
    const [row] = await this.yearStatement(
      national ? YEAR_SQL.detailsNational : YEAR_SQL.details,
      region,
      year,
    );
    const {
      municipalities,
      funding_by_source: sources,
      project_funding_ending: ending,
      national_visits: nationalVisits,
      ...figures
    } = row;
    return {
      ...(figures as YearRow),
      nationalVisits: nationalVisits ?? [],
      municipalities: municipalities ?? [],
      fundingBySource: sources ?? [],
      projectFundingEnding: ending ?? [],
    };
  }

  /**
   * The version of the data a report reads: the last audit entry (every write records one; report
   * requests themselves excepted, or asking would change the answer) and a
   * fingerprint of the reference data (municipalities, loaded by migrations without audit).
   */
  async dataVersion(): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT COALESCE(max(id), 0)::text FROM audit_log WHERE entity <> 'report_run' AND action <> 'read') AS audit,
              (SELECT md5(string_agg(concat_ws(':', nis_code, reference_year, region_code, inhabitants, name_nl, name_fr),
                                     ',' ORDER BY nis_code, reference_year))
                 FROM municipalities) AS reference`,
    );
    return `a${row.audit}.r${String(row.reference).slice(0, 12)}`;
  }
}
