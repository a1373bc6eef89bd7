import {
  describeGrid,
  emptyGrid,
  expressionFromGrid,
  formValuesOfGrid,
  gridFromExpression,
  readHoursForm,
  readTime,
  type HoursGrid,
  type PreviewWords,
} from './hours-grid.js';

/** A grid from a few days' ranges; the other days are closed. */
function grid(days: Partial<HoursGrid['days']>, extra: Partial<Omit<HoursGrid, 'days'>> = {}): HoursGrid {
  return { ...emptyGrid(), ...extra, days: { ...emptyGrid().days, ...days } };
}

const nine = { from: '09:00', to: '12:00', animator: true };
const afternoon = { from: '13:00', to: '17:00', animator: false };

describe('expressionFromGrid', () => {
  it('groups days, marks animator ranges and writes special hours, closures and public holidays last', () => {
    const g = grid(
      {
        mo: [nine, afternoon],
        tu: [nine, afternoon],
        we: [nine],
        sa: [{ from: '10:00', to: '12:00', animator: false }],
      },
      {
        publicHolidaysClosed: true,
        exceptions: [
          { from: '2026-12-25', to: '2026-12-26', closed: true, opens: '', closes: '', note: 'Christmas' },
          { from: '2026-12-24', to: '2026-12-24', closed: false, opens: '10:00', closes: '12:00', note: '' },
        ],
      },
    );
    expect(expressionFromGrid(g)).toBe(
      'Mo,Tu 09:00-12:00 "animator", Mo,Tu 13:00-17:00; We 09:00-12:00 "animator"; Sa 10:00-12:00; ' +
        '2026 Dec 24 10:00-12:00; 2026 Dec 25-2026 Dec 26 off "Christmas"; PH off',
    );
  });

  it('writes an empty week as always closed', () => {
    expect(expressionFromGrid(emptyGrid())).toBe('off');
    expect(expressionFromGrid({ ...emptyGrid(), publicHolidaysClosed: true })).toBe('off; PH off');
  });
});

describe('gridFromExpression', () => {
  it('reads the seeded hours exactly', () => {
    const { grid: g, exact } = gridFromExpression('Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00');
    expect(exact).toBe(true);
    expect(g.days.mo).toEqual([nine]);
    expect(g.days.fr).toEqual([nine]);
    expect(g.days.sa).toEqual([{ from: '10:00', to: '12:00', animator: false }]);
    expect(g.days.su).toEqual([]);
    expect(g.publicHolidaysClosed).toBe(false);
  });

  it('reads "closed on public holidays", split days, special hours and closures with notes', () => {
    const expr =
      'Mo-Fr 09:00-12:00 "animator", Mo-Fr 13:00-17:00; 2026 Dec 24 10:00-12:00; ' +
      '2026 Dec 25-2026 Dec 26 off "Christmas; New Year"; PH off';
    const { grid: g, exact } = gridFromExpression(expr);
    expect(exact).toBe(true);
    expect(g.days.we).toEqual([nine, afternoon]);
    expect(g.publicHolidaysClosed).toBe(true);
    expect(g.exceptions).toEqual([
      { from: '2026-12-24', to: '2026-12-24', closed: false, opens: '10:00', closes: '12:00', note: '' },
      {
        from: '2026-12-25',
        to: '2026-12-26',
        closed: true,
        opens: '',
        closes: '',
        note: 'Christmas; New Year',
      },
    ]);
  });

  it('has no hours for an unknown expression', () => {
    expect(gridFromExpression(null)).toEqual({ grid: emptyGrid(), exact: true });
  });

  it('reports expressions the grid cannot say, with their typical week', () => {
    const reading = gridFromExpression('Mo-Fr 09:00-12:00 || "by appointment"');
    expect(reading.exact).toBe(false);
    expect(reading.grid.days.mo).toEqual([{ from: '09:00', to: '12:00', animator: false }]);
    // Four ranges on one day do not fit the three rows of the form.
    const busy = gridFromExpression('Mo 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00');
    expect(busy.exact).toBe(false);
    expect(gridFromExpression('not hours at all')).toEqual({ grid: emptyGrid(), exact: false });
  });

  it('splits an overnight stored range at midnight instead of losing it', () => {
    const reading = gridFromExpression('Fr 20:00-02:00');
    expect(reading.grid.days.fr).toEqual([{ from: '20:00', to: '24:00', animator: false }]);
    expect(reading.grid.days.sa).toEqual([{ from: '00:00', to: '02:00', animator: false }]);
  });

  it.each([
    'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
    'Mo,We 09:00-12:00 "animator", Mo,We 13:30-17:00; Tu 14:00-18:00; 2027 Jan 01 off; PH off',
    'Tu-Th 10:00-12:00,13:00-16:00 "animator"; 2026 Dec 31 10:00-14:00; 2026 Jul 21-2026 Aug 15 off "summer"',
    'off; PH off',
    '24/7',
  ])('round-trips %s', (expr) => {
    const first = gridFromExpression(expr);
    expect(first.exact).toBe(true);
    const again = gridFromExpression(expressionFromGrid(first.grid));
    expect(again).toEqual(first);
  });
});

