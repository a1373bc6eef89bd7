import { join, resolve } from 'node:path';
import {
  EnvironmentError,
  projectRoot,
  validateEnvironment,
  type Environment,
} from '../../../libs/core/src/index.js';
import { printBanner } from './banner.js';
import { complain, errorText, say } from './console.js';
import { DEFAULT_ADMIN_EMAIL, adminExists, credentialsText, type CreatedAdmin } from './first-admin.js';
import { waitUntilReady } from './readiness.js';
import { PostgresKeeperClient } from './postgres-keeper-client.js';
import { generateSecret, writePrivateFile } from './secrets.js';
import { Supervisor, describeExit, type ExitResult } from './supervisor.js';

/**
 * `npm start`: the whole system from one command with nothing else installed. Starts an embedded
 * PostgreSQL unless DATABASE_URL is set (in a keeper process, see postgres-keeper.ts), migrates, makes
 * sure an administrator exists, runs the api and the worker as child processes, and on Ctrl-C stops
 * them before the database.
 */

const CHILD_GRACE_MS = 10_000;
const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

const shutdownRequested = new AbortController();
const supervisor = new Supervisor(shutdownRequested.signal);
let embeddedPostgres: PostgresKeeperClient | undefined;

const appScript = (app: string) => join(projectRoot(), 'dist', 'apps', app, 'src', 'main.js');

async function startUp(env: Environment): Promise<void> {
  const dataDir = resolve(projectRoot(), env.DATA_DIR);
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  if (!env.DATABASE_URL) {
    const verbose = ['debug', 'trace'].includes(env.LOG_LEVEL);
    embeddedPostgres = new PostgresKeeperClient(dataDir, env.EMBEDDED_PG_PORT, verbose);
    childEnv.DATABASE_URL = await embeddedPostgres.start(shutdownRequested.signal, onUnexpectedExit);
  }
  say('applying database migrations');
  await supervisor.run('migrate', [appScript('cli'), 'migrate'], childEnv);
  const admin = await ensureFirstAdmin(env, childEnv, dataDir);
  say('starting the api and the worker');
  supervisor.start('api', [appScript('api')], childEnv, onUnexpectedExit);
  supervisor.start('worker', [appScript('worker')], childEnv, onUnexpectedExit);
  if (await waitUntilReady(`http://127.0.0.1:${env.PORT}/health/ready`, shutdownRequested.signal)) {
    printBanner(env.PORT, process.uptime(), admin);
  }
}

/**
 * There is no default password anywhere: without ADMIN_PASSWORD the first administrator gets a random
 * one, shown once and saved in a file only its owner can read. Nothing happens once an admin exists.
 */
async function ensureFirstAdmin(
  env: Environment,
  childEnv: NodeJS.ProcessEnv,
  dataDir: string,
): Promise<CreatedAdmin | null> {
  if (await adminExists(childEnv.DATABASE_URL ?? '')) return null;
  const email = env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
  const password = env.ADMIN_PASSWORD ?? generateSecret();
  let credentialsFile: string | undefined;
  if (!env.ADMIN_PASSWORD) {
    // Saved before the user exists, so that a crash in between cannot lose the only copy.
    credentialsFile = join(dataDir, 'admin-credentials.txt');
    writePrivateFile(credentialsFile, credentialsText(email, password));
  }
  say(`creating the first administrator, ${email}`);
  const command = [appScript('cli'), 'users:create', '--email', email, '--role', 'admin'];
  // The password travels in the environment, never on a command line that `ps` would show.
  await supervisor.run('users:create', command, { ...childEnv, NEW_USER_PASSWORD: password });
  return env.ADMIN_PASSWORD ? { email } : { email, generatedPassword: password, credentialsFile };
}

function onUnexpectedExit(name: string, result: ExitResult): void {
  complain(`${name} stopped unexpectedly (${describeExit(result)})`);
  shutDown(1, `${name} stopped`);
}

/** Stops everything exactly once: services first, then the database they use, then the launcher. */
function shutDown(exitCode: number, reason: string): void {
  if (shutdownRequested.signal.aborted) {
    say(`${reason}: already shutting down, please wait`);
    return;
  }
  shutdownRequested.abort();
  say(`${reason}: shutting down`);
  stopEverything().then(
    () => process.exit(exitCode),
    (err) => {
      complain(`shutdown failed: ${errorText(err)}`);
      process.exit(1);
    },
  );
}

async function stopEverything(): Promise<void> {
  await supervisor.stopAll(CHILD_GRACE_MS);
  await embeddedPostgres?.stop();
  say('stopped');
}

/** SIGHUP too: closing the terminal should stop the system as cleanly as Ctrl-C does. */
function handleSignalsAndCrashes(): void {
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => shutDown(0, `received ${signal}`));
  process.on('uncaughtException', (err) => failed(err));
  process.on('unhandledRejection', (err) => failed(err));
  // Should the launcher die abruptly after all, its children are not left running on their own.
  process.on('exit', () => supervisor.terminateAllNow());
}

function failed(err: unknown): void {
  complain(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  shutDown(1, 'unexpected error');
}

function loadEnvironment(): Environment {
  try {
    return validateEnvironment(process.env);
  } catch (err) {
    complain(err instanceof EnvironmentError ? err.message : errorText(err));
    process.exit(1);
  }
}

function main(): void {
  const env = loadEnvironment();
  handleSignalsAndCrashes();
  const db = env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : 'embedded PostgreSQL';
  say(`starting OCR Register (${db}, queues on ${env.REDIS_URL ? 'Redis' : 'PostgreSQL'})`);
  startUp(env).catch((err) => {
    // A Ctrl-C during startup makes the current step fail; that is the shutdown, not an error.
    if (shutdownRequested.signal.aborted) return;
    complain(`startup failed: ${errorText(err)}`);
    shutDown(1, 'startup failed');
  });
}

main();
