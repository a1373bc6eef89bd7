import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CellContext, CsvColumns, CsvSeparator, InferRow } from './csv-columns.js';

export interface CsvExportOptions {
  /** Default `,`; use `;` for files meant for Excel in a Belgian locale, which also get decimal commas. */
  readonly separator?: CsvSeparator;
  /** Default true: without a byte-order mark, Excel reads UTF-8 as Windows-1252 and garbles accents. */
  readonly bom?: boolean;
}

/**
 * Streams rows as CSV in the format `readCsv` accepts: the schema's column names as header, one cell per
 * column in the same order, empty cells for null. Reading the output back gives the same values.
 */
export function csvExport<C extends CsvColumns>(
  columns: C,
  rows: AsyncIterable<InferRow<C>> | Iterable<InferRow<C>>,
  options: CsvExportOptions = {},
): Readable {
  const { separator = ',', bom = true } = options;
  const context: CellContext = { separator };
  const names = Object.keys(columns);

  async function* records(): AsyncGenerator<string[]> {
    yield names;
    for await (const row of rows) {
      yield names.map((name) => {
        const value = row[name];
        return value === null || value === undefined ? '' : columns[name].format(value, context);
      });
    }
  }

  const output = stringify({ delimiter: separator, bom, record_delimiter: 'windows' });
  // The callback is required but has nothing to add: a failing `rows` destroys `output`, so whoever reads
  // it sees the error.
  pipeline(Readable.from(records()), output, () => {});
  return output;
}