describe('readHoursForm', () => {
  const base = {
    'mo-1-from': '9:00',
    'mo-1-to': '12.00',
    'mo-1-animator': 'true',
    'mo-2-from': '13h',
    'mo-2-to': '17:30',
  };

  it('reads ranges as people type them, skips empty rows and reads exceptions', () => {
    const { grid: g, errors } = readHoursForm({
      ...base,
      'ex-1-from': '2026-12-24',
      'ex-1-kind': 'hours',
      'ex-1-opens': '10:00',
      'ex-1-closes': '12:00',
      'ex-2-from': '2026-12-25',
      'ex-2-to': '2026-12-26',
      'ex-2-kind': 'closed',
      'ex-2-note': 'Christmas',
      'ex-3-from': '2026-05-01',
      'ex-3-remove': 'true',
      'ex-4-from': '',
      publicHolidaysClosed: 'true',
    });
    expect(errors).toEqual([]);
    expect(g.days.mo).toEqual([
      { from: '09:00', to: '12:00', animator: true },
      { from: '13:00', to: '17:30', animator: false },
    ]);
    expect(g.exceptions).toHaveLength(2);
    expect(g.exceptions[0]).toMatchObject({ from: '2026-12-24', to: '2026-12-24', closed: false });
    expect(g.publicHolidaysClosed).toBe(true);
    expect(expressionFromGrid(g)).toBe(
      'Mo 09:00-12:00 "animator", Mo 13:00-17:30; 2026 Dec 24 10:00-12:00; 2026 Dec 25-2026 Dec 26 off "Christmas"; PH off',
    );
  });

  it('names each bad input: reversed, overnight, overlapping, half-filled and badly written ranges', () => {
    const { errors } = readHoursForm({
      'mo-1-from': '12:00',
      'mo-1-to': '09:00',
      'tu-1-from': '09:00',
      'tu-1-to': '12:00',
      'tu-2-from': '11:00',
      'tu-2-to': '13:00',
      'we-1-from': '09:00',
      'th-1-from': '25:00',
      'th-1-to': '9:75',
      'fr-1-from': '22:00',
      'fr-1-to': '02:00',
      'sa-1-from': '24:00',
      'sa-1-to': '24:00',
    });
    expect(errors).toEqual([
      { field: 'mo-1-to', code: 'order' },
      { field: 'tu-2-from', code: 'overlap' },
      { field: 'we-1-to', code: 'timeMissing' },
      { field: 'th-1-from', code: 'time' },
      { field: 'th-1-to', code: 'time' },
      { field: 'fr-1-to', code: 'order' },
      { field: 'sa-1-from', code: 'time' },
    ]);
  });

  it('checks exception dates, special hours and notes', () => {
    const { errors, grid: g } = readHoursForm({
      'ex-1-from': '2026-02-30',
      'ex-2-from': '2026-12-26',
      'ex-2-to': '2026-12-24',
      'ex-3-to': '2026-12-24',
      'ex-4-from': '2026-12-24',
      'ex-4-kind': 'hours',
      'ex-4-note': 'short day',
      'ex-5-from': '2026-12-24',
      'ex-5-note': 'say "hi"',
      'ex-6-from': '2026-12-24',
      'ex-6-kind': 'hours',
      'ex-6-opens': '14:00',
      'ex-6-closes': '10:00',
    });
    expect(errors).toEqual([
      { field: 'ex-1-from', code: 'date' },
      { field: 'ex-2-to', code: 'dateOrder' },
      { field: 'ex-3-from', code: 'dateMissing' },
      { field: 'ex-4-opens', code: 'specialHoursMissing' },
      { field: 'ex-4-closes', code: 'specialHoursMissing' },
      { field: 'ex-4-note', code: 'noteWithHours' },
      { field: 'ex-5-note', code: 'noteQuotes' },
      { field: 'ex-6-closes', code: 'order' },
    ]);
    expect(g.exceptions).toEqual([]);
  });

  it('refuses more exceptions than allowed', () => {
    const body: Record<string, string> = {};
    for (let i = 1; i <= 31; i++) body[`ex-${i}-from`] = `2026-01-${String(i).padStart(2, '0')}`;
    expect(readHoursForm(body).errors).toEqual([{ field: 'ex-31-from', code: 'tooMany' }]);
  });

  it('gives back the grid it was shown (form values → grid → form values)', () => {
    const { grid: g } = gridFromExpression(
      'Mo-Fr 09:00-12:00 "animator", Mo-Fr 13:00-17:00; 2026 Dec 24 10:00-12:00; 2026 Dec 25-2026 Dec 26 off "Christmas"; PH off',
    );
    const values = formValuesOfGrid(g);
    expect(values.exceptionRows).toBe('4');
    expect(readHoursForm(values)).toEqual({ grid: g, errors: [] });
  });
});

