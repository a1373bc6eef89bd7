import { CALENDAR_YEARS, type FieldError } from '../../../../libs/core/src/index.js';
import type { Catalogue } from './i18n/catalogues.js';

/**
 * Pure form handling shared by the pages: reading typed values from urlencoded strings (with a
 * decimal comma, as Belgian keyboards type it) and building the view models of fields and of the
 * error summary.
 */
const WHOLE = /^\d+$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day first, as people in Belgium write it: 18/11/2026, 18-11-2026, 18.11.2026, 1/2/2026 (one separator). */
const DAY_FIRST_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
/** Digits with dots, commas or spaces between them, and an optional sign. */
const NUMBER_SHAPE = /^-?\d+([., ]\d+)*$/;
/** A thousands group after the first: exactly three digits. */
const GROUPED = /^[1-9]\d{0,2}$/;

export type FormValues = Record<string, string>;

/** Keeps only string fields, trimmed: what the visitor typed, to show again. */
export function formValues(body: unknown, names: readonly string[]): FormValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(
    names.map((name) => [name, typeof source[name] === 'string' ? (source[name] as string).trim() : '']),
  );
}

/** What `parseNumber` read: the number and how many decimals were typed. */
export interface ParsedNumber {
  value: number;
  decimals: number;
}

/**
 * A number as people type it, in any of the three languages: "7,5" or "7.5"; with thousands
 * separators as the pages show them: "12.500,50", "12 500,50", "12,500.50", "1.250.000", and a euro
 * sign before or after ("€ 12.500,50"). Answers 'ambiguous' when a single dot or comma followed by
 * three digits may separate thousands or decimals ("12.500" is 12500 in Dutch, 12.5 in English),
 * and null when it is not a number.
 */
export function parseNumber(text: string): ParsedNumber | 'ambiguous' | null {
  const compact = text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/^(€|eur)\s*|\s*(€|eur)$/i, '')
    .trim()
    .replace(/\s+/g, ' ');
  if (!NUMBER_SHAPE.test(compact)) return null;
  const sign = compact.startsWith('-') ? -1 : 1;
  const body = compact.replace(/^-/, '');
  let integer: string[];
  let fraction = '';
  const marks = body.replace(/\d/g, '');
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (marks === '') {
    integer = [body];
  } else if (marks.includes(' ') || (lastDot >= 0 && lastComma >= 0)) {
    // Spaces, or dots and commas together: the last dot or comma marks the decimals, the rest groups thousands.
    const decimalAt = Math.max(lastDot, lastComma);
    const whole = decimalAt >= 0 ? body.slice(0, decimalAt) : body;
    fraction = decimalAt >= 0 ? body.slice(decimalAt + 1) : '';
    const separators = new Set(whole.replace(/\d/g, ''));
    if (!/^\d*$/.test(fraction) || separators.size > 1 || separators.has(body[decimalAt])) return null;
    integer = whole.split(/[ .,]/);
  } else {
    // Only dots, or only commas.
    const parts = body.split(marks[0]);
    if (parts.length > 2) {
      integer = parts;
    } else if (GROUPED.test(parts[0]) && parts[1].length === 3) {
      return 'ambiguous';
    } else {
      integer = [parts[0]];
      fraction = parts[1];
    }
  }
  if (integer.length > 1 && (!GROUPED.test(integer[0]) || integer.slice(1).some((g) => g.length !== 3))) {
    return null;
  }
  const digits = integer.join('');
  return { value: sign * Number(fraction ? `${digits}.${fraction}` : digits), decimals: fraction.length };
}

/**
 * A date as people type it: day first with slashes, dashes or dots (18/11/2026, 18-11-2026,
 * 18.11.2026, 1/2/2026) or year first (2026-11-18). Answers it as `YYYY-MM-DD`, or null when it is
 * not a real day (31/02/2026) or not a year of the registry (1900 to 2100).
 */
export function parseDate(text: string): string | null {
  const typed = text.trim();
  const iso = ISO_DATE.exec(typed);
  const dayFirst = iso ? null : DAY_FIRST_DATE.exec(typed);
  if (!iso && !dayFirst) return null;
  const [y, mo, d] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : [dayFirst![4], dayFirst![3], dayFirst![1]].map(Number);
  // The API's and the files' range: a year outside it is a typing error, and 0000 would reach the database.
  if (y < CALENDAR_YEARS.min || y > CALENDAR_YEARS.max) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A stored date (2026-11-18) as the forms ask to type it: 18/11/2026. */
export function typedDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

export function readWhole(value: string, field: string, m: Catalogue, errors: FieldError[]): number | null {
  if (value === '') return null;
  if (!WHOLE.test(value)) {
    errors.push({ field, message: m.form.wholeNumber });
    return null;
  }
  return Number(value);
}

export function readDecimal(value: string, field: string, m: Catalogue, errors: FieldError[]): number | null {
  if (value === '') return null;
  const read = parseNumber(value);
  if (read === null || read === 'ambiguous') {
    errors.push({ field, message: read === 'ambiguous' ? m.form.ambiguousNumber : m.form.number });
    return null;
  }
  return read.value;
}

/** A real calendar date written year first (2026-02-31 is not one); see `parseDate` for what people type. */
export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDate(value) !== null;
}

