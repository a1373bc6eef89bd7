/**
 * The opening-hours editor's grid, and its conversions to and from the stored expression. Pure functions.
 *
 * The registry stores an OpenStreetMap `opening_hours` expression (see libs/spaces/src/rules/opening-hours.rule.ts).
 * The editor writes the subset a coordinator needs, in this order:
 *   weekly ranges (`"animator"` on ranges with an animator); special hours on dates; closures; `PH off`.
 * Later rules win, so a closure beats special hours on the same day, and public holidays beat both.
 * Reading goes the other way and is only trusted when writing the grid back gives the same expression:
 * anything else (school holidays, fallback rules, …) is reported as not exact, so the page can warn that
 * saving replaces it.
 */
import {
  WEEKDAYS,
  formatOpeningHours,
  normalizeOpeningHours,
  parseOpeningHours,
  type ScheduleRange,
  type Weekday,
} from '../../../../libs/spaces/src/index.js';

export { WEEKDAYS, type Weekday };

/** Rows the form shows per day, and the most exceptions one save may hold. */
export const RANGES_PER_DAY = 3;
export const MAX_EXCEPTIONS = 30;
/** Empty exception rows the form adds for new exceptions (the page works without JavaScript). */
export const NEW_EXCEPTION_ROWS = 2;
export const NOTE_MAX = 200;

export interface GridRange {
  from: string;
  to: string;
  animator: boolean;
}

/** A date or date range (inclusive), either closed or open at one special range of hours. */
export interface GridException {
  from: string;
  to: string;
  closed: boolean;
  /** Special hours (only when not closed). */
  opens: string;
  closes: string;
  /** Only with a closure: a comment on special hours would make the library call them "unknown". */
  note: string;
}

export interface HoursGrid {
  days: Record<Weekday, GridRange[]>;
  exceptions: GridException[];
  publicHolidaysClosed: boolean;
}

export interface GridReading {
  grid: HoursGrid;
  /** True when the grid says exactly what the stored expression says. */
  exact: boolean;
}

export const emptyGrid = (): HoursGrid => ({
  days: Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as Record<Weekday, GridRange[]>,
  exceptions: [],
  publicHolidaysClosed: false,
});

// --- Grid → expression ------------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-24` → `2026 Dec 24`. */
const osmDate = (date: string) => {
  const [year, month, day] = date.split('-');
  return `${year} ${MONTHS[Number(month) - 1]} ${day}`;
};
const osmDates = (e: GridException) =>
  e.from === e.to ? osmDate(e.from) : `${osmDate(e.from)}-${osmDate(e.to)}`;

const byDates = (a: GridException, b: GridException) =>
  a.from.localeCompare(b.from) || a.to.localeCompare(b.to);

/**
 * The expression for a valid grid (see {@link readHoursForm}). Throws the rules' OpeningHoursError if the
 * weekly ranges are invalid, which a validated grid never is.
 */
export function expressionFromGrid(grid: HoursGrid): string {
  const ranges: ScheduleRange[] = WEEKDAYS.flatMap((day) =>
    grid.days[day].map((range) => ({ day, ...range })),
  );
  const weekly = formatOpeningHours({ ranges, exceptions: [] });
  const special = grid.exceptions
    .filter((e) => !e.closed)
    .sort(byDates)
    .map((e) => `${osmDates(e)} ${e.opens}-${e.closes}`);
  const closures = grid.exceptions
    .filter((e) => e.closed)
    .sort(byDates)
    .map((e) => `${osmDates(e)} off${e.note ? ` "${e.note}"` : ''}`);
  return [weekly, ...special, ...closures, ...(grid.publicHolidaysClosed ? ['PH off'] : [])].join('; ');
}

// --- Expression → grid ------------------------------------------------------------------------------------

const MONTH = `(${MONTHS.join('|')})`;
const DATES = `(\\d{4}) ${MONTH} (\\d{2})(?:-(?:(?:(\\d{4}) )?${MONTH} )?(\\d{2}))?`;
const CLOSURE_RULE = new RegExp(`^${DATES} (?:off|closed)(?: "([^"]*)")?$`);
const SPECIAL_RULE = new RegExp(`^${DATES} (\\d{2}:\\d{2})-(\\d{2}:\\d{2})$`);

const pad2 = (value: number) => String(value).padStart(2, '0');
const isoDate = (year: string, month: string, day: string) =>
  `${year}-${pad2(MONTHS.indexOf(month) + 1)}-${day}`;

function datesOf(match: RegExpExecArray): { from: string; to: string } {
  const [, year, month, day, toYear, toMonth, toDay] = match;
  return { from: isoDate(year, month, day), to: isoDate(toYear ?? year, toMonth ?? month, toDay ?? day) };
}

