import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { projectRoot } from '../../libs/core/src/index.js';
import { testEnvironment } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-services.js';

// The compiled CLI as a real process (`npm test` builds first; locally run `npm run -s build`).
const CLI = join(projectRoot(), 'dist/apps/cli/src/main.js');
const HEADER = 'space_ref,ref,type,quantity,acquired_on,retired_on,provenance,free_software';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('CLI import and export (compiled CLI, real PostgreSQL)', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let dir: string;
  let env: Record<string, string>;

  const cli = (...args: string[]) =>
    new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  const file = (name: string, ...lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  const sql = async (text: string) => (await client.query(text)).rows;
  const equipmentCount = async () => (await sql(`SELECT count(*)::int AS n FROM equipment`))[0].n;
  const auditCount = async () => (await sql(`SELECT count(*)::int AS n FROM audit_log`))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { ...testEnvironment(db), LOG_LEVEL: 'warn' };
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await sql(
      `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on) VALUES
         ('BRU-A', 'EPN Bruxelles-Centre', '21004', 'BRU', 'municipality', '2015-01-05'),
         ('WAL-C', 'EPN de Liège', '62063', 'WAL', 'library', '2016-03-01')`,
    );
    dir = mkdtempSync(join(tmpdir(), 'ocr-cli-import-'));
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file from disk as an admin, prints the counts, and audits as "cli"', async () => {
    const path = file(
      'equipment.csv',
      HEADER,
      'BRU-A,PC-1,desktop,4,2019-03-01,,regional_programme,yes',
      'BRU-A,PC-2,laptop,2,,,,',
      'WAL-C,TAB-1,tablet,10,2021-06-01,,donation,no',
    );
    const run = await cli('import', 'equipment', path);
    expect(run).toMatchObject({ code: 0, stdout: 'created 3, updated 0, unchanged 0\n' });
    expect(await equipmentCount()).toBe(3);
    const actors = await sql(`SELECT DISTINCT actor, actor_user_id, action FROM audit_log`);
    expect(actors).toEqual([{ actor: 'cli', actor_user_id: null, action: 'create' }]);

    const again = await cli('import', 'equipment', path, '--dry-run');
    expect(again).toMatchObject({
      code: 0,
      stdout: 'dry run, nothing saved: created 0, updated 0, unchanged 3\n',
    });
  }, 60_000);

  it('exits non-zero and prints every row error of a bad file, writing nothing', async () => {
    const before = { equipment: await equipmentCount(), audit: await auditCount() };
    const path = file(
      'bad.csv',
      HEADER,
      'BRU-A,PC-3,desktop,1,,,,',
      'BRU-A,PC-4,desktop,0,,,,',
      'NOPE,PC-5,desktop,1,,,,',
      'WAL-C,PC-6,desktop,1,2020-01-01,2019-01-01,,',
    );
    const run = await cli('import', 'equipment', path);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^Line 3, column quantity: enter a whole number between 1 and 100000/),
      'Line 4, column space_ref: there is no space with ref "NOPE"; check the ref, or import the space first.',
      'Line 5, column retired_on: this date cannot be earlier than the one in column acquired_on.',
    ]);
    expect(lines[3]).toContain('3 error(s)');
    expect({ equipment: await equipmentCount(), audit: await auditCount() }).toEqual(before);

    const french = await cli('import', 'equipment', path, '--lang', 'fr');
    expect(french.stderr).toContain('Ligne 4, colonne space_ref : aucun espace n’a la référence "NOPE"');
  }, 60_000);

  it('answers a year 0, a too-long ref and a repeated key with row errors, not a crash', async () => {
    const before = { equipment: await equipmentCount(), audit: await auditCount() };
    const path = file(
      'edges.csv',
      HEADER,
      'BRU-A,PC-7,desktop,1,0000-01-01,,,',
      `BRU-A,${'R'.repeat(6000)},desktop,1,,,,`,
      'BRU-A,PC-8,desktop,1,,,,',
      'BRU-A,PC-8,laptop,2,,,,',
    );
    const run = await cli('import', 'equipment', path);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').slice(0, 3)).toEqual([
      'Line 2, column acquired_on: the year must be between 1900 and 2100 (you wrote "0000-01-01").',
      'Line 3, column ref: this text has 6000 characters; the maximum is 40.',
      'Line 5, columns space_ref, ref: this row repeats line 4 (same values for space_ref and ref).',
    ]);
    expect({ equipment: await equipmentCount(), audit: await auditCount() }).toEqual(before);
  }, 60_000);

  it('keeps what a file without the optional columns leaves out', async () => {
    const path = file('minimal.csv', 'space_ref,ref,type,quantity', 'BRU-A,PC-1,desktop,5');
    const run = await cli('import', 'equipment', path);
    expect(run).toMatchObject({ code: 0, stdout: 'created 0, updated 1, unchanged 0\n' });
    const [row] = await sql(
      `SELECT quantity, acquired_on::text AS acquired_on, provenance, free_software FROM equipment
       WHERE ref = 'PC-1'`,
    );
    expect(row).toEqual({
      quantity: 5,
      acquired_on: '2019-03-01',
      provenance: 'regional_programme',
      free_software: true,
    });
    await sql(`UPDATE equipment SET quantity = 4 WHERE ref = 'PC-1'`);
  }, 60_000);

  it('exports to a file, with either separator, and to standard output', async () => {
    const out = join(dir, 'export.csv');
    const run = await cli('export', 'equipment', '--out', out);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toEqual([
      HEADER,
      'BRU-A,PC-1,desktop,4,2019-03-01,,regional_programme,true',
      'BRU-A,PC-2,laptop,2,,,,',
      'WAL-C,TAB-1,tablet,10,2021-06-01,,donation,false',
      '',
    ]);

    const semicolons = await cli('export', 'equipment', '--separator', ';');
    expect(semicolons.code).toBe(0);
    expect(semicolons.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER.replaceAll(',', ';'));

    // What the CLI exports, it imports again without a change.
    const reimport = await cli('import', 'equipment', out);
    expect(reimport).toMatchObject({ code: 0, stdout: 'created 0, updated 0, unchanged 3\n' });
  }, 60_000);

  it('refuses an unknown kind', async () => {
    const run = await cli('export', 'furniture');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('furniture');
  }, 60_000);
});
