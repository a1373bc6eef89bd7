import { AppException } from '../../../core/src/index.js';
import {
  describeHours,
  storedHoursFromExpression,
  storedHoursFromSchedule,
  weeksClosedAllWeek,
} from './space-hours.rule.js';

const thrown = (action: () => unknown): AppException => {
  try {
    action();
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('expected an AppException');
};

describe('storedHoursFromExpression', () => {
  it('stores the canonical expression with the derived weekly hours', () => {
    expect(storedHoursFromExpression('mo-fr 9:00-12:00 "animator"; sa 10:00-12:00', 'openingHours')).toEqual({
      openingHours: 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
      scheduledWeeklyHours: 17,
      scheduledHoursWithAnimator: 15,
    });
  });

  it('keeps public holidays in the expression but counts a typical week', () => {
    expect(storedHoursFromExpression('Mo-Fr 09:00-17:00; PH off', 'expression')).toEqual({
      openingHours: 'Mo-Fr 09:00-17:00; PH off',
      scheduledWeeklyHours: 40,
      scheduledHoursWithAnimator: 0,
    });
  });

  it('clears everything for null', () => {
    expect(storedHoursFromExpression(null, 'openingHours')).toEqual({
      openingHours: null,
      scheduledWeeklyHours: null,
      scheduledHoursWithAnimator: null,
    });
  });

  it('refuses an invalid expression with a 400 naming the field', () => {
    const error = thrown(() => storedHoursFromExpression('Mo-Fr 25:00-26:00', 'expression'));
    expect(error).toMatchObject({ code: 'OPENING_HOURS.INVALID', status: 400 });
    expect(error.details).toEqual([
      { field: 'expression', code: 'OPENING_HOURS.INVALID', message: expect.stringContaining('25:00') },
    ]);
  });
});

describe('storedHoursFromSchedule', () => {
  it('writes a grid with closures as an expression', () => {
    expect(
      storedHoursFromSchedule({
        ranges: [
          { day: 'sa', from: '10:00', to: '12:00', animator: true },
          { day: 'su', from: '10:00', to: '12:00', animator: true },
        ],
        exceptions: [{ from: '2026-12-25', to: '2026-12-25', closed: true }],
      }),
    ).toEqual({
      openingHours: 'Sa,Su 10:00-12:00 "animator"; 2026 Dec 25 off',
      scheduledWeeklyHours: 4,
      scheduledHoursWithAnimator: 4,
    });
  });

  it('names ranges for overlapping ranges and the closure for a closure that ends before it starts', () => {
    const overlap = thrown(() =>
      storedHoursFromSchedule({
        ranges: [
          { day: 'mo', from: '09:00', to: '12:00', animator: false },
          { day: 'mo', from: '10:00', to: '11:00', animator: true },
        ],
        exceptions: [],
      }),
    );
    expect(overlap).toMatchObject({ code: 'OPENING_HOURS.INVALID_SCHEDULE', details: [{ field: 'ranges' }] });
    const backwards = thrown(() =>
      storedHoursFromSchedule({
        ranges: [],
        exceptions: [{ from: '2026-12-26', to: '2026-12-24', closed: true }],
      }),
    );
    expect(backwards).toMatchObject({ details: [{ field: 'exceptions.0.to' }] });
  });
});

describe('describeHours', () => {
  it('describes stored hours and whether they are open at a moment', () => {
    const view = describeHours('Mo-Fr 09:00-12:00 "animator"', new Date('2026-01-12T09:00:00Z'));
    expect(view).toMatchObject({
      expression: 'Mo-Fr 09:00-12:00 "animator"',
      structured: true,
      weeklyHours: { openingHours: 15, hoursWithAnimator: 15 },
      openNow: { open: true, animatorPresent: true, nextChange: new Date('2026-01-12T11:00:00Z') },
    });
    expect(view.ranges).toHaveLength(5);
  });

  it('parses an expression once, then answers each moment from the shared, frozen description', () => {
    const expression = 'Tu,Th 13:00-17:00; 2026 Dec 25 off';
    const monday = describeHours(expression, new Date('2026-01-12T13:00:00Z'));
    const tuesday = describeHours(expression, new Date('2026-01-13T13:00:00Z'));
    expect(monday.openNow?.open).toBe(false);
    expect(tuesday.openNow?.open).toBe(true);
    expect(tuesday.ranges).toBe(monday.ranges);
    expect(tuesday.exceptions).toBe(monday.exceptions);
    expect(monday.exceptions).toEqual([{ from: '2026-12-25', to: '2026-12-25', closed: true }]);
    // Every answer shares the description, so none may change it for the next one.
    expect(() => monday.ranges.push(monday.ranges[0])).toThrow(TypeError);
    expect(() => Object.assign(monday.ranges[0], { from: '00:00' })).toThrow(TypeError);
    expect(describeHours(expression, new Date('2026-01-13T13:00:00Z')).ranges[0].from).toBe('13:00');
  });

  it('says "not known" for no hours and for hours that no longer parse, instead of failing', () => {
    expect(describeHours(null, new Date())).toMatchObject({
      expression: null,
      weeklyHours: null,
      openNow: null,
    });
    expect(describeHours('not hours', new Date())).toEqual({
      expression: 'not hours',
      structured: false,
      ranges: [],
      exceptions: [],
      weeklyHours: null,
      openNow: null,
    });
  });
});

describe('weeksClosedAllWeek', () => {
  // 2026-W29 is Monday 13 July to Sunday 19 July; 2026-W33 is 10 to 16 August.
  const summer = ['2026-W28', '2026-W29', '2026-W30', '2026-W33', '2026-W34'];

  it('finds the weeks in which dated closures cover every day the space opens', () => {
    expect(weeksClosedAllWeek('Mo-Fr 09:00-17:00; 2026 Jul 13-2026 Aug 14 off', summer)).toEqual([
      '2026-W29',
      '2026-W30',
      '2026-W33',
    ]);
    // Open on Saturdays too: a closure from Monday to Friday leaves the Saturday open.
    expect(weeksClosedAllWeek('Mo-Sa 09:00-17:00; 2026 Jul 13-2026 Jul 17 off', summer)).toEqual([]);
    // Open on Monday and Wednesday only: closed from Monday to Wednesday is closed all week.
    expect(weeksClosedAllWeek('Mo,We 10:00-12:00; 2026 Jul 13-2026 Jul 15 off "zomer"', summer)).toEqual([
      '2026-W29',
    ]);
    // Two closures that together cover the week.
    expect(
      weeksClosedAllWeek(
        'Mo-Fr 09:00-17:00; 2026 Jul 13-2026 Jul 14 off; 2026 Jul 15-2026 Jul 17 off',
        summer,
      ),
    ).toEqual(['2026-W29']);
  });

  it('asks the opening_hours library for expressions beyond weekly ranges and dated closures', () => {
    // July is closed every year: the working days of week 31 (Monday 27 to Friday 31 July) all fall in
    // July; week 27 has 29 and 30 June, and week 32 is in August.
    expect(
      weeksClosedAllWeek('Mo-Fr 09:00-17:00; PH off; Jul off', [
        '2026-W27',
        '2026-W28',
        '2026-W31',
        '2026-W32',
      ]),
    ).toEqual(['2026-W28', '2026-W31']);
    // Public holidays alone never close a whole week (Christmas week 2026 still opens on Monday 21).
    expect(weeksClosedAllWeek('Mo-Fr 09:00-17:00; PH off', ['2026-W52', '2026-W01'])).toEqual([]);
  });

  it('closes no week when the hours are unknown, open no week anyway, or have nothing that closes', () => {
    expect(weeksClosedAllWeek(null, summer)).toEqual([]);
    expect(weeksClosedAllWeek('Mo-Fr 09:00-17:00', summer)).toEqual([]);
    expect(weeksClosedAllWeek('not an expression off', summer)).toEqual([]);
    expect(weeksClosedAllWeek('Mo-Fr 09:00-17:00; 2026 Jul 13-2026 Aug 14 off', [])).toEqual([]);
  });
});
