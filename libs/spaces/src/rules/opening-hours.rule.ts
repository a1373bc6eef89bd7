/**
 * Opening hours of a public computer space, stored as an OpenStreetMap `opening_hours` expression.
 *
 * The expression is the source of truth. For the common case (a weekly schedule whose ranges are flagged
 * with or without an animator, plus dated closures) we also derive a structured {@link Schedule} that a form
 * can edit and {@link formatOpeningHours} can write back. Anything beyond that subset (public holidays,
 * month ranges, week numbers, fallback rules, other comments, …) is kept as the library's prettified
 * expression and only *described* by the derived weekly ranges.
 *
 * Everything is computed by evaluating the expression with the `opening_hours` library rather than by
 * parsing it ourselves, so we cannot disagree with it about what an expression means.
 *
 * Conventions:
 * - All times are Europe/Brussels wall-clock times (see brussels-time.ts for how we get the library, which
 *   evaluates in the process's zone, to use them).
 * - A range with an animator present carries the comment `"animator"`, e.g. `Mo-Fr 09:00-12:00 "animator"`.
 *   The library reports a commented range without explicit state as *unknown*; we count such ranges as open.
 *   Other unknown time (e.g. `|| "by appointment"`) is not counted as open: nobody promises a visitor that
 *   the space will be open then.
 * - Public holidays (`PH`) use the library's Belgian calendar; school holidays (`SH`) need a community.
 */
import OpeningHours, { type nominatim_object } from 'opening_hours';

import { fromBrusselsLocalClock, toBrusselsLocalClock } from './brussels-time.js';
import { type IsoWeek, isoWeekMonday } from './iso-week.js';
import { OpeningHoursError } from './opening-hours.error.js';

export { OpeningHoursError, type OpeningHoursErrorCode } from './opening-hours.error.js';
export type { IsoWeek } from './iso-week.js';

export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The comment that marks a range during which an animator is present. */
export const ANIMATOR_COMMENT = 'animator';

/** A weekly time range; `from`/`to` are `HH:MM` (Brussels time), `to` may be `24:00`, `from < to`. */
export interface ScheduleRange {
  day: Weekday;
  from: string;
  to: string;
  animator: boolean;
}

/** A closure from one day to another, both inclusive (`YYYY-MM-DD`). A `note` may not contain `"`. */
export interface ScheduleException {
  from: string;
  to: string;
  closed: true;
  note?: string;
}

/** The structured subset: a weekly schedule plus dated closures (which win over the weekly schedule). */
export interface Schedule {
  ranges: ScheduleRange[];
  exceptions: ScheduleException[];
}

/** What {@link parseOpeningHours} returns. */
export interface ParsedSchedule extends Schedule {
  /** The canonical expression: the source of truth. */
  osm: string;
  /**
   * True when `ranges` and `exceptions` describe `osm` exactly, so a form may edit them and write them back
   * with {@link formatOpeningHours}. When false, `ranges` only describe a typical week (the reference week,
   * dated closures ignored) and `exceptions` list the dated closures found; `osm` must be edited as text.
   */
  structured: boolean;
}

/** Belgium's language communities, which have different school holidays (`SH`). */
export type BelgianCommunity = 'nl' | 'fr' | 'de';

export interface OpeningHoursOptions {
  /** Needed only for expressions that use school holidays (`SH`). */
  community?: BelgianCommunity;
}

export interface ParseOptions extends OpeningHoursOptions {
  /** The week whose evaluation gives the typical week of expressions that vary by date. */
  referenceWeek?: IsoWeek;
}

/** An expression, or a schedule to write as one. */
export type OpeningHoursInput = string | Schedule | ParsedSchedule;

export interface WeeklyHours {
  openingHours: number;
  hoursWithAnimator: number;
}

export interface OpenState {
  open: boolean;
  animatorPresent: boolean;
  /** When `open` or `animatorPresent` next changes; null if not within a year. */
  nextChange: Date | null;
  /** When the space next goes from closed to open; null if not within a year. */
  nextOpening: Date | null;
}

/** A week without Belgian public holidays or summer-time switches, so every weekday is a normal one. */
export const DEFAULT_REFERENCE_WEEK: IsoWeek = '2026-W02';

/**
 * Validates an expression and derives its schedule. Throws an `OPENING_HOURS.INVALID` {@link OpeningHoursError}
 * if the library rejects it.
 */
