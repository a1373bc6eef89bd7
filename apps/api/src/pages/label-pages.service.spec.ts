import { dayOf, decisionsFor, longDate } from './label-pages.service.js';

describe('decisionsFor', () => {
  it('offers only the decisions the current label allows: never a grant or refusal on a label in force', () => {
    expect(decisionsFor('none')).toEqual(['grant', 'refuse']);
    expect(decisionsFor('refused')).toEqual(['grant', 'refuse']);
    expect(decisionsFor('granted')).toEqual(['suspend', 'withdraw', 'renew']);
    expect(decisionsFor('suspended')).toEqual(['withdraw', 'renew']);
    expect(decisionsFor('expired')).toEqual(['grant', 'refuse', 'renew']);
    expect(decisionsFor('withdrawn')).toEqual(['grant', 'refuse']);
  });
});

describe('longDate', () => {
  it('writes a date in the visitor language', () => {
    expect(longDate('2026-12-01', 'en')).toBe('1 December 2026');
    expect(longDate('2026-12-01', 'fr')).toBe('1 décembre 2026');
    expect(longDate('2026-12-01', 'nl')).toBe('1 december 2026');
  });
});

describe('dayOf', () => {
  it('gives the day in Brussels, not in UTC', () => {
    expect(dayOf('2026-11-30T23:30:00.000Z', 'en')).toBe('1 December 2026');
    expect(dayOf(new Date('2026-06-30T21:59:00.000Z'), 'en')).toBe('30 June 2026');
  });
});
