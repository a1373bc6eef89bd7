import fc from 'fast-check';
import {
  boolean,
  date,
  decimal,
  defineColumns,
  email,
  enumOf,
  integer,
  isoWeek,
  latitude,
  longitude,
  multi,
  text,
  url,
  type CsvColumn,
  type CsvIssue,
  type CsvSeparator,
  type InferRow,
} from './csv-columns.js';

function accepted<T>(column: CsvColumn<T>, cell: string, separator: CsvSeparator = ','): T | null {
  const result = column.parse(cell, { separator });
  if (!result.ok) throw new Error(`"${cell}" was rejected with ${result.issue.key}`);
  return result.value;
}

function rejected(column: CsvColumn<unknown>, cell: string, separator: CsvSeparator = ','): CsvIssue {
  const result = column.parse(cell, { separator });
  if (result.ok) throw new Error(`"${cell}" was accepted as ${JSON.stringify(result.value)}`);
  return result.issue;
}

describe('text', () => {
  it('keeps the cell and counts maxLength in characters, not UTF-16 units', () => {
    const column = text({ maxLength: 3 });
    expect(accepted(column, 'abc')).toBe('abc');
    expect(accepted(column, 'é😀x')).toBe('é😀x');
    expect(rejected(column, 'abcd')).toEqual({
      key: 'cell.text_too_long',
      params: { length: 4, maxLength: 3 },
    });
  });
});

describe('integer', () => {
  const visits = integer({ min: 0 });

  it.each([
    ['12', 12],
    ['0', 0],
    ['+7', 7],
    ['007', 7],
  ])('accepts %s', (cell, expected) => {
    expect(accepted(visits, cell)).toBe(expected);
  });

  it('reads -0 as 0, not as a negative zero', () => {
    expect(Object.is(accepted(integer(), '-0'), 0)).toBe(true);
  });

  it.each(['12.5', '1e3', 'twelve', '-1', '0x10', '12 visits', '99999999999999999999'])(
    'rejects %s with the range in the message params',
    (cell) => {
      expect(rejected(visits, cell)).toEqual({ key: 'cell.integer', params: { value: cell, min: 0 } });
    },
  );

  it('enforces both bounds', () => {
    const column = integer({ min: 1, max: 5 });
    expect(accepted(column, '5')).toBe(5);
    expect(rejected(column, '6').params).toEqual({ value: '6', min: 1, max: 5 });
  });

  it.each([
    ['1.000', ';'],
    ['1.000', ','],
    ['1.000.000', ';'],
    ['1,000', ','],
    ['1 000', ';'],
  ] as const)('explains the thousands separator in %s (separator %s)', (cell, separator) => {
    expect(rejected(visits, cell, separator).key).toBe('cell.thousands_separator');
  });
});

describe('decimal', () => {
  const hours = decimal({ min: 0, max: 168 });

  it.each([
    ['12.5', ',', 12.5],
    ['12.5', ';', 12.5],
    ['12,5', ';', 12.5],
    ['.5', ',', 0.5],
    ['0.125', ';', 0.125],
    ['168', ',', 168],
  ] as const)('accepts %s with separator %s', (cell, separator, expected) => {
    expect(accepted(hours, cell, separator)).toBe(expected);
  });

  it('reads -0 as 0', () => {
    expect(Object.is(accepted(decimal(), '-0.0'), 0)).toBe(true);
  });

  it('rejects a decimal comma when commas separate the columns', () => {
    expect(rejected(hours, '12,5', ',')).toEqual({ key: 'cell.decimal_comma', params: { value: '12,5' } });
  });

  it.each([
    ['1.000,5', ';'],
    ['1,000.5', ','],
    ['1,000.5', ';'],
    ['1.500', ';'],
    ['1 000,5', ';'],
    ['1\u00a0000', ';'],
  ] as const)('rejects %s (separator %s) as using a thousands separator', (cell, separator) => {
    expect(rejected(hours, cell, separator).key).toBe('cell.thousands_separator');
  });

  it.each(['1e3', 'Infinity', 'NaN', '12.', '1.2.3', 'abc', '169', '-0.5', '1'.repeat(400)])(
    'rejects %s',
    (cell) => {
      expect(rejected(hours, cell)).toEqual({
        key: 'cell.decimal',
        params: { value: cell, min: 0, max: 168 },
      });
    },
  );

  it('formats with a point, or a comma for ; files, never in exponent notation', () => {
    expect(decimal().format(12.5, { separator: ',' })).toBe('12.5');
    expect(decimal().format(12.5, { separator: ';' })).toBe('12,5');
    expect(decimal().format(1.5e-7, { separator: ',' })).toBe('0.00000015');
    expect(decimal().format(-2.5e21, { separator: ',' })).toBe('-2500000000000000000000');
  });

  it('reads back every number it formats, with either separator', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(',', ';'),
        (n, sep) => {
          const column = decimal();
          const separator = sep as CsvSeparator;
          expect(accepted(column, column.format(n, { separator }), separator)).toBe(n || 0);
        },
      ),
    );
  });
});

