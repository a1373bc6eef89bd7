import { Readable, pipeline } from 'node:stream';
import { CsvError as CsvParseError, parse, type CsvErrorCode } from 'csv-parse';
import type {
  CellContext,
  CellResult,
  CsvColumn,
  CsvColumns,
  CsvError,
  CsvSchema,
  CsvSeparator,
  InferRow,
} from './csv-columns.js';
import type { CsvMessageKey } from './csv-messages.js';

export interface CsvReadOptions {
  /** Valid rows per yielded batch. Default 1000. */
  readonly batchSize?: number;
  /**
   * Errors kept in the summary; later ones are only counted, so a bad 100,000-row file stays small.
   * Default 1000.
   */
  readonly maxErrors?: number;
  /**
   * Longest line accepted, in bytes; default 1 MiB. A longer one is nearly always an unclosed quote
   * swallowing the rest of the file, and buffering it would break the flat-memory promise.
   */
  readonly maxLineBytes?: number;
}

export interface CsvRow<Row> {
  readonly line: number;
  readonly values: Row;
}

export interface CsvBatch<Row> {
  readonly rows: readonly CsvRow<Row>[];
  /**
   * Errors found so far. Once above 0 the file will be rejected, so a caller may stop writing rows,
   * but should keep reading to collect every error.
   */
  readonly errorCount: number;
}

export interface CsvReadSummary {
  readonly separator: CsvSeparator;
  /** Data rows read; blank lines are not rows. */
  readonly rowCount: number;
  readonly invalidRowCount: number;
  readonly errorCount: number;
  /** The first `maxErrors` errors, in file order. */
  readonly errors: readonly CsvError[];
  /** True when `errorCount` is more than `errors` holds. */
  readonly truncated: boolean;
}

export interface CsvReader<Row> extends AsyncGenerator<CsvBatch<Row>, CsvReadSummary, undefined> {
  /** The summary; throws until every batch has been read. */
  result(): CsvReadSummary;
  /**
   * The schema's columns the file's first line names; empty until it has been read. A row's value for a
   * column the file leaves out is null, like an empty cell, so only this tells "left out" from "emptied".
   */
  columnsInFile(): ReadonlySet<string>;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const CR = 0x0d;
const LF = 0x0a;

/** Longest user-typed value repeated in an error, so a thousand stored errors stay small. */
const MAX_SHOWN_VALUE = 100;

const PARSE_ERROR_KEYS: Partial<Record<CsvErrorCode, CsvMessageKey>> = {
  CSV_QUOTE_NOT_CLOSED: 'file.quote_not_closed',
  CSV_INVALID_CLOSING_QUOTE: 'file.misplaced_quote',
  INVALID_OPENING_QUOTE: 'file.misplaced_quote',
  CSV_MAX_RECORD_SIZE: 'file.line_too_long',
};

/**
 * Streams a CSV file as batches of valid, typed rows. Problems in the data never throw: they are collected
 * and exposed by `result()` (or the generator's return value) once the last batch has been read. Only a
 * failing source, or a bug in a row check, throws.
 */
export function readCsv<C extends CsvColumns>(
  source: Readable | AsyncIterable<Buffer | string>,
  schema: CsvSchema<C>,
  options: CsvReadOptions = {},
): CsvReader<InferRow<C>> {
  const { batchSize = 1000, maxErrors = 1000, maxLineBytes = 1024 * 1024 } = options;
  const errors = new ErrorList(maxErrors);
  let summary: CsvReadSummary | undefined;
  let validator: RecordValidator<C> | undefined;

  async function* run(): AsyncGenerator<CsvBatch<InferRow<C>>, CsvReadSummary, undefined> {
    const chunks = asBuffers(source);
    const { head, separator } = await sniffSeparator(chunks, maxLineBytes);
    const rows = new RecordValidator(schema, separator, errors);
    validator = rows;
    let nextLine = 1;
    // Validating here, inside the parser, keeps every error found before a fatal quote error: the parser
    // drops its buffered records when it fails. Lines are counted here too, because csv-parse's own count
    // treats a CRLF inside a quoted cell as two lines.
    const onRecord = (cells: string[]): NumberedOutcome<InferRow<C>> | null => {
      const line = nextLine;
      nextLine += 1 + lineBreaksIn(cells);
      return rows.accept(cells, line);
    };
    const parser = parse({
      bom: true,
      delimiter: separator,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      max_record_size: maxLineBytes,
      // csv-parse types a changed record only together with `columns`, which we do not use.
      on_record: onRecord as unknown as (cells: string[]) => string[],
    });
    // The callback is required but has nothing to add: a source error destroys the parser, so the loop
    // below sees it.
    pipeline(Readable.from(replay(head, chunks)), parser, () => {});

    let batch: CsvRow<InferRow<C>>[] = [];
    try {
      for await (const outcome of parser as AsyncIterable<NumberedOutcome<InferRow<C>>>) {
        if (outcome === STOP) break;
        batch.push(outcome);
        if (batch.length >= batchSize) {
          yield { rows: batch, errorCount: errors.count };
          batch = [];
        }
      }
    } catch (error) {
      const key = error instanceof CsvParseError ? PARSE_ERROR_KEYS[error.code] : undefined;
      if (key === undefined) throw error;
      errors.add({ line: nextLine, column: null, key, params: {} });
    }
    if (batch.length > 0) yield { rows: batch, errorCount: errors.count };
    if (!rows.sawHeader && errors.count === 0) {
      errors.add({ line: 1, column: null, key: 'file.empty', params: {} });
    }
    summary = {
      separator,
      rowCount: rows.rowCount,
      invalidRowCount: rows.invalidRowCount,
      errorCount: errors.count,
      errors: errors.kept,
      truncated: errors.count > errors.kept.length,
    };
    return summary;
  }

  return Object.assign(run(), {
    result(): CsvReadSummary {
      if (summary === undefined)
        throw new Error('readCsv: result() is only available once every batch is read.');
      return summary;
    },
    columnsInFile: (): ReadonlySet<string> => validator?.columnsInFile ?? NO_COLUMNS,
  });
}

const NO_COLUMNS: ReadonlySet<string> = new Set();

/** Returned by the validator when the header is unusable: nothing after it is worth reading. */
const STOP = Symbol('stop');
type NumberedOutcome<Row> = CsvRow<Row> | typeof STOP;

class ErrorList {
  readonly kept: CsvError[] = [];
  count = 0;

