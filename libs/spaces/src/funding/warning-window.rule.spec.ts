import { addMonths, monthsLeft, warningWindow, yearOf } from './warning-window.rule.js';

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-05-10', 36, '2029-05-10'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-10', -1, '2025-12-10'],
  ])('%s + %d months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('rejects what is not a date', () => {
    expect(() => addMonths('2026-1-5', 1)).toThrow(RangeError);
  });
});

describe('warningWindow', () => {
  it('runs from asOf (exclusive) to asOf + N months (inclusive)', () => {
    expect(warningWindow('2026-01-31', 1)).toEqual({ after: '2026-01-31', until: '2026-02-28' });
    expect(warningWindow('2026-06-15', 12)).toEqual({ after: '2026-06-15', until: '2027-06-15' });
  });

  it('refuses an empty or fractional window', () => {
    expect(() => warningWindow('2026-06-15', 0)).toThrow(RangeError);
    expect(() => warningWindow('2026-06-15', 1.5)).toThrow(RangeError);
  });
});

describe('monthsLeft', () => {
  it.each([
    ['2026-01-15', '2026-01-16', 0],
    ['2026-01-15', '2026-02-14', 0],
    ['2026-01-15', '2026-02-15', 1],
    ['2026-01-15', '2026-03-14', 1],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-03-30', 1],
    ['2026-01-31', '2026-03-31', 2],
    ['2026-06-15', '2027-06-15', 12],
    ['2026-06-15', '2026-06-15', 0],
    ['2026-06-15', '2026-01-01', 0],
  ])('from %s to %s: %d', (asOf, endsOn, expected) => {
    expect(monthsLeft(asOf, endsOn)).toBe(expected);
  });
});

describe('yearOf', () => {
  it('reads the year', () => expect(yearOf('2026-12-31')).toBe(2026));
});
