import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { projectRoot } from '../../libs/core/src/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-services.js';

const cli = (db: TestDatabase, args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot(), 'dist/apps/cli/src/main.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('backup and restore through the CLI (pg_dump, pg_restore)', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    dir = mkdtempSync(join(tmpdir(), 'ocr-backup-'));
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => {
    const spaces = await client.query(`SELECT ref, name FROM spaces ORDER BY ref`);
    const audit = await client.query(`SELECT count(*)::int AS n FROM audit_log`);
    return { spaces: spaces.rows, audit: audit.rows[0].n };
  };

  it('round-trips the database: what was backed up comes back, later changes are gone', async () => {
    await client.query(
      `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on)
       VALUES ('BRU-001', 'EPN Anderlecht', '21001', 'BRU', 'cpas', '2012-03-01')`,
    );
    await client.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('cli', 'create', 'space', 'BRU-001')`,
    );
    const before = await snapshot();
    const file = join(dir, 'register.dump');

    const backup = cli(db, ['backup', '--out', file]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1000);

    await client.query(`UPDATE spaces SET name = 'changed' WHERE ref = 'BRU-001'`);
    await client.query(
      `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on)
       VALUES ('BRU-002', 'later', '21001', 'BRU', 'cpas', '2020-01-01')`,
    );
    expect(await snapshot()).not.toEqual(before);

    const refused = cli(db, ['restore', file]);
    expect(refused.status).toBe(2);
    expect(await snapshot()).not.toEqual(before);

    const restore = cli(db, ['restore', file, '--yes']);
    expect(restore.status).toBe(0);
    expect(await snapshot()).toEqual(before);
    // The restored trail is still append-only: the trigger came back with the table.
    await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
