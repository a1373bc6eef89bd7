import { Injectable } from '@nestjs/common';
import { MetadataScanner, Reflector, type DiscoveryService } from '@nestjs/core';
import type { ClsService } from 'nestjs-cls';
import { JobName } from './job-catalogue.js';
import { JobDispatcher } from './job-dispatcher.js';
import { JobAbandoned, JobHandler } from './job-handler.decorator.js';
import type { QueueConnection } from './queue-connection.js';

/** One provider with a handler for every job of the catalogue, so that only @JobAbandoned is at stake. */
function providerHandlingEveryJob(): object {
  class EveryJob {}
  for (const name of Object.values(JobName)) {
    const method = `handle ${name}`;
    Object.defineProperty(EveryJob.prototype, method, { value: async () => undefined });
    JobHandler(name)(
      EveryJob.prototype,
      method,
      Object.getOwnPropertyDescriptor(EveryJob.prototype, method)!,
    );
  }
  return new EveryJob();
}

@Injectable()
class ReportsOwner {
  @JobAbandoned(JobName.ReportsGenerate)
  async abandoned(): Promise<void> {}
}

@Injectable()
class AnotherReportsOwner {
  @JobAbandoned(JobName.ReportsGenerate)
  async alsoAbandoned(): Promise<void> {}
}

describe('JobDispatcher', () => {
  let dispatcher: JobDispatcher | undefined;
  afterEach(async () => {
    // Closes the workers a dispatcher that wrongly started would have opened.
    await dispatcher?.beforeApplicationShutdown();
  });

  const dispatcherOver = (providers: object[]) =>
    new JobDispatcher(
      { getProviders: () => providers.map((instance) => ({ instance })) } as unknown as DiscoveryService,
      new MetadataScanner(),
      new Reflector(),
      {} as ClsService,
      { kind: 'redis', options: { connection: { lazyConnect: true } } } as QueueConnection,
    );

  it('refuses to start with two @JobAbandoned for one job, naming it', async () => {
    dispatcher = dispatcherOver([providerHandlingEveryJob(), new ReportsOwner(), new AnotherReportsOwner()]);
    await expect(dispatcher.onApplicationBootstrap()).rejects.toThrow(
      'More than one @JobAbandoned for: [reports.generate]',
    );
  });

  it('refuses to start when a job has no handler, before looking at @JobAbandoned', async () => {
    dispatcher = dispatcherOver([new ReportsOwner()]);
    await expect(dispatcher.onApplicationBootstrap()).rejects.toThrow(/Missing: \[system\.heartbeat, /);
  });
});
