import { jest } from '@jest/globals';
import OpeningHours, { type nominatim_object } from 'opening_hours';

import { fromBrusselsLocalClock } from './brussels-time.js';
import {
  formatOpeningHours,
  normalizeOpeningHours,
  OpeningHoursError,
  openState,
  parseOpeningHours,
  type ParsedSchedule,
  type Schedule,
  type ScheduleRange,
  weeklyHours,
} from './opening-hours.rule.js';

const BELGIUM = { address: { country_code: 'be', state: '' } } as nominatim_object;

const range = (day: ScheduleRange['day'], from: string, to: string, animator = false): ScheduleRange => ({
  day,
  from,
  to,
  animator,
});

/**
 * Parts of 2026, in library-clock time, on which the library's own arithmetic is sound: all of it when the
 * process runs in UTC (production and CI). In a zone with summer time, the library misplaces overnight
 * ranges on the day that zone switches and the next (e.g. under TZ=America/New_York, `Su 22:00-02:00` is
 * closed from 00:00 to 01:00 on Monday 9 March 2026), which is no fault of the expressions we compare.
 */
function soundWindows(): [Date, Date][] {
  const windows: [Date, Date][] = [];
  const end = new Date(2027, 0, 1);
  let start = new Date(2026, 0, 1);
  for (let day = start; day < end;) {
    const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    if (next.getTime() - day.getTime() !== 86_400_000) {
      if (start < day) windows.push([start, day]);
      start = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 2);
    }
    day = next;
  }
  windows.push([start, end]);
  return windows;
}

/**
 * What the library itself says an expression means over 2026 in Brussels: open/unknown stretches with their
 * comments, as real instants. Contiguous stretches of the same kind are merged because the library also
 * splits wherever a rule changes, which says nothing about the meaning.
 */
function meaningOver2026(expr: string): string[] {
  const library = new OpeningHours(expr, BELGIUM);
  const merged: { from: Date; to: Date; kind: string }[] = [];
  // The library evaluates in the process's zone; its clock stands for the Brussels wall clock.
  for (const [windowFrom, windowTo] of soundWindows()) {
    for (const [from, to, unknown, comment] of library.getOpenIntervals(windowFrom, windowTo)) {
      const kind = `${unknown ? 'unknown' : 'open'} ${JSON.stringify(comment ?? null)}`;
      const last = merged.at(-1);
      if (last && last.to.getTime() === from.getTime() && last.kind === kind) last.to = to;
      else merged.push({ from, to, kind });
    }
  }
  return merged.map(
    ({ from, to, kind }) =>
      `${fromBrusselsLocalClock(from).toISOString()} ${fromBrusselsLocalClock(to).toISOString()} ${kind}`,
  );
}

