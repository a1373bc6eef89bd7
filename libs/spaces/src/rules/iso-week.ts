import { CALENDAR_YEARS } from '../../../core/src/index.js';
import { OpeningHoursError } from './opening-hours.error.js';

/** An ISO 8601 week such as `2026-W13` (weeks start on Monday; week 1 contains the year's first Thursday). */
export type IsoWeek = `${number}-W${number}`;

/** A calendar day; `month` is 1-12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/**
 * The Monday that starts an ISO week. Throws an `OPENING_HOURS.INVALID_WEEK` error for malformed or
 * nonexistent weeks, and for years outside CALENDAR_YEARS (the same years the CSV imports accept): callers
 * write the Monday as `YYYY-MM-DD` and compare it as text, which only works for four-digit years.
 */
export function isoWeekMonday(isoWeek: string): CalendarDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  const invalid = () =>
    new OpeningHoursError('OPENING_HOURS.INVALID_WEEK', `"${isoWeek}" is not an ISO week like "2026-W13".`);
  if (!match) throw invalid();
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
    throw new OpeningHoursError(
      'OPENING_HOURS.INVALID_WEEK',
      `"${isoWeek}" is outside the years ${CALENDAR_YEARS.min} to ${CALENDAR_YEARS.max}.`,
    );
  }
  // Calendar arithmetic in UTC so the process's time zone cannot shift the day. setUTCFullYear, because
  // Date.UTC reads a year below 100 as 19xx.
  const january4 = new Date(0).setUTCFullYear(year, 0, 4);
  const mondayOfWeek1 = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
  const monday = new Date(mondayOfWeek1 + (week - 1) * 7 * DAY_MS);
  // A week belongs to the year of its Thursday; week 53 only exists in some years.
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  if (week < 1 || thursday.getUTCFullYear() !== year) throw invalid();
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
}