describe('latitude and longitude', () => {
  it('accept decimal degrees in range, including 50.850 in a ; file', () => {
    expect(accepted(latitude(), '50.850', ';')).toBe(50.85);
    expect(accepted(latitude(), '50,8466', ';')).toBe(50.8466);
    expect(accepted(longitude(), '-180')).toBe(-180);
  });

  it('reject values out of range with their own message', () => {
    expect(rejected(latitude(), '90.1').key).toBe('cell.latitude');
    expect(rejected(longitude(), '180.5').key).toBe('cell.longitude');
    expect(rejected(longitude(), 'east').key).toBe('cell.longitude');
  });
});

describe('boolean', () => {
  it.each(['true', 'YES', 'Ja', 'oui', '1'])('reads %s as true', (cell) => {
    expect(accepted(boolean(), cell)).toBe(true);
  });

  it.each(['false', 'No', 'NEE', 'non', '0'])('reads %s as false', (cell) => {
    expect(accepted(boolean(), cell)).toBe(false);
  });

  it.each(['y', 'waar', '2', 'vrai'])('rejects %s', (cell) => {
    expect(rejected(boolean(), cell)).toEqual({ key: 'cell.boolean', params: { value: cell } });
  });
});

describe('date', () => {
  it.each(['2016-02-29', '2000-02-29', '2016-12-31', '2016-01-01'])('accepts the real date %s', (cell) => {
    expect(accepted(date(), cell)).toBe(cell);
  });

  it.each(['2016-02-30', '2015-02-29', '1900-02-29', '2016-04-31', '2016-13-01', '2016-00-10', '2016-01-00'])(
    'rejects %s, which does not exist',
    (cell) => {
      expect(rejected(date(), cell).key).toBe('cell.date_not_real');
    },
  );

  it.each(['30/01/2016', '2016-1-5', '20160130', '2016-01-30T00:00'])('rejects the format %s', (cell) => {
    expect(rejected(date(), cell).key).toBe('cell.date');
  });

  // Year 0 failed in PostgreSQL, years below 100 in Date.UTC: each was a 500.
  it.each(['0000-01-01', '0001-01-01', '0099-12-31', '0999-06-15', '1899-12-31', '2101-01-01', '9999-12-31'])(
    'rejects %s, outside the years 1900 to 2100',
    (cell) => {
      expect(rejected(date(), cell)).toEqual({
        key: 'cell.year_range',
        params: { value: cell, min: 1900, max: 2100 },
      });
    },
  );

  it.each(['1900-01-01', '2100-12-31'])('accepts %s, at the edge of the years', (cell) => {
    expect(accepted(date(), cell)).toBe(cell);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2016-W05', '2016-W05'],
    ['2016-w5', '2016-W05'],
    ['2020-W53', '2020-W53'],
    ['2015-W53', '2015-W53'],
    ['2026-W53', '2026-W53'],
    ['2004-W53', '2004-W53'],
    ['2021-W01', '2021-W01'],
  ])('accepts %s as %s', (cell, expected) => {
    expect(accepted(isoWeek(), cell)).toBe(expected);
  });

  it.each([
    ['2021-W53', 2021],
    ['2019-W53', 2019],
    ['2016-W53', 2016],
  ])('rejects %s: %i has 52 weeks', (cell, year) => {
    expect(rejected(isoWeek(), cell)).toEqual({ key: 'cell.iso_week_53', params: { value: cell, year } });
  });

  it.each(['2016-W00', '2016-W54', '2016-05', '2016W05', '16-W05', '2016-W005'])('rejects %s', (cell) => {
    expect(rejected(isoWeek(), cell).key).toBe('cell.iso_week');
  });

  // Below 0100 the week's Monday threw (a 500); 0100-0999 read as "not started yet".
  it.each(['0000-W01', '0050-W10', '0099-W52', '0100-W01', '0999-W01', '1899-W52', '2101-W01'])(
    'rejects %s, outside the years 1900 to 2100',
    (cell) => {
      expect(rejected(isoWeek(), cell)).toEqual({
        key: 'cell.year_range',
        params: { value: cell, min: 1900, max: 2100 },
      });
    },
  );
});

