import { errorMessageCodes, translateErrorMessage } from './error-messages.js';
import { LANGUAGES, formatLongDate, negotiateLanguage } from './language.js';

describe('negotiateLanguage', () => {
  it.each([
    ['fr-BE,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-GB', 'en'],
    ['de-DE,de;q=0.9,fr;q=0.5,nl;q=0.7', 'nl'],
    ['de, en;q=0.1', 'en'],
    ['en;q=0, fr;q=0.2', 'fr'],
    ['es', 'nl'],
    ['', 'nl'],
    [undefined, 'nl'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe('error message catalogue', () => {
  it('has every code in NL, FR and EN, and no empty message', () => {
    for (const code of errorMessageCodes()) {
      for (const lang of LANGUAGES) expect(translateErrorMessage(code, lang)?.trim()).toBeTruthy();
    }
  });
});

describe('formatLongDate', () => {
  it('writes a calendar date in words in each language, whatever the time zone', () => {
    expect(formatLongDate('2026-11-18', 'nl')).toBe('18 november 2026');
    expect(formatLongDate('2026-11-18', 'fr')).toBe('18 novembre 2026');
    expect(formatLongDate('2026-11-18T23:30:00Z', 'en')).toBe('18 November 2026');
  });
});
