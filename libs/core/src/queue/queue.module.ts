import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { Environment } from '../config/environment.js';
import { requireDatabaseUrl } from '../database/database.module.js';
import { DEFAULT_JOB_OPTIONS, QueueName } from './job-catalogue.js';
import { QueueConnection, resolveQueueConnection } from './queue-connection.js';
import { QueueService } from './queue.service.js';

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

/** Chooses the backend once; BullModule, the dispatcher and health all use this one answer. */
@Global()
@Module({
  providers: [
    {
      provide: QUEUE_CONNECTION,
      inject: [Environment],
      useFactory: (env: Environment): QueueConnection => resolveQueueConnection(env, requireDatabaseUrl(env)),
    },
  ],
  exports: [QUEUE_CONNECTION],
})
export class QueueConnectionModule {}

@Global()
@Module({
  imports: [
    QueueConnectionModule,
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [QUEUE_CONNECTION],
      useFactory: (connection: QueueConnection) => ({
        ...connection.options,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [QueueService],
  exports: [BullModule, QueueService, QueueConnectionModule],
})
export class QueueModule {}
