import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { Environment } from '../config/environment.js';
import { requireDatabaseUrl } from '../database/database.module.js';
import { DEFAULT_JOB_OPTIONS, QueueName } from './job-catalogue.js';
import { QueueConnection, resolveQueueConnection } from './queue-connection.js';
import { QueueService } from './queue.service.js';

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

const connectionProvider = {
  provide: QUEUE_CONNECTION,
  inject: [Environment],
  useFactory: (env: Environment): QueueConnection => resolveQueueConnection(env, requireDatabaseUrl(env)),
};

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        ...resolveQueueConnection(env, requireDatabaseUrl(env)).options,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [connectionProvider, QueueService],
  exports: [BullModule, QueueService, QUEUE_CONNECTION],
})
export class QueueModule {}