export interface FieldView {
  id: string;
  name: string;
  label: string;
  suffix: string;
  hint: string;
  value: string;
  error: string;
  errorPrefix: string;
  type: string;
  inputmode: string;
  autocomplete: string;
  describedBy: string;
  required: boolean;
  narrow: boolean;
  options: Array<{ value: string; label: string; selected: boolean }> | null;
}

export interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: string;
  inputmode?: '' | 'numeric' | 'decimal' | 'email';
  autocomplete?: string;
  narrow?: boolean;
  options?: Array<{ value: string; label: string }>;
  /** Show "(required)" or "(optional)" after the label; off where a legend already says it. */
  suffix?: boolean;
  /** The id of a hint shared by several fields (outside the field), read with it by screen readers. */
  sharedHintId?: string;
}

export const fieldId = (name: string) => `field-${name}`;

/** A field as the `field` partial shows it: label, hint, the value typed and its error, linked for screen readers. */
export function fieldView(
  spec: FieldSpec,
  values: FormValues,
  errors: FieldError[],
  m: Catalogue,
): FieldView {
  const id = fieldId(spec.name);
  const error = errors.find((e) => e.field === spec.name)?.message ?? '';
  const hint = spec.hint ?? '';
  const value = values[spec.name] ?? '';
  return {
    id,
    name: spec.name,
    label: spec.label,
    suffix: spec.suffix === false ? '' : spec.required ? m.form.required : m.form.optional,
    hint,
    value,
    error,
    errorPrefix: m.form.errorPrefix,
    type: spec.type ?? 'text',
    inputmode: spec.inputmode ?? '',
    autocomplete: spec.autocomplete ?? 'off',
    describedBy: [spec.sharedHintId ?? '', hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' '),
    required: spec.required ?? false,
    narrow: spec.narrow ?? false,
    options: spec.options ? spec.options.map((o) => ({ ...o, selected: o.value === value })) : null,
  };
}

export interface ErrorSummary {
  title: string;
  intro: string;
  items: Array<{ href: string; message: string }>;
}

/**
 * The summary at the top of a form: one link per problem, to the field it is about (fields the
 * form does not show link to the form's first field instead). With `labels`, each link starts with
 * the visible label of its field ("Theme: Fill in this field."), so that links that would say the
 * same thing tell which field is wrong (WCAG 2.4.4, 3.3.1).
 */
export function errorSummary(
  errors: FieldError[],
  m: Catalogue,
  anchors: Record<string, string>,
  fallback: string,
  labels: Record<string, string> = {},
): ErrorSummary | null {
  if (errors.length === 0) return null;
  return {
    title:
      errors.length === 1
        ? m.form.errorSummaryTitleOne
        : m.form.errorSummaryTitle.replace('{count}', String(errors.length)),
    intro: m.form.errorSummaryIntro,
    items: errors.map((e) => ({
      href: `#${anchors[e.field] ?? fallback}`,
      message: labels[e.field]
        ? m.form.summaryItem.replace('{label}', labels[e.field]).replace('{message}', e.message)
        : e.message,
    })),
  };
}

/** The visible label of each field, by name, for `errorSummary`. */
export function labelsOf(fields: ReadonlyArray<Pick<FieldView, 'name' | 'label'>>): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, f.label]));
}

/** Field errors carried by a VALIDATION.FAILED exception, or null when it is another error. */
export function fieldErrorsOf(error: unknown): FieldError[] | null {
  const e = error as { code?: unknown; details?: unknown } | null;
  if (!e || e.code !== 'VALIDATION.FAILED' || !Array.isArray(e.details)) return null;
  return e.details
    .filter((d): d is FieldError => !!d && typeof d.field === 'string' && typeof d.message === 'string')
    .map((d) => ({ field: d.field, message: d.message }));
}

/** Only a path on this site may be a redirect target after login (never `//evil.example`). */
export function safeNext(next: string | undefined, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
