import { Readable } from 'node:stream';
import {
  boolean,
  date,
  decimal,
  defineColumns,
  defineCsvSchema,
  enumOf,
  integer,
  isoWeek,
  multi,
  text,
  type InferRow,
} from './csv-columns.js';
import { readCsv, type CsvReadOptions, type CsvRow } from './csv-reader.js';

const columns = defineColumns({
  space_ref: text({ required: true, maxLength: 40 }),
  week: isoWeek({ required: true }),
  opening_hours: decimal({ required: true, min: 0, max: 168 }),
  hours_with_animator: decimal({ min: 0, max: 168 }),
  visits: integer({ required: true, min: 0 }),
  languages: multi(enumOf(['nl', 'fr', 'en', 'de', 'other'])),
  open_to_all_publics: boolean(),
  opened_on: date({ required: true }),
  operator_type: enumOf(['municipality', 'cpas', 'library', 'association', 'other'], { required: true }),
});
type Row = InferRow<typeof columns>;

const schema = defineCsvSchema(columns, {
  key: ['space_ref', 'week'],
  rowChecks: (row) =>
    row.hours_with_animator !== null && row.hours_with_animator > row.opening_hours
      ? [{ column: 'hours_with_animator', key: 'row.exceeds_column', params: { other: 'opening_hours' } }]
      : [],
});

const HEADER = Object.keys(columns).join(',');
const good = (ref: string, week = '2016-W05') => `${ref},${week},12.5,2,40,nl|fr,yes,2015-03-01,library`;
const expectedGood = (ref: string, week = '2016-W05'): Row => ({
  space_ref: ref,
  week,
  opening_hours: 12.5,
  hours_with_animator: 2,
  visits: 40,
  languages: ['nl', 'fr'],
  open_to_all_publics: true,
  opened_on: '2015-03-01',
  operator_type: 'library',
});

/** Splits on byte boundaries, so multi-byte characters and CRLF pairs get cut in two. */
function chunked(input: string | Buffer, size: number): Buffer[] {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input);
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return chunks;
}

async function readAll(input: string | Buffer | Buffer[] | Readable, options: CsvReadOptions = {}) {
  const source = input instanceof Readable ? input : Readable.from(Array.isArray(input) ? input : [input]);
  const reader = readCsv(source, schema, options);
  const rows: CsvRow<Row>[] = [];
  const batchSizes: number[] = [];
  for await (const batch of reader) {
    rows.push(...batch.rows);
    batchSizes.push(batch.rows.length);
  }
  return { rows, batchSizes, summary: reader.result() };
}

const lines = (...content: string[]) => content.join('\n') + '\n';

