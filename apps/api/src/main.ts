import { EnvironmentError, validateEnvironment } from '../../../libs/core/src/index.js';
import { createApiApp } from './create-api-app.js';

async function main() {
  process.env.OCR_SERVICE_NAME ??= 'api';
  const env = validateEnvironment(process.env);
  const app = await createApiApp();
  await app.listen({ port: env.PORT, host: '0.0.0.0' });
}

main().catch((err) => {
  console.error(err instanceof EnvironmentError ? err.message : err);
  process.exit(1);
});
