import { LOCALES, formatLongDate, type Language } from '../../../../libs/core/src/index.js';
import { isRealWeek } from '../../../../libs/activity/src/index.js';
import { fill, type Catalogue } from './i18n/catalogues.js';

/**
 * How the pages write numbers, dates, weeks and label rules for people: in the reader's locale
 * (7,5 in Dutch and French, 7.5 in English), never as codes. Shared by every area of the pages.
 */
export { weekInWords } from '../../../../libs/activity/src/index.js';

export const locale = (lang: Language) => LOCALES[lang];

/** A number to read: "7,5", "12.500" in nl/fr; "7.5", "12,500" in en. */
export function formatNumber(value: number, lang: Language, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits }).format(value);
}

/** A number to put back in a form field: the reader's decimal mark, no thousands separator. */
export function inputNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** A calendar date (2026-11-18) as "18 november 2026"; empty when there is none. */
export function formatDate(date: string | null | undefined, lang: Language): string {
  return date ? formatLongDate(date, lang) : '';
}

/** A moment as Brussels reads it: "23 Nov 2026, 14:05". */
export function dateTime(value: Date | string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(new Date(value));
}

/**
 * The classes of a queued run's status (a report, an evaluation): `status-done` etc. for tests and
 * styles; done and failed also get the shared colours.
 */
export const runStatusClass = (status: string) =>
  `status-${status}${status === 'done' ? ' status-reported' : status === 'failed' ? ' status-missing' : ''}`;

/** A label scheme's name ("Label EPN bruxellois") rather than its code ("brussels-ocr"). */
export function schemeName(scheme: string, m: Catalogue): string {
  return (m.find.schemes as Record<string, string>)[scheme] ?? scheme;
}

/** What a label metric measures, in words; the code only for a metric the catalogues do not know. */
export function metricName(metric: string, m: Catalogue): string {
  return (m.adminPages.metricNames as Record<string, string>)[metric] ?? metric.replace(/_/g, ' ');
}

/** A measured value or threshold of a label rule: yes/no, or a number, with " %" for percentages. */
export function metricValue(
  value: number | boolean | null,
  metric: string,
  lang: Language,
  words: { yes: string; no: string; none: string },
): string {
  if (value === null) return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  return `${formatNumber(value, lang, 1)}${metric.endsWith('_pct') ? ' %' : ''}`;
}

/** A criterion in the scheme's own words, in the reader's language; else what it measures. */
export function criterionText(
  definitions: ReadonlyArray<{ id: string; label: Partial<Record<Language, string>> }>,
  criterion: string,
  metric: string,
  lang: Language,
  m: Catalogue,
): string {
  const label = definitions.find((d) => d.id === criterion)?.label[lang];
  // "{label}: {message}" in the reader's typography (French: "B1 : …").
  return fill(m.form.summaryItem, { label: criterion, message: label ?? metricName(metric, m) });
}

/** A week string that names a real ISO week (from a query, a form or a stored reminder), or null. */
export function validWeek(value: unknown): string | null {
  return typeof value === 'string' && isRealWeek(value) ? value : null;
}
