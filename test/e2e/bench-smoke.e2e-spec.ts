import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { projectRoot } from '../../libs/core/src/index.js';
import type { BenchRun } from '../../bench/run.js';

// The compiled harness as `npm run bench` runs it, at tiny sizes, so that it cannot rot. It checks that
// every scenario produced its figures and that its equality checks hold, not that targets are met
// (benchmarks are not timed tests).
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

  it('produces a figure, a floor and a ratio for every scenario, none pending', () => {
    const { config } = run;
    const sizes = config.growthSizes;
    expect(run.results.map((r) => `${r.scenario}: ${r.name}`)).toEqual([
      `report: report figures ${config.reportRegion} ${config.toYear}`,
      `import: import ${config.importRows} weekly rows`,
      'api: GET /api/v1/spaces/{ref}',
      'api: GET /api/v1/public/spaces?postcode=…',
      expect.stringMatching(
        new RegExp(`^labels: evaluate ${config.labelsRegion} \\(${config.labelsScheme}, \\d+ spaces\\)$`),
      ),
      `growth: report time per weekly row, ${sizes[sizes.length - 1]} vs ${sizes[0]} spaces`,
    ]);
    for (const r of run.results) {
      expect(r.figure.value).toBeGreaterThan(0);
      expect(r.floor.value).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.figure.value / r.floor.value, 6);
      expect(Number.isFinite(r.ratio)).toBe(true);
      expect(typeof r.pass).toBe('boolean');
    }
    // The printed table names each result with its verdict.
    for (const id of ['report', 'import', 'labels', 'growth'])
      expect(stdout.match(new RegExp(`(PASS|FAIL) {2}\\[${id}\\]`, 'g'))).toHaveLength(1);
    expect(stdout.match(/(PASS|FAIL) {2}\[api\]/g)).toHaveLength(2);
    expect(run.skipped).toEqual([]);
    expect(stdout).not.toContain('SKIP');
  });

  it('computes the report figures equal to the hand-written SQL, at every growth size too', () => {
    const report = run.results.find((r) => r.scenario === 'report')!;
    expect(report.checks).toEqual([
      expect.objectContaining({ name: 'figures equal to the floor', pass: true }),
    ]);
    const growth = run.results.find((r) => r.scenario === 'growth')!;
    expect(growth.checks.map((c) => [c.name, c.pass])).toEqual(
      run.config.growthSizes.map((n) => [`figures equal to the floor at ${n} spaces`, true]),
    );
  });

  it('stores label results whose metrics equal the one-pass SQL, for every space of the region', () => {
    const labels = run.results.find((r) => r.scenario === 'labels')!;
    expect(labels.checks.find((c) => c.name === 'stored metrics equal to the floor')).toMatchObject({
      pass: true,
    });
    const spaces = labels.checks.find((c) => c.name === 'spaces evaluated')!;
    expect(spaces).toMatchObject({ pass: true });
    expect(spaces.value).toBeGreaterThan(0);
    // The counted runs come after one uncounted warm-up evaluation, as the floor's repeats do.
    expect(labels.notes[0]).toMatch(
      new RegExp(
        `^${run.config.labelRuns} run\\(s\\) after one warm-up run \\(\\d+ ms, not counted\\), POST to done: \\d+`,
      ),
    );
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

  it('reports the CPU per request of both servers, and the NestJS yardstick without errors', () => {
    for (const r of run.results.filter((x) => x.scenario === 'api')) {
      const cpu = r.notes.find((n) => n.startsWith('server CPU per request'));
      const [, apiMicros, floorMicros] = /API (\d+) µs, floor (\d+) µs/.exec(cpu ?? '') ?? [];
      expect(Number(apiMicros)).toBeGreaterThan(0);
      expect(Number(floorMicros)).toBeGreaterThan(0);
      expect(r.notes.find((n) => n.startsWith('NestJS yardstick'))).toMatch(/\d+ req\/s .* 0 errors$/);
      expect(r.notes.find((n) => n.startsWith('API RSS'))).toMatch(
        /^API RSS: peak \d+ MB under the read load .*; \d+ MB peak before it/,
      );
    }
  });

  it('seeds the world with every kind of record', () => {
    expect(run.world!.counts).toMatchObject({ spaces: run.config.spaces });
    for (const count of Object.values(run.world!.counts)) expect(count).toBeGreaterThan(0);
  });

  it('drops the databases it created', async () => {
    expect(await benchDatabases()).toEqual(before);
  });
});