describe('readTime', () => {
  it.each([
    ['9', '09:00'],
    ['09:00', '09:00'],
    ['9.30', '09:30'],
    ['17h45', '17:45'],
    ['0:00', '00:00'],
  ])('reads %s as %s', (typed, time) => expect(readTime(typed, false)).toBe(time));

  it('allows 24:00 only as an end', () => {
    expect(readTime('24:00', true)).toBe('24:00');
    expect(readTime('24:00', false)).toBeNull();
    expect(readTime('nine', true)).toBeNull();
  });
});

describe('describeGrid', () => {
  const words: PreviewWords = {
    dayNames: {
      mo: 'Monday',
      tu: 'Tuesday',
      we: 'Wednesday',
      th: 'Thursday',
      fr: 'Friday',
      sa: 'Saturday',
      su: 'Sunday',
    },
    dayLine: '{day}: {hours}',
    closed: 'closed',
    range: '{from}–{to}',
    withAnimator: '{range} (with an animator)',
    and: ' and ',
    closedOn: 'Closed on {date}',
    closedFromTo: 'Closed from {from} to {to}',
    specialOn: 'On {date}: {hours}',
    specialFromTo: 'From {from} to {to}: {hours}',
    publicHolidays: 'Closed on public holidays',
    formatDate: (date) => date,
  };

  it('says the week and its exceptions in sentences', () => {
    const { grid: g } = gridFromExpression(
      'Mo 09:00-12:00 "animator", Mo 13:00-17:00; 2026 Dec 24 10:00-12:00; 2026 Dec 25-2026 Dec 26 off "Christmas"; PH off',
    );
    const said = describeGrid(g, words);
    expect(said.days[0]).toBe('Monday: 09:00–12:00 (with an animator) and 13:00–17:00');
    expect(said.days[6]).toBe('Sunday: closed');
    // French puts a space before the colon.
    const fr = describeGrid(g, { ...words, dayLine: '{day} : {hours}' });
    expect(fr.days[6]).toBe('Sunday : closed');
    expect(said.exceptions).toEqual([
      'On 2026-12-24: 10:00–12:00',
      'Closed from 2026-12-25 to 2026-12-26 (Christmas)',
      'Closed on public holidays',
    ]);
  });
});
