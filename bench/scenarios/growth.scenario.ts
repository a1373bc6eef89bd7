import { cpus, loadavg } from 'node:os';
import { withClient } from '../bench-database.js';
import { seedWorld } from '../generate.js';
import { measureReport, type ReportMeasurement } from '../report-figures.js';
import { check, result, type Scenario } from '../scenario.js';

const us = (ms: number, rows: number) => (ms * 1000) / rows;

/**
 * (5) The report scenario (1) on worlds of growing size (200, 2,000 and 20,000 spaces by default,
 * `--growth-sizes=`), each seeded like the main world. The figure is the time per weekly row the
 * report reads at the largest size, against the same at the smallest: it should not grow.
 */
export const growthScenario: Scenario = {
  id: 'growth',
  title: 'Report time at 200, 2,000 and 20,000 spaces',
  status: 'ready',
  async run(ctx) {
    const { config } = ctx;
    const fromYear = config.toYear - config.years + 1;
    const sizes: Array<{ spaces: number; seedSeconds: number; m: ReportMeasurement }> = [];
    const loadBefore = loadavg()[0];
    for (const spaces of config.growthSizes) {
      // The main world is this very world (same seed and options): reuse it rather than seed it again.
      const reuse = spaces === config.spaces;
      const url = reuse ? (await ctx.world()).url : await ctx.databases.create(`w${spaces}`);
      let seedSeconds = 0;
      try {
        if (!reuse) {
          const started = process.hrtime.bigint();
          const seeded = await withClient(url, (c) => seedWorld(c, { ...config, spaces, fromYear }));
          seedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
          ctx.log(
            `growth: ${spaces} spaces seeded in ${seedSeconds.toFixed(1)} s (${JSON.stringify(seeded.counts)})`,
          );
        }
        const m = await measureReport(url, config.reportRegion, config.toYear, config.repeats);
        if (m.weeklyRows === 0)
          throw new Error(`growth: the ${spaces}-space world has no weekly rows in ${config.reportRegion}`);
        sizes.push({ spaces, seedSeconds, m });
        ctx.log(
          `growth: ${spaces} spaces: ${m.serviceMs.toFixed(1)} ms for ${m.weeklyRows} rows ` +
            `(${us(m.serviceMs, m.weeklyRows).toFixed(2)} µs/row; floor ${m.floorMs.toFixed(1)} ms)`,
        );
      } finally {
        if (!reuse) await ctx.databases.drop(url);
      }
    }
    const loadAfter = loadavg()[0];
    const smallest = sizes[0];
    const largest = sizes[sizes.length - 1];
    return [
      result({
        scenario: 'growth',
        name: `report time per weekly row, ${largest.spaces.toLocaleString('en')} vs ${smallest.spaces.toLocaleString('en')} spaces`,
        figure: {
          label: `${largest.spaces.toLocaleString('en')} spaces`,
          value: us(largest.m.serviceMs, largest.m.weeklyRows),
          unit: 'µs/row',
        },
        floor: {
          label: `${smallest.spaces.toLocaleString('en')} spaces`,
          value: us(smallest.m.serviceMs, smallest.m.weeklyRows),
          unit: 'µs/row',
        },
        target: { kind: 'max', value: 1.25, text: '≤ 1.25× the smallest world' },
        checks: sizes.map(({ spaces, m }) =>
          check(`figures equal to the floor at ${spaces} spaces`, m.equal ? 1 : 0, '', 'min', 1),
        ),
        notes: [
          ...sizes.map(
            ({ spaces, seedSeconds, m }) =>
              `${spaces.toLocaleString('en')} spaces: ${m.spacesActive} active in ${config.reportRegion}, ` +
              `${m.weeklyRows.toLocaleString('en')} rows; service ${m.serviceMs.toFixed(1)} ms ` +
              `(${us(m.serviceMs, m.weeklyRows).toFixed(2)} µs/row), floor ${m.floorMs.toFixed(1)} ms ` +
              `(${us(m.floorMs, m.weeklyRows).toFixed(2)} µs/row), ratio ${(m.serviceMs / m.floorMs).toFixed(2)}` +
              (seedSeconds > 0 ? `; seeded in ${seedSeconds.toFixed(0)} s` : '; the main world'),
          ),
          `medians of ${config.repeats} runs per side and size; ${config.years} years of activity`,
          `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} CPUs`,
          ...sizes.flatMap(({ spaces, m }) => m.differences.map((d) => `differs at ${spaces}: ${d}`)),
        ],
      }),
    ];
  },
};
