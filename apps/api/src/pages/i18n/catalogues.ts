import type { Language } from '../../../../../libs/core/src/index.js';
import { en, type Catalogue } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export type { Catalogue } from './en.js';

export const CATALOGUES: Record<Language, Catalogue> = { nl, fr, en };

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}

/** Every key path of a catalogue (`week.fields.visits`), sorted, to compare catalogues. */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key))
    .sort();
}
