import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment.js';
import { CORE_ENTITIES } from './core-entities.js';
import { buildDataSourceOptions } from './data-source-options.js';

export function requireDatabaseUrl(env: Environment): string {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set. Set it, or run `npm start` to use the embedded PostgreSQL.');
  }
  return env.DATABASE_URL;
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        ...buildDataSourceOptions(requireDatabaseUrl(env), []),
        autoLoadEntities: true,
      }),
    }),
    TypeOrmModule.forFeature(CORE_ENTITIES),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
