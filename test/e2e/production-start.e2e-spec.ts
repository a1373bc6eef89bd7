import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../libs/core/src/index.js';
import { api, waitFor } from '../support/test-app.js';
import { REDIS_URL, SERVER_URL, adminQuery } from '../support/test-services.js';
import { withDatabase } from '../../libs/core/src/index.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// The production path: an empty database, `npm run migrate`, then `start:api` and `start:worker`
// as separate processes (the compiled entry points those scripts run) on PostgreSQL and Redis.
describe('production start with DATABASE_URL and REDIS_URL', () => {
  const name = `ocr_test_prod_${process.pid}`;
  const children: ReturnType<typeof spawn>[] = [];

  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('migrates an empty database and becomes ready', async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${name}"`);
    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: withDatabase(SERVER_URL, name),
      REDIS_URL,
      QUEUE_PREFIX: `prod_${process.pid}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      WORKER_HEARTBEAT_SECONDS: '1',
      ADMIN_EMAIL: 'first.admin@example.be',
      ADMIN_PASSWORD: 'a long enough password',
    };
    const dist = (app: string) => join(projectRoot(), `dist/apps/${app}/src/main.js`);
    const migrate = spawnSync(process.execPath, [dist('cli'), 'migrate'], { env, encoding: 'utf8' });
    expect(migrate.stdout).toContain('applied: CoreAndReferenceData');
    expect(migrate.status).toBe(0);

    const apiProcess = spawn(process.execPath, [dist('api')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(apiProcess);
    let apiStderr = '';
    apiProcess.stderr!.on('data', (chunk: Buffer) => (apiStderr += chunk.toString()));
    children.push(spawn(process.execPath, [dist('worker')], { env, stdio: 'ignore' }));
    const baseUrl = `http://127.0.0.1:${port}`;
    const ready = await waitFor(async () => {
      const res = await api(baseUrl, 'GET', '/health/ready').catch(() => null);
      return res?.status === 200 ? res : null;
    }, 60000);
    expect(ready.body.details.queue.backend).toBe('redis');

    // The API created the first admin from ADMIN_EMAIL/ADMIN_PASSWORD at boot.
    const login = await api(baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    });
    expect(login.status).toBe(200);
    // Logs go to stdout; nothing, not even a library's warning (FSTWRN004 once), goes to stderr.
    expect(apiStderr).toBe('');
  }, 90000);
});
