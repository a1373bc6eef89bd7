/**
 * Pure rules of the space registry: who may change which field, and the checks a space's own fields
 * must pass whatever else is in the database. No I/O here, so they are unit-tested.
 */
import type { FieldError, Role } from '../../../core/src/index.js';
import { brusselsWallClock } from '../rules/brussels-time.js';

/** A space reference: what people type and see (`BRU-014`), also used in URLs and CSV files. */
export const SPACE_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The reference year of the municipality file that NIS codes refer to. */
export const MUNICIPALITY_YEAR = 2020;

/**
 * Fields only regional staff and admins change: they say where a space is in the network (municipality
 * and so region, parent), who runs it, the charter with the region and when it exists. Coordinators keep
 * everything a visitor sees up to date: name, address, contact, hours, services, prices, languages.
 */
export const STAFF_ONLY_FIELDS = [
  'nisCode',
  'parentRef',
  'operatorType',
  'charterSignedOn',
  'openedOn',
  'closedOn',
] as const;

/** The staff-only fields a change sets (present in the body, even as null), when the caller is a coordinator. */
export function restrictedFieldsFor(role: Role, change: Record<string, unknown>): string[] {
  if (role !== 'coordinator') return [];
  return STAFF_ONLY_FIELDS.filter((field) => change[field] !== undefined);
}

let lastToday: { second: number; date: string } | null = null;

/** Today's date (`YYYY-MM-DD`) in Brussels: what "active today" and "expired" mean for Belgian users. */
export function brusselsToday(now: Date = new Date()): string {
  // Brussels has always been a whole number of seconds off UTC (whole hours since 1892), so its date only
  // changes as a UTC second begins. Reading the wall clock (Intl) costs tens of µs, and every read of the
  // registry asks this, so the last answer is kept for the rest of its second.
  const second = Math.floor(now.getTime() / 1000);
  if (lastToday?.second === second) return lastToday.date;
  const wall = brusselsWallClock(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
  lastToday = { second, date };
  return date;
}

/** Active on `day`: opened on or before it and not closed before it (a space is open on its closing day). */
export function isActiveOn(space: { openedOn: string; closedOn: string | null }, day: string): boolean {
  return space.openedOn <= day && (space.closedOn === null || space.closedOn >= day);
}

/**
 * The checks between fields of one space, on its state after a change. Dates are `YYYY-MM-DD`, so
 * string order is date order.
 */
export function spaceFieldProblems(space: {
  openedOn: string;
  closedOn: string | null;
  latitude: number | null;
  longitude: number | null;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (space.closedOn !== null && space.closedOn < space.openedOn) {
    problems.push({
      field: 'closedOn',
      message: `The closing date (${space.closedOn}) is before the opening date (${space.openedOn}).`,
    });
  }
  if ((space.latitude === null) !== (space.longitude === null)) {
    problems.push({
      field: space.latitude === null ? 'latitude' : 'longitude',
      message: 'Give both the latitude and the longitude, or neither.',
    });
  }
  return problems;
}
