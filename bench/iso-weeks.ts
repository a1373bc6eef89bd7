/** ISO 8601 weeks in UTC dates, for the generator (no dependency on the app's own rules on purpose). */

const DAY_MS = 86_400_000;

/** The Monday of ISO week 1 of an ISO year: the week holding 4 January. */
export function isoYearStart(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(jan4.getTime() - weekday * DAY_MS);
}

/** 52 or 53. */
export function weeksInIsoYear(year: number): number {
  return Math.round((isoYearStart(year + 1).getTime() - isoYearStart(year).getTime()) / (7 * DAY_MS));
}

export function weekMonday(year: number, week: number): Date {
  return new Date(isoYearStart(year).getTime() + (week - 1) * 7 * DAY_MS);
}

export function weekLabel(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
