import {
  activeInWeek,
  addWeeks,
  brusselsToday,
  expectedWeeks,
  isoWeekOf,
  isoYearOf,
  lastCompleteWeek,
  weekEnd,
  weekStart,
  weeksBetween,
} from './iso-weeks.js';

describe('ISO weeks', () => {
  it.each([
    ['2015-W53', '2015-12-28', '2016-01-03'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2016-W05', '2016-02-01', '2016-02-07'],
  ])('%s runs from %s to %s', (week, monday, sunday) => {
    expect(weekStart(week)).toBe(monday);
    expect(weekEnd(week)).toBe(sunday);
    expect(isoWeekOf(monday)).toBe(week);
    expect(isoWeekOf(sunday)).toBe(week);
  });

  it('puts the first days of January in the previous ISO year when its Thursday says so', () => {
    expect(isoWeekOf('2016-01-01')).toBe('2015-W53');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoYearOf('2015-W53')).toBe(2015);
  });

  it('refuses week 53 of a year that has 52', () => {
    expect(() => weekStart('2025-W53')).toThrow();
    expect(() => weekStart('2021-W53')).toThrow();
  });

  it('adds weeks across years with and without week 53', () => {
    expect(addWeeks('2020-W52', 1)).toBe('2020-W53');
    expect(addWeeks('2020-W53', 1)).toBe('2021-W01');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(weeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weeksBetween('2015-W01', '2015-W53')).toHaveLength(53);
    expect(weeksBetween('2016-W01', '2016-W52')).toHaveLength(52);
    expect(weeksBetween('2026-W05', '2026-W04')).toEqual([]);
  });

  it('takes today in Brussels, not in UTC, around midnight and summer time', () => {
    // 2026-03-28 23:30 UTC is already Sunday 29 March 00:30 in Brussels (UTC+1 before the switch).
    expect(brusselsToday(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    // 2026-10-25 23:30 UTC is Monday 26 October 00:30 in Brussels (UTC+1 after the switch back).
    expect(brusselsToday(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-26');
    expect(brusselsToday(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
    // Sunday 22:30 UTC in summer is already Monday 00:30 in Brussels: the previous week is complete.
    expect(lastCompleteWeek(new Date('2026-07-05T22:30:00Z'))).toBe('2026-W27');
    expect(lastCompleteWeek(new Date('2026-07-05T21:30:00Z'))).toBe('2026-W26');
  });

  it('counts a space active in a week from the week it opened to the week it closed', () => {
    expect(activeInWeek('2026-W10', '2026-03-08', null)).toBe(true); // opened on the Sunday
    expect(activeInWeek('2026-W10', '2026-03-09', null)).toBe(false); // opened the next Monday
    expect(activeInWeek('2026-W10', '2020-01-01', '2026-03-02')).toBe(true); // closed on the Monday
    expect(activeInWeek('2026-W10', '2020-01-01', '2026-03-01')).toBe(false); // closed the Sunday before
  });

  it('expects only active, complete weeks', () => {
    const now = new Date('2026-01-14T10:00:00Z'); // Wednesday of 2026-W03
    expect(expectedWeeks('2025-W52', '2026-W10', { openedOn: '2025-12-30', closedOn: null }, now)).toEqual([
      '2026-W01',
      '2026-W02',
    ]);
    expect(
      expectedWeeks('2020-W52', '2021-W02', { openedOn: '2019-01-01', closedOn: '2021-01-05' }, now),
    ).toEqual(['2020-W52', '2020-W53', '2021-W01']);
  });
});