  constructor(private readonly max: number) {}

  add(error: CsvError): void {
    this.count++;
    if (this.kept.length >= this.max) return;
    const { value } = error.params;
    this.kept.push(
      typeof value === 'string' && value.length > MAX_SHOWN_VALUE
        ? {
            ...error,
            params: { ...error.params, value: `${Array.from(value).slice(0, MAX_SHOWN_VALUE).join('')}…` },
          }
        : error,
    );
  }
}

interface ColumnSlot {
  readonly name: string;
  readonly column: CsvColumn<unknown>;
  /** Position in the file, or -1 for an optional column the file leaves out. */
  readonly index: number;
}

class RecordValidator<C extends CsvColumns> {
  rowCount = 0;
  invalidRowCount = 0;
  sawHeader = false;
  columnsInFile: ReadonlySet<string> = NO_COLUMNS;
  private slots: ColumnSlot[] = [];
  private width = 0;
  private stopped = false;
  private readonly context: CellContext;
  /** First line of each key seen; one short string and a small integer per row. */
  private readonly seenKeys = new Map<string, number>();

  constructor(
    private readonly schema: CsvSchema<C>,
    private readonly separator: CsvSeparator,
    private readonly errors: ErrorList,
  ) {
    this.context = { separator };
  }

  /** A valid row, null for a row to leave out (blank or invalid), or STOP. */
  accept(cells: string[], line: number): NumberedOutcome<InferRow<C>> | null {
    if (this.stopped) return null;
    if (!this.sawHeader) {
      this.sawHeader = true;
      if (this.readHeader(cells, line)) return null;
      this.stopped = true;
      return STOP;
    }
    if (cells.every((cell) => cell.trim() === '')) return null;
    this.rowCount++;
    const errorsBefore = this.errors.count;
    const values = this.readRow(cells, line);
    if (this.errors.count === errorsBefore) return { line, values };
    this.invalidRowCount++;
    return null;
  }

