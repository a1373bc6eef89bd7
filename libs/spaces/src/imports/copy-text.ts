import type { StagingValue } from './import-kind.js';

/**
 * Encodes values for `COPY … FROM STDIN` in PostgreSQL's text format: tab-separated, `\N` for null,
 * backslash escapes for backslash, tab, newline and carriage return. Arrays are written as array literals
 * with every element quoted, so commas, braces and quotes inside an element stay data.
 */
export function copyTextLine(values: readonly StagingValue[]): string {
  return `${values.map(copyTextValue).join('\t')}\n`;
}

export function copyTextValue(value: StagingValue | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    // Never NaN or Infinity here: the CSV columns only let finite numbers through.
    if (!Number.isFinite(value)) throw new Error(`Cannot stage the number ${value}.`);
    return String(value);
  }
  if (typeof value === 'string') return escapeText(value);
  return escapeText(arrayLiteral(value));
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
