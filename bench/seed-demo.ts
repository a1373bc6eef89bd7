import { DataSource } from 'typeorm';
import { buildDataSourceOptions, requireDatabaseUrl, validateEnvironment } from '../libs/core/src/index.js';
import { withClient } from './bench-database.js';
import { seedWorld } from './generate.js';

/**
 * `npm run seed:demo`: migrates the database of DATABASE_URL and fills it with the benchmark generator's
 * world (default 200 spaces, 3 years up to last year; `--spaces=N --years=Y --seed=S`). Refuses a
 * database that already holds spaces, so it never mixes with real data.
 */
async function main(): Promise<void> {
  const url = requireDatabaseUrl(validateEnvironment(process.env));
  const flag = (name: string, fallback: number) => {
    const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number.parseInt(arg.split('=')[1], 10) : fallback;
  };
  const today = new Date().toISOString().slice(0, 10);
  const toYear = new Date().getUTCFullYear() - 1;
  const years = flag('years', 3);
  const dataSource = new DataSource(buildDataSourceOptions(url, [], 1));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM spaces');
    if (rows[0].n > 0)
      throw new Error(
        `The database already holds ${rows[0].n} spaces: seed:demo only fills an empty registry.`,
      );
    const { counts } = await seedWorld(client, {
      seed: flag('seed', 20261122),
      spaces: flag('spaces', 200),
      fromYear: toYear - years + 1,
      toYear,
      today,
    });
    console.log(
      `Seeded: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