  private readHeader(cells: string[], line: number): boolean {
    const { columns } = this.schema;
    const names = Object.keys(columns);
    const byFoldedName = new Map(names.map((name) => [name.toLowerCase(), name]));
    const indexes = new Map<string, number>();
    const errorsBefore = this.errors.count;
    // Excel writes a trailing separator for a formatted but empty column; that is not a column.
    this.width = usedLength(cells);
    if (this.width === 0) {
      this.errors.add({ line, column: null, key: 'file.empty', params: {} });
      return false;
    }
    for (let index = 0; index < this.width; index++) {
      const written = cells[index].trim();
      const name = byFoldedName.get(written.toLowerCase());
      if (written === '') {
        this.errors.add({
          line,
          column: null,
          key: 'header.unnamed_column',
          params: { position: index + 1 },
        });
      } else if (name === undefined) {
        this.errors.add({ line, column: written, key: 'header.unknown_column', params: { allowed: names } });
      } else if (indexes.has(name)) {
        this.errors.add({ line, column: written, key: 'header.duplicate_column', params: {} });
      } else {
        indexes.set(name, index);
      }
    }
    for (const name of names) {
      if (columns[name].required && !indexes.has(name)) {
        this.errors.add({ line, column: name, key: 'header.missing_column', params: {} });
      }
    }
    this.slots = names.map((name) => ({ name, column: columns[name], index: indexes.get(name) ?? -1 }));
    this.columnsInFile = new Set(indexes.keys());
    return this.errors.count === errorsBefore;
  }

  private readRow(cells: string[], line: number): InferRow<C> {
    const values: Record<string, unknown> = {};
    const used = usedLength(cells);
    // Extra empty cells are the same Excel artefact as in the header; any other count shifts every value.
    if (cells.length < this.width || used > this.width) {
      const actual = cells.length < this.width ? cells.length : used;
      const params = { expected: this.width, actual, separator: this.separator };
      this.errors.add({ line, column: null, key: 'row.cell_count', params });
      return values as InferRow<C>;
    }
    let allCellsValid = true;
    for (const { name, column, index } of this.slots) {
      const result = readCell(column, index < 0 ? '' : cells[index], this.context);
      if (result.ok) {
        values[name] = result.value;
      } else {
        allCellsValid = false;
        this.errors.add({ line, column: name, ...result.issue });
      }
    }
    const row = values as InferRow<C>;
    if (allCellsValid && this.schema.rowChecks !== undefined) {
      for (const issue of this.schema.rowChecks(row)) this.errors.add({ line, ...issue });
    }
    this.checkKey(values, line);
    return row;
  }

  /** Runs even when other cells failed: the coordinator then learns about the repeat in the same round. */
  private checkKey(values: Record<string, unknown>, line: number): void {
    const { key } = this.schema;
    // A key cell that failed has no value, and cannot be compared.
    if (key.length === 0 || !key.every((name) => name in values)) return;
    const joined = key.map((name) => String(values[name] ?? '')).join('\u001f');
    const firstLine = this.seenKeys.get(joined);
    if (firstLine === undefined) {
      this.seenKeys.set(joined, line);
    } else {
      // Named by its key columns, so that a caller pointing at cells can point at the ones that repeat.
      this.errors.add({
        line,
        column: key.join(', '),
        key: 'row.duplicate_key',
        params: { firstLine, columns: key },
      });
    }
  }
}

function readCell(column: CsvColumn<unknown>, raw: string, context: CellContext): CellResult<unknown> {
  const cell = raw.trim();
  // Invalid UTF-8 decodes to U+FFFD; it nearly always means Excel's plain "CSV" format (Windows-1252).
  if (cell.includes('\uFFFD')) return { ok: false, issue: { key: 'cell.not_utf8', params: {} } };
  const result = cell === '' ? { ok: true as const, value: null } : column.parse(cell, context);
  if (result.ok && result.value === null && column.required) {
    return { ok: false, issue: { key: 'cell.required', params: {} } };
  }
  return result;
}

/** Number of cells up to the last non-blank one. */
function usedLength(cells: string[]): number {
  let length = cells.length;
  while (length > 0 && cells[length - 1].trim() === '') length--;
  return length;
}

function lineBreaksIn(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

async function* asBuffers(source: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}

/**
 * Reads up to the end of the header line and picks the separator found more often outside quotes there.
 * Works on bytes: the characters involved are ASCII, so a multi-byte character split across chunks cannot
 * be mistaken for one. Returns the chunks read, to be replayed into the parser.
 */
async function sniffSeparator(
  chunks: AsyncIterator<Buffer>,
  maxBytes: number,
): Promise<{ head: Buffer[]; separator: CsvSeparator }> {
  const head: Buffer[] = [];
  let bytes = 0;
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  reading: while (bytes < maxBytes) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    bytes += next.value.length;
    for (const byte of next.value) {
      if (byte === QUOTE) quoted = !quoted;
      else if (quoted) continue;
      else if (byte === COMMA) commas++;
      else if (byte === SEMICOLON) semicolons++;
      else if (byte === CR || byte === LF) break reading;
    }
  }
  return { head, separator: semicolons > commas ? ';' : ',' };
}

async function* replay(head: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    // Closes the source when the parser stops early, e.g. after a bad header or when the caller breaks off.
    await rest.return?.();
  }
}
