import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * The SQL TypeORM would run to bring the migrated schema in line with the entities.
 * Empty means entities and migrations agree; the drift test and `cli schema:diff` use it.
 */
export async function pendingSchemaChanges(options: DataSourceOptions): Promise<string[]> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return log.upQueries.map((q) => q.query);
  } finally {
    await ds.destroy();
  }
}