/** Splits at `; ` outside double quotes (a note may contain `;`). */
function splitRules(expr: string): string[] {
  const rules: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    if (expr[i] === '"') quoted = !quoted;
    else if (!quoted && expr.startsWith('; ', i)) {
      rules.push(expr.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  rules.push(expr.slice(start));
  return rules.filter((rule) => rule !== '');
}

function gridOfRanges(ranges: ScheduleRange[]): HoursGrid['days'] {
  const days = emptyGrid().days;
  for (const { day, from, to, animator } of ranges) days[day].push({ from, to, animator });
  for (const day of WEEKDAYS) days[day].sort((a, b) => a.from.localeCompare(b.from));
  return days;
}

/**
 * The grid of a stored expression (null: hours not known yet, an empty grid). When the expression uses
 * more than the editor writes, the grid shows its typical week and closures and `exact` is false.
 */
export function gridFromExpression(expression: string | null): GridReading {
  if (expression === null || expression.trim() === '') return { grid: emptyGrid(), exact: true };
  let canonical: string;
  let fallback: HoursGrid;
  try {
    canonical = normalizeOpeningHours(expression);
    const described = parseOpeningHours(canonical);
    fallback = {
      days: gridOfRanges(described.ranges),
      exceptions: described.exceptions.map((e) => ({
        from: e.from,
        to: e.to,
        closed: true,
        opens: '',
        closes: '',
        note: e.note ?? '',
      })),
      publicHolidaysClosed: false,
    };
  } catch {
    // A stored expression the library no longer reads: the coordinator starts again from an empty grid.
    return { grid: emptyGrid(), exact: false };
  }
  const grid = emptyGrid();
  const weekly: string[] = [];
  for (const rule of splitRules(canonical)) {
    const closure = CLOSURE_RULE.exec(rule);
    const special = SPECIAL_RULE.exec(rule);
    if (rule === 'PH off' || rule === 'PH closed') grid.publicHolidaysClosed = true;
    else if (closure)
      grid.exceptions.push({
        ...datesOf(closure),
        closed: true,
        opens: '',
        closes: '',
        note: closure[7] ?? '',
      });
    else if (special)
      grid.exceptions.push({
        ...datesOf(special),
        closed: false,
        opens: special[7],
        closes: special[8],
        note: '',
      });
    else weekly.push(rule);
  }
  try {
    const parsed = parseOpeningHours(weekly.join('; ') || 'off');
    if (!parsed.structured || parsed.exceptions.length > 0) return { grid: fallback, exact: false };
    grid.days = gridOfRanges(parsed.ranges);
    const fits =
      WEEKDAYS.every((day) => grid.days[day].length <= RANGES_PER_DAY) &&
      grid.exceptions.length <= MAX_EXCEPTIONS;
    // Trust the reading only if writing it back says the same thing, rule for rule.
    if (fits && normalizeOpeningHours(expressionFromGrid(grid)) === canonical) return { grid, exact: true };
  } catch {
    // Parts that are not valid on their own (e.g. a weekly rule that needs the rest): not ours to edit.
  }
  return { grid: fallback, exact: false };
}

// --- The form ---------------------------------------------------------------------------------------------

/** What went wrong with one input; the page turns codes into sentences in the visitor's language. */
export type GridErrorCode =
  | 'time'
  | 'timeMissing'
  | 'order'
  | 'overlap'
  | 'date'
  | 'dateMissing'
  | 'dateOrder'
  | 'specialHoursMissing'
  | 'noteWithHours'
  | 'noteQuotes'
  | 'noteLength'
  | 'tooMany'
  | 'version';

export interface GridError {
  field: string;
  code: GridErrorCode;
}

/** Names of the form's inputs. Ranges and exception rows count from 1 (they are also shown that way). */
export const rangeField = (day: Weekday, row: number, part: 'from' | 'to' | 'animator') =>
  `${day}-${row}-${part}`;
export const exceptionField = (
  row: number,
  part: 'from' | 'to' | 'kind' | 'opens' | 'closes' | 'note' | 'remove',
) => `ex-${row}-${part}`;

export const MAX_FORM_ROWS = MAX_EXCEPTIONS + NEW_EXCEPTION_ROWS;

/** A time as people type it (`9:00`, `09.00`, `9h30`, `9`), as `HH:MM`; `24:00` only where allowed. */
export function readTime(value: string, allowMidnightEnd: boolean): string | null {
  const match = /^(\d{1,2})(?:[:.hHuU](\d{2})?)?$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (minutes > 59) return null;
  if (hours === 24 && minutes === 0 && allowMidnightEnd) return '24:00';
  if (hours > 23) return null;
  return `${pad2(hours)}:${pad2(minutes)}`;
}

/** A real calendar date written `YYYY-MM-DD`, within the years the library accepts. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    year <= 2199 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

type Body = Record<string, unknown>;
const text = (body: Body, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : '';
const ticked = (body: Body, name: string) => {
  const value = body[name];
  return value === 'true' || value === 'on' || (Array.isArray(value) && value.includes('true'));
};

/** Every input name the form may send, to show typed values again. */
export function formFieldNames(exceptionRows: number): string[] {
  return [
    ...WEEKDAYS.flatMap((day) =>
      Array.from({ length: RANGES_PER_DAY }, (_, i) =>
        (['from', 'to', 'animator'] as const).map((part) => rangeField(day, i + 1, part)),
      ).flat(),
    ),
    ...Array.from({ length: exceptionRows }, (_, i) =>
      (['from', 'to', 'kind', 'opens', 'closes', 'note', 'remove'] as const).map((part) =>
        exceptionField(i + 1, part),
      ),
    ).flat(),
    'publicHolidaysClosed',
  ];
}

/** How many exception rows a posted form has (rows are numbered 1..n without gaps). */
export function exceptionRowsOf(body: Body): number {
  let rows = 0;
  for (const key of Object.keys(body)) {
    const match = /^ex-(\d+)-(?:from|to|kind|opens|closes|note|remove)$/.exec(key);
    if (match) rows = Math.max(rows, Number(match[1]));
  }
  return rows;
}

/**
 * Reads and checks the posted form. Empty rows are skipped, and so are exception rows marked "remove".
 * Overnight ranges are refused (`order`): a range past midnight is written as two, until 24:00 and from 00:00.
 */
export function readHoursForm(input: unknown): { grid: HoursGrid; errors: GridError[] } {
  const body = (input && typeof input === 'object' ? input : {}) as Body;
  const grid = emptyGrid();
  const errors: GridError[] = [];
  grid.publicHolidaysClosed = ticked(body, 'publicHolidaysClosed');

  for (const day of WEEKDAYS) {
    const rows: Array<GridRange & { row: number }> = [];
    for (let row = 1; row <= RANGES_PER_DAY; row++) {
      const fromText = text(body, rangeField(day, row, 'from'));
      const toText = text(body, rangeField(day, row, 'to'));
      if (fromText === '' && toText === '') continue;
      const from = fromText === '' ? null : readTime(fromText, false);
      const to = toText === '' ? null : readTime(toText, true);
      if (fromText === '') errors.push({ field: rangeField(day, row, 'from'), code: 'timeMissing' });
      else if (from === null) errors.push({ field: rangeField(day, row, 'from'), code: 'time' });
      if (toText === '') errors.push({ field: rangeField(day, row, 'to'), code: 'timeMissing' });
      else if (to === null) errors.push({ field: rangeField(day, row, 'to'), code: 'time' });
      if (from === null || to === null) continue;
      if (from >= to) {
        errors.push({ field: rangeField(day, row, 'to'), code: 'order' });
        continue;
      }
      rows.push({ row, from, to, animator: ticked(body, rangeField(day, row, 'animator')) });
    }
    rows.sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < rows.length; i++) {
      if (rows[i].from < rows[i - 1].to) {
        errors.push({ field: rangeField(day, rows[i].row, 'from'), code: 'overlap' });
      }
    }
    grid.days[day] = rows.map(({ from, to, animator }) => ({ from, to, animator }));
  }

  const rowCount = Math.min(exceptionRowsOf(body), MAX_FORM_ROWS + 1);
  for (let row = 1; row <= rowCount; row++) {
    const field = (part: Parameters<typeof exceptionField>[1]) => exceptionField(row, part);
    const from = text(body, field('from'));
    const toText = text(body, field('to'));
    const opensText = text(body, field('opens'));
    const closesText = text(body, field('closes'));
    const note = text(body, field('note'));
    if (ticked(body, field('remove'))) continue;
    if ([from, toText, opensText, closesText, note].every((value) => value === '')) continue;
    if (grid.exceptions.length >= MAX_EXCEPTIONS) {
      errors.push({ field: field('from'), code: 'tooMany' });
      break;
    }
    const closed = text(body, field('kind')) !== 'hours';
    const before = errors.length;
    if (from === '') errors.push({ field: field('from'), code: 'dateMissing' });
    else if (!isCalendarDate(from)) errors.push({ field: field('from'), code: 'date' });
    const to = toText === '' ? from : toText;
    if (toText !== '' && !isCalendarDate(toText)) errors.push({ field: field('to'), code: 'date' });
    else if (errors.length === before && to < from) errors.push({ field: field('to'), code: 'dateOrder' });
    let opens = '';
    let closes = '';
    if (!closed) {
      const readOpens = opensText === '' ? null : readTime(opensText, false);
      const readCloses = closesText === '' ? null : readTime(closesText, true);
      if (opensText === '') errors.push({ field: field('opens'), code: 'specialHoursMissing' });
      else if (readOpens === null) errors.push({ field: field('opens'), code: 'time' });
      if (closesText === '') errors.push({ field: field('closes'), code: 'specialHoursMissing' });
      else if (readCloses === null) errors.push({ field: field('closes'), code: 'time' });
      if (readOpens !== null && readCloses !== null && readOpens >= readCloses) {
        errors.push({ field: field('closes'), code: 'order' });
      }
      if (note !== '') errors.push({ field: field('note'), code: 'noteWithHours' });
      opens = readOpens ?? '';
      closes = readCloses ?? '';
    } else if (note.includes('"')) errors.push({ field: field('note'), code: 'noteQuotes' });
    else if (note.length > NOTE_MAX) errors.push({ field: field('note'), code: 'noteLength' });
    if (errors.length === before) {
      grid.exceptions.push({ from, to, closed, opens, closes, note: closed ? note : '' });
    }
  }
  grid.exceptions.sort(byDates);
  return { grid, errors };
}

/** The form's values for a grid, plus `extraRows` empty exception rows for new ones. */
export function formValuesOfGrid(grid: HoursGrid, extraRows = NEW_EXCEPTION_ROWS): Record<string, string> {
  const values: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    grid.days[day].slice(0, RANGES_PER_DAY).forEach((range, i) => {
      values[rangeField(day, i + 1, 'from')] = range.from;
      values[rangeField(day, i + 1, 'to')] = range.to;
      values[rangeField(day, i + 1, 'animator')] = range.animator ? 'true' : '';
    });
  }
  grid.exceptions.forEach((e, i) => {
    values[exceptionField(i + 1, 'from')] = e.from;
    values[exceptionField(i + 1, 'to')] = e.to === e.from ? '' : e.to;
    values[exceptionField(i + 1, 'kind')] = e.closed ? 'closed' : 'hours';
    values[exceptionField(i + 1, 'opens')] = e.opens;
    values[exceptionField(i + 1, 'closes')] = e.closes;
    values[exceptionField(i + 1, 'note')] = e.note;
  });
  values.exceptionRows = String(grid.exceptions.length + extraRows);
  values.publicHolidaysClosed = grid.publicHolidaysClosed ? 'true' : '';
  return values;
}

