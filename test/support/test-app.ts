import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { projectRoot } from '../../libs/core/src/index.js';
import { REDIS_URL, createTestDatabase, type TestDatabase } from './test-services.js';
import { TEST_LOG_DIR, teeChildOutput, testLogFile } from './test-logs.js';

export type QueueBackend = 'redis' | 'postgres';

export interface TestEnvOptions {
  backend?: QueueBackend;
  extra?: Record<string, string>;
}

/** The environment of one test file: its own database and queue prefix, on the chosen queue backend. */
export function testEnvironment(db: TestDatabase, options: TestEnvOptions = {}): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    QUEUE_PREFIX: db.queuePrefix,
    // Logs go to a file per test file when the run collects them for the log gate.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? (TEST_LOG_DIR ? 'info' : 'silent'),
    WORKER_HEARTBEAT_SECONDS: '1',
    ...(TEST_LOG_DIR ? { LOG_FILE: testLogFile(`${db.queuePrefix}-api`)! } : {}),
    ...options.extra,
  };
  if ((options.backend ?? 'redis') === 'redis') env.REDIS_URL = REDIS_URL;
  return env;
}

function applyEnvironment(env: Record<string, string>): void {
  delete process.env.REDIS_URL;
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  Object.assign(process.env, env);
}

export interface TestApi {
  app: NestFastifyApplication;
  db: TestDatabase;
  baseUrl: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** The real API app over real HTTP on a free loopback port, on a private database. */
export async function startTestApi(options: TestEnvOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const env = testEnvironment(db, options);
  applyEnvironment(env);
  const app = await createApiApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    db,
    env,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with how the process ended: an exit code, or the signal it re-raised after shutdown. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The compiled worker as a real child process (npm test builds before it runs the e2e tier). */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  let output = '';
  const child = spawn(process.execPath, [join(projectRoot(), 'dist/apps/worker/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'info', LOG_FILE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  teeChildOutput(child, `${env.QUEUE_PREFIX ?? 'test'}-worker`);
  return {
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          return resolve({ code: child.exitCode, signal: child.signalCode });
        }
        // 'close' rather than 'exit': it comes after the pipes are drained, so output() holds the last lines.
        child.once('close', (code, sig) => resolve({ code, signal: sig }));
        child.kill(signal);
      }),
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20000,
  stepMs = 100,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export async function api(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
