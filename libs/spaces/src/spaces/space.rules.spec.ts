import {
  brusselsToday,
  isActiveOn,
  restrictedFieldsFor,
  spaceFieldProblems,
  SPACE_REF_PATTERN,
} from './space.rules.js';

describe('restrictedFieldsFor', () => {
  const change = { name: 'New name', nisCode: '21009', closedOn: null, phone: '+32 2 000 00 00' };

  it('lists the staff-only fields a coordinator sends, even as null', () => {
    expect(restrictedFieldsFor('coordinator', change)).toEqual(['nisCode', 'closedOn']);
  });

  it('lets staff and admins change everything', () => {
    expect(restrictedFieldsFor('regional_staff', change)).toEqual([]);
    expect(restrictedFieldsFor('admin', change)).toEqual([]);
  });

  it('lets a coordinator change what visitors see', () => {
    expect(
      restrictedFieldsFor('coordinator', {
        name: 'x',
        openingHours: 'Mo 09:00-12:00',
        services: [],
        email: null,
      }),
    ).toEqual([]);
  });
});

describe('brusselsToday', () => {
  it('is the Brussels date, not the UTC one', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Brussels (UTC+1).
    expect(brusselsToday(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
    expect(brusselsToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(brusselsToday(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('changes at Brussels midnight to the millisecond, however often it is asked', () => {
    expect(brusselsToday(new Date('2026-01-12T22:59:59.998Z'))).toBe('2026-01-12');
    expect(brusselsToday(new Date('2026-01-12T22:59:59.999Z'))).toBe('2026-01-12');
    expect(brusselsToday(new Date('2026-01-12T23:00:00.000Z'))).toBe('2026-01-13');
    expect(brusselsToday(new Date('2026-01-12T23:00:59.999Z'))).toBe('2026-01-13');
    expect(brusselsToday(new Date('2026-01-12T22:59:59.999Z'))).toBe('2026-01-12');
    expect(() => brusselsToday(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('isActiveOn', () => {
  it('counts the opening and closing days as active', () => {
    expect(isActiveOn({ openedOn: '2026-01-01', closedOn: null }, '2026-01-01')).toBe(true);
    expect(isActiveOn({ openedOn: '2026-01-01', closedOn: '2026-03-31' }, '2026-03-31')).toBe(true);
    expect(isActiveOn({ openedOn: '2026-01-01', closedOn: '2026-03-31' }, '2026-04-01')).toBe(false);
    expect(isActiveOn({ openedOn: '2026-01-02', closedOn: null }, '2026-01-01')).toBe(false);
  });
});

describe('spaceFieldProblems', () => {
  const ok = { openedOn: '2020-01-01', closedOn: null, latitude: 50.85, longitude: 4.35 };

  it('accepts a consistent space', () => {
    expect(spaceFieldProblems(ok)).toEqual([]);
    expect(spaceFieldProblems({ ...ok, closedOn: '2020-01-01', latitude: null, longitude: null })).toEqual(
      [],
    );
  });

  it('refuses a closing date before the opening date', () => {
    expect(spaceFieldProblems({ ...ok, closedOn: '2019-12-31' })).toEqual([
      { field: 'closedOn', message: expect.stringContaining('2019-12-31') },
    ]);
  });

  it('wants both coordinates or neither, naming the missing one', () => {
    expect(spaceFieldProblems({ ...ok, longitude: null })).toEqual([
      { field: 'longitude', message: expect.any(String) },
    ]);
    expect(spaceFieldProblems({ ...ok, latitude: null })).toEqual([
      { field: 'latitude', message: expect.any(String) },
    ]);
  });
});

describe('SPACE_REF_PATTERN', () => {
  it.each(['BRU-014', 'a', 'WAL_2.b', 'X'.repeat(40)])('accepts %s', (ref) => {
    expect(SPACE_REF_PATTERN.test(ref)).toBe(true);
  });
  it.each(['', '-BRU', '.x', 'BRU 014', 'BRU/014', 'X'.repeat(41), 'é'])('refuses %s', (ref) => {
    expect(SPACE_REF_PATTERN.test(ref)).toBe(false);
  });
});
