import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { withClient } from '../bench-database.js';
import { distPath, runNode } from '../child-process.js';
import { copyText } from '../copy-rows.js';
import { WEEK_FIGURE_COLUMNS, seedWorld, weeklyRows, writeWeeklyCsv, type SpacePlan } from '../generate.js';
import { weekMonday } from '../iso-weeks.js';
import { check, result, type Scenario } from '../scenario.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The floor's table: the CSV's own columns with the key and the checks of weekly_activity, so that COPY
 * does the least work that still stores and guards the same rows.
 */
const FLOOR_TABLE = `CREATE TABLE bench_weekly_copy (
  space_ref text NOT NULL, week character(8) NOT NULL, opening_hours numeric(5,2) NOT NULL,
  hours_with_animator numeric(5,2), animator_hours numeric(7,2), visits integer NOT NULL,
  visits_ict_learning integer, visits_job_search integer, visits_leisure_culture integer,
  visits_housing_elearning integer, visits_administrative integer, visitors_women integer,
  visitors_job_seekers integer, visitors_seniors integer, visitors_youth integer, mobile_actions integer,
  PRIMARY KEY (space_ref, week),
  CHECK (opening_hours BETWEEN 0 AND 168 AND hours_with_animator BETWEEN 0 AND opening_hours),
  CHECK (visits >= 0))`;

/**
 * (2) A CSV import of weekly rows through the real pipeline (ImportsService in its own process), against
 * COPY FROM of the same file into a comparable table of the same database.
 */
export const importScenario: Scenario = {
  id: 'import',
  title: 'CSV import of weekly activity vs COPY FROM',
  status: 'ready',
  async run(ctx) {
    const { config } = ctx;
    // Its own database: the registry's spaces without any weekly row, so every imported row is new.
    const url = await ctx.databases.create('import');
    const toYear = config.toYear;
    const { spaces } = await withClient(url, (c) =>
      seedWorld(c, { ...config, fromYear: toYear - config.years + 1, spacesOnly: true }),
    );
    const dir = await mkdtemp(join(tmpdir(), 'ocr-bench-'));
    try {
      const file = join(dir, 'weekly-activity.csv');
      // Space by space over the last two ISO years, cut at the row limit: like a regional file, rows of
      // spaces of every region and size (the spaces are in random order of place).
      const rows = await writeWeeklyCsv(
        file,
        weeklyRows(spaces, toYear - 1, toYear, config),
        config.importRows,
      );
      ctx.log(`import: ${rows} rows in ${file}`);

      // The floor runs before and after the pipeline (the mean counts), so that a machine whose load
      // drifts during the run does not favour either side.
      const copyFile = () =>
        withClient(url, async (c) => {
          await c.query('DROP TABLE IF EXISTS bench_weekly_copy');
          await c.query(FLOOR_TABLE);
          const started = process.hrtime.bigint();
          await pipeline(
            createReadStream(file),
            c.query(copyFrom(`COPY bench_weekly_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)),
          );
          return Number(process.hrtime.bigint() - started) / 1e9;
        });
      const loadBefore = loadavg()[0];
      const floorBefore = await copyFile();
      const out = await runNode(
        distPath('bench', 'import-worker.js'),
        ['weekly-activity', file],
        { DATABASE_URL: url, REDIS_URL, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
        ['--expose-gc'],
      );
      const measured = JSON.parse(out.trim().split('\n').pop()!) as {
        rows: number;
        seconds: number;
        rssBeforeMb: number;
        rssPeakMb: number;
        peakFromKernel: boolean;
      };
      const floorAfter = await copyFile();
      const floorSeconds = (floorBefore + floorAfter) / 2;
      const twinSeconds = await copyIntoTwin(url, file, spaces);
      const loadAfter = loadavg()[0];
      const stored = await withClient(url, async (c) => {
        const { rows: r } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM weekly_activity');
        return r[0].n;
      });
      const growth = measured.rssPeakMb - measured.rssBeforeMb;
      return [
        result({
          scenario: 'import',
          name: `import ${rows.toLocaleString('en')} weekly rows`,
          figure: { label: 'pipeline', value: rows / measured.seconds, unit: 'rows/s' },
          floor: { label: 'COPY FROM', value: rows / floorSeconds, unit: 'rows/s' },
          target: { kind: 'min', value: 0.4, text: '≥ 40 % of COPY' },
          checks: [
            check('peak RSS growth', growth, 'MB', 'max', 100),
            check('rows stored', stored, 'rows', 'min', rows),
          ],
          notes: [
            `pipeline ${measured.seconds.toFixed(2)} s; COPY ${floorBefore.toFixed(2)} s before, ${floorAfter.toFixed(2)} s after`,
            `COPY into a twin of weekly_activity (same indexes, checks and foreign key; space ids resolved ` +
              `beforehand): ${(rows / twinSeconds).toFixed(0)} rows/s, ${twinSeconds.toFixed(2)} s`,
            `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} CPUs`,
            `RSS ${measured.rssBeforeMb.toFixed(0)} MB before, ${measured.rssPeakMb.toFixed(0)} MB at peak` +
              (measured.peakFromKernel
                ? ' (kernel VmHWM, reset before the import)'
                : ' (sampled every 10 ms)'),
          ],
        }),
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/**
 * A second view of the floor: COPY of the same rows into a table built like weekly_activity (uuid key,
 * unique key, year index, checks, foreign key to spaces), with the space ids resolved beforehand; what
 * storing these rows costs in this schema, before any parsing or auditing.
 */
async function copyIntoTwin(url: string, file: string, spaces: SpacePlan[]): Promise<number> {
  const byRef = new Map(spaces.map((s) => [s.ref, s.id]));
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').slice(1);
  const rows = lines.map((line) => {
    const cells = line.split(',').map((cell) => (cell === '' ? null : cell));
    const week = cells[1]!;
    const [year, number] = [Number(week.slice(0, 4)), Number(week.slice(6))];
    return [byRef.get(cells[0]!), week, year, weekMonday(year, number), ...cells.slice(2)];
  });
  return withClient(url, async (c) => {
    await c.query('CREATE TABLE bench_weekly_twin (LIKE weekly_activity INCLUDING ALL)');
    await c.query('ALTER TABLE bench_weekly_twin ADD FOREIGN KEY (space_id) REFERENCES spaces(id)');
    // Formatted before the clock starts: the floor times the database, not the formatting.
    const text = rows.map((row) => row.map(copyText).join('\t')).join('\n') + '\n';
    const columns = ['space_id', 'week', 'iso_year', 'week_start', ...WEEK_FIGURE_COLUMNS].join(', ');
    const started = process.hrtime.bigint();
    await pipeline(
      Readable.from([text]),
      c.query(copyFrom(`COPY bench_weekly_twin (${columns}) FROM STDIN`)),
    );
    return Number(process.hrtime.bigint() - started) / 1e9;
  });
}
