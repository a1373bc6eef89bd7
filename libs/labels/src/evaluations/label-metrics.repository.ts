import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { closingHoursCondition } from '../../../spaces/src/index.js';
import type { LabelMetric } from '../rules/label-scheme.rule.js';
import type { EvaluationWindow } from '../rules/evaluation-window.rule.js';

/** Every metric of labels.md for one space, with the records that were counted. */
export interface SpaceMeasurement {
  spaceId: string;
  spaceRef: string;
  weeksWithData: number;
  openWeeks: number;
  metrics: Record<LabelMetric, number | boolean | null>;
  evidence: {
    weeks: string[];
    sessions: string[];
    equipment: Array<{ ref: string; type: string; quantity: number }>;
    animators: string[];
  };
}

/** A week a space's opening hours close all week (a dated closure), and its Monday. */
export interface ClosedWeek {
  spaceId: string;
  week: string;
  monday: string;
}

/**
 * The metrics as ONE set-based statement for any number of spaces: one space, or every space of a
 * region, costs the same single round trip. Parameters: $1 space ids, $2 window Monday, $3 window
 * Sunday, $4 weeks in the window, $5/$6/$7 the weeks the spaces' hours close all week (space id, ISO
 * week, its Monday). Averages are rounded to 6 decimals so results are stable JSON.
 */
