import type { Scenario } from '../scenario.js';
import { apiScenario } from './api.scenario.js';
import { growthScenario } from './growth.scenario.js';
import { importScenario } from './import.scenario.js';
import { labelsScenario } from './labels.scenario.js';
import { reportScenario } from './report.scenario.js';

/**
 * Every scenario of issue 8, in the order. A scenario is a `Scenario` (see import.scenario.ts:
 * `ctx.world()` gives the seeded 2,000-space world, `result()` the ratio against a floor measured in
 * the same run); one whose code under test is not built yet can be listed with `status: 'pending'`.
 */
export const SCENARIOS: Scenario[] = [
  // (1) libs/reports: the regional annual report's figures over ctx.world(), against hand-written SQL
  // producing the same figures (aggregate per space, then per region) on the same pool. Target ≤ 1.5×.
  reportScenario,
  importScenario,
  apiScenario,
  // (4) libs/labels: a whole-region evaluation through the API, the queue and the worker (dist), against
  // one set-based SQL pass computing the same metrics. Target ≤ 3×.
  labelsScenario,
  // (5) the report scenario at 200, 2,000 and 20,000 spaces; time per weekly row must not grow.
  growthScenario,
];
