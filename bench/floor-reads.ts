import pg from 'pg';
import type { DataSource } from 'typeorm';
// The floors run the very SQL of the API's repositories.
import { PublicSpacesRepository, SpacesRepository, brusselsToday } from '../libs/spaces/src/index.js';

/**
 * The reads of the API scenario's floor and NestJS yardstick, shared so that both do exactly the same
 * work: a pg pool of the API's size (10) and the API's own repositories over it (given the pool in place
 * of TypeORM's DataSource), answering the rows as they come, with no DTO mapping.
 */
export function floorReads(databaseUrl: string | undefined) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // What the repositories use of a DataSource: `query`, and the pg pool under it (`driver.master`), on
  // which they run their hot reads as prepared statements.
  const dataSource = {
    query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
    driver: { master: pool },
  } as unknown as DataSource;
  const spaces = new SpacesRepository(dataSource);
  const directory = new PublicSpacesRepository(dataSource);
  return {
    /** One space by its ref, or null. */
    space: (ref: string) => spaces.findByRef(ref, brusselsToday()),
    /** The public finder's first page for a postcode. */
    async finder(postcode: string | undefined) {
      const { rows, total } = await directory.list({ postcode }, brusselsToday(), { limit: 50, offset: 0 });
      return { items: rows, total, page: 1, pageSize: 50 };
    },
    end: () => pool.end(),
  };
}

/** Ends the server on SIGTERM or SIGINT: `close` (the server's own), the pool, then the process. */
export function stopOnSignals(close: () => Promise<unknown>, reads: { end(): Promise<void> }): void {
  const stop = async () => {
    await close();
    await reads.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
