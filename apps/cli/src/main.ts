import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { EnvironmentError, validateEnvironment } from '../../../libs/core/src/index.js';
import { CliModule } from './cli.module.js';

async function main() {
  process.env.OCR_SERVICE_NAME ??= 'cli';
  process.env.LOG_LEVEL ??= 'warn';
  validateEnvironment(process.env);
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (err) => {
      console.error(err.message);
      process.exit(1);
    },
  });
}

main().catch((err) => {
  console.error(err instanceof EnvironmentError ? err.message : err);
  process.exit(1);
});