describe('parseOpeningHours', () => {
  it('structures a weekly schedule with animator ranges', () => {
    expect(parseOpeningHours('Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00')).toEqual({
      osm: 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
      structured: true,
      ranges: [
        ...(['mo', 'tu', 'we', 'th', 'fr'] as const).map((day) => range(day, '09:00', '12:00', true)),
        range('sa', '10:00', '12:00'),
      ],
      exceptions: [],
    });
  });

  it('takes the meaning from the library, so later rules override earlier ones for their days', () => {
    const parsed = parseOpeningHours('Mo-Fr 10:00-12:00; Tu 14:00-16:00 "animator"');
    expect(parsed.ranges).toEqual([
      range('mo', '10:00', '12:00'),
      range('tu', '14:00', '16:00', true),
      range('we', '10:00', '12:00'),
      range('th', '10:00', '12:00'),
      range('fr', '10:00', '12:00'),
    ]);
    expect(parsed.osm).toBe('Mo,We-Fr 10:00-12:00; Tu 14:00-16:00 "animator"');
  });

  it('accepts sloppy but valid input and gives its canonical form', () => {
    expect(parseOpeningHours('mo-fr 9-12').osm).toBe('Mo-Fr 09:00-12:00');
  });

  it('splits overnight ranges at midnight', () => {
    const parsed = parseOpeningHours('Fr 22:00-02:00');
    expect(parsed.ranges).toEqual([range('fr', '22:00', '24:00'), range('sa', '00:00', '02:00')]);
    expect(parsed.structured).toBe(true);
  });

  it('structures dated closures, whatever way the dates are written', () => {
    const parsed = parseOpeningHours(
      'Mo-Fr 09:00-12:00; 2027 Jan 02 off; 2026 Dec 24-26 closed "Kerstmis"; 2026 Dec 31-2027 Jan 01 off',
    );
    expect(parsed.exceptions).toEqual([
      { from: '2026-12-24', to: '2026-12-26', closed: true, note: 'Kerstmis' },
      { from: '2026-12-31', to: '2027-01-01', closed: true },
      { from: '2027-01-02', to: '2027-01-02', closed: true },
    ]);
    expect(parsed.structured).toBe(true);
    expect(parsed.osm).toBe(
      'Mo-Fr 09:00-12:00; 2026 Dec 24-2026 Dec 26 off "Kerstmis"; 2026 Dec 31-2027 Jan 01 off; 2027 Jan 02 off',
    );
  });

  it('ignores dated closures for the typical week', () => {
    const parsed = parseOpeningHours('Mo 09:00-12:00; 2026 Jan 01-2026 Jan 31 off');
    expect(parsed.ranges).toEqual([range('mo', '09:00', '12:00')]);
  });

  it.each([
    ['public holidays', 'Mo-Fr 09:00-17:00; PH off'],
    ['month ranges', 'Jan-Jun Mo-Fr 09:00-17:00; Jul-Aug off'],
    ['week numbers', 'week 01-53/2 Sa 10:00-12:00'],
    ['a fallback rule', 'Mo-Fr 09:00-12:00 || "by appointment"'],
    ['an explicit state with the comment', 'Mo-Fr 09:00-12:00 open "animator"'],
    ['another comment', 'Mo-Fr 09:00-12:00 "members only"'],
    ['a yearly closure', 'Mo-Fr 09:00-12:00; Dec 25 off'],
    ['a closure that a later rule overrides', '2026 Dec 24 off; Mo-Fr 09:00-12:00'],
    ['a closure on a day that does not exist', 'Mo-Fr 09:00-12:00; 2026 Feb 29 off'],
    ['sun times', 'Mo-Fr sunrise-sunset'],
  ])('keeps expressions with %s as the source of truth', (_feature, expr) => {
    const parsed = parseOpeningHours(expr);
    expect(parsed.structured).toBe(false);
    expect(parsed.osm).toBe(new OpeningHours(expr, BELGIUM).prettifyValue());
    expect(formatOpeningHours(parsed)).toBe(parsed.osm);
  });

  it('describes the typical week of an expression outside the structured subset', () => {
    expect(parseOpeningHours('Mo-Fr 09:00-12:00 open "animator"; PH off').ranges).toEqual(
      (['mo', 'tu', 'we', 'th', 'fr'] as const).map((day) => range(day, '09:00', '12:00', true)),
    );
    // Time that is only "unknown" is not promised to visitors.
    expect(parseOpeningHours('Sa 10:00-12:00 || "by appointment"').ranges).toEqual([
      range('sa', '10:00', '12:00'),
    ]);
  });

  it('takes the typical week of a seasonal expression from the reference week', () => {
    const expr = 'Jan-Jun,Sep-Dec Mo 09:00-17:00; Jul-Aug Mo 10:00-14:00';
    expect(parseOpeningHours(expr).ranges).toEqual([range('mo', '09:00', '17:00')]);
    expect(parseOpeningHours(expr, { referenceWeek: '2026-W29' }).ranges).toEqual([
      range('mo', '10:00', '14:00'),
    ]);
  });

  it('rejects an invalid expression with a readable error and the library diagnosis', () => {
    const error = captureError(() => parseOpeningHours('Mo-Fr 25:00-26:00'));
    expect(error).toBeInstanceOf(OpeningHoursError);
    expect(error).toMatchObject({
      code: 'OPENING_HOURS.INVALID',
      libraryMessage: 'Mo-Fr 25:00 <--- (Time range starts outside of the current day)',
      message:
        'Opening hours "Mo-Fr 25:00-26:00" are not valid: Mo-Fr 25:00 <--- (Time range starts outside of the current day)',
    });
  });

  it.each(['', 'Mo-Fr 09:00-', 'Mo-Fr 09:00-12:00 "unclosed', 'Xy 10:00-12:00'])('rejects %j', (expr) => {
    expect(() => parseOpeningHours(expr)).toThrow(expect.objectContaining({ code: 'OPENING_HOURS.INVALID' }));
  });

  it('needs a community for school holidays', () => {
    // The library also reports this on the console, as a bug of its own.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => parseOpeningHours('Mo-Fr 09:00-17:00; SH off')).toThrow(
        expect.objectContaining({ code: 'OPENING_HOURS.INVALID' }),
      );
    } finally {
      consoleError.mockRestore();
    }
    expect(parseOpeningHours('Mo-Fr 09:00-17:00; SH off', { community: 'nl' }).structured).toBe(false);
  });
});