export function parseOpeningHours(expr: string, options: ParseOptions = {}): ParsedSchedule {
  const library = compile(expr, options);
  const rules = splitRules(library);
  const exceptions: ScheduleException[] = [];
  const weeklyRules: ExpressionRule[] = [];
  for (const rule of rules) {
    // Only a normal rule (`;`) overrides what came before; a closure as an additional or fallback rule
    // means something else and stays in the weekly part, which then is not week-stable.
    const closure = rule.separator === '; ' || rule.separator === '' ? parseClosureRule(rule.text) : null;
    if (closure) exceptions.push(closure);
    else weeklyRules.push(rule);
  }
  exceptions.sort(compareExceptions);
  const weeklyExpr = weeklyRules
    .map((rule, index) => (index === 0 ? '' : rule.separator) + rule.text)
    .join('');
  const weekly = compile(weeklyExpr || 'off', options);
  const referenceWeek = weekWindow(options.referenceWeek ?? DEFAULT_REFERENCE_WEEK);
  const ranges = rangesFromSlots(openSlots(weekly, expr, referenceWeek));

  if (weekly.isWeekStable() && !VARIABLE_TIMES.test(weeklyExpr)) {
    const osm = formatSchedule({ ranges, exceptions });
    // The weekly part is the same every week and closures only matter on their own days, so comparing the
    // reference week and each closure (with a day either side, for overnight ranges) proves equivalence.
    const formatted = compile(osm, options);
    const windows = [referenceWeek, ...exceptions.map(closureWindow)];
    if (windows.every((window) => sameIntervals(library, formatted, expr, window))) {
      return { osm, structured: true, ranges, exceptions };
    }
  }
  return { osm: library.prettifyValue(), structured: false, ranges, exceptions };
}

/**
 * Writes a schedule as an expression: days with the same ranges are grouped (`Mo-Fr 09:00-12:00`), ranges
 * with an animator carry `"animator"`, closures come last (`2026 Dec 24-2026 Dec 26 off`). A parsed schedule
 * that is not structured gives back its expression unchanged. Throws an `OPENING_HOURS.INVALID_SCHEDULE`
 * {@link OpeningHoursError} for invalid or overlapping ranges and invalid closures.
 */
export function formatOpeningHours(schedule: Schedule | ParsedSchedule): string {
  if ('osm' in schedule && !schedule.structured) return schedule.osm;
  const osm = formatSchedule(schedule);
  try {
    // The library has limits we do not repeat here (e.g. the years it accepts).
    new OpeningHours(osm, nominatim({}));
  } catch (error) {
    throw new OpeningHoursError(
      'OPENING_HOURS.INVALID_SCHEDULE',
      `This schedule gives opening hours that are not valid: ${libraryMessage(error)}`,
      libraryMessage(error),
    );
  }
  return osm;
}

/** The canonical form of an expression: ours for the structured subset, the library's prettified one otherwise. */
export function normalizeOpeningHours(expr: string, options: ParseOptions = {}): string {
  return formatOpeningHours(parseOpeningHours(expr, options));
}

/**
 * Scheduled hours in a week, rounded to 2 decimals. Without `isoWeek`: the typical week (dated closures
 * ignored). With it: that actual week, with closures, public holidays and summer-time switches (a night
 * that loses an hour counts one hour less).
 */
export function weeklyHours(
  input: OpeningHoursInput,
  isoWeek?: IsoWeek,
  options: OpeningHoursOptions = {},
): WeeklyHours {
  const expr = toExpression(input);
  let openMs = 0;
  let animatorMs = 0;
  if (isoWeek === undefined) {
    for (const range of parseOpeningHours(expr, options).ranges) {
      const ms = (minutesOf(range.to) - minutesOf(range.from)) * MINUTE_MS;
      openMs += ms;
      if (range.animator) animatorMs += ms;
    }
  } else {
    for (const slot of openSlots(compile(expr, options), expr, weekWindow(isoWeek))) {
      const ms = fromBrusselsLocalClock(slot.to).getTime() - fromBrusselsLocalClock(slot.from).getTime();
      openMs += ms;
      if (slot.animator) animatorMs += ms;
    }
  }
  return { openingHours: roundHours(openMs), hoursWithAnimator: roundHours(animatorMs) };
}

/** Whether the space is open (and with an animator) at `now`, and when that changes. */
export function openState(input: OpeningHoursInput, now: Date, options: OpeningHoursOptions = {}): OpenState {
  const expr = toExpression(input);
  const key = `${options.community ?? ''}|${expr}`;
  const cached = openStates.get(key);
  const at = now.getTime();
  if (cached && at >= cached.from && at < cached.until) return cached.state;
  const library = compile(expr, options);
  // Most answers lie within a week; only long closures need the slower look a year ahead.
  const week = openStateWithin(library, expr, now, 8);
  const state = week.nextChange && week.nextOpening ? week : openStateWithin(library, expr, now, 367);
  // Nothing in the answer changes before `nextChange`, so it can be given again until then: the public
  // directory asks this for every space on every request, and evaluating an expression takes milliseconds.
  remember(openStates, key, { from: at, until: state.nextChange?.getTime() ?? at + HOUR_MS, state });
  return state;
}

