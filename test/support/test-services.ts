import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { assertTestDatabase, buildDataSourceOptions, withDatabase } from '../../libs/core/src/index.js';

/** The machine's services (see ../shared/services.sh); overridable for other set-ups. */
export const SERVER_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEMPLATE_DB = 'ocr_test_template';
export const FILE_DB_PREFIX = 'ocr_test_f_';
const TEMPLATE_LOCK = 7_260_001;

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const adminQuery = (sql: string) => withAdminClient((c) => c.query(sql)).then(() => undefined);

/**
 * Builds the migrated template once per test run (the run id is set by config/jest.config.js). The
 * first file to arrive builds it under an advisory lock; the others wait, then clone it.
 */
async function ensureTemplate(): Promise<void> {
  const runId = process.env.OCR_TEST_RUN_ID ?? 'manual';
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rows } = await client.query(
        `SELECT shobj_description(oid, 'pg_database') AS run FROM pg_database WHERE datname = $1`,
        [TEMPLATE_DB],
      );
      if (rows[0]?.run === runId) return;
      const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `${FILE_DB_PREFIX}%`,
      ]);
      for (const { datname } of stale.rows)
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
      const url = withDatabase(SERVER_URL, TEMPLATE_DB);
      assertTestDatabase(url);
      const ds = new DataSource(buildDataSourceOptions(url, [], 2));
      await ds.initialize();
      await ds.runMigrations();
      await ds.destroy();
      await client.query(`COMMENT ON DATABASE "${TEMPLATE_DB}" IS '${runId.replace(/'/g, '')}'`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

export interface TestDatabase {
  url: string;
  name: string;
  /** A queue prefix as unique as the database, so parallel files never share a queue. */
  queuePrefix: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: cheap (file copy), isolated per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  await ensureTemplate();
  const suffix = randomBytes(5).toString('hex');
  const name = `${FILE_DB_PREFIX}${suffix}`;
  const url = withDatabase(SERVER_URL, name);
  assertTestDatabase(url);
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  return {
    url,
    name,
    queuePrefix: `t_${suffix}`,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
