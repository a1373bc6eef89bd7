import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthCoreModule, AuthHttpModule } from './auth/auth.module.js';
import { AppConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { AppExceptionFilter } from './errors/app-exception.filter.js';
import { createValidationPipe } from './errors/validation.pipe.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { HeartbeatScheduler } from './health/heartbeat.scheduler.js';
import { SystemJobsHandler } from './health/system-jobs.handler.js';
import { JobDispatcher } from './queue/job-dispatcher.js';
import { QueueProbeController } from './queue/queue-probe.controller.js';
import { QueueProbeRepository } from './queue/queue-probe.repository.js';
import { QueueModule } from './queue/queue.module.js';
import { WorkerHeartbeatRepository } from './health/worker-heartbeat.repository.js';
import { REQUEST_CONTEXT_PROVIDER } from './logging/request-context.js';
import { MailService } from './mail/mail.service.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { OutboxService } from './outbox/outbox.service.js';
import { OutboxPolling } from './outbox/outbox-polling.js';

/** Plumbing every app shares: validated config, request context, database, queues, auth services. */
@Module({})
export class CoreModule {
  static forRoot(): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [AppConfigModule, DatabaseModule, QueueModule, AuthCoreModule],
      providers: [REQUEST_CONTEXT_PROVIDER, MailService, OutboxRepository, OutboxService],
      exports: [REQUEST_CONTEXT_PROVIDER, MailService, OutboxService],
    };
  }
}

/** HTTP edge: routes of core, the one exception filter and the one validation pipe. */
@Module({
  imports: [AuthHttpModule, TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, QueueProbeController],
  providers: [
    HealthService,
    WorkerHeartbeatRepository,
    QueueProbeRepository,
    { provide: APP_FILTER, useClass: AppExceptionFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class CoreHttpModule {}

/** Worker side: the job dispatcher and the system jobs. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    JobDispatcher,
    SystemJobsHandler,
    HeartbeatScheduler,
    WorkerHeartbeatRepository,
    QueueProbeRepository,
    OutboxPolling,
  ],
})
export class CoreWorkerModule {}
