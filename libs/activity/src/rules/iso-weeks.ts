import { brusselsToday, isoWeekMonday } from '../../../spaces/src/index.js';

/**
 * ISO week arithmetic on `YYYY-Www` strings and `YYYY-MM-DD` dates, in UTC calendar terms so that the
 * process's time zone can never shift a day. "Today" is always Brussels' today.
 */
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const toDateString = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const dateMs = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

/** The Monday of a week, as `YYYY-MM-DD`. Throws for a malformed or nonexistent week (e.g. 2025-W53). */
export function weekStart(week: string): string {
  const { year, month, day } = isoWeekMonday(week);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The Sunday that ends a week. */
export function weekEnd(week: string): string {
  return toDateString(dateMs(weekStart(week)) + 6 * DAY_MS);
}

/** The ISO week a calendar date falls in; the week belongs to the year of its Thursday. */
export function isoWeekOf(date: string): string {
  const ms = dateMs(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(ms + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
}

/** The ISO week-year a week belongs to. */
export const isoYearOf = (week: string): number => Number(week.slice(0, 4));

export function addWeeks(week: string, count: number): string {
  return isoWeekOf(toDateString(dateMs(weekStart(week)) + count * 7 * DAY_MS));
}

/** Every week from `from` to `to`, both included; empty when `to` is before `from`. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  const end = dateMs(weekStart(to));
  for (let ms = dateMs(weekStart(from)); ms <= end; ms += 7 * DAY_MS) weeks.push(isoWeekOf(toDateString(ms)));
  return weeks;
}

/** Today's date in Brussels (the registry's rule, shared). */
export { brusselsToday };

/** The last week that has fully ended in Brussels: on Monday 08:00 it is the week that ended last night. */
export function lastCompleteWeek(now: Date): string {
  return addWeeks(isoWeekOf(brusselsToday(now)), -1);
}

/** A space is active in a week when it opened on or before the week's Sunday and did not close before its Monday. */
export function activeInWeek(week: string, openedOn: string, closedOn: string | null): boolean {
  return openedOn <= weekEnd(week) && (closedOn === null || closedOn >= weekStart(week));
}

/**
 * The weeks a space was expected to report in [from, to]: the weeks it was active, never later than the
 * last complete week (a week still running is not missing yet).
 */
export function expectedWeeks(
  from: string,
  to: string,
  space: { openedOn: string; closedOn: string | null },
  now: Date,
): string[] {
  const last = lastCompleteWeek(now);
  const until = weekStart(to) < weekStart(last) ? to : last;
  return weeksBetween(from, until).filter((week) => activeInWeek(week, space.openedOn, space.closedOn));
}