const CACHE_LIMIT = 5000;
const openStates = new Map<string, { from: number; until: number; state: OpenState }>();
const compiled = new Map<string, OpeningHours>();

/** A bounded cache: when full, the oldest entry goes (Map keeps insertion order). */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  cache.delete(key);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

// --- Evaluation -------------------------------------------------------------------------------------------

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Times that depend on the sun; without coordinates the library silently uses fixed times for them. */
const VARIABLE_TIMES = /\b(sunrise|sunset|dawn|dusk)\b/;

/** A stretch of library-clock time (local fields read Brussels wall-clock time). */
interface Window {
  from: Date;
  to: Date;
}

/** Open time, in library-clock time. */
interface Slot extends Window {
  animator: boolean;
}

function nominatim(options: OpeningHoursOptions): nominatim_object {
  // No coordinates on purpose: the library would compute sunrise/sunset in the process's time zone.
  return {
    address: { country_code: 'be', state: options.community?.toUpperCase() ?? '' },
  } as nominatim_object;
}

function libraryMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function invalidExpression(expr: string, error: unknown): OpeningHoursError {
  const message = libraryMessage(error);
  return new OpeningHoursError(
    'OPENING_HOURS.INVALID',
    `Opening hours "${expr}" are not valid: ${message}`,
    message,
  );
}

/** The library's parse of an expression; it only answers queries afterwards, so one parse serves all. */
function compile(expr: string, options: OpeningHoursOptions): OpeningHours {
  const key = `${options.community ?? ''}|${expr}`;
  const known = compiled.get(key);
  if (known) return known;
  let library: OpeningHours;
  try {
    library = new OpeningHours(expr, nominatim(options));
  } catch (error) {
    throw invalidExpression(expr, error);
  }
  remember(compiled, key, library);
  return library;
}

function toExpression(input: OpeningHoursInput): string {
  return typeof input === 'string' ? input : formatOpeningHours(input);
}

/** The library's intervals, as it reports them (split wherever a rule changes). */
function libraryIntervals(library: OpeningHours, expr: string, window: Window) {
  try {
    return library.getOpenIntervals(window.from, window.to);
  } catch (error) {
    // Some problems (e.g. missing school holidays for a year) only show during evaluation.
    throw invalidExpression(expr, error);
  }
}

/** Open time in a window, with contiguous stretches of the same kind merged. */
function openSlots(library: OpeningHours, expr: string, window: Window): Slot[] {
  const slots: Slot[] = [];
  for (const [from, to, unknown, comment] of libraryIntervals(library, expr, window)) {
    const animator = comment === ANIMATOR_COMMENT;
    if (unknown && !animator) continue;
    const last = slots.at(-1);
    if (last && last.to.getTime() === from.getTime() && last.animator === animator) last.to = to;
    else slots.push({ from, to, animator });
  }
  return slots;
}

/** Whether two expressions have the same open, unknown and commented time in a window. */
function sameIntervals(first: OpeningHours, second: OpeningHours, expr: string, window: Window): boolean {
  const describe = (library: OpeningHours) => {
    const merged: { from: number; to: number; kind: string }[] = [];
    for (const [from, to, unknown, comment] of libraryIntervals(library, expr, window)) {
      const kind = JSON.stringify([unknown, comment ?? null]);
      const last = merged.at(-1);
      if (last && last.to === from.getTime() && last.kind === kind) last.to = to.getTime();
      else merged.push({ from: from.getTime(), to: to.getTime(), kind });
    }
    return JSON.stringify(merged);
  };
  return describe(first) === describe(second);
}

/** Monday 00:00 to the next Monday 00:00 of an ISO week, in library-clock time. */
function weekWindow(isoWeek: string): Window {
  const { year, month, day } = isoWeekMonday(isoWeek);
  return { from: new Date(year, month - 1, day), to: new Date(year, month - 1, day + 7) };
}

/** Weekly ranges from the slots of one week, split at midnight. */
function rangesFromSlots(slots: Slot[]): ScheduleRange[] {
  const ranges: ScheduleRange[] = [];
  for (const slot of slots) {
    let from = slot.from;
    while (from < slot.to) {
      const midnight = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 1);
      const untilMidnight = slot.to >= midnight;
      const to = untilMidnight ? midnight : slot.to;
      ranges.push({
        day: WEEKDAYS[(from.getDay() + 6) % 7],
        from: clockTime(from),
        to: untilMidnight ? '24:00' : clockTime(to),
        animator: slot.animator,
      });
      from = to;
    }
  }
  return ranges;
}

