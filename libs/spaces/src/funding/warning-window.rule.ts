/**
 * The look-ahead window of funding warnings: project funding ending in (asOf, asOf + N months].
 * Month arithmetic clamps to the end of the month, so 31 January + 1 month is 28 (or 29) February,
 * never 3 March: a window never reaches into a month it was not asked for.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): { year: number; month: number; day: number } {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `date` plus `months` calendar months (may be negative), clamped to the last day of the target month. */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(targetDay)}`;
}

export interface WarningWindow {
  /** Exclusive: funding ending on asOf itself has already ended. */
  after: string;
  /** Inclusive. */
  until: string;
}

export function warningWindow(asOf: string, months: number): WarningWindow {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('months must be a positive integer');
  return { after: asOf, until: addMonths(asOf, months) };
}

/**
 * Whole months left from `asOf` until `endsOn`: the largest n with asOf + n months ≤ endsOn (0 when
 * less than a month is left, or when the date has passed).
 */
export function monthsLeft(asOf: string, endsOn: string): number {
  if (endsOn <= asOf) return 0;
  const from = parts(asOf);
  const to = parts(endsOn);
  let n = (to.year - from.year) * 12 + (to.month - from.month);
  while (n > 0 && addMonths(asOf, n) > endsOn) n--;
  return n;
}

/** The year a date falls in. */
export const yearOf = (date: string): number => parts(date).year;
