export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Picks NL, FR or EN from an Accept-Language header, honouring q-values; `nl-BE`, `fr-BE` and
 * `en-GB` count as their language. Dutch is the fallback, as for most users of the Flemish and
 * Brussels networks; a remembered choice (cookie or profile) overrides this.
 */
export function negotiateLanguage(header: string | undefined | null, fallback: Language = 'nl'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((c) => Number.isFinite(c.q) && c.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (
    (ranked.find((c) => (LANGUAGES as readonly string[]).includes(c.lang))?.lang as Language) ?? fallback
  );
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The locale each language is written in here: Belgian Dutch and French, British English. */
export const LOCALES: Readonly<Record<Language, string>> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** A calendar date (`2026-11-18`, or the date part of a longer text) in words: "18 november 2026". */
export function formatLongDate(date: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}