const MEASURE_SQL = `
WITH target AS MATERIALIZED (
  SELECT s.id, s.ref, s.pricing, s.open_to_all_publics, s.charter_signed_on, s.opened_on, s.closed_on
  FROM spaces s WHERE s.id = ANY($1::uuid[])
),
ts AS MATERIALIZED (
  SELECT t.space_id, t.ref, t.date, t.duration_hours, date_trunc('week', t.date::timestamp)::date AS week_start
  FROM training_sessions t
  WHERE t.date BETWEEN $2::date AND $3::date AND t.space_id = ANY (ARRAY(SELECT id FROM target))
),
-- One row per (space, week) of the window with a weekly report or training. The weekly rows and the
-- sessions are grouped together rather than joined: a join on (space, week) was planned as a merge on
-- the space alone, which compared every week with every other week of the space.
-- Weekly rows are read through the ISO years the window spans and the space ids (both indexed); a
-- filter on week_start alone scanned the whole table once per batch.
per_week AS (
  SELECT space_id, week_start, bool_or(reported) AS reported, max(week) AS week,
         max(opening_hours) AS opening_hours, max(hwa) AS hwa, sum(training_hours) AS training_hours
  FROM (
    SELECT wa.space_id, wa.week_start, true AS reported, wa.week, wa.opening_hours,
           wa.hours_with_animator AS hwa, NULL::numeric AS training_hours
    FROM weekly_activity wa
    WHERE wa.iso_year BETWEEN extract(isoyear FROM $2::date)::int AND extract(isoyear FROM $3::date)::int
      AND wa.space_id = ANY (ARRAY(SELECT id FROM target))
      AND wa.week_start BETWEEN $2::date AND $3::date
    UNION ALL
    SELECT space_id, week_start, false, NULL, NULL, NULL, duration_hours FROM ts
  ) rows
  GROUP BY space_id, week_start
),
weekly AS (
  SELECT w.space_id, COUNT(*)::int AS weeks_with_data,
         AVG(w.opening_hours) AS avg_open, AVG(w.hwa) AS avg_hwa,
         -- A week whose hours with an animator were not given is left out of both means (AVG skips
         -- NULL); counting it as 0 h would lower them. GREATEST ignores NULL, hence the CASE.
         AVG(CASE WHEN w.hwa IS NOT NULL THEN GREATEST(0, w.hwa - COALESCE(w.training_hours, 0)) END) AS avg_free,
         COUNT(*) FILTER (WHERE x.opened_on <= w.week_start + 6
                            AND (x.closed_on IS NULL OR x.closed_on >= w.week_start))::int AS reported_open_weeks,
         jsonb_agg(w.week ORDER BY w.week) AS weeks
  FROM per_week w JOIN target x ON x.id = w.space_id
  WHERE w.reported
  GROUP BY w.space_id
),
training AS (
  SELECT space_id, COUNT(*)::int AS sessions, SUM(duration_hours) AS hours,
         jsonb_agg(ref ORDER BY date, ref) AS refs
  FROM ts GROUP BY space_id
),
-- Weeks its opening hours close all week (a summer closure) were not weeks the space was open, unless
-- it reported them anyway: those without a record, inside its opened and closed dates, are counted here.
closed_weeks AS (
  SELECT c.space_id, COUNT(*)::int AS closed
  FROM unnest($5::uuid[], $6::text[], $7::date[]) AS c(space_id, week, monday)
  JOIN target t ON t.id = c.space_id
  WHERE c.monday BETWEEN $2::date AND $3::date
    AND t.opened_on <= c.monday + 6 AND (t.closed_on IS NULL OR t.closed_on >= c.monday)
    AND NOT EXISTS (SELECT 1 FROM weekly_activity wa WHERE wa.space_id = c.space_id AND wa.week = c.week)
  GROUP BY c.space_id
),
-- Weeks of the window when the space was open (Mondays m with opened_on <= m + 6 and closed_on >= m),
-- counted arithmetically instead of joining a generated series of Mondays, less its closed weeks.
open_weeks AS (
  SELECT t.id AS space_id, GREATEST(0,
           LEAST($4::int - 1, floor((LEAST(COALESCE(t.closed_on, $3::date), $3::date) - $2::date) / 7.0)::int)
           - GREATEST(0, ceil((t.opened_on - 6 - $2::date) / 7.0)::int) + 1) - COALESCE(cw.closed, 0) AS open_weeks
  FROM target t LEFT JOIN closed_weeks cw ON cw.space_id = t.id
),
equip AS (
  SELECT e.space_id,
         COALESCE(SUM(e.quantity) FILTER (WHERE e.type IN ('desktop', 'laptop')), 0)::int AS computers,
         COALESCE(SUM(e.quantity) FILTER (WHERE e.type IN ('desktop', 'laptop', 'tablet')), 0)::int AS devices,
         jsonb_agg(jsonb_build_object('ref', e.ref, 'type', e.type, 'quantity', e.quantity) ORDER BY e.ref)
           FILTER (WHERE e.type IN ('desktop', 'laptop', 'tablet')) AS items
  FROM equipment e
  WHERE e.space_id = ANY($1::uuid[])
    AND (e.acquired_on IS NULL OR e.acquired_on <= $3::date) AND (e.retired_on IS NULL OR e.retired_on > $3::date)
  GROUP BY e.space_id
),
anim AS (
  SELECT aa.space_id, COUNT(DISTINCT aa.animator_id)::int AS qualified,
         jsonb_agg(DISTINCT a.ref ORDER BY a.ref) AS refs
  FROM animator_assignments aa JOIN animators a ON a.id = aa.animator_id
  WHERE aa.space_id = ANY($1::uuid[])
    AND aa.qualified AND aa.starts_on <= $3::date AND (aa.ends_on IS NULL OR aa.ends_on >= $3::date)
  GROUP BY aa.space_id
)
SELECT t.id AS "spaceId", t.ref AS "spaceRef",
       COALESCE(w.weeks_with_data, 0) AS "weeksWithData",
       o.open_weeks AS "openWeeks",
       jsonb_build_object(
         'avg_weekly_opening_hours', ROUND(w.avg_open, 6)::float8,
         'avg_weekly_hours_with_animator', ROUND(w.avg_hwa, 6)::float8,
         'avg_weekly_training_hours', ROUND(COALESCE(tr.hours, 0) / $4::numeric, 6)::float8,
         'avg_weekly_accompanied_free_access_hours', ROUND(w.avg_free, 6)::float8,
         'training_sessions', COALESCE(tr.sessions, 0),
         'computers_in_service', COALESCE(e.computers, 0),
         'devices_in_service', COALESCE(e.devices, 0),
         'qualified_animators', COALESCE(an.qualified, 0),
         'pricing_accessible', COALESCE(t.pricing IN ('free', 'reduced_rates'), false),
         'open_to_all_publics', COALESCE(t.open_to_all_publics, false),
         'charter_signed', (t.charter_signed_on IS NOT NULL AND t.charter_signed_on <= $3::date),
         'reporting_completeness_pct',
           CASE WHEN o.open_weeks = 0 THEN NULL
                ELSE ROUND(COALESCE(w.reported_open_weeks, 0) * 100.0 / o.open_weeks, 6)::float8 END
       ) AS metrics,
       jsonb_build_object(
         'weeks', COALESCE(w.weeks, '[]'::jsonb),
         'sessions', COALESCE(tr.refs, '[]'::jsonb),
         'equipment', COALESCE(e.items, '[]'::jsonb),
         'animators', COALESCE(an.refs, '[]'::jsonb)
       ) AS evidence
FROM target t
JOIN open_weeks o ON o.space_id = t.id
LEFT JOIN weekly w ON w.space_id = t.id
LEFT JOIN training tr ON tr.space_id = t.id
LEFT JOIN equip e ON e.space_id = t.id
LEFT JOIN anim an ON an.space_id = t.id
ORDER BY t.ref`;

/** All SQL that measures spaces for labels: read-only over the registry and activity tables. */
@Injectable()
export class LabelMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  measure(
    spaceIds: readonly string[],
    window: EvaluationWindow,
    closedWeeks: readonly ClosedWeek[] = [],
    manager?: EntityManager,
  ): Promise<SpaceMeasurement[]> {
    return (manager ?? this.dataSource).query(MEASURE_SQL, [
      spaceIds,
      window.from,
      window.to,
      window.weeks,
      closedWeeks.map((c) => c.spaceId),
      closedWeeks.map((c) => c.week),
      closedWeeks.map((c) => c.monday),
    ]);
  }

  /** The spaces whose opening hours hold a closure (`off`, `closed`), with those hours. */
  closingHours(spaceIds: readonly string[]): Promise<Array<{ id: string; openingHours: string }>> {
    return this.dataSource.query(
      `SELECT id, opening_hours AS "openingHours" FROM spaces
       WHERE id = ANY($1::uuid[]) AND ${closingHoursCondition('opening_hours')}`,
      [spaceIds],
    );
  }
}
