import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

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
 * - only the active spaces' records count, antennas included (an antenna is a space of its own).
 *
 * A label is valid from `valid_from` (or the decision's date) to `valid_until` (open when absent), cut
 * short by a later `suspended` or `withdrawn` decision for the same space and scheme: the granted label
 * then ends the day before that decision takes effect (its `valid_from`, or the day it was decided, in
 * Brussels). A later `granted` row is a label of its own.
 */
function yearSql(withDetails: boolean): string {
  return `
WITH active AS (
  SELECT s.id, s.ref, s.name, s.nis_code FROM spaces s
  WHERE ($1::char(3) IS NULL OR s.region_code = $1::char(3))
    AND s.opened_on <= make_date($2::int, 12, 31)
    AND (s.closed_on IS NULL OR s.closed_on >= make_date($2::int, 1, 1))
),
per_space AS (
  SELECT w.space_id,
         avg(w.opening_hours) AS mean_open,
         avg(w.hours_with_animator) AS mean_with_animator,
         sum(w.animator_hours) AS animator_hours,
         sum(w.opening_hours) FILTER (WHERE w.animator_hours IS NOT NULL) AS open_with_animator_hours,
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
  -- Probes (iso_year, space_id) with the active spaces' ids: faster than the hash join over the whole
  -- year that the planner picks for a join (docs/performance.md, scenario 1).
  WHERE w.iso_year = $2::int AND w.space_id = ANY (ARRAY(SELECT id FROM active))
  GROUP BY w.space_id
),
week_totals AS (
  SELECT count(*)::int AS spaces_reporting,
         avg(mean_open) AS avg_open, avg(mean_with_animator) AS avg_with_animator,
         avg(animator_hours / open_with_animator_hours) FILTER (WHERE open_with_animator_hours > 0) AS avg_present,
         sum(visits) AS visits, sum(ict) AS ict, sum(job) AS job, sum(leisure) AS leisure,
         sum(housing) AS housing, sum(admin) AS admin,
         sum(women) AS women, sum(women_base) AS women_base,
         sum(job_seekers) AS job_seekers, sum(job_seekers_base) AS job_seekers_base,
         sum(seniors) AS seniors, sum(seniors_base) AS seniors_base,
         sum(youth) AS youth, sum(youth_base) AS youth_base, sum(mobile) AS mobile
  FROM per_space
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
               COALESCE(min(COALESCE(c.valid_from, (c.decided_at AT TIME ZONE 'Europe/Brussels')::date)) - 1,
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
  SELECT a.nis_code, count(*)::int AS spaces_active, sum(f.fte) AS fte, sum(v.visits) AS visits
  FROM active a
  LEFT JOIN (SELECT space_id, sum(fte) AS fte FROM assigned GROUP BY space_id) f ON f.space_id = a.id
  LEFT JOIN per_space v ON v.space_id = a.id
  GROUP BY a.nis_code
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
  }
SELECT (SELECT count(*)::int FROM active) AS spaces_active,
       (SELECT count(DISTINCT nis_code)::int FROM active) AS municipalities_covered,
       (SELECT count(*)::int FROM ending_spaces) AS ending,
       week_totals.*, training.*, kit.*, staff.*, funding_totals.*, labelled.*, reference.*${withDetails ? ', details.*' : ''}
FROM week_totals, training, kit, staff, funding_totals, labelled, reference${withDetails ? ', details' : ''}`;
}

const YEAR_SQL = yearSql(false);
const YEAR_WITH_DETAILS_SQL = yearSql(true);

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

/** The year's figures with the municipality rows and the annex (the report's year Y). */
export interface YearWithDetailsRow extends YearRow {
  municipalities: MunicipalityDbRow[];
  fundingBySource: Array<{ source: string; amount: string }>;
  projectFundingEnding: Array<{ ref: string; name: string; ends_on: string }>;
}

@Injectable()
export class FiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every top-level figure of one year, as raw sums, counts and unrounded means. */
  async yearFigures(region: string | null, year: number): Promise<YearRow> {
    const [row] = await this.dataSource.query(YEAR_SQL, [region, year]);
    return row as YearRow;
  }

  /**
   * The same figures, plus one row per municipality of the region (those without any space included:
   * the coverage gap), the year's funding by source and the spaces whose project funding ends next year.
   */
  async yearWithDetails(region: string | null, year: number): Promise<YearWithDetailsRow> {
    const [row] = await this.dataSource.query(YEAR_WITH_DETAILS_SQL, [region, year]);
    const { municipalities, funding_by_source: sources, project_funding_ending: ending, ...figures } = row;
    return {
      ...(figures as YearRow),
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
