import type { CsvMessageKey } from './csv-messages.js';

export type CsvSeparator = ',' | ';';

export type CsvParam = string | number | readonly string[];
export type CsvParams = Readonly<Record<string, CsvParam>>;

/** What a cell parser or row check finds wrong; the reader adds where it happened. */
export interface CsvIssue {
  /** A key of `csvMessages`, or of the catalogue a record kind passes to `formatCsvError`. */
  readonly key: string;
  readonly params: CsvParams;
}

export interface CellError<Column extends string = string> extends CsvIssue {
  readonly column: Column;
}

export interface CsvError extends CsvIssue {
  /** 1-based physical line in the file; the header is line 1. */
  readonly line: number;
  /**
   * null when the problem is the whole line, e.g. a wrong number of cells; a repeated key names its key
   * columns, comma-separated ("space_ref, week").
   */
  readonly column: string | null;
}

export interface CellContext {
  readonly separator: CsvSeparator;
}

export type CellResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: CsvIssue };

export interface CsvColumn<T, R extends boolean = boolean> {
  readonly required: R;
  /**
   * `cell` is trimmed and never empty: the reader turns empty cells into null (or a required error) first.
   * A parser may still answer null when a non-empty cell holds nothing, like `|` in a multi-value cell.
   */
  parse(cell: string, context: CellContext): CellResult<T | null>;
  format(value: T, context: CellContext): string;
}

export type CsvColumns = Readonly<Record<string, CsvColumn<any, boolean>>>;

export type InferRow<C extends CsvColumns> = {
  -readonly [K in keyof C]: C[K] extends CsvColumn<infer T, infer R>
    ? [R] extends [true]
      ? T
      : T | null
    : never;
};

export interface CsvSchema<C extends CsvColumns = CsvColumns> {
  readonly columns: C;
  /** Columns that together identify a row; a later row with the same values is rejected. */
  readonly key: readonly (keyof C & string)[];
  /** Cross-field checks; they run only on rows whose cells all parsed. */
  readonly rowChecks?: (row: InferRow<C>) => readonly CellError<keyof C & string>[];
}

export function defineColumns<C extends CsvColumns>(columns: C): C {
  const seen = new Set<string>();
  for (const name of Object.keys(columns)) {
    const folded = name.toLowerCase();
    // Headers are matched case-insensitively, so names differing only in case could never both be read.
    if (name === '' || name.trim() !== name || seen.has(folded)) {
      throw new Error(`Invalid or case-insensitively repeated CSV column name "${name}".`);
    }
    seen.add(folded);
  }
  return columns;
}

export function defineCsvSchema<C extends CsvColumns>(
  columns: C,
  options: Omit<CsvSchema<C>, 'columns' | 'key'> & { readonly key?: CsvSchema<C>['key'] } = {},
): CsvSchema<C> {
  return { columns, key: options.key ?? [], rowChecks: options.rowChecks };
}

// The factories below return `CsvColumn<T, NoInfer<R>>`: without it, inside `defineColumns`, TypeScript
// infers R from the expected `CsvColumn<any, boolean>` instead of from `required`, and InferRow loses all
// nullability.
interface RequiredOption<R extends boolean> {
  readonly required?: R;
}

interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (key: CsvMessageKey, params: CsvParams): CellResult<never> => ({
  ok: false,
  issue: { key, params },
});

function column<T, R extends boolean>(
  options: RequiredOption<R>,
  parse: CsvColumn<T, R>['parse'],
  format: CsvColumn<T, R>['format'],
): CsvColumn<T, R> {
  return { required: (options.required ?? false) as R, parse, format };
}

interface MaxLengthOption {
  /**
   * Longest value, in characters. Give every column one, the same as the API's @MaxLength for the field:
   * without it a long cell reaches the database, where an indexed column fails with a 500.
   */
  readonly maxLength?: number;
}

function tooLong(cell: string, maxLength: number | undefined): CellResult<never> | null {
  if (maxLength === undefined || cell.length <= maxLength) return null;
  // Counted in code points, like the database's varchar, so an accented letter or emoji is one.
  const length = [...cell].length;
  return length > maxLength ? fail('cell.text_too_long', { length, maxLength }) : null;
}