describe('formatOpeningHours', () => {
  it('groups days with the same ranges and marks animator ranges', () => {
    const schedule: Schedule = {
      ranges: [
        ...(['mo', 'tu', 'th', 'fr'] as const).flatMap((day) => [
          range(day, '13:00', '17:00'),
          range(day, '09:00', '12:00', true),
        ]),
        range('we', '09:00', '12:00', true),
        range('sa', '10:00', '12:00'),
        range('su', '10:00', '12:00'),
      ],
      exceptions: [],
    };
    expect(formatOpeningHours(schedule)).toBe(
      'Mo,Tu,Th,Fr 09:00-12:00 "animator", Mo,Tu,Th,Fr 13:00-17:00; We 09:00-12:00 "animator"; Sa,Su 10:00-12:00',
    );
  });

  it('writes runs of three days or more as day ranges', () => {
    const days = ['mo', 'tu', 'we', 'fr', 'sa', 'su'] as const;
    expect(
      formatOpeningHours({ ranges: days.map((day) => range(day, '09:00', '12:00')), exceptions: [] }),
    ).toBe('Mo-We,Fr-Su 09:00-12:00');
  });

  it('puts several ranges of a kind in one selector and the earliest kind first', () => {
    const ranges = [
      range('tu', '14:00', '16:00', true),
      range('tu', '08:00', '10:00'),
      range('tu', '10:00', '12:00'),
    ];
    expect(formatOpeningHours({ ranges, exceptions: [] })).toBe(
      'Tu 08:00-10:00,10:00-12:00, Tu 14:00-16:00 "animator"',
    );
  });

  it('writes closures last, in date order, as dates the library accepts', () => {
    const osm = formatOpeningHours({
      ranges: [range('mo', '09:00', '12:00')],
      exceptions: [
        { from: '2027-01-01', to: '2027-01-01', closed: true, note: 'Nieuwjaar' },
        { from: '2026-12-24', to: '2026-12-26', closed: true },
      ],
    });
    expect(osm).toBe('Mo 09:00-12:00; 2026 Dec 24-2026 Dec 26 off; 2027 Jan 01 off "Nieuwjaar"');
    expect(new OpeningHours(osm, BELGIUM).getState(new Date(2026, 11, 28, 10))).toBe(true);
    expect(new OpeningHours(osm, BELGIUM).getState(new Date(2026, 11, 21, 10))).toBe(true);
    expect(
      new OpeningHours(osm, BELGIUM).getOpenIntervals(new Date(2026, 11, 24), new Date(2026, 11, 27)),
    ).toEqual([]);
  });

  it('writes a schedule open all the time as 24/7', () => {
    const ranges = (['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const).map((day) =>
      range(day, '00:00', '24:00'),
    );
    expect(formatOpeningHours({ ranges, exceptions: [] })).toBe('24/7');
    expect(formatOpeningHours({ ranges: ranges.slice(1), exceptions: [] })).toBe('Tu-Su 00:00-24:00');
  });

  it('writes a schedule without ranges as closed', () => {
    expect(formatOpeningHours({ ranges: [], exceptions: [] })).toBe('off');
    expect(
      formatOpeningHours({
        ranges: [],
        exceptions: [{ from: '2026-12-24', to: '2026-12-24', closed: true }],
      }),
    ).toBe('off; 2026 Dec 24 off');
  });

  it('gives back what it parses, from either side', () => {
    const schedule: Schedule = {
      ranges: [
        range('mo', '09:00', '12:00', true),
        range('mo', '12:00', '13:00'),
        range('mo', '13:00', '17:00', true),
        range('we', '00:00', '24:00'),
        range('su', '18:30', '24:00'),
      ],
      exceptions: [{ from: '2026-04-06', to: '2026-04-17', closed: true, note: 'Paasvakantie' }],
    };
    const parsed = parseOpeningHours(formatOpeningHours(schedule));
    expect(parsed).toEqual({ ...schedule, osm: formatOpeningHours(schedule), structured: true });
    expect(formatOpeningHours(parsed)).toBe(parsed.osm);
  });

  it('writes a parsed schedule that was edited', () => {
    const parsed: ParsedSchedule = parseOpeningHours('Mo 09:00-12:00');
    parsed.ranges.push(range('tu', '09:00', '12:00', true));
    expect(formatOpeningHours(parsed)).toBe('Mo 09:00-12:00; Tu 09:00-12:00 "animator"');
  });

  it.each<[string, Schedule, string]>([
    [
      'an unknown day',
      { ranges: [range('xx' as 'mo', '09:00', '12:00')], exceptions: [] },
      '"xx" is not a weekday',
    ],
    ['a time without leading zero', { ranges: [range('mo', '9:00', '12:00')], exceptions: [] }, '9:00-12:00'],
    [
      'a range ending before it starts',
      { ranges: [range('mo', '12:00', '09:00')], exceptions: [] },
      '12:00-09:00',
    ],
    ['an empty range', { ranges: [range('mo', '09:00', '09:00')], exceptions: [] }, '09:00-09:00'],
    ['a range past midnight', { ranges: [range('mo', '22:00', '24:30')], exceptions: [] }, '22:00-24:30'],
    [
      'overlapping ranges',
      { ranges: [range('mo', '09:00', '12:00'), range('mo', '11:00', '13:00', true)], exceptions: [] },
      'The ranges 09:00-12:00 and 11:00-13:00 on mo overlap.',
    ],
    [
      'a nonexistent date',
      { ranges: [], exceptions: [{ from: '2026-02-30', to: '2026-03-02', closed: true }] },
      '"2026-02-30" is not a date like 2026-12-24.',
    ],
    [
      'a closure ending before it starts',
      { ranges: [], exceptions: [{ from: '2026-12-26', to: '2026-12-24', closed: true }] },
      'The closure from 2026-12-26 to 2026-12-24 ends before it starts.',
    ],
    [
      'a note with double quotes',
      { ranges: [], exceptions: [{ from: '2026-12-24', to: '2026-12-24', closed: true, note: 'say "hi"' }] },
      'may not contain double quotes',
    ],
    [
      'a year the library does not accept',
      { ranges: [], exceptions: [{ from: '1899-12-24', to: '1899-12-24', closed: true }] },
      'This schedule gives opening hours that are not valid: off; 1899  <--- (Unexpected token: "number"',
    ],
  ])('rejects %s', (_case, schedule, message) => {
    const error = captureError(() => formatOpeningHours(schedule));
    expect(error).toBeInstanceOf(OpeningHoursError);
    expect(error).toMatchObject({ code: 'OPENING_HOURS.INVALID_SCHEDULE' });
    expect((error as Error).message).toContain(message);
  });
});

describe('normalizeOpeningHours', () => {
  // Real-world expressions of computer spaces and libraries, with whether they fall in the structured subset.
  const corpus: [string, boolean][] = [
    ['Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00', true],
    ['Mo-Fr 09:00-12:00,13:00-17:00', true],
    ['Mo-Fr 09:00-12:00 "animator", Mo-Fr 13:30-16:30', true],
    ['Tu,Th 14:00-18:00 "animator"; Sa,Su 10:00-13:00', true],
    ['Mo 13:00-17:00; We 09:00-12:00 "animator"; Fr 13:00-16:00', true],
    ['Mo-Th 09:00-12:00 "animator", Mo-Th 13:00-16:00; Fr 09:00-12:00', true],
    ['Mo,We,Fr 14:00-17:00 "animator"', true],
    ['We 13:30-16:30 "animator"; Sa 09:30-12:00 "animator"', true],
    ['Mo-Fr 10:00-12:00; Tu 14:00-16:00 "animator"', true],
    ['Mo-Sa 10:00-18:00; Su off', true],
    ['Mo-Su 09:00-17:00', true],
    ['Su 01:00-04:00', true],
    ['Fr 18:00-02:00', true],
    ['Su 22:00-02:00 "animator"', true],
    ['24/7', true],
    ['mo-fr 9-12', true],
    ['Mo-Fr 09:00-12:00; 2026 Dec 24-26 off', true],
    ['Sa 10:00-12:00 "animator"; 2026 Apr 06-2026 Apr 17 off "Paasvakantie"', true],
    ['Mo-Fr 09:00-12:00; 2026 Dec 24 off; 2027 Jan 01 off "Nieuwjaar"', true],
    ['Mo-Fr 09:00-17:00; Mo-Fr 12:00-13:00 off', true],
    ['Mo-Fr 08:30-12:30,13:30-17:00; PH off', false],
    ['Tu-Sa 10:00-12:00,14:00-18:00; Su,PH off', false],
    ['Jan-Jun,Sep-Dec Mo-Fr 09:00-17:00; Jul-Aug Mo-Fr 10:00-14:00', false],
    ['Mo-Fr 09:00-17:00; 2026 Jul 20-2026 Aug 14 off "congé annuel"; PH off', false],
    ['Mo-Fr 09:00-17:00; Aug off', false],
    ['Mo-Fr 09:00-17:00; Dec 25 off; Jan 01 off', false],
    ['week 01-53/2 Sa 10:00-12:00', false],
    ['Mo-Fr 09:00-12:00 || "sur rendez-vous"', false],
    ['Mo-Fr 09:00-12:00 open "animator"', false],
    ['Mo-Fr 09:00-12:00 "animator"; PH 10:00-12:00', false],
  ];

  it('has a corpus of at least 20 expressions', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  it.each(corpus)('keeps the meaning of %j over a whole year (structured: %s)', (expr, structured) => {
    expect(parseOpeningHours(expr).structured).toBe(structured);
    const normalized = normalizeOpeningHours(expr);
    expect(meaningOver2026(normalized)).toEqual(meaningOver2026(expr));
    // Normalizing is idempotent.
    expect(normalizeOpeningHours(normalized)).toBe(normalized);
  });
});

describe('weeklyHours', () => {
  const brief = 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00';

  it('counts the typical week', () => {
    expect(weeklyHours(brief)).toEqual({ openingHours: 17, hoursWithAnimator: 15 });
    expect(weeklyHours('24/7')).toEqual({ openingHours: 168, hoursWithAnimator: 0 });
    expect(weeklyHours('off')).toEqual({ openingHours: 0, hoursWithAnimator: 0 });
  });

  it('rounds to two decimals', () => {
    expect(weeklyHours('Mo 09:00-09:20 "animator"; We 09:00-09:10')).toEqual({
      openingHours: 0.5,
      hoursWithAnimator: 0.33,
    });
    expect(weeklyHours('Mo 09:00-09:10')).toEqual({ openingHours: 0.17, hoursWithAnimator: 0 });
  });

  it('ignores closures and holidays for the typical week but not for a given week', () => {
    const expr = `${brief}; 2026 Dec 24-2026 Dec 26 off`;
    expect(weeklyHours(expr)).toEqual({ openingHours: 17, hoursWithAnimator: 15 });
    // 21-27 December 2026: Thursday 24 to Saturday 26 closed.
    expect(weeklyHours(expr, '2026-W52')).toEqual({ openingHours: 9, hoursWithAnimator: 9 });
    expect(weeklyHours(expr, '2026-W51')).toEqual({ openingHours: 17, hoursWithAnimator: 15 });
  });

  it('honours Belgian public holidays in a given week', () => {
    const expr = 'Mo-Fr 09:00-17:00; PH off';
    expect(weeklyHours(expr)).toEqual({ openingHours: 40, hoursWithAnimator: 0 });
    // Easter Monday, 6 April 2026.
    expect(weeklyHours(expr, '2026-W15')).toEqual({ openingHours: 32, hoursWithAnimator: 0 });
    // Ascension, Thursday 14 May 2026.
    expect(weeklyHours(expr, '2026-W20')).toEqual({ openingHours: 32, hoursWithAnimator: 0 });
    // Whit Monday, 25 May, and nothing else.
    expect(weeklyHours(expr, '2026-W22')).toEqual({ openingHours: 32, hoursWithAnimator: 0 });
    expect(weeklyHours(expr, '2026-W23')).toEqual({ openingHours: 40, hoursWithAnimator: 0 });
  });

  it('counts real hours in the weeks summer time starts and ends', () => {
    expect(weeklyHours('Su 01:00-04:00 "animator"')).toEqual({ openingHours: 3, hoursWithAnimator: 3 });
    expect(weeklyHours('Su 01:00-04:00 "animator"', '2026-W13')).toEqual({
      openingHours: 2,
      hoursWithAnimator: 2,
    });
    expect(weeklyHours('Su 01:00-04:00 "animator"', '2026-W43')).toEqual({
      openingHours: 4,
      hoursWithAnimator: 4,
    });
    expect(weeklyHours('Mo-Su 09:00-17:00', '2026-W13')).toEqual({ openingHours: 56, hoursWithAnimator: 0 });
  });

  it('counts a night that starts in the previous week in the week it falls in', () => {
    // 2026-W02 starts on Monday 5 January; Sunday 11 January's night runs into the next week.
    expect(weeklyHours('Su 22:00-02:00', '2026-W02')).toEqual({ openingHours: 4, hoursWithAnimator: 0 });
    expect(weeklyHours('Su 22:00-02:00')).toEqual({ openingHours: 4, hoursWithAnimator: 0 });
  });

  it('does not count time that is only unknown', () => {
    expect(weeklyHours('Mo-Fr 09:00-12:00 || "by appointment"')).toEqual({
      openingHours: 15,
      hoursWithAnimator: 0,
    });
  });

  it('accepts a schedule', () => {
    const schedule: Schedule = {
      ranges: [range('mo', '09:00', '12:30', true), range('tu', '13:00', '15:00')],
      exceptions: [{ from: '2026-01-05', to: '2026-01-05', closed: true }],
    };
    expect(weeklyHours(schedule)).toEqual({ openingHours: 5.5, hoursWithAnimator: 3.5 });
    expect(weeklyHours(schedule, '2026-W02')).toEqual({ openingHours: 2, hoursWithAnimator: 0 });
    expect(weeklyHours(parseOpeningHours('Mo-Fr 09:00-17:00; PH off'), '2026-W15').openingHours).toBe(32);
  });

  it('rejects an invalid week or expression', () => {
    expect(() => weeklyHours(brief, '2026-W54')).toThrow(
      expect.objectContaining({ code: 'OPENING_HOURS.INVALID_WEEK' }),
    );
    expect(() => weeklyHours('Mo-Fr 25:00-26:00', '2026-W02')).toThrow(
      expect.objectContaining({ code: 'OPENING_HOURS.INVALID' }),
    );
  });
});

describe('openState', () => {
  const at = (iso: string) => new Date(iso);
  const state = (
    open: boolean,
    animatorPresent: boolean,
    nextChange: string | null,
    nextOpening: string | null,
  ) => ({
    open,
    animatorPresent,
    nextChange: nextChange && new Date(nextChange),
    nextOpening: nextOpening && new Date(nextOpening),
  });

  describe('when summer time starts (Sunday 29 March 2026, 02:00 CET → 03:00 CEST)', () => {
    it.each([
      // 00:59 CET: opens at 01:00 CET.
      ['2026-03-28T23:59:00Z', state(false, false, '2026-03-29T00:00:00Z', '2026-03-29T00:00:00Z')],
      // 01:30 CET: closes at 04:00 CEST, two real hours after opening.
      ['2026-03-29T00:30:00Z', state(true, false, '2026-03-29T02:00:00Z', '2026-04-04T23:00:00Z')],
      // 03:00 CEST, right after the switch.
      ['2026-03-29T01:00:00Z', state(true, false, '2026-03-29T02:00:00Z', '2026-04-04T23:00:00Z')],
      // 04:00 CEST: closed until next Sunday 01:00 CEST.
      ['2026-03-29T02:00:00Z', state(false, false, '2026-04-04T23:00:00Z', '2026-04-04T23:00:00Z')],
    ])('Su 01:00-04:00 at %s', (now, expected) => {
      expect(openState('Su 01:00-04:00', at(now))).toEqual(expected);
    });

    it.each([
      // Saturday 16:59 CET: closes at 17:00 CET, reopens Sunday 09:00 CEST, 22 real hours later.
      ['2026-03-28T15:59:00Z', state(true, false, '2026-03-28T16:00:00Z', '2026-03-29T07:00:00Z')],
      ['2026-03-28T16:00:00Z', state(false, false, '2026-03-29T07:00:00Z', '2026-03-29T07:00:00Z')],
      ['2026-03-29T00:59:00Z', state(false, false, '2026-03-29T07:00:00Z', '2026-03-29T07:00:00Z')],
      ['2026-03-29T01:00:00Z', state(false, false, '2026-03-29T07:00:00Z', '2026-03-29T07:00:00Z')],
      // Sunday 08:59 CEST / 09:00 CEST.
      ['2026-03-29T06:59:00Z', state(false, false, '2026-03-29T07:00:00Z', '2026-03-29T07:00:00Z')],
      ['2026-03-29T07:00:00Z', state(true, false, '2026-03-29T15:00:00Z', '2026-03-30T07:00:00Z')],
    ])('Mo-Su 09:00-17:00 at %s', (now, expected) => {
      expect(openState('Mo-Su 09:00-17:00', at(now))).toEqual(expected);
    });
  });

  describe('when summer time ends (Sunday 25 October 2026, 03:00 CEST → 02:00 CET)', () => {
    it.each([
      // 00:59 CEST: opens at 01:00 CEST.
      ['2026-10-24T22:59:00Z', state(false, false, '2026-10-24T23:00:00Z', '2026-10-24T23:00:00Z')],
      // 02:30 CEST, then 02:30 CET an hour later: open both times until 04:00 CET, four real hours after
      // opening; next Sunday 01:00 is in winter time.
      ['2026-10-25T00:30:00Z', state(true, false, '2026-10-25T03:00:00Z', '2026-11-01T00:00:00Z')],
      ['2026-10-25T01:30:00Z', state(true, false, '2026-10-25T03:00:00Z', '2026-11-01T00:00:00Z')],
      ['2026-10-25T02:59:00Z', state(true, false, '2026-10-25T03:00:00Z', '2026-11-01T00:00:00Z')],
      ['2026-10-25T03:00:00Z', state(false, false, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')],
    ])('Su 01:00-04:00 at %s', (now, expected) => {
      expect(openState('Su 01:00-04:00', at(now))).toEqual(expected);
    });

    it('closes at the occurrence of a repeated time that is still to come', () => {
      // 02:15 CET, the second time the clock reads 02:15: the 02:30 that is still to come is the second one too.
      expect(openState('Su 00:00-02:30', at('2026-10-25T01:15:00Z'))).toEqual(
        state(true, false, '2026-10-25T01:30:00Z', '2026-10-31T23:00:00Z'),
      );
      // 02:15 CEST, the first time.
      expect(openState('Su 00:00-02:30', at('2026-10-25T00:15:00Z'))).toEqual(
        state(true, false, '2026-10-25T00:30:00Z', '2026-10-31T23:00:00Z'),
      );
    });

    it.each([
      // Saturday 16:59 CEST: closes at 17:00 CEST, reopens Sunday 09:00 CET, 17 real hours later.
      ['2026-10-24T14:59:00Z', state(true, false, '2026-10-24T15:00:00Z', '2026-10-25T08:00:00Z')],
      ['2026-10-25T00:30:00Z', state(false, false, '2026-10-25T08:00:00Z', '2026-10-25T08:00:00Z')],
      ['2026-10-25T01:30:00Z', state(false, false, '2026-10-25T08:00:00Z', '2026-10-25T08:00:00Z')],
      ['2026-10-25T08:00:00Z', state(true, false, '2026-10-25T16:00:00Z', '2026-10-26T08:00:00Z')],
    ])('Mo-Su 09:00-17:00 at %s', (now, expected) => {
      expect(openState('Mo-Su 09:00-17:00', at(now))).toEqual(expected);
    });
  });

  it('tells when the animator comes and goes while the space stays open', () => {
    const expr = 'Mo-Fr 09:00-12:00 "animator", Mo-Fr 12:00-17:00';
    // Monday 12 January 2026, winter time.
    expect(openState(expr, at('2026-01-12T09:00:00Z'))).toEqual(
      state(true, true, '2026-01-12T11:00:00Z', '2026-01-13T08:00:00Z'),
    );
    expect(openState(expr, at('2026-01-12T11:00:00Z'))).toEqual(
      state(true, false, '2026-01-12T16:00:00Z', '2026-01-13T08:00:00Z'),
    );
  });

  it('looks past a long closure and holidays for the next opening', () => {
    const expr = 'Mo-Fr 09:00-12:00; 2026 Jul 01-2026 Aug 31 off; PH off';
    expect(openState(expr, at('2026-06-30T12:00:00Z'))).toEqual(
      state(false, false, '2026-09-01T07:00:00Z', '2026-09-01T07:00:00Z'),
    );
    // Christmas Day 2026 is a Friday.
    expect(openState(expr, at('2026-12-24T10:59:00Z'))).toEqual(
      state(true, false, '2026-12-24T11:00:00Z', '2026-12-28T08:00:00Z'),
    );
  });

  it('gives no change when there is none within a year', () => {
    expect(openState('24/7', at('2026-06-01T12:00:00Z'))).toEqual(state(true, false, null, null));
    expect(openState('off', at('2026-06-01T12:00:00Z'))).toEqual(state(false, false, null, null));
    expect(openState('2026 Jan 01-2027 Dec 31 off', at('2026-06-01T12:00:00Z'))).toEqual(
      state(false, false, null, null),
    );
  });

  it('accepts a schedule', () => {
    const schedule: Schedule = { ranges: [range('sa', '10:00', '12:00', true)], exceptions: [] };
    expect(openState(schedule, at('2026-01-10T09:30:00Z'))).toEqual(
      state(true, true, '2026-01-10T11:00:00Z', '2026-01-17T09:00:00Z'),
    );
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('Expected an error');
}
