import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { assertTestDatabase, buildDataSourceOptions, withDatabase } from '../../libs/core/src/index.js';

/** The machine's services (see ../shared/services.sh); overridable for other set-ups. */
export const SERVER_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Templates are named per test run: `ocr_test_template_<hash of the run id>`. */
export const TEMPLATE_PREFIX = 'ocr_test_template_';
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
 * first file to arrive builds it under an advisory lock; the others wait, then clone it. Each run has
 * its own template, so runs started side by side (two terminals, parallel work) never pull a database
 * from under each other: leftovers of earlier runs are dropped only when they are older than a long
 * test run and nobody is connected to them.
 */
async function ensureTemplate(): Promise<string> {
  const runId = process.env.OCR_TEST_RUN_ID ?? 'manual';
  const template = `${TEMPLATE_PREFIX}${createHash('sha256').update(runId).digest('hex').slice(0, 10)}`;
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rows } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (rows.length > 0) return;
      const candidates = await client.query(
        `SELECT d.datname, shobj_description(d.oid, 'pg_database') AS note FROM pg_database d
         WHERE (d.datname LIKE $1 OR d.datname LIKE $2)
           AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
        [`${FILE_DB_PREFIX}%`, `${TEMPLATE_PREFIX}%`],
      );
      const stale = candidates.rows.filter(
        ({ datname, note }: { datname: string; note: string | null }) =>
          Date.now() - createdAt(datname, note) > LEFTOVER_AGE_MS,
      );
      for (const { datname } of stale) {
        // Without FORCE: a database someone connected to in the meantime is left alone.
        await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
      }
      await client.query(`CREATE DATABASE "${template}"`);
      await client.query(`COMMENT ON DATABASE "${template}" IS 'created:${Date.now()}'`);
      const url = withDatabase(SERVER_URL, template);
      assertTestDatabase(url);
      const ds = new DataSource(buildDataSourceOptions(url, [], 2));
      await ds.initialize();
      await ds.runMigrations();
      await ds.destroy();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return template;
}

/** Older than any test run: only then is an idle test database of another run a leftover. */
const LEFTOVER_AGE_MS = 3 * 3600_000;

/** When a test database was made (0 when it does not say: made before names carried it). */
function createdAt(name: string, note: string | null): number {
  const fromNote = /^created:(\d+)$/.exec(note ?? '');
  if (fromNote) return Number(fromNote[1]);
  const fromName = new RegExp(`^${FILE_DB_PREFIX}([0-9a-z]+)_[0-9a-f]+$`).exec(name);
  return fromName ? parseInt(fromName[1], 36) : 0;
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
  const suffix = randomBytes(5).toString('hex');
  // The creation time is in the name, so a run tidying leftovers can tell this one is in use.
  const name = `${FILE_DB_PREFIX}${Date.now().toString(36)}_${suffix}`;
  const url = withDatabase(SERVER_URL, name);
  assertTestDatabase(url);
  for (let attempt = 1; ; attempt++) {
    const template = await ensureTemplate();
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      // A run started elsewhere may have tidied an idle template away; build it again once.
      if (attempt > 1 || !/does not exist/.test(String(error))) throw error;
    }
  }
  return {
    url,
    name,
    queuePrefix: `t_${suffix}`,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