export function text<R extends boolean = false>(
  options: RequiredOption<R> & MaxLengthOption = {},
): CsvColumn<string, NoInfer<R>> {
  const { maxLength } = options;
  return column(
    options,
    (cell) => tooLong(cell, maxLength) ?? ok(cell),
    (value) => value,
  );
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
// In a `;` file (Belgian Excel) "1.500" means fifteen hundred; reading it as 1.5 would be a silent error.
const DOT_THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:[ .,'\u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

function toNumber(plain: string): number | 'invalid' {
  const value = Number(plain);
  // `|| 0` turns "-0" into 0, which is what anyone writing it means.
  return Number.isFinite(value) ? value || 0 : 'invalid';
}

/** `dotAlwaysDecimal` is for values that can never reach a thousand, such as coordinates. */
function readNumber(
  cell: string,
  separator: CsvSeparator,
  dotAlwaysDecimal: boolean,
): number | 'invalid' | 'cell.thousands_separator' | 'cell.decimal_comma' {
  if (PLAIN_NUMBER.test(cell)) {
    if (separator === ';' && !dotAlwaysDecimal && DOT_THOUSANDS.test(cell)) return 'cell.thousands_separator';
    return toNumber(cell);
  }
  const withPoint = cell.replace(',', '.');
  if (withPoint !== cell && PLAIN_NUMBER.test(withPoint)) {
    return separator === ';' ? toNumber(withPoint) : 'cell.decimal_comma';
  }
  return GROUPED_NUMBER.test(cell) ? 'cell.thousands_separator' : 'invalid';
}

const inBounds = (value: number, { min, max }: Bounds) =>
  (min === undefined || value >= min) && (max === undefined || value <= max);

const boundParams = ({ min, max }: Bounds): CsvParams => ({
  ...(min !== undefined && { min }),
  ...(max !== undefined && { max }),
});

export function integer<R extends boolean = false>(
  options: RequiredOption<R> & Bounds = {},
): CsvColumn<number, NoInfer<R>> {
  const bounds = boundParams(options);
  return column(
    options,
    (cell) => {
      if (/^[+-]?\d+$/.test(cell)) {
        const value = Number(cell) || 0;
        if (Number.isSafeInteger(value) && inBounds(value, options)) return ok(value);
      } else if (GROUPED_NUMBER.test(cell)) {
        // "1.000" or "1,000" cannot be a whole number unless grouped, whatever the file's separator.
        return fail('cell.thousands_separator', { value: cell });
      }
      return fail('cell.integer', { value: cell, ...bounds });
    },
    (value) => String(value),
  );
}

/** Number to text without the exponent notation `String()` switches to, which the reader does not accept. */
function plainDecimal(value: number): string {
  const shortest = String(value);
  if (!shortest.includes('e')) return shortest;
  const [mantissa, exponent] = shortest.split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function numberColumn<R extends boolean>(
  options: RequiredOption<R>,
  key: 'cell.decimal' | 'cell.latitude' | 'cell.longitude',
  bounds: Bounds,
  dotAlwaysDecimal: boolean,
): CsvColumn<number, R> {
  const params = boundParams(bounds);
  return column(
    options,
    (cell, { separator }) => {
      const reading = readNumber(cell, separator, dotAlwaysDecimal);
      if (typeof reading === 'number' && inBounds(reading, bounds)) return ok(reading);
      if (reading === 'cell.thousands_separator' || reading === 'cell.decimal_comma') {
        return fail(reading, { value: cell });
      }
      return fail(key, { value: cell, ...params });
    },
    (value, { separator }) =>
      separator === ';' ? plainDecimal(value).replace('.', ',') : plainDecimal(value),
  );
}

export function decimal<R extends boolean = false>(
  options: RequiredOption<R> & Bounds = {},
): CsvColumn<number, NoInfer<R>> {
  return numberColumn(options, 'cell.decimal', options, false);
}

export function latitude<R extends boolean = false>(
  options: RequiredOption<R> = {},
): CsvColumn<number, NoInfer<R>> {
  return numberColumn(options, 'cell.latitude', { min: -90, max: 90 }, true);
}

export function longitude<R extends boolean = false>(
  options: RequiredOption<R> = {},
): CsvColumn<number, NoInfer<R>> {
  return numberColumn(options, 'cell.longitude', { min: -180, max: 180 }, true);
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['true', 'yes', 'ja', 'oui', '1'].map((word) => [word, true] as const),
  ...['false', 'no', 'nee', 'non', '0'].map((word) => [word, false] as const),
]);

export function boolean<R extends boolean = false>(
  options: RequiredOption<R> = {},
): CsvColumn<boolean, NoInfer<R>> {
  return column(
    options,
    (cell) => {
      const value = BOOLEAN_WORDS.get(cell.toLowerCase());
      return value === undefined ? fail('cell.boolean', { value: cell }) : ok(value);
    },
    (value) => String(value),
  );
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The years a date or week of the registry may fall in. Four digits alone let through year 0, which
 * PostgreSQL refuses, years below 100, which JavaScript's Date.UTC reads as 19xx, and typing slips such
 * as 0224 or 2204 that no public computer space ever had. Shared with the API's week rules.
 */
export const CALENDAR_YEARS = { min: 1900, max: 2100 } as const;

/**
 * A `YYYY-MM-DD` date of those years, for the API's date fields: the same range as the files, so that
 * what the API stores exports and imports again, and never a year PostgreSQL refuses (0000) or misreads.
 * Whether the day exists is checked apart (IsISO8601 strict).
 */
export const DATE_ONLY_PATTERN = /^(19\d{2}|20\d{2}|2100)-\d{2}-\d{2}$/;

const yearOutOfRange = (year: number) => year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max;

/** A calendar date as `YYYY-MM-DD` text: a Date would drag a time zone into a value that has none. */
export function date<R extends boolean = false>(
  options: RequiredOption<R> = {},
): CsvColumn<string, NoInfer<R>> {
  return column(
    options,
    (cell) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
      if (match === null) return fail('cell.date', { value: cell });
      const [year, month, day] = match.slice(1).map(Number);
      if (yearOutOfRange(year)) return fail('cell.year_range', { value: cell, ...CALENDAR_YEARS });
      if (month < 1 || month > 12) return fail('cell.date_not_real', { value: cell });
      const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
      return day >= 1 && day <= monthLength ? ok(cell) : fail('cell.date_not_real', { value: cell });
    },
    (value) => value,
  );
}

/** A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
function isoWeeksInYear(year: number): 52 | 53 {
  const weekdayOfDec31 = (y: number) =>
    (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) % 7;
  return weekdayOfDec31(year) === 4 || weekdayOfDec31(year - 1) === 3 ? 53 : 52;
}

/** An ISO week as `YYYY-Www`; `2016-w5` is accepted and normalised to `2016-W05`. */
export function isoWeek<R extends boolean = false>(
  options: RequiredOption<R> = {},
): CsvColumn<string, NoInfer<R>> {
  return column(
    options,
    (cell) => {
      const match = /^(\d{4})-W(\d{1,2})$/i.exec(cell);
      const week = match === null ? 0 : Number(match[2]);
      if (match === null || week < 1 || week > 53) return fail('cell.iso_week', { value: cell });
      const year = match[1];
      if (yearOutOfRange(Number(year))) return fail('cell.year_range', { value: cell, ...CALENDAR_YEARS });
      if (week === 53 && isoWeeksInYear(Number(year)) === 52) {
        return fail('cell.iso_week_53', { value: cell, year: Number(year) });
      }
      return ok(`${year}-W${String(week).padStart(2, '0')}`);
    },
    (value) => value,
  );
}

/** Matched case-insensitively; the value is returned as declared. */
export function enumOf<const V extends string, R extends boolean = false>(
  values: readonly V[],
  options: RequiredOption<R> = {},
): CsvColumn<V, NoInfer<R>> {
  const byFoldedValue = new Map(values.map((value) => [value.toLowerCase(), value]));
  return column(
    options,
    (cell) => {
      const value = byFoldedValue.get(cell.toLowerCase());
      return value === undefined ? fail('cell.enum', { value: cell, allowed: values }) : ok(value);
    },
    (value) => value,
  );
}

/**
 * `|`-separated values of one type. Empty items ("nl||fr", a trailing "|") are ignored as typing slips,
 * and repeats are dropped; a cell with no item left counts as empty.
 */
export function multi<T, R extends boolean = false>(
  inner: CsvColumn<T, boolean>,
  options: RequiredOption<R> = {},
): CsvColumn<T[], NoInfer<R>> {
  return column(
    options,
    (cell, context) => {
      const values: T[] = [];
      for (const part of cell.split('|')) {
        const item = part.trim();
        if (item === '') continue;
        const result = inner.parse(item, context);
        if (!result.ok) return result;
        if (result.value !== null && !values.includes(result.value)) values.push(result.value);
      }
      return ok(values.length === 0 ? null : values);
    },
    (values, context) => values.map((value) => inner.format(value, context)).join('|'),
  );
}

const EMAIL = /^[^\s@,;:<>()[\]"]+@[^\s@.,;:<>()[\]"]+(?:\.[^\s@.,;:<>()[\]"]+)+$/;

export function email<R extends boolean = false>(
  options: RequiredOption<R> = {},
): CsvColumn<string, NoInfer<R>> {
  return column(
    options,
    // 254 is the longest address mail servers accept.
    (cell) => (cell.length <= 254 && EMAIL.test(cell) ? ok(cell) : fail('cell.email', { value: cell })),
    (value) => value,
  );
}

/** An http or https address, kept as written. */
export function url<R extends boolean = false>(
  options: RequiredOption<R> & MaxLengthOption = {},
): CsvColumn<string, NoInfer<R>> {
  const { maxLength } = options;
  return column(
    options,
    (cell) =>
      tooLong(cell, maxLength) ??
      (/^https?:\/\/[^\s]+$/i.test(cell) && URL.canParse(cell)
        ? ok(cell)
        : fail('cell.url', { value: cell })),
    (value) => value,
  );
}
