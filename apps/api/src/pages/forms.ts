import { CALENDAR_YEARS, type FieldError } from '../../../../libs/core/src/index.js';
import type { Catalogue } from './i18n/catalogues.js';

/**
 * Pure form handling shared by the pages: reading typed values from urlencoded strings (with a
 * decimal comma, as Belgian keyboards type it) and building the view models of fields and of the
 * error summary.
 */
const WHOLE = /^\d+$/;
const DECIMAL = /^-?\d+([.,]\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type FormValues = Record<string, string>;

/** Keeps only string fields, trimmed: what the visitor typed, to show again. */
export function formValues(body: unknown, names: readonly string[]): FormValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(
    names.map((name) => [name, typeof source[name] === 'string' ? (source[name] as string).trim() : '']),
  );
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
  if (!DECIMAL.test(value)) {
    errors.push({ field, message: m.form.number });
    return null;
  }
  return Number(value.replace(',', '.'));
}

/** A real calendar date (2026-02-31 is not one). */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, mo, d] = match.slice(1).map(Number);
  // The API's and the files' range: a year outside it is a typing error, and 0000 would reach the database.
  if (y < CALENDAR_YEARS.min || y > CALENDAR_YEARS.max) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
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
 * form does not show link to the form's first field instead).
 */
export function errorSummary(
  errors: FieldError[],
  m: Catalogue,
  anchors: Record<string, string>,
  fallback: string,
): ErrorSummary | null {
  if (errors.length === 0) return null;
  return {
    title:
      errors.length === 1
        ? m.form.errorSummaryTitleOne
        : m.form.errorSummaryTitle.replace('{count}', String(errors.length)),
    intro: m.form.errorSummaryIntro,
    items: errors.map((e) => ({ href: `#${anchors[e.field] ?? fallback}`, message: e.message })),
  };
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
