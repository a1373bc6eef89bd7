import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { projectRoot } from '../../libs/core/src/index.js';
import type { BenchRun } from '../../bench/run.js';

// The compiled harness as `npm run bench` runs it, at tiny sizes, so that it cannot rot. It checks that
// every ready scenario produced its figures, not that targets are met (benchmarks are not timed tests).
const BENCH = join(projectRoot(), 'dist/bench/run.js');
const SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function benchDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'ocr\\_bench\\_%' ORDER BY datname`,
    );
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describe('benchmark harness (smoke run, compiled)', () => {
  let dir: string;
  let run: BenchRun;
  let before: string[];
  let exitCode: number | null;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocr-bench-smoke-'));
    before = await benchDatabases();
    const json = join(dir, 'run.json');
    exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [BENCH, '--smoke', `--json=${json}`], {
        env: { ...process.env, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (exitCode !== 0) throw new Error(`bench exited with ${exitCode}:\n${stderr}\n${stdout}`);
    run = JSON.parse(readFileSync(json, 'utf8')) as BenchRun;
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('produces a figure, a floor and a ratio for the import and both API reads', () => {
    expect(run.results.map((r) => `${r.scenario}: ${r.name}`)).toEqual([
      `import: import ${run.config.importRows} weekly rows`,
      'api: GET /api/v1/spaces/{ref}',
      'api: GET /api/v1/public/spaces?postcode=…',
    ]);
    for (const r of run.results) {
      expect(r.figure.value).toBeGreaterThan(0);
      expect(r.floor.value).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.figure.value / r.floor.value, 6);
      expect(Number.isFinite(r.ratio)).toBe(true);
      expect(typeof r.pass).toBe('boolean');
    }
    // The printed table names each result with its verdict.
    expect(stdout).toMatch(/(PASS|FAIL) {2}\[import\]/);
    expect(stdout.match(/(PASS|FAIL) {2}\[api\]/g)).toHaveLength(2);
  });

  it('imports every generated row through the real pipeline and measures its memory', () => {
    const imported = run.results.find((r) => r.scenario === 'import')!;
    expect(imported.checks.find((c) => c.name === 'rows stored')).toMatchObject({
      value: run.config.importRows,
      pass: true,
    });
    const growth = imported.checks.find((c) => c.name === 'peak RSS growth')!;
    expect(growth.value).toBeGreaterThanOrEqual(0);
  });

  it('answers every API request without error, and reports the API memory', () => {
    for (const r of run.results.filter((x) => x.scenario === 'api')) {
      expect(r.checks.find((c) => c.name === 'errors')).toMatchObject({ value: 0, pass: true });
      expect(r.checks.find((c) => c.name === 'API peak RSS')!.value).toBeGreaterThan(10);
    }
  });

  it('seeds the world with every kind of record and lists the scenarios not built yet', () => {
    expect(run.world!.counts).toMatchObject({ spaces: run.config.spaces });
    for (const count of Object.values(run.world!.counts)) expect(count).toBeGreaterThan(0);
    expect(run.skipped.map((s) => s.id)).toEqual(['report', 'labels', 'growth']);
  });

  it('drops the databases it created', async () => {
    expect(await benchDatabases()).toEqual(before);
  });
});
