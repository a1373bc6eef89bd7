import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One value in PostgreSQL's COPY text format. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value))
    return copyText(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return String(value).replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!,
  );
}

function write(stream: Writable, chunk: string): Promise<void> {
  return stream.write(chunk) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve));
}

/** COPY rows (arrays in `columns` order) into a table, in 256 kB chunks with back-pressure. Returns the count. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<number> {
  const stream = client.query(
    copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let count = 0;
  let buffer = '';
  for (const row of rows) {
    buffer += row.map(copyText).join('\t') + '\n';
    count++;
    if (buffer.length > 262_144) {
      await write(stream, buffer);
      buffer = '';
    }
  }
  if (buffer) await write(stream, buffer);
  stream.end();
  await done;
  return count;
}
