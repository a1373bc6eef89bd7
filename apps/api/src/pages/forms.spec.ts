import { CATALOGUES } from './i18n/catalogues.js';
import { errorSummary, fieldErrorsOf, fieldView, isDate, readDecimal, readWhole, safeNext } from './forms.js';

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
