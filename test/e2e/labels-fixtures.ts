import { addWeeks, weekStart } from '../../libs/activity/src/index.js';
import type { RegistryWorld } from '../support/registry-world.js';

/**
 * Spaces built for label evaluations. Every test evaluates with `until` = UNTIL, so the window is the
 * 52 weeks FIRST_WEEK … LAST_WEEK and the "last day" of the window is WINDOW_END.
 */
export const UNTIL = '2026-06-03';
export const LAST_WEEK = '2026-W22';
export const WINDOW_END = '2026-05-31';
export const WINDOW_WEEKS = Array.from({ length: 52 }, (_, i) => addWeeks(LAST_WEEK, i - 51));

export interface SpaceSpec {
  ref: string;
  region: 'BRU' | 'WAL';
  openedOn?: string;
  pricing?: 'free' | 'reduced_rates' | 'paid';
  openToAllPublics?: boolean;
  charterSignedOn?: string | null;
  openingHours?: number;
  hoursWithAnimator?: number;
  /** Weeks with a record (default: all 52 weeks of the window). */
  weeks?: string[];
  /** Weeks whose record leaves `hours_with_animator` empty (not given). */
  weeksWithoutAnimatorHours?: string[];
  /** Training sessions: `count` sessions of `hours`, one a week from the first week of the window. */
  sessions?: { count: number; hours: number; lastHours?: number };
  equipment?: Array<{
    type: string;
    quantity: number;
    acquiredOn?: string | null;
    retiredOn?: string | null;
  }>;
  animators?: Array<{ qualified: boolean; startsOn: string; endsOn?: string | null }>;
}

/** A space meeting every criterion of both schemes comfortably. */
export const BASE: Omit<SpaceSpec, 'ref' | 'region'> = {
  openedOn: '2015-01-05',
  pricing: 'free',
  openToAllPublics: true,
  charterSignedOn: '2010-01-01',
  openingHours: 20,
  hoursWithAnimator: 14,
  sessions: { count: 52, hours: 6 },
  equipment: [{ type: 'desktop', quantity: 6 }],
  animators: [{ qualified: true, startsOn: '2020-01-01' }],
};

const NIS = { BRU: '21004', WAL: '62063' } as const;

export async function buildSpace(world: RegistryWorld, input: SpaceSpec): Promise<string> {
  const spec = { ...BASE, ...input };
  const [space] = await world.sql<{ id: string }>(
    `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, pricing, open_to_all_publics,
       charter_signed_on)
     VALUES ($1, $2, $3, $4, 'municipality', $5, $6, $7, $8) RETURNING id`,
    [
      spec.ref,
      `Space ${spec.ref}`,
      NIS[spec.region],
      spec.region,
      spec.openedOn,
      spec.pricing,
      spec.openToAllPublics,
      spec.charterSignedOn,
    ],
  );
  const weeks = spec.weeks ?? WINDOW_WEEKS;
  await world.sql(
    `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, hours_with_animator, visits)
     SELECT $1, w, substr(w, 1, 4)::smallint, ws::date, $4, $5, 10
     FROM unnest($2::text[], $3::text[]) AS x(w, ws)`,
    [space.id, weeks, weeks.map((w) => weekStart(w)), spec.openingHours, spec.hoursWithAnimator],
  );
  if (spec.weeksWithoutAnimatorHours?.length) {
    await world.sql(
      `UPDATE weekly_activity SET hours_with_animator = NULL WHERE space_id = $1 AND week = ANY($2::text[])`,
      [space.id, spec.weeksWithoutAnimatorHours],
    );
  }
  const { count, hours, lastHours } = spec.sessions!;
  if (count > 0) {
    // One session a week on the Tuesday, in the window.
    await world.sql(
      `INSERT INTO training_sessions (space_id, ref, date, title, theme, format, duration_hours, participants,
         new_participants)
       SELECT $1, 'T' || i, $2::date + 1 + 7 * (i - 1), 'Session', 'basic_skills', 'workshop',
              CASE WHEN i = $3 AND $5::numeric IS NOT NULL THEN $5::numeric ELSE $4::numeric END, 5, 1
       FROM generate_series(1, $3::int) AS i`,
      [space.id, weekStart(WINDOW_WEEKS[0]), count, hours, lastHours ?? null],
    );
  }
  for (const [i, e] of (spec.equipment ?? []).entries()) {
    await world.sql(
      `INSERT INTO equipment (space_id, ref, type, quantity, acquired_on, retired_on) VALUES ($1, $2, $3, $4, $5, $6)`,
      [space.id, `E${i + 1}`, e.type, e.quantity, e.acquiredOn ?? null, e.retiredOn ?? null],
    );
  }
  for (const [i, a] of (spec.animators ?? []).entries()) {
    const [animator] = await world.sql<{ id: string }>(
      `INSERT INTO animators (ref, name) VALUES ($1, 'Animator') RETURNING id`,
      [`${spec.ref}-AN${i + 1}`],
    );
    await world.sql(
      `INSERT INTO animator_assignments (animator_id, space_id, role, fte, qualified, starts_on, ends_on)
       VALUES ($1, $2, 'animator', 1, $3, $4, $5)`,
      [animator.id, space.id, a.qualified, a.startsOn, a.endsOn ?? null],
    );
  }
  return space.id;
}
