/**
 * How a space's opening hours are stored and shown: the canonical expression is stored with the weekly
 * hours derived from it (never typed), and answers describe the stored expression. Pure functions over
 * the opening-hours rules; invalid input becomes a 400 that names the field.
 */
import { AppException } from '../../../core/src/index.js';
import {
  OpeningHoursError,
  formatOpeningHours,
  normalizeOpeningHours,
  openState,
  parseOpeningHours,
  WEEKDAYS,
  weeklyHours,
  type OpenState,
  type Schedule,
  type ScheduleException,
  type ScheduleRange,
  type WeeklyHours,
} from '../rules/opening-hours.rule.js';
import { isoWeekMonday } from '../rules/iso-week.js';

/** The columns derived from one expression, as stored on the space. */
export interface StoredHours {
  openingHours: string | null;
  scheduledWeeklyHours: number | null;
  scheduledHoursWithAnimator: number | null;
}

/** The stored hours for an expression (null: hours unknown). `field` names the input in errors. */
export function storedHoursFromExpression(expression: string | null, field: string): StoredHours {
  if (expression === null)
    return { openingHours: null, scheduledWeeklyHours: null, scheduledHoursWithAnimator: null };
  return guarded(field, () => stored(normalizeOpeningHours(expression)));
}

/** The stored hours for a weekly grid with closures. Closure problems name `exceptions`, the rest `ranges`. */
export function storedHoursFromSchedule(schedule: Schedule): StoredHours {
  schedule.exceptions.forEach((exception, index) => {
    if (exception.to < exception.from) {
      throw invalidHours('OPENING_HOURS.INVALID_SCHEDULE', `exceptions.${index}.to`, [
        `The closure from ${exception.from} to ${exception.to} ends before it starts.`,
      ]);
    }
  });
  return guarded('ranges', () => stored(formatOpeningHours(schedule)));
}

function stored(osm: string): StoredHours {
  const hours = weeklyHours(osm);
  return {
    openingHours: osm,
    scheduledWeeklyHours: hours.openingHours,
    scheduledHoursWithAnimator: hours.hoursWithAnimator,
  };
}

function guarded<T>(field: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof OpeningHoursError) throw invalidHours(error.code, field, [error.message]);
    throw error;
  }
}

/**
 * A 400 with the opening-hours code; the edge translates the headline, and `details` keep the precise,
 * field-named diagnosis (from the opening_hours library when it has one).
 */
export function invalidHours(code: string, field: string, messages: string[]): AppException {
  return new AppException(
    code,
    `The opening hours in "${field}" are not valid: ${messages.join(' ')}`,
    400,
    messages.map((message) => ({ field, code, message })),
  );
}

/** What the API shows about a space's hours. */
export interface HoursView {
  expression: string | null;
  structured: boolean;
  ranges: ScheduleRange[];
  exceptions: ScheduleException[];
  weeklyHours: WeeklyHours | null;
  openNow: OpenState | null;
}

/**
 * Describes a stored expression at a moment. Stored expressions were valid when written; should one no
 * longer parse (a library upgrade, a hand-edited row), the answer says "not known" instead of failing.
 */
export function describeHours(expression: string | null, at: Date): HoursView {
  const unknown: HoursView = {
    expression,
    structured: expression === null,
    ranges: [],
    exceptions: [],
    weeklyHours: null,
    openNow: null,
  };
  if (expression === null) return unknown;
  try {
    return { expression, ...shapeOf(expression), openNow: openState(expression, at) };
  } catch (error) {
    if (error instanceof OpeningHoursError) return unknown;
    throw error;
  }
}

/** What an expression says whatever the moment. */
type HoursShape = Pick<HoursView, 'structured' | 'ranges' | 'exceptions' | 'weeklyHours'>;

const SHAPE_CACHE_LIMIT = 5000;
const shapes = new Map<string, HoursShape>();

