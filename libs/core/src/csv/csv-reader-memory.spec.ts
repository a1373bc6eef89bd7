import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
import { readCsv, type CsvRow } from './csv-reader.js';

const ROWS = 200_000;
const MAX_HEAP_GROWTH = 40 * 1024 * 1024;

const columns = defineColumns({
  space_ref: text({ required: true, maxLength: 40 }),
  week: isoWeek({ required: true }),
  opening_hours: decimal({ required: true, min: 0, max: 168 }),
  visits: integer({ required: true, min: 0 }),
  languages: multi(enumOf(['nl', 'fr', 'en', 'de', 'other'])),
  open_to_all_publics: boolean(),
  opened_on: date({ required: true }),
  operator_type: enumOf(['municipality', 'cpas', 'library', 'association', 'other'], { required: true }),
});
const schema = defineCsvSchema(columns, { key: ['space_ref', 'week'] });

/** Generates the file lazily, 500 lines per chunk, so the input itself never sits in memory. */
function* generatedFile(): Generator<string> {
  yield `${Object.keys(columns).join(';')}\r\n`;
  for (let start = 0; start < ROWS; start += 500) {
    let chunk = '';
    for (let i = start; i < start + 500; i++) {
      const week = `2016-W${String((i % 52) + 1).padStart(2, '0')}`;
      chunk += `space-${i};${week};${i % 168},5;${i % 1000};nl|fr;ja;2015-03-01;cpas\r\n`;
    }
    yield chunk;
  }
}

/** Jest runs without --expose-gc; the flag can still be turned on, and `gc` read from a fresh context. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function heapGrowthWhileReading(keep: (rows: readonly CsvRow<InferRow<typeof columns>>[]) => void) {
  const gc = exposeGc();
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let rowCount = 0;
  let batches = 0;
  const reader = readCsv(Readable.from(generatedFile()), schema);
  for await (const batch of reader) {
    rowCount += batch.rows.length;
    keep(batch.rows);
    if (++batches % 50 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }
  return { peak, rowCount, summary: reader.result() };
}

describe('readCsv memory', () => {
  it(`streams ${ROWS} rows with bounded heap growth`, async () => {
    const { peak, rowCount, summary } = await heapGrowthWhileReading(() => {});
    expect(summary).toMatchObject({ rowCount: ROWS, errorCount: 0 });
    expect(rowCount).toBe(ROWS);
    expect(peak).toBeLessThan(MAX_HEAP_GROWTH);
  });

  it('would notice a reader that holds on to the rows', async () => {
    const held: unknown[] = [];
    const { peak } = await heapGrowthWhileReading((rows) => held.push(...rows));
    expect(held).toHaveLength(ROWS);
    expect(peak).toBeGreaterThan(MAX_HEAP_GROWTH);
  });
});
