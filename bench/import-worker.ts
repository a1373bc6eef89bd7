import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ActivityModule } from '../libs/activity/src/index.js';
import { CoreModule, validateEnvironment, type Principal } from '../libs/core/src/index.js';
import { ImportsService, RegistryModule } from '../libs/spaces/src/index.js';
import { memoryOf, resetPeak, sampleRss } from './process-memory.js';

/**
 * Runs one CSV import through the real pipeline (ImportsService, as the CLI wires it) in a process of its
 * own, so that its memory is measured alone. Prints one JSON line: rows, seconds, RSS before and at peak.
 * Usage: DATABASE_URL=… REDIS_URL=… node dist/bench/import-worker.js <kind> <file>
 */
@Module({ imports: [CoreModule.forRoot(), RegistryModule, ActivityModule] })
class ImportBenchModule {}

const BENCH_ADMIN: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'bench',
  role: 'admin',
  regionCode: null,
  sessionId: 'bench',
  preferredLanguage: 'en',
};

async function main(): Promise<void> {
  const [kind, file] = process.argv.slice(2);
  process.env.OCR_SERVICE_NAME ??= 'bench-import';
  process.env.LOG_LEVEL ??= 'warn';
  validateEnvironment(process.env);
  const app = await NestFactory.createApplicationContext(ImportBenchModule, { logger: ['error', 'warn'] });
  try {
    const imports = app.get(ImportsService);
    (globalThis as { gc?: () => void }).gc?.();
    const peakReset = resetPeak('self');
    const before = memoryOf('self')!.rssMb;
    const sampler = sampleRss('self', 10);
    const started = process.hrtime.bigint();
    const counts = await imports.import(kind, createReadStream(file), {
      principal: BENCH_ADMIN,
      actor: { userId: null, label: 'bench' },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const sampledPeak = sampler.stop();
    const peak = peakReset ? Math.max(memoryOf('self')!.peakMb, sampledPeak) : sampledPeak;
    const rows = counts.created + counts.updated + counts.unchanged;
    process.stdout.write(
      JSON.stringify({
        rows,
        counts,
        seconds,
        rssBeforeMb: before,
        rssPeakMb: peak,
        peakFromKernel: peakReset,
      }) + '\n',
    );
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
