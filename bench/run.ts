import { writeFileSync } from 'node:fs';
import { BenchDatabases, withClient } from './bench-database.js';
import { seedWorld } from './generate.js';
import {
  FULL_CONFIG,
  SMOKE_CONFIG,
  type BenchConfig,
  type ScenarioContext,
  type ScenarioResult,
  type World,
} from './scenario.js';
import { SCENARIOS } from './scenarios/index.js';

/**
 * `npm run bench`: every ready scenario against its floor, measured in the same run, on fresh databases
 * (`ocr_bench_<stamp>_*` on 127.0.0.1:5432, dropped at the end). Needs `npm run build` first (the API and
 * the import run from dist).
 *
 * Options: --smoke (tiny sizes), --only=import,api, --spaces=N, --years=Y, --import-rows=N,
 * --duration=S, --connections=C, --rounds=R, --json=<file> (writes the results as JSON too),
 * --repeats=N (timed runs per side of the report scenarios), --region=VLA (the report's region),
 * --growth-sizes=200,2000,20000, --label-runs=N (whole-region evaluations; the median counts).
 */
export interface BenchRun {
  config: BenchConfig;
  results: ScenarioResult[];
  skipped: Array<{ id: string; title: string; reason: string }>;
  world: Omit<World, 'spaces' | 'url'> | null;
}

export function parseArgs(argv: string[]): { config: BenchConfig; json: string | null } {
  const flags = new Map(
    argv
      .filter((a) => a.startsWith('--'))
      .map((a) => {
        const [key, value] = a.slice(2).split('=');
        return [key, value ?? 'true'] as const;
      }),
  );
  const config: BenchConfig = { ...(flags.has('smoke') ? SMOKE_CONFIG : FULL_CONFIG) };
  const int = (flag: string, current: number) =>
    flags.has(flag) ? Number.parseInt(flags.get(flag)!, 10) : current;
  config.spaces = int('spaces', config.spaces);
  config.years = int('years', config.years);
  config.importRows = int('import-rows', config.importRows);
  config.durationSeconds = int('duration', config.durationSeconds);
  config.connections = int('connections', config.connections);
  config.rounds = int('rounds', config.rounds);
  config.seed = int('seed', config.seed);
  config.repeats = int('repeats', config.repeats);
  config.labelRuns = int('label-runs', config.labelRuns);
  if (flags.has('only')) config.only = flags.get('only')!.split(',');
  if (flags.has('region')) config.reportRegion = flags.get('region')!;
  if (flags.has('growth-sizes'))
    config.growthSizes = flags
      .get('growth-sizes')!
      .split(',')
      .map((n) => Number.parseInt(n, 10))
      .sort((a, b) => a - b);
  return { config, json: flags.get('json') ?? null };
}

export async function runBench(
  config: BenchConfig,
  log: (m: string) => void = console.error,
): Promise<BenchRun> {
  const databases = new BenchDatabases();
  const seeding: { world: Promise<World> | null } = { world: null };
  const ctx: ScenarioContext = {
    config,
    databases,
    log,
    world: () =>
      (seeding.world ??= (async () => {
        const url = await databases.create('world');
        const started = process.hrtime.bigint();
        const seeded = await withClient(url, (c) =>
          seedWorld(c, { ...config, fromYear: config.toYear - config.years + 1 }),
        );
        const seedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
        log(`world: ${JSON.stringify(seeded.counts)} in ${seedSeconds.toFixed(1)} s`);
        return { url, spaces: seeded.spaces, counts: { ...seeded.counts }, seedSeconds };
      })()),
  };
  const results: ScenarioResult[] = [];
  const skipped: BenchRun['skipped'] = [];
  try {
    for (const scenario of SCENARIOS) {
      if (config.only.length > 0 && !config.only.includes(scenario.id)) continue;
      if (scenario.status === 'pending') {
        skipped.push({ id: scenario.id, title: scenario.title, reason: scenario.pendingReason ?? 'pending' });
        continue;
      }
      log(`scenario ${scenario.id}: ${scenario.title}`);
      results.push(...(await scenario.run(ctx)));
    }
    const seeded = seeding.world ? await seeding.world : null;
    return {
      config,
      results,
      skipped,
      world: seeded ? { counts: seeded.counts, seedSeconds: seeded.seedSeconds } : null,
    };
  } finally {
    await databases.dropAll();
  }
}

const number = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 2);

export function formatRun(run: BenchRun): string {
  const lines: string[] = [];
  for (const r of run.results) {
    lines.push(`${r.pass ? 'PASS' : 'FAIL'}  [${r.scenario}] ${r.name}`);
    lines.push(`      figure: ${number(r.figure.value)} ${r.figure.unit} (${r.figure.label})`);
    lines.push(`      floor:  ${number(r.floor.value)} ${r.floor.unit} (${r.floor.label})`);
    lines.push(`      ratio:  ${(r.ratio * 100).toFixed(1)} %  target ${r.target.text}`);
    for (const c of r.checks)
      lines.push(
        `      ${c.pass ? 'ok  ' : 'FAIL'} ${c.name}: ${number(c.value)} ${c.unit} (${c.kind === 'max' ? '≤' : '≥'} ${number(c.limit)})`,
      );
    for (const n of r.notes) lines.push(`      - ${n}`);
  }
  for (const s of run.skipped) lines.push(`SKIP  [${s.id}] ${s.title}: ${s.reason}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { config, json } = parseArgs(process.argv.slice(2));
  const run = await runBench(config);
  console.log(formatRun(run));
  if (json) writeFileSync(json, JSON.stringify(run, null, 2));
  // Benchmarks report; they do not fail the command on a missed target (the smoke test checks figures).
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
