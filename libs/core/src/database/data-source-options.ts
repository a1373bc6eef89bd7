import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

type Entities = NonNullable<DataSourceOptions['entities']>;

/**
 * The one set of connection options, used by the apps (through TypeOrmModule), the CLI's migrate
 * command and the tests. Schema changes come only from MIGRATIONS: `synchronize` is never on.
 */
export function buildDataSourceOptions(url: string, entities: Entities, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: ['error'],
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  };
}
