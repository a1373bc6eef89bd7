import type { CsvParams } from './csv-columns.js';
import {
  csvMessages,
  defineCsvMessages,
  formatCsvError,
  formatCsvProblem,
  type CsvLang,
  type CsvMessageKey,
} from './csv-messages.js';

const langs: CsvLang[] = ['nl', 'fr', 'en'];

/** The params each key is produced with; typed so that a new key without an entry here fails to compile. */
const sampleParams: Record<CsvMessageKey, CsvParams> = {
  'file.empty': {},
  'file.quote_not_closed': {},
  'file.misplaced_quote': {},
  'file.line_too_long': {},
  'header.unknown_column': { allowed: ['space_ref', 'week', 'visits'] },
  'header.missing_column': {},
  'header.duplicate_column': {},
  'header.unnamed_column': { position: 4 },
  'row.cell_count': { expected: 8, actual: 9, separator: ';' },
  'row.duplicate_key': { firstLine: 4, columns: ['space_ref', 'week'] },
  'row.exceeds_column': { other: 'opening_hours' },
  'cell.required': {},
  'cell.not_utf8': {},
  'cell.text_too_long': { length: 41, maxLength: 40 },
  'cell.integer': { value: '12.5', min: 0 },
  'cell.decimal': { value: 'abc', min: 0, max: 168 },
  'cell.decimal_comma': { value: '12,5' },
  'cell.thousands_separator': { value: '1.000,5' },
  'cell.boolean': { value: 'misschien' },
  'cell.date': { value: '30/01/2016' },
  'cell.date_not_real': { value: '2016-02-30' },
  'cell.year_range': { value: '0000-01-01', min: 1900, max: 2100 },
  'cell.iso_week': { value: '2016-5' },
  'cell.iso_week_53': { value: '2021-W53', year: 2021 },
  'cell.enum': { value: 'school', allowed: ['municipality', 'cpas', 'library'] },
  'cell.email': { value: 'info@' },
  'cell.url': { value: 'www.digipunt.be' },
  'cell.latitude': { value: '95' },
  'cell.longitude': { value: '200' },
};

describe('csvMessages', () => {
  it('has exactly the same keys in Dutch, French and English', () => {
    const [nl, fr, en] = langs.map((lang) => Object.keys(csvMessages[lang]).sort());
    expect(nl).toEqual(en);
    expect(fr).toEqual(en);
  });

  it.each(langs)('renders every %s message with its params filled in', (lang) => {
    for (const [key, params] of Object.entries(sampleParams)) {
      const text = formatCsvError({ line: 3, column: 'visits', key, params }, lang);
      expect(text).not.toMatch(/undefined|NaN|\[object|\{|\}/);
      for (const value of Object.values(params)) {
        if (typeof value === 'string') expect(text).toContain(value);
      }
    }
  });
});

describe('formatCsvError', () => {
  const visits = { line: 7, column: 'visits', key: 'cell.integer', params: { value: '12.5', min: 0 } };

  it('writes a plain sentence with line and column in each language', () => {
    expect(formatCsvError(visits, 'en')).toBe(
      'Line 7, column visits: enter a whole number of 0 or more (you wrote "12.5").',
    );
    expect(formatCsvError(visits, 'nl')).toBe(
      'Regel 7, kolom visits: vul een geheel getal in van 0 of meer (u schreef "12.5").',
    );
    expect(formatCsvError(visits, 'fr')).toBe(
      'Ligne 7, colonne visits : indiquez un nombre entier de 0 ou plus (vous avez écrit « 12.5 »).',
    );
  });

  it('can leave out the line and column, for a table that shows them in their own columns', () => {
    expect(formatCsvProblem(visits, 'nl')).toBe('Vul een geheel getal in van 0 of meer (u schreef "12.5").');
    expect(formatCsvProblem(visits, 'en')).toBe('Enter a whole number of 0 or more (you wrote "12.5").');
  });

  it('writes bounds and lists the way each language does', () => {
    const hours = {
      line: 2,
      column: 'opening_hours',
      key: 'cell.decimal',
      params: { value: 'x', min: 0.5, max: 168 },
    };
    expect(formatCsvError(hours, 'nl')).toContain('tussen 0,5 en 168');
    expect(formatCsvError(hours, 'en')).toContain('between 0.5 and 168');
    const operator = {
      line: 2,
      column: 'operator_type',
      key: 'cell.enum',
      params: sampleParams['cell.enum'],
    };
    expect(formatCsvError(operator, 'en')).toContain('municipality, cpas or library');
    expect(formatCsvError(operator, 'nl')).toContain('municipality, cpas of library');
    expect(formatCsvError(operator, 'fr')).toContain('municipality, cpas ou library');
  });

  it('leaves the column out for whole-line problems', () => {
    const repeat = {
      line: 9,
      column: null,
      key: 'row.duplicate_key',
      params: sampleParams['row.duplicate_key'],
    };
    expect(formatCsvError(repeat, 'en')).toBe(
      'Line 9: this row repeats line 4 (same values for space_ref and week).',
    );
  });

  it('names every column of a repeated key', () => {
    const repeat = {
      line: 9,
      column: 'space_ref, week',
      key: 'row.duplicate_key',
      params: sampleParams['row.duplicate_key'],
    };
    expect(formatCsvError(repeat, 'en')).toBe(
      'Line 9, columns space_ref, week: this row repeats line 4 (same values for space_ref and week).',
    );
    expect(formatCsvError(repeat, 'nl')).toMatch(/^Regel 9, kolommen space_ref, week: /);
    expect(formatCsvError(repeat, 'fr')).toMatch(/^Ligne 9, colonnes space_ref, week : /);
  });

  it('says which years a date may have', () => {
    const year = {
      line: 2,
      column: 'opened_on',
      key: 'cell.year_range',
      params: sampleParams['cell.year_range'],
    };
    expect(formatCsvError(year, 'en')).toBe(
      'Line 2, column opened_on: the year must be between 1900 and 2100 (you wrote "0000-01-01").',
    );
    expect(formatCsvError(year, 'nl')).toContain('het jaar moet tussen 1900 en 2100 liggen');
    expect(formatCsvError(year, 'fr')).toContain('l’année doit être comprise entre 1900 et 2100');
  });

  it("uses a record kind's own catalogue for its row checks", () => {
    const extra = defineCsvMessages(
      { 'activity.animator_hours': (p) => `animator hours cannot exceed ${p.max}` },
      { 'activity.animator_hours': (p) => `begeleide uren mogen niet hoger zijn dan ${p.max}` },
      { 'activity.animator_hours': (p) => `les heures accompagnées ne peuvent dépasser ${p.max}` },
    );
    const error = {
      line: 5,
      column: 'hours_with_animator',
      key: 'activity.animator_hours',
      params: { max: 12 },
    };
    expect(formatCsvError(error, 'nl', extra)).toBe(
      'Regel 5, kolom hours_with_animator: begeleide uren mogen niet hoger zijn dan 12.',
    );
    expect(formatCsvError({ ...error, key: 'cell.required' }, 'en', extra)).toBe(
      'Line 5, column hours_with_animator: this cell cannot be empty.',
    );
  });

  it('refuses to show a coordinator a key it has no message for', () => {
    expect(() => formatCsvError({ line: 1, column: null, key: 'nope', params: {} }, 'fr')).toThrow(/nope/);
  });
});
