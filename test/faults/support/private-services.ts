import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { teeChildOutput } from '../../support/test-logs.js';
import { projectRoot } from '../../../libs/core/src/index.js';

/**
 * Private PostgreSQL and Redis instances and the compiled API/worker as real processes, for fault
 * tests. The machine's shared services are never touched: these tests stop and kill their own copies.
 * Everything started here is registered for clean-up, also when the Jest process exits abruptly.
 */

const PG_BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const runningAsRoot = () => process.getuid?.() === 0;

type Cleanup = () => void;
const cleanups = new Set<Cleanup>();
let exitHookInstalled = false;

function registerCleanup(fn: Cleanup): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last resort for a failed or interrupted run: synchronous, so it also works in 'exit'.
    process.once('exit', cleanUpEverything);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        cleanUpEverything();
        process.exit(1);
      });
    }
  }
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Runs every registered clean-up (latest first); safe to call more than once. */
export function cleanUpEverything(): void {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      /* best effort: the next clean-up still runs */
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
  what: string,
  stepMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch((e: Error) => {
      if (e.message.includes('process ended')) throw e;
      return undefined;
    });
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(stepMs);
  }
}

function tempDir(label: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `ocr-fault-${label}-`));
  const remove = () => rmSync(path, { recursive: true, force: true });
  return { path, remove };
}

/** Runs a PostgreSQL binary; as root through the OS user `postgres` (postgres refuses to run as root). */
function pgCommand(binary: string, args: string[]): void {
  const file = join(PG_BIN, binary);
  if (runningAsRoot()) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' });
  else execFileSync(file, args, { stdio: 'pipe' });
}

export interface PrivatePostgres {
  port: number;
  /** URL of the `ocr` database on this instance. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  destroy(): Promise<void>;
}

/** A throw-away cluster (initdb, trust on loopback) in a temp directory, on a free port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = tempDir('pg');
  const dataDir = join(dir.path, 'data');
  if (runningAsRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir.path, uid, gid);
  }
  const port = await freePort();
  let running = false;
  const stopNow = () => {
    if (running) pgCommand('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    running = false;
  };
  const unregister = registerCleanup(() => {
    stopNow();
    dir.remove();
  });
  pgCommand('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const start = async () => {
    pgCommand('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      join(dir.path, 'postgres.log'),
      '-o',
      `-p ${port} -k ${dir.path} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      '-t',
      '30',
      'start',
    ]);
    running = true;
  };
  await start();
  const server = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await server.connect();
  await server.query('CREATE DATABASE ocr');
  await server.end();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/ocr`,
    start,
    stop: async () => {
      pgCommand('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    destroy: async () => {
      unregister();
      stopNow();
      dir.remove();
    },
  };
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** SIGKILL: the harshest end; the AOF (fsync always) holds every acknowledged write. */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same AOF directory. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = tempDir('redis');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const killNow = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const unregister = registerCleanup(() => {
    killNow();
    dir.remove();
  });
  const start = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        dir.path,
        '--save',
        '',
      ],
      { stdio: 'ignore' },
    );
    await waitUntil(() => redisPing(port), 10000, 'redis-server answers PING');
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    kill: async () => {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const ended = new Promise((r) => current.once('exit', r));
      current.kill('SIGKILL');
      await ended;
    },
    destroy: async () => {
      unregister();
      killNow();
      dir.remove();
    },
  };
}

/** A bare RESP PING over TCP: no client library that would itself reconnect. */
function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (d: Buffer) => {
      socket.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
  });
}

export interface NodeProcess {
  child: ChildProcess;
  output(): string;
  alive(): boolean;
  /** Sends the signal and resolves with how the process ended. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs one of the compiled entry points (dist/apps/<app>/src/main.js) as a child process. */
export function spawnApp(app: 'api' | 'worker', env: Record<string, string>): NodeProcess {
  let output = '';
  const child = spawn(process.execPath, [join(projectRoot(), `dist/apps/${app}/src/main.js`)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  teeChildOutput(child, `fault-${app}`);
  const alive = () => child.exitCode === null && child.signalCode === null;
  const unregister = registerCleanup(() => {
    if (alive()) child.kill('SIGKILL');
  });
  child.once('exit', () => unregister());
  return {
    child,
    output: () => output,
    alive,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (!alive()) return resolve({ code: child.exitCode, signal: child.signalCode });
        child.once('exit', (code, sig) => resolve({ code, signal: sig }));
        child.kill(signal);
      }),
  };
}

/** `node dist/apps/cli/src/main.js migrate` against the given database. */
export function migrate(databaseUrl: string): void {
  execFileSync(process.execPath, [join(projectRoot(), 'dist/apps/cli/src/main.js'), 'migrate'], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: 'pipe',
  });
}