describe('enumOf', () => {
  const operator = enumOf(['municipality', 'cpas', 'library']);

  it('matches case-insensitively and returns the declared value', () => {
    expect(accepted(operator, 'CPAS')).toBe('cpas');
  });

  it('lists the allowed values when rejecting', () => {
    expect(rejected(operator, 'school')).toEqual({
      key: 'cell.enum',
      params: { value: 'school', allowed: ['municipality', 'cpas', 'library'] },
    });
  });
});

describe('multi', () => {
  const languages = multi(enumOf(['nl', 'fr', 'en']));

  it('splits on |, trims, drops empty items and repeats', () => {
    expect(accepted(languages, 'nl| FR |en')).toEqual(['nl', 'fr', 'en']);
    expect(accepted(languages, 'nl||fr|nl|')).toEqual(['nl', 'fr']);
  });

  it('treats a cell with only separators as empty', () => {
    expect(accepted(languages, '|')).toBeNull();
  });

  it('reports the first bad item with the inner message', () => {
    expect(rejected(languages, 'nl|xx')).toEqual({
      key: 'cell.enum',
      params: { value: 'xx', allowed: ['nl', 'fr', 'en'] },
    });
  });

  it('formats with the inner format, joined by |', () => {
    expect(multi(decimal()).format([1.5, 2], { separator: ';' })).toBe('1,5|2');
  });
});

describe('email', () => {
  it.each(['info@digipunt.be', 'jan.peeters+ocr@gent.be', 'ana@épn.be'])('accepts %s', (cell) => {
    expect(accepted(email(), cell)).toBe(cell);
  });

  it.each([
    'info',
    'info@digipunt',
    'a@@b.be',
    'a b@c.be',
    'a@b..be',
    'a@b.be;c@d.be',
    `${'a'.repeat(250)}@b.be`,
  ])('rejects %s', (cell) => {
    expect(rejected(email(), cell).key).toBe('cell.email');
  });
});

describe('url', () => {
  it.each(['https://www.digipunt.be', 'HTTP://example.be/a?b=c'])('accepts %s as written', (cell) => {
    expect(accepted(url(), cell)).toBe(cell);
  });

  it.each(['www.digipunt.be', 'ftp://example.be', 'https://', 'https://exa mple.be', 'javascript:alert(1)'])(
    'rejects %s',
    (cell) => {
      expect(rejected(url(), cell).key).toBe('cell.url');
    },
  );

  it('refuses an address longer than maxLength', () => {
    const long = `https://example.be/${'a'.repeat(482)}`;
    expect(accepted(url({ maxLength: 500 }), long.slice(0, 500))).toHaveLength(500);
    expect(rejected(url({ maxLength: 500 }), long)).toEqual({
      key: 'cell.text_too_long',
      params: { length: 501, maxLength: 500 },
    });
  });
});

describe('defineColumns', () => {
  it('rejects names a case-insensitive header could not tell apart', () => {
    expect(() => defineColumns({ visits: integer(), Visits: integer() })).toThrow(/Visits/);
  });

  it('marks required columns, and types optional ones as nullable (the type half is checked by tsc)', () => {
    const columns = defineColumns({
      week: isoWeek({ required: true }),
      visits: integer(),
      languages: multi(enumOf(['nl', 'fr'])),
    });
    expect([columns.week.required, columns.visits.required, columns.languages.required]).toEqual([
      true,
      false,
      false,
    ]);
    const _row: InferRow<typeof columns> = { week: '2016-W05', visits: null, languages: ['nl'] };
    // @ts-expect-error a required column cannot be null
    const _missingWeek: InferRow<typeof columns> = { week: null, visits: 1, languages: null };
    // @ts-expect-error enum values are checked
    const _wrongLanguage: InferRow<typeof columns> = { week: '2016-W05', visits: 1, languages: ['de'] };
  });
});
