import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Constraints named fk_* and ck_* are owned by the migrations alone: foreign keys across libs and
 * checks that entities do not declare. TypeORM would drop them, so they are not drift.
 */
const MIGRATION_OWNED = /^ALTER TABLE "[^"]+" DROP CONSTRAINT "(fk|ck)_[a-z0-9_]+"$/;

/**
 * The SQL TypeORM would run to bring the migrated schema in line with the entities.
 * Empty means entities and migrations agree; the drift test and `cli schema:diff` use it.
 */
export async function pendingSchemaChanges(options: DataSourceOptions): Promise<string[]> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return log.upQueries.map((q) => q.query.trim()).filter((sql) => !MIGRATION_OWNED.test(sql));
  } finally {
    await ds.destroy();
  }
}
