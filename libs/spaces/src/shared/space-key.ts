import type { DataSource, EntityManager } from 'typeorm';

/** What the parts of the registry need to place a record: the space's id, ref and region. */
export interface SpaceKey {
  id: string;
  ref: string;
  regionCode: string;
}

/** The one look-up of a space by its ref, for the repositories of records that belong to a space. */
export async function findSpaceKey(db: DataSource | EntityManager, ref: string): Promise<SpaceKey | null> {
  const rows: Array<{ id: string; ref: string; region_code: string }> = await db.query(
    `SELECT id, ref, region_code FROM spaces WHERE ref = $1`,
    [ref],
  );
  return rows.length ? { id: rows[0].id, ref: rows[0].ref, regionCode: rows[0].region_code.trim() } : null;
}
