import type { BenchDatabases } from './bench-database.js';
import type { SpacePlan } from './generate.js';

/** What every scenario can tune; the smoke run makes them tiny. */
export interface BenchConfig {
  seed: number;
  /** Spaces of the main world (reports, API, labels). */
  spaces: number;
  /** Years of weekly activity in the main world, ending with `toYear`. */
  years: number;
  toYear: number;
  /** The generator's today: fixed, so that runs on different days seed the same rows. */
  today: string;
  importRows: number;
  /** autocannon per endpoint; a warm-up of a quarter of it (at most 3 s) runs first and is not counted. */
  durationSeconds: number;
  connections: number;
  /** API: floor and API alternate this many times per endpoint (figures summed over rounds). */
  rounds: number;
  /** Only these scenario ids (all when empty). */
  only: string[];
  /** Report scenarios: the region and how many timed runs of each side (the median counts). */
  reportRegion: string;
  repeats: number;
  /** Growth: the world sizes (spaces) the report runs on, smallest first. */
  growthSizes: number[];
  /** Labels: the region evaluated, with its scheme, and how many whole-region runs (the median counts). */
  labelsRegion: string;
  labelsScheme: string;
  labelRuns: number;
}

export const FULL_CONFIG: BenchConfig = {
  seed: 20261122,
  spaces: 2000,
  years: 10,
  toYear: 2025,
  today: '2026-11-01',
  importRows: 100_000,
  durationSeconds: 20,
  connections: 50,
  rounds: 2,
  only: [],
  // Flanders: the largest region (58 % of the spaces), so the most weekly rows per report.
  reportRegion: 'VLA',
  repeats: 7,
  growthSizes: [200, 2000, 20000],
  // Wallonia's scheme uses 8 of the 12 metrics, including the training-per-week join.
  labelsRegion: 'WAL',
  labelsScheme: 'wallonia-epn',
  // As many as the floor's timed runs (`repeats`): both figures are medians of seven. With three, the
  // first counted runs, still warming the worker's connections and plans, moved the median by ≈ 20 %.
  labelRuns: 7,
};

export const SMOKE_CONFIG: BenchConfig = {
  ...FULL_CONFIG,
  spaces: 20,
  years: 1,
  importRows: 500,
  durationSeconds: 1,
  connections: 4,
  rounds: 1,
  repeats: 3,
  growthSizes: [5, 10, 20],
  labelRuns: 1,
};

/** A seeded, migrated registry shared by the scenarios that only read (API, reports, labels). */
export interface World {
  url: string;
  spaces: SpacePlan[];
  counts: Record<string, number>;
  seedSeconds: number;
}

export interface ScenarioContext {
  config: BenchConfig;
  databases: BenchDatabases;
  /** The main world, seeded on first use. */
  world(): Promise<World>;
  log(message: string): void;
}

export interface Measure {
  label: string;
  value: number;
  unit: string;
}

/** A limit a figure must respect besides the ratio (p99, errors, memory). */
export interface Check {
  name: string;
  value: number;
  unit: string;
  limit: number;
  /** `max`: value ≤ limit; `min`: value ≥ limit. */
  kind: 'max' | 'min';
  pass: boolean;
}

export interface Target {
  /** `min`: ratio ≥ value (throughput-like); `max`: ratio ≤ value (time-like). */
  kind: 'min' | 'max';
  value: number;
  text: string;
}

export interface ScenarioResult {
  scenario: string;
  name: string;
  figure: Measure;
  floor: Measure;
  /** figure / floor, in the direction of `target`. */
  ratio: number;
  target: Target;
  checks: Check[];
  pass: boolean;
  notes: string[];
}

export interface Scenario {
  id: string;
  title: string;
  /** `pending`: the code under test is not built yet; the runner lists the scenario as not run. */
  status: 'ready' | 'pending';
  pendingReason?: string;
  run(ctx: ScenarioContext): Promise<ScenarioResult[]>;
}

export function check(name: string, value: number, unit: string, kind: 'max' | 'min', limit: number): Check {
  return { name, value, unit, kind, limit, pass: kind === 'max' ? value <= limit : value >= limit };
}

export function result(
  fields: Omit<ScenarioResult, 'ratio' | 'pass'> & { checks?: Check[]; notes?: string[] },
): ScenarioResult {
  const ratio = fields.figure.value / fields.floor.value;
  const ratioPass =
    fields.target.kind === 'min' ? ratio >= fields.target.value : ratio <= fields.target.value;
  const checks = fields.checks ?? [];
  return {
    ...fields,
    checks,
    notes: fields.notes ?? [],
    ratio,
    pass: Number.isFinite(ratio) && ratioPass && checks.every((c) => c.pass),
  };
}
