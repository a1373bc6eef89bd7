import {
  brusselsInstant,
  brusselsWallClock,
  fromBrusselsLocalClock,
  toBrusselsLocalClock,
  type WallClock,
} from './brussels-time.js';

// In 2026 summer time starts on 29 March (02:00 CET → 03:00 CEST, at 01:00 UTC) and ends on
// 25 October (03:00 CEST → 02:00 CET, at 01:00 UTC).
const wall = (iso: string): WallClock => {
  const [date, time] = iso.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second };
};

describe('brusselsWallClock', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '2026-01-15T13:00:00'],
    ['2026-07-01T12:00:00Z', '2026-07-01T14:00:00'],
    ['2026-12-31T23:30:00Z', '2027-01-01T00:30:00'],
    ['2026-03-29T00:59:59Z', '2026-03-29T01:59:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00:00'],
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30:00'],
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30:00'],
  ])('reads %s as %s in Brussels', (instant, expected) => {
    expect(brusselsWallClock(new Date(instant))).toEqual(wall(expected));
  });
});

describe('brusselsInstant', () => {
  it.each([
    ['2026-01-15T13:00', '2026-01-15T12:00:00.000Z'],
    ['2026-07-01T14:00', '2026-07-01T12:00:00.000Z'],
    ['2026-03-29T01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25T01:59', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25T03:00', '2026-10-25T02:00:00.000Z'],
  ])('finds the one instant at which Brussels reads %s', (time, expected) => {
    expect(brusselsInstant(wall(time), 'earlier').toISOString()).toBe(expected);
    expect(brusselsInstant(wall(time), 'later').toISOString()).toBe(expected);
  });

  it('picks the requested occurrence of a time in the hour repeated when summer time ends', () => {
    expect(brusselsInstant(wall('2026-10-25T02:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(brusselsInstant(wall('2026-10-25T02:30'), 'later').toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(brusselsInstant(wall('2026-10-25T02:00'), 'later').toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('maps a time in the hour skipped when summer time starts to the switch', () => {
    for (const time of ['2026-03-29T02:00', '2026-03-29T02:30:15', '2026-03-29T02:59']) {
      expect(brusselsInstant(wall(time), 'earlier').toISOString()).toBe('2026-03-29T01:00:00.000Z');
      expect(brusselsInstant(wall(time), 'later').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    }
  });

  it('gives back every instant of both switch days from its wall clock, as one of the two occurrences', () => {
    for (const day of ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z']) {
      for (let minutes = 0; minutes < 12 * 60; minutes += 5) {
        const instant = new Date(new Date(day).getTime() + minutes * 60_000);
        const reading = brusselsWallClock(instant);
        const occurrences = [brusselsInstant(reading, 'earlier'), brusselsInstant(reading, 'later')];
        expect(occurrences.map((date) => date.getTime())).toContain(instant.getTime());
      }
    }
  });
});

describe('library clock', () => {
  it('makes the local fields of a date read the Brussels wall clock, whatever the process zone', () => {
    const local = toBrusselsLocalClock(new Date('2026-07-01T22:15:30.250Z'));
    expect([
      local.getFullYear(),
      local.getMonth() + 1,
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      local.getMilliseconds(),
    ]).toEqual([2026, 7, 2, 0, 15, 30, 250]);
  });

  it('converts back to the same instant, also on both sides of a switch', () => {
    for (const instant of [
      '2026-01-15T12:00:00.250Z',
      '2026-03-29T00:59:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-24T23:59:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]) {
      expect(fromBrusselsLocalClock(toBrusselsLocalClock(new Date(instant))).toISOString()).toBe(instant);
    }
  });

  it('passes the disambiguation on for the repeated hour', () => {
    const local = new Date(2026, 9, 25, 2, 30);
    expect(fromBrusselsLocalClock(local, 'earlier').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromBrusselsLocalClock(local, 'later').toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
});
