import { cpus, loadavg } from 'node:os';
import { measureReport } from '../report-figures.js';
import { check, result, type Scenario } from '../scenario.js';

const ms = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');

/**
 * (1) The regional annual report's figures for one region and year (FiguresService.compute: the
 * figures the worker's report job renders, before rendering) against hand-written SQL producing the
 * same figures over the same pg pool (bench/report-figures.ts). Both must give equal figures.
 */
export const reportScenario: Scenario = {
  id: 'report',
  title: 'Regional annual report vs hand-written SQL',
  status: 'ready',
  async run(ctx) {
    const { config } = ctx;
    const world = await ctx.world();
    const loadBefore = loadavg()[0];
    const m = await measureReport(world.url, config.reportRegion, config.toYear, config.repeats);
    const loadAfter = loadavg()[0];
    return [
      result({
        scenario: 'report',
        name: `report figures ${config.reportRegion} ${config.toYear}`,
        figure: { label: 'FiguresService.compute', value: m.serviceMs, unit: 'ms' },
        floor: { label: 'hand-written SQL', value: m.floorMs, unit: 'ms' },
        target: { kind: 'max', value: 1.5, text: '≤ 1.5× the floor' },
        checks: [check('figures equal to the floor', m.equal ? 1 : 0, '', 'min', 1)],
        notes: [
          `medians of ${config.repeats} alternating runs after one warm-up each; service ${ms(m.serviceRuns)} ms; ` +
            `floor ${ms(m.floorRuns)} ms`,
          `${m.spacesActive} active spaces, ${m.weeklyRows.toLocaleString('en')} weekly rows in ISO years ` +
            `${config.toYear - 1}–${config.toYear}; internal audience, English`,
          `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} CPUs`,
          ...m.differences.map((d) => `differs: ${d}`),
        ],
      }),
    ];
  },
};
