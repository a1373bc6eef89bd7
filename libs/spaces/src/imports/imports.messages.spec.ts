import { LANGUAGES, formatCsvError, translateErrorMessage } from '../../../core/src/index.js';
import { ImportRejectedException } from './import.errors.js';
import { IMPORT_ERROR_MESSAGES, importMessages } from './imports.messages.js';

const PARAMS = {
  value: 'BRU-9',
  region: 'WAL',
  other: 'acquired_on',
  detail: 'bad',
  firstLine: 4,
  columns: ['closed_on'],
};

describe('import messages', () => {
  it('has every row-error key in NL, FR and EN, each a sentence that names the value given', () => {
    const keys = Object.keys(importMessages.en);
    for (const lang of LANGUAGES) {
      expect(Object.keys(importMessages[lang]).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const text = (importMessages[lang] as Record<string, (p: typeof PARAMS) => string>)[key](PARAMS);
        expect(text).not.toMatch(/undefined|\$\{/);
        expect(text.length).toBeGreaterThan(20);
      }
    }
    expect(importMessages.fr['import.unknown_space_ref'](PARAMS)).toContain('"BRU-9"');
  });

  it('registers the error codes in the three languages', () => {
    for (const code of Object.keys(IMPORT_ERROR_MESSAGES)) {
      for (const lang of LANGUAGES) expect(translateErrorMessage(code, lang)).toBeTruthy();
    }
  });

  it('words a rejection per language, keeping line and column', () => {
    const rejection = new ImportRejectedException(
      [{ line: 5, column: 'space_ref', key: 'import.unknown_space_ref', params: { value: 'NOPE' } }],
      1,
      importMessages,
    );
    expect(rejection.status).toBe(422);
    expect(rejection.formatErrors('nl')).toEqual([
      {
        line: 5,
        column: 'space_ref',
        message: formatCsvError(
          { line: 5, column: 'space_ref', key: 'import.unknown_space_ref', params: { value: 'NOPE' } },
          'nl',
          importMessages,
        ),
      },
    ]);
    expect(rejection.formatErrors('nl')[0].message).toMatch(/^Regel 5, kolom space_ref: er bestaat geen/);
  });
});
