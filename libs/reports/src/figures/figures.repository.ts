import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * All SQL of the figures. Each statement works on sets: it aggregates per space first, then over the
 * region (or per municipality); nothing loops over spaces. `$1` is the region (null for BE), `$2` the year.
 *
 * Shared definitions (figures.md, domain.md):
 * - active in Y: opened on or before 31 Dec Y and not closed before 1 Jan Y;
 * - weekly activity by ISO week-year (`iso_year`); training sessions, equipment, assignments and
 *   funding by calendar dates or year;
 * - only the active spaces' records count, antennas included (an antenna is a space of its own).
 */
const SCOPE = `
  p AS (
    SELECT $1::text AS region, $2::int AS y, make_date($2::int, 1, 1) AS y_start, make_date($2::int, 12, 31) AS y_end
  ),
  active AS (
    SELECT s.id, s.ref, s.name, s.nis_code
    FROM spaces s CROSS JOIN p
    WHERE (p.region IS NULL OR s.region_code = p.region)
      AND s.opened_on <= p.y_end
      AND (s.closed_on IS NULL OR s.closed_on >= p.y_start)
  )`;

/**
 * A label is valid from `valid_from` (or the decision's date) to `valid_until` (open when absent),
 * cut short by a later `suspended` or `withdrawn` decision for the same space and scheme: the granted
 * label then ends the day before that decision takes effect (its `valid_from`, or the day it was
 * decided, in Brussels). A later `granted` row is a label of its own.
 */
const LABEL_WINDOWS = `
  label_windows AS (
    SELECT g.space_id,
           COALESCE(g.valid_from, (g.decided_at AT TIME ZONE 'Europe/Brussels')::date) AS starts_on,
           LEAST(
             COALESCE(g.valid_until, 'infinity'::date),
             COALESCE((
               SELECT min(COALESCE(c.valid_from, (c.decided_at AT TIME ZONE 'Europe/Brussels')::date)) - 1
               FROM labels c
               WHERE c.space_id = g.space_id AND c.scheme = g.scheme
                 AND c.status IN ('suspended', 'withdrawn') AND c.decided_at > g.decided_at
             ), 'infinity'::date)
           ) AS ends_on
    FROM labels g JOIN active a ON a.id = g.space_id
    WHERE g.status = 'granted'
  )`;

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