// --- Plain-language preview -------------------------------------------------------------------------------

export interface PreviewWords {
  dayNames: Record<Weekday, string>;
  /** `{day}`, `{hours}`: one day of the week (French puts a space before the colon). */
  dayLine: string;
  closed: string;
  /** `{from}`, `{to}`. */
  range: string;
  /** `{range}`. */
  withAnimator: string;
  /** `{ranges}` joined by `and`. */
  and: string;
  /** `{date}`; `{from}`/`{to}` for a date range. */
  closedOn: string;
  closedFromTo: string;
  /** `{date}`/`{from}`/`{to}`, `{hours}`. */
  specialOn: string;
  specialFromTo: string;
  publicHolidays: string;
  formatDate(date: string): string;
}

/** The week and its exceptions in sentences: "Monday 09:00–12:00 (with an animator)". */
export function describeGrid(grid: HoursGrid, words: PreviewWords): { days: string[]; exceptions: string[] } {
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  const range = (r: GridRange) => {
    const times = fill(words.range, { from: r.from, to: r.to });
    return r.animator ? fill(words.withAnimator, { range: times }) : times;
  };
  const days = WEEKDAYS.map((day) => {
    const ranges = grid.days[day];
    const said = ranges.length === 0 ? words.closed : ranges.map(range).join(words.and);
    return fill(words.dayLine, { day: words.dayNames[day], hours: said });
  });
  const exceptions = grid.exceptions.map((e) => {
    const dates = {
      date: words.formatDate(e.from),
      from: words.formatDate(e.from),
      to: words.formatDate(e.to),
    };
    const single = e.from === e.to;
    if (e.closed) {
      const said = fill(single ? words.closedOn : words.closedFromTo, dates);
      return e.note ? `${said} (${e.note})` : said;
    }
    const hours = fill(words.range, { from: e.opens, to: e.closes });
    return fill(single ? words.specialOn : words.specialFromTo, { ...dates, hours });
  });
  if (grid.publicHolidaysClosed) exceptions.push(words.publicHolidays);
  return { days, exceptions };
}