const pad2 = (value: number) => String(value).padStart(2, '0');
const clockTime = (date: Date) => `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
const roundHours = (ms: number) => Math.round((ms / HOUR_MS) * 100) / 100;

/** The open state at `now`, looking `days` ahead: changes beyond that are null. */
function openStateWithin(library: OpeningHours, expr: string, now: Date, days: number): OpenState {
  const from = toBrusselsLocalClock(now);
  const to = new Date(
    from.getFullYear(),
    from.getMonth(),
    from.getDate() + days,
    from.getHours(),
    from.getMinutes(),
  );
  const slots = openSlots(library, expr, { from, to });
  const current = slots[0]?.from.getTime() === from.getTime() ? slots[0] : undefined;
  // The end of the window is no change: we just stopped looking there.
  const instant = (local: Date | undefined) =>
    local === undefined || local.getTime() === to.getTime() ? null : instantAfter(local, now);

  // The first slot after the open stretch we are in (whose slots may alternate with and without animator).
  let next = current ? 1 : 0;
  while (current && next < slots.length && slots[next].from.getTime() === slots[next - 1].to.getTime()) {
    next++;
  }
  return {
    open: current !== undefined,
    animatorPresent: current?.animator ?? false,
    nextChange: instant(current ? current.to : slots[0]?.from),
    nextOpening: instant(slots[next]?.from),
  };
}

/**
 * The real instant of a library-clock time that lies after `now`. In the hour repeated when summer time ends,
 * a wall-clock time can be both before and after `now`: we want the occurrence still to come.
 */
function instantAfter(local: Date, now: Date): Date {
  const earlier = fromBrusselsLocalClock(local, 'earlier');
  return earlier > now ? earlier : fromBrusselsLocalClock(local, 'later');
}

// --- Rules and closures -----------------------------------------------------------------------------------

interface ExpressionRule {
  /** The rule as the library prettifies it. */
  text: string;
  /** What separates it from the previous rule (`; ` normal, `, ` additional, ` || ` fallback); '' for the first. */
  separator: string;
}

const RULE_SEPARATORS = ['; ', ', ', ' || '];

/**
 * The rules of an expression, as the library prettifies them. The library prettifies one rule at a time but
 * does not tell the separators, so we find them between the rules in the prettified whole.
 */
function splitRules(library: OpeningHours): ExpressionRule[] {
  const whole = library.prettifyValue();
  const rules: ExpressionRule[] = [];
  let position = 0;
  while (position < whole.length) {
    const text = library.prettifyValue({ rule_index: rules.length });
    const separator =
      rules.length === 0 ? '' : RULE_SEPARATORS.find((sep) => whole.startsWith(sep + text, position));
    // Cannot happen with the library as it is; treating everything as one rule is always safe.
    if (text === '' || separator === undefined || !whole.startsWith(separator + text, position)) {
      return [{ text: whole, separator: '' }];
    }
    rules.push({ text, separator });
    position += separator.length + text.length;
  }
  return rules;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
/** `2026 Dec 24 off`, `2026 Dec 24-26 off`, `2026 Dec 24-2027 Jan 02 off "note"` as the library prettifies them. */
const CLOSURE_RULE = new RegExp(
  `^(\\d{4}) ${MONTH} (\\d{2})(?:-(?:(?:(\\d{4}) )?${MONTH} )?(\\d{2}))? (?:off|closed)(?: "([^"]*)")?$`,
);

function parseClosureRule(text: string): ScheduleException | null {
  const match = CLOSURE_RULE.exec(text);
  if (!match) return null;
  const [, year, month, day, toYear, toMonth, toDay, note] = match;
  const from = isoDate(year, month, day);
  const to = isoDate(toYear ?? year, toMonth ?? month, toDay ?? day);
  // The library accepts `2026 Feb 29`; `2026 Dec 24-Jan 02` and the like are ambiguous. Leave them to it.
  if (!isCalendarDate(from) || !isCalendarDate(to) || to < from) return null;
  return note ? { from, to, closed: true, note } : { from, to, closed: true };
}

const isoDate = (year: string, month: string, day: string) =>
  `${year}-${pad2(MONTHS.indexOf(month) + 1)}-${day}`;

const compareExceptions = (a: ScheduleException, b: ScheduleException) =>
  a.from.localeCompare(b.from) || a.to.localeCompare(b.to);

