import type { FaultSystem } from './fault-system.js';

/** `count` Walloon spaces (WAL-1 …) with a year of fortnightly activity, enough for evaluations and reports. */
export async function seedWalloonSpaces(system: FaultSystem, count: number): Promise<void> {
  await system.sql(
    `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, pricing, open_to_all_publics)
     SELECT 'WAL-' || i, 'Space ' || i, '62063', 'WAL', 'library', '2015-01-05', 'free', true
     FROM generate_series(1, $1::int) AS i`,
    [count],
  );
  await system.sql(
    `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, hours_with_animator, visits)
     SELECT s.id, to_char(d, 'IYYY-"W"IW'), to_char(d, 'IYYY')::smallint, d::date, 20, 8, 5
     FROM spaces s CROSS JOIN generate_series('2025-06-02'::date, '2026-05-25'::date, interval '14 days') AS d
     WHERE s.region_code = 'WAL'`,
  );
}
