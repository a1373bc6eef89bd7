import { CATALOGUES } from './i18n/catalogues.js';
import {
  errorSummary,
  fieldErrorsOf,
  fieldView,
  isDate,
  labelsOf,
  parseDate,
  parseNumber,
  readDecimal,
  readWhole,
  safeNext,
  typedDate,
} from './forms.js';

const m = CATALOGUES.en;

describe('page forms', () => {
  it('reads whole numbers and decimal commas, and words an error for anything else', () => {
    const errors: { field: string; message: string }[] = [];
    expect(readWhole('12', 'visits', m, errors)).toBe(12);
    expect(readWhole('', 'visits', m, errors)).toBeNull();
    expect(readDecimal('7,5', 'openingHours', m, errors)).toBe(7.5);
    expect(readWhole('twelve', 'visits', m, errors)).toBeNull();
    expect(readWhole('1.5', 'visitorsWomen', m, errors)).toBeNull();
    expect(readDecimal('7h', 'openingHours', m, errors)).toBeNull();
    expect(errors).toEqual([
      { field: 'visits', message: m.form.wholeNumber },
      { field: 'visitorsWomen', message: m.form.wholeNumber },
      { field: 'openingHours', message: m.form.number },
    ]);
  });

  it('knows real dates', () => {
    expect(isDate('2026-11-18')).toBe(true);
    expect(isDate('2026-02-31')).toBe(false);
    expect(isDate('0000-01-01')).toBe(false);
    expect(isDate('1026-11-18')).toBe(false);
    expect(isDate('2100-12-31')).toBe(true);
    expect(isDate('18/11/2026')).toBe(false);
  });

  it('reads dates typed day first, as in Belgium, and year first', () => {
    for (const typed of ['18/11/2026', '18-11-2026', '18.11.2026', '2026-11-18', ' 18/11/2026 ']) {
      expect(parseDate(typed)).toBe('2026-11-18');
    }
    expect(parseDate('1/2/2026')).toBe('2026-02-01');
    expect(parseDate('29/02/2028')).toBe('2028-02-29');
    expect(parseDate('31/12/2100')).toBe('2100-12-31');
    expect(parseDate('1/1/1900')).toBe('1900-01-01');
    for (const wrong of [
      '31/02/2026',
      '29/02/2026',
      '18/13/2026',
      '0/11/2026',
      '18/11/1899',
      '1/1/2101',
      '18/11/26',
      '18/11-2026',
      '2026-02-31',
      '0000-01-01',
      '11/18/2026',
      '18 november 2026',
      '',
    ]) {
      expect(parseDate(wrong)).toBeNull();
    }
    expect(typedDate('2026-11-18')).toBe('18/11/2026');
  });

  it('reads amounts with thousands separators as the pages show them, and refuses ambiguous ones', () => {
    const value = (typed: string) => {
      const read = parseNumber(typed);
      return read && read !== 'ambiguous' ? read.value : read;
    };
    expect(value('12.500,50')).toBe(12500.5);
    expect(value('12 500,50')).toBe(12500.5);
    expect(value('12\u202f500,50')).toBe(12500.5);
    expect(value('€ 12.500,50')).toBe(12500.5);
    expect(value('12.500,50 €')).toBe(12500.5);
    expect(value('€ 25.000,00')).toBe(25000);
    expect(value('12,500.50')).toBe(12500.5);
    expect(value('1.250.000')).toBe(1250000);
    expect(value('1,250,000.5')).toBe(1250000.5);
    expect(value('12500,50')).toBe(12500.5);
    expect(value('12500.50')).toBe(12500.5);
    expect(value('7,5')).toBe(7.5);
    expect(value('0,875')).toBe(0.875);
    expect(value('12')).toBe(12);
    expect(parseNumber('12.500,50')).toEqual({ value: 12500.5, decimals: 2 });
    // One dot or comma before three digits: thousands in one language, decimals in another.
    expect(value('12.500')).toBe('ambiguous');
    expect(value('12,500')).toBe('ambiguous');
    expect(value('1,234')).toBe('ambiguous');
    for (const wrong of [
      '12.50.0',
      '1.2345,5',
      '12,500,50.5.1',
      '12.500.50,1.2',
      '1 2,5',
      '12,5.000',
      'abc',
      '7h',
      '€',
      '',
    ]) {
      expect(value(wrong)).toBeNull();
    }
    const errors: { field: string; message: string }[] = [];
    expect(readDecimal('12.500', 'amount', m, errors)).toBeNull();
    expect(errors).toEqual([{ field: 'amount', message: m.form.ambiguousNumber }]);
  });

  it('links a field to its hint and error, and the summary to the field', () => {
    const errors = [
      { field: 'visits', message: 'Too many.' },
      { field: 'week', message: 'No week.' },
    ];
    const view = fieldView(
      { name: 'visits', label: 'Visits', hint: 'Count', required: true },
      { visits: 'x' },
      errors,
      m,
    );
    expect(view).toMatchObject({
      id: 'field-visits',
      value: 'x',
      error: 'Too many.',
      describedBy: 'field-visits-hint field-visits-error',
    });
    expect(errorSummary(errors, m, { visits: 'field-visits', week: 'week-select' }, 'x')?.items).toEqual([
      { href: '#field-visits', message: 'Too many.' },
      { href: '#week-select', message: 'No week.' },
    ]);
    expect(errorSummary([], m, {}, 'x')).toBeNull();
    // With the labels, each link names its field, so equal messages are told apart.
    const same = [
      { field: 'theme', message: m.form.requiredField },
      { field: 'format', message: m.form.requiredField },
    ];
    const labels = labelsOf([
      { name: 'theme', label: 'Theme' },
      { name: 'format', label: 'Format' },
    ]);
    expect(errorSummary(same, m, {}, 'field-theme', labels)?.items.map((i) => i.message)).toEqual([
      'Theme: Fill in this field.',
      'Format: Fill in this field.',
    ]);
  });

  it('takes field errors only from a validation failure', () => {
    expect(
      fieldErrorsOf({ code: 'VALIDATION.FAILED', details: [{ field: 'a', message: 'b', code: 'c' }] }),
    ).toEqual([{ field: 'a', message: 'b' }]);
    expect(fieldErrorsOf({ code: 'SPACES.NOT_FOUND' })).toBeNull();
  });

  it('redirects only within the site after login', () => {
    expect(safeNext('/spaces/BRU-A/week', '/my-spaces')).toBe('/spaces/BRU-A/week');
    expect(safeNext('//evil.example', '/my-spaces')).toBe('/my-spaces');
    expect(safeNext('https://evil.example', '/my-spaces')).toBe('/my-spaces');
    expect(safeNext(undefined, '/my-spaces')).toBe('/my-spaces');
  });
});
