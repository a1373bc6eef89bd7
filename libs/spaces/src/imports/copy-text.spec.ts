import { copyTextLine, copyTextValue } from './copy-text.js';

describe('COPY text encoding', () => {
  it('writes null as \\N and keeps an empty string apart from it', () => {
    expect(copyTextValue(null)).toBe('\\N');
    expect(copyTextValue('')).toBe('');
    expect(copyTextValue('\\N')).toBe('\\\\N');
  });

  it('writes booleans and numbers as PostgreSQL reads them', () => {
    expect(copyTextValue(true)).toBe('t');
    expect(copyTextValue(false)).toBe('f');
    expect(copyTextValue(1250.5)).toBe('1250.5');
    expect(copyTextValue(0.333)).toBe('0.333');
    expect(copyTextValue(-0)).toBe('0');
    expect(() => copyTextValue(Number.NaN)).toThrow();
  });

  it('escapes the characters that would end a cell or a line', () => {
    expect(copyTextValue('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
  });

  it('writes arrays as literals whose elements stay data', () => {
    expect(copyTextValue([])).toBe('{}');
    expect(copyTextValue(['fr', 'nl'])).toBe('{"fr","nl"}');
    // The array literal escapes " and \ with a backslash; the text format then doubles every backslash.
    expect(copyTextValue(['a,b', 'say "hi"', 'back\\slash', 'NULL'])).toBe(
      '{"a,b","say \\\\"hi\\\\"","back\\\\\\\\slash","NULL"}',
    );
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(copyTextLine([7, 'BRU-A', null, true, ['x']])).toBe('7\tBRU-A\t\\N\tt\t{"x"}\n');
  });
});
