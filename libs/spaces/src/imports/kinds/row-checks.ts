import type { CellError } from '../../../../core/src/index.js';

/** A row check: `later` may not be before `earlier` (both `YYYY-MM-DD`, so text order is date order). */
export function notBefore<Row extends Record<string, unknown>, K extends keyof Row & string>(
  row: Row,
  later: K,
  earlier: K,
): CellError<K>[] {
  const a = row[later];
  const b = row[earlier];
  return typeof a === 'string' && typeof b === 'string' && a < b
    ? [{ column: later, key: 'import.date_before', params: { other: earlier } }]
    : [];
}