/**
 * The moment-independent part of `describeHours`, parsed once per expression and process: the public
 * directory describes every space of a page on every request, and a parse takes milliseconds. Frozen,
 * because every answer shares it. Bounded: when full, the oldest expression goes.
 */
function shapeOf(expression: string): HoursShape {
  const known = shapes.get(expression);
  if (known) return known;
  const parsed = parseOpeningHours(expression);
  const shape: HoursShape = Object.freeze({
    structured: parsed.structured,
    ranges: Object.freeze(parsed.ranges.map((range) => Object.freeze(range))) as ScheduleRange[],
    exceptions: Object.freeze(
      parsed.exceptions.map((closure) => Object.freeze(closure)),
    ) as ScheduleException[],
    weeklyHours: Object.freeze(weeklyHours(expression)),
  });
  if (shapes.size >= SHAPE_CACHE_LIMIT) shapes.delete(shapes.keys().next().value!);
  shapes.set(expression, shape);
  return shape;
}

/** What may close a space for a whole week: a dated or recurring `off`/`closed` rule. */
const CLOSING_WORDS = 'off|closed';
const CLOSING_RULE = new RegExp(`\\b(${CLOSING_WORDS})\\b`, 'i');

/**
 * The SQL condition that keeps the spaces whose hours (`column`) may close a whole week, the same test as
 * `weeksClosedAllWeek`'s first one: a statement selects those few, and the rule judges them.
 */
export const closingHoursCondition = (column: string) => `${column} ~* '\\m(${CLOSING_WORDS})\\M'`;
const DAY_MS = 86_400_000;
/** A year of weeks for a few hundred expressions: a region's dashboard or evaluation reads them all. */
const CLOSED_WEEK_CACHE_LIMIT = 20_000;
const closedWeekCache = new Map<string, boolean>();

/**
 * Of the given ISO weeks, those in which the schedule opens at no time although it opens in a usual
 * week: dated closures cover every day it would otherwise open (a summer closure, the weeks between
 * Christmas and New Year). A space closed all week has nothing to report for it.
 * For the structured subset (weekly ranges and dated closures) this is worked out from the parsed
 * schedule, cached per expression; for other expressions (`Jul off`, public holidays, …) the
 * opening_hours library counts that week's hours, cached per expression and week. Unknown hours (null)
 * or an expression that no longer parses close no week.
 */
export function weeksClosedAllWeek(expression: string | null, weeks: readonly string[]): string[] {
  if (expression === null || weeks.length === 0 || !CLOSING_RULE.test(expression)) return [];
  let shape: HoursShape;
  try {
    shape = shapeOf(expression);
  } catch (error) {
    if (error instanceof OpeningHoursError) return [];
    throw error;
  }
  if (!shape.weeklyHours || shape.weeklyHours.openingHours <= 0) return [];
  if (shape.structured) {
    if (shape.exceptions.length === 0) return [];
    const openDays = [...new Set(shape.ranges.map((range) => WEEKDAYS.indexOf(range.day)))];
    const closed = (day: string) =>
      shape.exceptions.some((closure) => closure.from <= day && day <= closure.to);
    return weeks.filter((week) => {
      const { year, month, day } = isoWeekMonday(week);
      const monday = Date.UTC(year, month - 1, day);
      return openDays.every((offset) =>
        closed(new Date(monday + offset * DAY_MS).toISOString().slice(0, 10)),
      );
    });
  }
  return weeks.filter((week) => {
    const key = `${expression}\u0000${week}`;
    let closed = closedWeekCache.get(key);
    if (closed === undefined) {
      closed = weeklyHours(expression, week as `${number}-W${number}`).openingHours === 0;
      if (closedWeekCache.size >= CLOSED_WEEK_CACHE_LIMIT)
        closedWeekCache.delete(closedWeekCache.keys().next().value!);
      closedWeekCache.set(key, closed);
    }
    return closed;
  });
}
