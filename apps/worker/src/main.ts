import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  EnvironmentError,
  PinoNestLogger,
  createRootLogger,
  validateEnvironment,
} from '../../../libs/core/src/index.js';
import { WorkerModule } from './worker.module.js';

async function main() {
  process.env.OCR_SERVICE_NAME ??= 'worker';
  const env = validateEnvironment(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(createRootLogger(env.LOG_LEVEL, env.LOG_FILE)),
  });
  // SIGTERM/SIGINT close the workers, which lets running jobs finish before the process exits. The exit
  // is process.exit(0), not the signal raised again: pino writes stdout asynchronously and flushes on
  // 'exit', which a re-raised SIGTERM never emits, so the last lines ('worker stopped') could be lost.
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.init();
}

main().catch((err) => {
  console.error(err instanceof EnvironmentError ? err.message : err);
  process.exit(1);
});
