import pg from 'pg';
import { api } from '../../support/test-app.js';
import {
  cleanUpEverything,
  freePort,
  migrate,
  spawnApp,
  startPrivatePostgres,
  startPrivateRedis,
  waitUntil,
  type NodeProcess,
  type PrivatePostgres,
  type PrivateRedis,
} from './private-services.js';

export const ADMIN_EMAIL = 'fault-admin@ocr-register.test';
const ADMIN_PASSWORD = 'fault-admin-password-1';

/** One whole system on loopback: private PostgreSQL and Redis, the compiled API and a worker. */
export interface FaultSystem {
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  apiProcess: NodeProcess;
  baseUrl: string;
  env: Record<string, string>;
  adminToken: string;
  workers: NodeProcess[];
  startWorker(): Promise<NodeProcess>;
  sql(text: string, params?: unknown[]): Promise<any[]>;
  ready(): Promise<{ status: number; body: any }>;
  shutdown(): Promise<void>;
}

export async function startFaultSystem(): Promise<FaultSystem> {
  const postgres = await startPrivatePostgres();
  const redis = await startPrivateRedis();
  migrate(postgres.url);
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'ocr_fault',
    PORT: String(port),
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    WORKER_HEARTBEAT_SECONDS: '1',
    OUTBOX_RELAY_MS: '200',
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const apiProcess = spawnApp('api', env);
  const workers: NodeProcess[] = [];
  const startWorker = async () => {
    const worker = spawnApp('worker', env);
    workers.push(worker);
    await waitUntil(async () => worker.output().includes('worker consuming'), 30000, 'worker consuming');
    return worker;
  };
  const ready = async () => {
    const res = await api(baseUrl, 'GET', '/health/ready');
    return { status: res.status, body: res.body };
  };
  const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
  // A pool client broken by the PostgreSQL restart must not crash the test process.
  pool.on('error', () => undefined);
  const system: FaultSystem = {
    postgres,
    redis,
    apiProcess,
    baseUrl,
    env,
    adminToken: '',
    workers,
    startWorker,
    ready,
    sql: async (text, params) => (await pool.query(text, params)).rows,
    shutdown: async () => {
      for (const p of [...workers, apiProcess]) await p.stop('SIGKILL');
      await pool.end().catch(() => undefined);
      await redis.destroy();
      await postgres.destroy();
      cleanUpEverything();
    },
  };
  try {
    await waitUntil(
      async () => {
        if (!apiProcess.alive()) throw new Error('the API process ended');
        return (await api(baseUrl, 'GET', '/health/live')).status === 200;
      },
      30000,
      'API answers /health/live',
    );
    await startWorker();
    await waitUntil(async () => (await ready()).status === 200, 30000, 'API ready');
    const login = await api(baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body)}`);
    system.adminToken = login.body.accessToken;
  } catch (e) {
    const logs = `API output:\n${apiProcess.output().slice(-3000)}`;
    await system.shutdown();
    throw new Error(`${(e as Error).message}\n${logs}`);
  }
  return system;
}

/** Queues a probe through the API and returns its id. */
export async function queueProbe(system: FaultSystem): Promise<string> {
  const res = await api(system.baseUrl, 'POST', '/api/v1/system/queue-probes', { token: system.adminToken });
  if (res.status !== 202) throw new Error(`queue probe: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Waits until the probe is processed; resolves with the worker id (`host:pid`) that did it. */
export async function probeProcessedBy(system: FaultSystem, id: string, timeoutMs: number): Promise<string> {
  return waitUntil(
    async () => {
      const res = await api(system.baseUrl, 'GET', `/api/v1/system/queue-probes/${id}`, {
        token: system.adminToken,
      });
      return res.status === 200 && res.body.processedAt ? (res.body.processedBy as string) : null;
    },
    timeoutMs,
    `probe ${id} processed`,
    200,
  );
}
