import type { EntityManager } from 'typeorm';
import { conflict, returnedRows } from '../../../core/src/index.js';

/**
 * Optimistic concurrency for every update in the registry: the UPDATE itself checks the version the
 * caller read (in its WHERE clause) and bumps it, so two writers holding the same version cannot both
 * win. TypeORM's `save()` does not check versions, hence this helper.
 *
 * `changes` maps column names (from code, never from input) to values. Returns the updated row, or
 * throws `<AREA>.VERSION_CONFLICT` (409) when the row exists with another version; answers null when
 * the row does not exist (`where` also limits the row, e.g. to its space).
 */
export async function updateVersioned(
  manager: EntityManager,
  options: {
    table: string;
    where: Record<string, unknown>;
    version: number;
    changes: Record<string, unknown>;
    area: string;
  },
): Promise<Record<string, unknown> | null> {
  const params: unknown[] = [];
  const set = Object.entries(options.changes).map(([column, value]) => {
    params.push(value);
    return `"${column}" = $${params.length}`;
  });
  const where = Object.entries(options.where).map(([column, value]) => {
    params.push(value);
    return `"${column}" = $${params.length}`;
  });
  params.push(options.version);
  const rows = returnedRows(
    await manager.query(
      `UPDATE "${options.table}" SET ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE ${where.join(' AND ')} AND version = $${params.length} RETURNING *`,
      params,
    ),
  );
  if (rows.length > 0) return rows[0];
  // The look-up has only the WHERE values, so it numbers its parameters from $1.
  const whereValues = Object.values(options.where);
  const lookup = Object.keys(options.where).map((column, i) => `"${column}" = $${i + 1}`);
  const current: { version: number }[] = await manager.query(
    `SELECT version FROM "${options.table}" WHERE ${lookup.join(' AND ')}`,
    whereValues,
  );
  if (current.length === 0) return null;
  throw versionConflict(options.area, current[0].version);
}

export const versionConflict = (area: string, currentVersion: number) =>
  conflict(
    `${area}.VERSION_CONFLICT`,
    'Someone else changed this record after you opened it. Reload it and make your change again.',
    { currentVersion },
  );
