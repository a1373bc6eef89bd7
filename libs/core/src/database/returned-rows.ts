/**
 * TypeORM's `query()` on PostgreSQL answers `[rows, rowCount]` for UPDATE and DELETE but plain `rows`
 * for SELECT and INSERT. This gives the rows of a `… RETURNING` statement whatever its command.
 */
export function returnedRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
