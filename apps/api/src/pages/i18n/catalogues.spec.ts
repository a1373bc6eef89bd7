import { CATALOGUES, fill, keyPaths } from './catalogues.js';

describe('page message catalogues', () => {
  const english = keyPaths(CATALOGUES.en);

  it.each(['nl', 'fr'] as const)('%s has exactly the keys of en', (lang) => {
    const keys = keyPaths(CATALOGUES[lang]);
    expect(keys.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(['nl', 'fr', 'en'] as const)('%s uses the same placeholders as en in every message', (lang) => {
    const placeholders = (text: unknown) =>
      String(text)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    const at = (catalogue: unknown, path: string) =>
      path.split('.').reduce<any>((node, key) => node?.[key], catalogue);
    for (const path of english) {
      expect([path, placeholders(at(CATALOGUES[lang], path))]).toEqual([
        path,
        placeholders(at(CATALOGUES.en, path)),
      ]);
    }
  });

  it('compares nested keys, so a catalogue that lacks one fails', () => {
    expect(keyPaths({ a: { b: 'x', c: 'y' } })).toEqual(['a.b', 'a.c']);
    expect(keyPaths({ a: { b: 'x' } })).not.toEqual(keyPaths({ a: { b: 'x', c: 'y' } }));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('Week {week} of {year}', { week: 'W05' })).toBe('Week W05 of {year}');
  });
});
