import { isoWeekMonday } from './iso-week.js';
import { OpeningHoursError } from './opening-hours.error.js';

describe('isoWeekMonday', () => {
  it.each([
    ['2026-W01', { year: 2025, month: 12, day: 29 }],
    ['2026-W02', { year: 2026, month: 1, day: 5 }],
    ['2026-W13', { year: 2026, month: 3, day: 23 }],
    ['2026-W53', { year: 2026, month: 12, day: 28 }],
    ['2027-W01', { year: 2027, month: 1, day: 4 }],
    ['2021-W01', { year: 2021, month: 1, day: 4 }],
  ])('starts %s on %o', (week, monday) => {
    expect(isoWeekMonday(week)).toEqual(monday);
  });

  it.each(['2027-W53', '2026-W00', '2026-W54', '2026-13', '2026-W1', ' 2026-W01'])('rejects %s', (week) => {
    expect(() => isoWeekMonday(week)).toThrow(OpeningHoursError);
    expect(() => isoWeekMonday(week)).toThrow(
      expect.objectContaining({
        code: 'OPENING_HOURS.INVALID_WEEK',
        message: `"${week}" is not an ISO week like "2026-W13".`,
      }),
    );
  });
});