@Injectable()
export class FiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every top-level figure of one year, as raw sums, counts and unrounded means. */
  async yearFigures(region: string | null, year: number): Promise<YearRow> {
    const [row] = await this.dataSource.query(
      `WITH ${SCOPE}, ${LABEL_WINDOWS},
      weeks AS (
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
        FROM weekly_activity w JOIN active a ON a.id = w.space_id CROSS JOIN p
        WHERE w.iso_year = p.y
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
        FROM weeks
      ),
      training AS (
        SELECT count(*)::int AS sessions, sum(t.duration_hours) AS training_hours,
               sum(t.participants) AS participations, sum(t.new_participants) AS training_users
        FROM training_sessions t JOIN active a ON a.id = t.space_id CROSS JOIN p
        WHERE t.date BETWEEN p.y_start AND p.y_end
      ),
      kit AS (
        SELECT sum(e.quantity) FILTER (WHERE e.type IN ('desktop', 'laptop')) AS computers,
               sum(e.quantity) FILTER (WHERE e.type = 'tablet') AS tablets
        FROM equipment e JOIN active a ON a.id = e.space_id CROSS JOIN p
        WHERE (e.acquired_on IS NULL OR e.acquired_on <= p.y_end)
          AND (e.retired_on IS NULL OR e.retired_on > p.y_end)
      ),
      staff AS (
        SELECT count(DISTINCT aa.animator_id)::int AS animators, sum(aa.fte) AS fte
        FROM animator_assignments aa JOIN active a ON a.id = aa.space_id CROSS JOIN p
        WHERE aa.role IN ('animator', 'project_lead')
          AND aa.starts_on <= p.y_end AND (aa.ends_on IS NULL OR aa.ends_on >= p.y_start)
      ),
      funding_per_space AS (
        SELECT f.space_id, sum(f.amount_eur) AS total,
               COALESCE(sum(f.amount_eur) FILTER (WHERE f.source = 'municipality'), 0) AS municipal
        FROM funding f JOIN active a ON a.id = f.space_id CROSS JOIN p
        WHERE f.year = p.y
        GROUP BY f.space_id
      ),
      funding_totals AS (
        SELECT sum(total) AS funding_total,
               avg(municipal * 100 / total) FILTER (WHERE total > 0) AS avg_municipal_pct
        FROM funding_per_space
      ),
      ending AS (
        SELECT count(*)::int AS ending
        FROM active a CROSS JOIN p
        WHERE EXISTS (
                SELECT 1 FROM funding f
                WHERE f.space_id = a.id AND f.kind = 'project'
                  AND f.ends_on BETWEEN make_date(p.y + 1, 1, 1) AND make_date(p.y + 1, 12, 31))
          AND NOT EXISTS (
                SELECT 1 FROM funding f WHERE f.space_id = a.id AND f.kind = 'structural' AND f.year = p.y)
      ),
      labelled AS (
        SELECT count(DISTINCT lw.space_id)::int AS spaces_labelled
        FROM label_windows lw CROSS JOIN p
        WHERE lw.starts_on <= lw.ends_on AND lw.starts_on <= p.y_end AND lw.ends_on >= p.y_start
      ),
      reference AS (
        SELECT count(*)::int AS municipalities_total, sum(m.inhabitants) AS inhabitants
        FROM municipalities m CROSS JOIN p
        WHERE m.reference_year = 2020 AND (p.region IS NULL OR m.region_code = p.region)
      )
      SELECT (SELECT count(*)::int FROM active) AS spaces_active,
             (SELECT count(DISTINCT nis_code)::int FROM active) AS municipalities_covered,
             week_totals.*, training.*, kit.*, staff.*, funding_totals.*, ending.*, labelled.*, reference.*
      FROM week_totals, training, kit, staff, funding_totals, ending, labelled, reference`,
      [region, year],
    );
    return row as YearRow;
  }

  /** One row per municipality of the region, those without any space included (the coverage gap). */
  async byMunicipality(region: string | null, year: number): Promise<MunicipalityDbRow[]> {
    return this.dataSource.query(
      `WITH ${SCOPE},
      space_visits AS (
        SELECT w.space_id, sum(w.visits) AS visits
        FROM weekly_activity w JOIN active a ON a.id = w.space_id CROSS JOIN p
        WHERE w.iso_year = p.y
        GROUP BY w.space_id
      ),
      space_fte AS (
        SELECT aa.space_id, sum(aa.fte) AS fte
        FROM animator_assignments aa JOIN active a ON a.id = aa.space_id CROSS JOIN p
        WHERE aa.role IN ('animator', 'project_lead')
          AND aa.starts_on <= p.y_end AND (aa.ends_on IS NULL OR aa.ends_on >= p.y_start)
        GROUP BY aa.space_id
      ),
      per_municipality AS (
        SELECT a.nis_code, count(*)::int AS spaces_active, sum(f.fte) AS fte, sum(v.visits) AS visits
        FROM active a
        LEFT JOIN space_fte f ON f.space_id = a.id
        LEFT JOIN space_visits v ON v.space_id = a.id
        GROUP BY a.nis_code
      )
      SELECT m.nis_code, m.name_nl, m.name_fr, trim(m.region_code) AS region_code, m.inhabitants,
             COALESCE(pm.spaces_active, 0) AS spaces_active, pm.fte, pm.visits
      FROM municipalities m CROSS JOIN p
      LEFT JOIN per_municipality pm ON pm.nis_code = m.nis_code
      WHERE m.reference_year = 2020 AND (p.region IS NULL OR m.region_code = p.region)
      ORDER BY m.nis_code`,
      [region, year],
    );
  }

  /** Funding of Y by source, over the active spaces. */
  async fundingBySource(
    region: string | null,
    year: number,
  ): Promise<Array<{ source: string; amount: string }>> {
    return this.dataSource.query(
      `WITH ${SCOPE}
      SELECT f.source, sum(f.amount_eur) AS amount
      FROM funding f JOIN active a ON a.id = f.space_id CROSS JOIN p
      WHERE f.year = p.y
      GROUP BY f.source
      ORDER BY sum(f.amount_eur) DESC, f.source`,
      [region, year],
    );
  }

  /** The spaces counted by `projectFundingEndingNextYear`, with the first end date of their project funding. */
  async projectFundingEnding(
    region: string | null,
    year: number,
  ): Promise<Array<{ ref: string; name: string; ends_on: string }>> {
    return this.dataSource.query(
      `WITH ${SCOPE}
      SELECT a.ref, a.name, min(f.ends_on)::text AS ends_on
      FROM active a CROSS JOIN p
      JOIN funding f ON f.space_id = a.id AND f.kind = 'project'
       AND f.ends_on BETWEEN make_date(p.y + 1, 1, 1) AND make_date(p.y + 1, 12, 31)
      WHERE NOT EXISTS (
        SELECT 1 FROM funding s WHERE s.space_id = a.id AND s.kind = 'structural' AND s.year = p.y)
      GROUP BY a.ref, a.name
      ORDER BY min(f.ends_on), a.ref`,
      [region, year],
    );
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