describe('readCsv', () => {
  it('reads typed rows with their line numbers', async () => {
    const { rows, summary } = await readAll(lines(HEADER, good('BXL-1'), good('BXL-2', '2020-W53')));
    expect(rows).toEqual([
      { line: 2, values: expectedGood('BXL-1') },
      { line: 3, values: expectedGood('BXL-2', '2020-W53') },
    ]);
    expect(summary).toEqual({
      separator: ',',
      rowCount: 2,
      invalidRowCount: 0,
      errorCount: 0,
      errors: [],
      truncated: false,
    });
  });

  it('gives null for empty optional cells and for optional columns the file leaves out', async () => {
    const header = 'space_ref,week,opening_hours,visits,opened_on,operator_type,languages';
    const { rows, summary } = await readAll(lines(header, 'BXL-1,2016-W05,10,3,2015-03-01,cpas,'));
    expect(summary.errors).toEqual([]);
    expect(rows[0].values).toEqual({
      space_ref: 'BXL-1',
      week: '2016-W05',
      opening_hours: 10,
      hours_with_animator: null,
      visits: 3,
      languages: null,
      open_to_all_publics: null,
      opened_on: '2015-03-01',
      operator_type: 'cpas',
    });
  });

  it('tells which columns the file has, so a left-out column can keep its stored value', async () => {
    const header = 'SPACE_REF,week,Opening_Hours,visits,opened_on,operator_type,languages';
    const reader = readCsv(Readable.from([lines(header, 'BXL-1,2016-W05,10,3,2015-03-01,cpas,')]), schema);
    expect([...reader.columnsInFile()]).toEqual([]);
    const first = await reader.next();
    expect(first.done).toBe(false);
    expect([...reader.columnsInFile()].sort()).toEqual(
      ['languages', 'opened_on', 'opening_hours', 'operator_type', 'space_ref', 'visits', 'week'].sort(),
    );
    // The empty languages cell and the left-out open_to_all_publics read the same; only the header differs.
    expect(reader.columnsInFile().has('languages')).toBe(true);
    expect(reader.columnsInFile().has('open_to_all_publics')).toBe(false);
  });

  it('strips a UTF-8 byte-order mark, even when it arrives one byte at a time', async () => {
    const input = `\uFEFF${lines(HEADER, good('Liège-1'))}`;
    for (const chunks of [[Buffer.from(input)], chunked(input, 1)]) {
      const { rows, summary } = await readAll(chunks);
      expect(summary.errors).toEqual([]);
      expect(rows).toEqual([{ line: 2, values: expectedGood('Liège-1') }]);
    }
  });

  it('accepts CRLF line endings', async () => {
    const { rows, summary } = await readAll(`${HEADER}\r\n${good('A')}\r\n\r\n${good('B')}\r\n`);
    expect(summary.errors).toEqual([]);
    expect(rows.map((row) => [row.line, row.values.space_ref, row.values.operator_type])).toEqual([
      [2, 'A', 'library'],
      [4, 'B', 'library'],
    ]);
  });

  it('detects ; as separator and then accepts decimal commas', async () => {
    const input = lines(
      HEADER.replaceAll(',', ';'),
      'BXL-1;2016-W05;12,5;0,75;40;nl|fr;ja;2015-03-01;library',
      'BXL-2;2016-W06;"1.000,5";;40;;;2015-03-01;library',
    );
    const { rows, summary } = await readAll(input);
    expect(summary.separator).toBe(';');
    expect(rows[0].values).toMatchObject({ opening_hours: 12.5, hours_with_animator: 0.75 });
    expect(summary.errors).toEqual([
      {
        line: 3,
        column: 'opening_hours',
        key: 'cell.thousands_separator',
        params: { value: '1.000,5' },
      },
    ]);
  });

  it('rejects 12,5 in a quoted cell of a comma-separated file', async () => {
    const { rows, summary } = await readAll(
      lines(HEADER, good('A'), 'B,2016-W05,"12,5",,40,,,2015-03-01,library'),
    );
    expect(rows).toHaveLength(1);
    expect(summary.errors).toEqual([
      { line: 3, column: 'opening_hours', key: 'cell.decimal_comma', params: { value: '12,5' } },
    ]);
  });

  it('picks the separator from the header line alone, ignoring quoted characters', async () => {
    const header = 'space_ref;week;opening_hours;visits;opened_on;operator_type';
    const { summary } = await readAll(lines(header, '"A, B, C, D, E, F";2016-W05;"1,5";1;2015-03-01;cpas'));
    expect(summary).toMatchObject({ separator: ';', errors: [] });
    const quoted = await readAll(
      lines('"space_ref,a,b,c,d,e,f";week;opening_hours;visits;opened_on;operator_type'),
    );
    expect(quoted.summary.separator).toBe(';');
    expect(quoted.summary.errors[0]).toMatchObject({
      column: 'space_ref,a,b,c,d,e,f',
      key: 'header.unknown_column',
    });
  });

  it('matches column names case-insensitively and ignores spaces around them', async () => {
    const header = HEADER.split(',')
      .map((name) => ` ${name.toUpperCase()} `)
      .join(',');
    const { rows, summary } = await readAll(lines(header, good('A')));
    expect(summary.errors).toEqual([]);
    expect(rows[0].values).toEqual(expectedGood('A'));
  });

  it('trims spaces around values', async () => {
    const { rows } = await readAll(
      lines(HEADER, ' A , 2016-w5 , 12.5 ,, 40 , nl | fr , Yes , 2015-03-01 , Library '),
    );
    expect(rows[0].values).toEqual({ ...expectedGood('A'), hours_with_animator: null });
  });

  describe('header problems reject the file before any row', () => {
    it('reports unknown, duplicate and unnamed columns and missing required ones on line 1', async () => {
      const header = 'space_ref,Week,week,remarks,,opening_hours,opened_on,operator_type';
      const { rows, summary } = await readAll(lines(header, 'A,2016-W05,2016-W05,x,,1,2015-03-01,cpas'));
      expect(rows).toEqual([]);
      expect(summary.rowCount).toBe(0);
      expect(summary.errors).toEqual([
        { line: 1, column: 'week', key: 'header.duplicate_column', params: {} },
        {
          line: 1,
          column: 'remarks',
          key: 'header.unknown_column',
          params: { allowed: Object.keys(columns) },
        },
        { line: 1, column: null, key: 'header.unnamed_column', params: { position: 5 } },
        { line: 1, column: 'visits', key: 'header.missing_column', params: {} },
      ]);
    });

    it('ignores trailing unnamed columns that Excel adds, as long as their cells stay empty', async () => {
      const { rows, summary } = await readAll(lines(`${HEADER},,`, `${good('A')},,`, `${good('B')},,x`));
      expect(rows.map((row) => row.values.space_ref)).toEqual(['A']);
      expect(summary.errors).toEqual([
        { line: 3, column: null, key: 'row.cell_count', params: { expected: 9, actual: 11, separator: ',' } },
      ]);
    });

    it.each([
      ['nothing', ''],
      ['only a byte-order mark', '\uFEFF'],
      ['a blank first line', '\r\n'],
      ['only separators', ';;;\n'],
    ])('reports an empty file for %s', async (_, input) => {
      const { summary } = await readAll(input);
      expect(summary.errors).toEqual([{ line: 1, column: null, key: 'file.empty', params: {} }]);
    });

    it('accepts a header without rows', async () => {
      const { summary } = await readAll(HEADER);
      expect(summary).toMatchObject({ rowCount: 0, errorCount: 0 });
    });
  });

  it('reports exactly the 3 bad rows among 50, with their lines and columns', async () => {
    const bad = new Map([
      [12, 'R12,2016-W05,12.5,2,12.5,nl,yes,2015-03-01,library'],
      [27, 'R27,2016-W05,12.5,2,40,nl,yes,2016-02-30,library'],
      [44, 'R44,2021-W53,12.5,2,40,nl,yes,2015-03-01,library'],
    ]);
    const body = Array.from({ length: 50 }, (_, i) => bad.get(i + 2) ?? good(`R${i + 2}`));
    const { rows, summary } = await readAll(lines(HEADER, ...body));
    expect(rows).toHaveLength(47);
    expect(summary).toMatchObject({ rowCount: 50, invalidRowCount: 3, errorCount: 3, truncated: false });
    expect(summary.errors.map((error) => [error.line, error.column, error.key])).toEqual([
      [12, 'visits', 'cell.integer'],
      [27, 'opened_on', 'cell.date_not_real'],
      [44, 'week', 'cell.iso_week_53'],
    ]);
  });

  it('reports every bad cell of a row, and required cells left empty', async () => {
    const { summary } = await readAll(lines(HEADER, ',2016-W5x,,,-1,xx,maybe,,'));
    expect(summary.errors.map((error) => [error.column, error.key])).toEqual([
      ['space_ref', 'cell.required'],
      ['week', 'cell.iso_week'],
      ['opening_hours', 'cell.required'],
      ['visits', 'cell.integer'],
      ['languages', 'cell.enum'],
      ['open_to_all_publics', 'cell.boolean'],
      ['opened_on', 'cell.required'],
      ['operator_type', 'cell.required'],
    ]);
    expect(summary.invalidRowCount).toBe(1);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('keeps physical line numbers after a quoted multi-line cell (%s)', async (_, eol) => {
    const multiLine = `"Wetstraat 16${eol}1000${eol}Brussel",2016-W05,12.5,2,40,nl,yes,2015-03-01,cpas`;
    const input = [HEADER, good('A'), multiLine, '', 'B,2016-W05,12.5,2,x,nl,yes,2015-03-01,cpas', ''].join(
      eol,
    );
    const { rows, summary } = await readAll(input);
    expect(rows.map((row) => row.line)).toEqual([2, 3]);
    expect(rows[1].values.space_ref).toBe(`Wetstraat 16${eol}1000${eol}Brussel`);
    expect(summary.errors.map((error) => error.line)).toEqual([7]);
  });

  it('reads the same whatever the chunk boundaries', async () => {
    const body = lines(
      HEADER.replaceAll(',', ';'),
      'Liège;2016-W05;"1\r\n2";1;40;fr;oui;2015-03-01;cpas',
      'Gent;2016-W05;1;x;40;nl;ja;2015-03-01;cpas',
    );
    const input = `\uFEFF${body}`;
    const whole = await readAll(input);
    expect(whole.summary.errors).toHaveLength(2);
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await readAll(chunked(input, size))).toEqual(whole);
    }
  });

  it('rejects a later row repeating the key of an earlier one, comparing normalised values', async () => {
    const input = lines(
      HEADER,
      good('A', '2016-W05'),
      good('A', '2016-W06'),
      good('B'),
      good('A', '2016-w5'),
    );
    const { rows, summary } = await readAll(input);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(summary.errors).toEqual([
      {
        line: 5,
        column: 'space_ref, week',
        key: 'row.duplicate_key',
        params: { firstLine: 2, columns: ['space_ref', 'week'] },
      },
    ]);
  });

  it('reports a repeated key even when the row has other errors', async () => {
    const input = lines(HEADER, good('A'), 'A,2016-W05,12.5,2,x,nl,yes,2015-03-01,library');
    const { summary } = await readAll(input);
    expect(summary.errors.map((error) => [error.line, error.key])).toEqual([
      [3, 'cell.integer'],
      [3, 'row.duplicate_key'],
    ]);
  });

  it('runs row checks only on rows whose cells all parsed', async () => {
    const input = lines(
      HEADER,
      'A,2016-W05,10,12,40,,,2015-03-01,cpas',
      'B,2016-W05,ten,12,40,,,2015-03-01,cpas',
      'C,2016-W05,10,10,40,,,2015-03-01,cpas',
    );
    const { rows, summary } = await readAll(input);
    expect(rows.map((row) => row.values.space_ref)).toEqual(['C']);
    expect(summary.errors.map((error) => [error.line, error.column, error.key])).toEqual([
      [2, 'hours_with_animator', 'row.exceeds_column'],
      [3, 'opening_hours', 'cell.decimal'],
    ]);
  });

  it('reports rows with too few or too many cells without reading their misaligned values', async () => {
    const input = lines(HEADER, 'A,2016-W05,12.5,2,40', `${good('B')},extra`, `${good('C')},`);
    const { rows, summary } = await readAll(input);
    expect(rows.map((row) => row.values.space_ref)).toEqual(['C']);
    expect(summary.errors).toEqual([
      { line: 2, column: null, key: 'row.cell_count', params: { expected: 9, actual: 5, separator: ',' } },
      { line: 3, column: null, key: 'row.cell_count', params: { expected: 9, actual: 10, separator: ',' } },
    ]);
  });

  it('skips blank lines and rows of empty cells without counting them', async () => {
    const { rows, summary } = await readAll(lines(HEADER, '', good('A'), ',,,,,,,,', '   ', good('B')));
    expect(rows.map((row) => row.line)).toEqual([3, 6]);
    expect(summary.rowCount).toBe(2);
  });

  it('flags text that is not UTF-8, as Excel writes with its plain "CSV" format', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\nLi`),
      Buffer.from([0xe8]),
      Buffer.from(`ge${good('')}\n`),
    ]);
    const { summary } = await readAll(latin1);
    expect(summary.errors).toEqual([{ line: 2, column: 'space_ref', key: 'cell.not_utf8', params: {} }]);
  });

  it('stores at most maxErrors errors but counts them all', async () => {
    const body = Array.from({ length: 30 }, (_, i) => `R${i},2016-W05,12.5,,lots,,,2015-03-01,cpas`);
    const { summary } = await readAll(lines(HEADER, ...body), { maxErrors: 10 });
    expect(summary).toMatchObject({ rowCount: 30, invalidRowCount: 30, errorCount: 30, truncated: true });
    expect(summary.errors.map((error) => error.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('shortens long values repeated in errors', async () => {
    const { summary } = await readAll(
      lines(HEADER, `A,2016-W05,12.5,,${'9x'.repeat(500)},,,2015-03-01,cpas`),
    );
    expect(summary.errors[0].params.value).toBe(`${'9x'.repeat(50)}…`);
  });

  it('yields batches of batchSize rows, each with the errors found so far', async () => {
    const body = Array.from({ length: 25 }, (_, i) => (i === 3 ? 'bad' : good(`R${i}`)));
    const reader = readCsv(Readable.from([lines(HEADER, ...body)]), schema, { batchSize: 10 });
    const batches: Array<[number, number]> = [];
    for await (const batch of reader) batches.push([batch.rows.length, batch.errorCount]);
    expect(batches).toEqual([
      [10, 1],
      [10, 1],
      [4, 1],
    ]);
  });

  describe('broken quoting stops the read, keeping the errors found before it', () => {
    it('reports a quote that is never closed on the line where its row starts', async () => {
      const input = lines(
        HEADER,
        good('A'),
        'B,2016-W05,12.5,,x,,,2015-03-01,cpas',
        good('C'),
        '"D,2016-W05',
        good('E'),
      );
      const { summary } = await readAll(input);
      expect(summary.errors).toEqual([
        { line: 3, column: 'visits', key: 'cell.integer', params: { value: 'x', min: 0 } },
        { line: 5, column: null, key: 'file.quote_not_closed', params: {} },
      ]);
    });

    it.each(['"A"B,2016-W05', 'A"B,2016-W05'])('reports the misplaced quote in %s', async (cells) => {
      const input = lines(HEADER, good('A'), `${cells},12.5,,1,,,2015-03-01,cpas`, good('C'));
      const { summary } = await readAll(input);
      expect(summary.errors).toEqual([{ line: 3, column: null, key: 'file.misplaced_quote', params: {} }]);
    });

    it('refuses to buffer a line longer than maxLineBytes', async () => {
      const input = lines(HEADER, good('A'), `"${'x'.repeat(5000)}`);
      const { summary } = await readAll(input, { maxLineBytes: 1000 });
      expect(summary.errors).toEqual([{ line: 3, column: null, key: 'file.line_too_long', params: {} }]);
    });
  });

  it('returns the summary from the generator and refuses result() before the end', async () => {
    const reader = readCsv(Readable.from([lines(HEADER, good('A'))]), schema);
    expect(() => reader.result()).toThrow(/every batch/);
    let step = await reader.next();
    expect(step.done).toBe(false);
    step = await reader.next();
    expect(step).toEqual({ done: true, value: reader.result() });
  });

  it('accepts any async iterable of strings as source', async () => {
    async function* source() {
      yield `${HEADER}\n`;
      yield `${good('A')}\n`;
    }
    const reader = readCsv(source(), schema);
    const rows = [];
    for await (const batch of reader) rows.push(...batch.rows);
    expect(rows).toEqual([{ line: 2, values: expectedGood('A') }]);
  });

  it('closes the source when the caller stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        yield `${HEADER}\n`;
        for (let i = 0; ; i++) yield `${good(`R${i}`)}\n`;
      } finally {
        closed = true;
      }
    }
    const reader = readCsv(Readable.from(source()), schema, { batchSize: 5 });
    for await (const batch of reader) {
      expect(batch.rows).toHaveLength(5);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(true);
    expect(() => reader.result()).toThrow();
  });

  it('throws when the source fails, instead of reporting a short file', async () => {
    async function* source() {
      yield `${HEADER}\n${good('A')}\n`;
      throw new Error('connection reset');
    }
    await expect(readAll(Readable.from(source()))).rejects.toThrow('connection reset');
  });
});
