import type { Scenario } from '../scenario.js';
import { apiScenario } from './api.scenario.js';
import { importScenario } from './import.scenario.js';

/**
 * A scenario whose code under test is being built elsewhere: listed, not run. To add one, write a
 * `Scenario` (see import.scenario.ts: `ctx.world()` gives the seeded 2,000-space world, `result()` the
 * ratio against a floor measured in the same run) and put it here in place of its placeholder.
 */
function pending(id: string, title: string, reason: string): Scenario {
  return {
    id,
    title,
    status: 'pending',
    pendingReason: reason,
    run: async () => [],
  };
}

/** Every scenario of issue 8, in the order. */
export const SCENARIOS: Scenario[] = [
  // (1) libs/reports: the regional annual report's figures over ctx.world() (2,000 spaces × 10 years),
  // against the best hand-written SQL producing the same figures (aggregate per space, then per region),
  // timed with the same client. Target ≤ 1.5×.
  pending(
    'report',
    'Regional annual report vs hand-written SQL',
    'libs/reports is being built; not wired yet',
  ),
  importScenario,
  apiScenario,
  // (4) libs/labels: a whole-region evaluation through the queue (worker from dist), against one
  // set-based SQL pass computing the same metrics. Target ≤ 3×.
  pending(
    'labels',
    'Whole-region label evaluation vs one SQL pass',
    'libs/labels is being built; not wired yet',
  ),
  // (5) the report scenario at 200, 2,000 and 20,000 spaces (ctx.databases.create + seedWorld for each
  // size); target: time per weekly row does not grow with size.
  pending('growth', 'Report time at 200, 2,000 and 20,000 spaces', 'needs the report scenario (1)'),
];