/** The closed days with a day either side, in library-clock time. */
function closureWindow(exception: ScheduleException): Window {
  const [fromYear, fromMonth, fromDay] = exception.from.split('-').map(Number);
  const [toYear, toMonth, toDay] = exception.to.split('-').map(Number);
  return {
    from: new Date(fromYear, fromMonth - 1, fromDay - 1),
    to: new Date(toYear, toMonth - 1, toDay + 2),
  };
}

// --- Formatting -------------------------------------------------------------------------------------------

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OSM_WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

function invalidSchedule(message: string): OpeningHoursError {
  return new OpeningHoursError('OPENING_HOURS.INVALID_SCHEDULE', message);
}

function formatSchedule(schedule: Schedule): string {
  const rangesByDay = WEEKDAYS.map((): ScheduleRange[] => []);
  for (const range of schedule.ranges) {
    const day = WEEKDAYS.indexOf(range.day);
    if (day < 0) throw invalidSchedule(`"${range.day}" is not a weekday; use one of ${WEEKDAYS.join(', ')}.`);
    if (!TIME.test(range.from) || !(TIME.test(range.to) || range.to === '24:00') || range.from >= range.to) {
      throw invalidSchedule(
        `The range ${range.from}-${range.to} is not valid: use HH:MM times with the start before the end.`,
      );
    }
    rangesByDay[day].push(range);
  }
  for (const ranges of rangesByDay) {
    ranges.sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < ranges.length; i++) {
      if (ranges[i].from < ranges[i - 1].to) {
        const [a, b] = [ranges[i - 1], ranges[i]];
        throw invalidSchedule(`The ranges ${a.from}-${a.to} and ${b.from}-${b.to} on ${a.day} overlap.`);
      }
    }
  }

  // Days with identical ranges share a rule. Rules for distinct days never override each other; within a
  // day, ranges with and without an animator are additional rules (`,`) because a comment covers a rule.
  const dayGroups = new Map<string, number[]>();
  rangesByDay.forEach((ranges, day) => {
    if (ranges.length === 0) return;
    const key = JSON.stringify(ranges.map(({ from, to, animator }) => [from, to, animator]));
    dayGroups.set(key, [...(dayGroups.get(key) ?? []), day]);
  });
  const rules = [...dayGroups.values()].map((days) => {
    const selector = formatDays(days);
    const ranges = rangesByDay[days[0]];
    return [false, true]
      .map((animator) => ranges.filter((range) => range.animator === animator))
      .filter((part) => part.length > 0)
      .sort((a, b) => a[0].from.localeCompare(b[0].from))
      .map((part) => {
        const times = part.map((range) => `${range.from}-${range.to}`).join(',');
        return `${selector} ${times}${part[0].animator ? ` "${ANIMATOR_COMMENT}"` : ''}`;
      })
      .join(', ');
  });

  const weekly = rules.length === 0 ? 'off' : rules.join('; ');
  const closures = [...schedule.exceptions].sort(compareExceptions).map(formatClosure);
  return [weekly === 'Mo-Su 00:00-24:00' ? '24/7' : weekly, ...closures].join('; ');
}

/** `Mo-Fr`, `Sa,Su`, `Mo,We-Fr`: runs of three days or more become ranges. */
function formatDays(days: number[]): string {
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${OSM_WEEKDAYS[run[0]]}-${OSM_WEEKDAYS[run.at(-1)!]}`
        : run.map((day) => OSM_WEEKDAYS[day]).join(','),
    )
    .join(',');
}

function formatClosure(exception: ScheduleException): string {
  const from = osmDate(exception.from);
  const to = osmDate(exception.to);
  if (exception.to < exception.from) {
    throw invalidSchedule(`The closure from ${exception.from} to ${exception.to} ends before it starts.`);
  }
  if (exception.note?.includes('"')) {
    throw invalidSchedule(`The note of a closure may not contain double quotes: ${exception.note}`);
  }
  const dates = from === to ? from : `${from}-${to}`;
  return `${dates} off${exception.note ? ` "${exception.note}"` : ''}`;
}

/** `2026-12-24` → `2026 Dec 24`. */
function osmDate(date: string): string {
  if (!isCalendarDate(date)) throw invalidSchedule(`"${date}" is not a date like 2026-12-24.`);
  const [year, month, day] = date.split('-');
  return `${year} ${MONTHS[Number(month) - 1]} ${day}`;
}

function isCalendarDate(date: string): boolean {
  const match = DATE.exec(date);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const real = new Date(Date.UTC(year, month - 1, day));
  return real.getUTCFullYear() === year && real.getUTCMonth() === month - 1 && real.getUTCDate() === day;
}
