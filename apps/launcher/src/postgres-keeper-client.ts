import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { complain } from './console.js';
import { STOP, type KeeperReport } from './keeper-protocol.js';
import { describeExit, type ExitResult } from './supervisor.js';
import { delay } from './timing.js';

const KEEPER = fileURLToPath(new URL('./postgres-keeper.js', import.meta.url));
// The keeper bounds its own steps (a start in progress, then the stop); this only guards against a hang.
const STOP_WAIT_MS = 90_000;

/** The launcher's handle on the embedded PostgreSQL, which runs in the keeper process (postgres-keeper.ts). */
export class PostgresKeeperClient {
  private keeper?: ChildProcess;
  private exited?: Promise<ExitResult>;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly verbose: boolean,
  ) {}

  /**
   * Starts the keeper and resolves with the database URL once PostgreSQL is up.
   * `onUnexpectedExit` fires if the keeper ends later without having been asked to.
   */
  start(
    shutdown: AbortSignal,
    onUnexpectedExit: (name: string, result: ExitResult) => void,
  ): Promise<string> {
    shutdown.throwIfAborted();
    const keeper = fork(KEEPER, [this.dataDir, String(this.port), this.verbose ? 'verbose' : 'quiet'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Its own process group, out of reach of the terminal's Ctrl-C: see postgres-keeper.ts.
      detached: true,
    });
    const exited = new Promise<ExitResult>((resolve) =>
      keeper.once('exit', (code, signal) => resolve({ code, signal })),
    );
    this.keeper = keeper;
    this.exited = exited;
    const url = new Promise<string>((resolve, reject) => {
      keeper.on('message', (report: KeeperReport) =>
        'ready' in report ? resolve(report.ready) : reject(new Error(report.failed)),
      );
      void exited.then((result) => reject(new Error(`PostgreSQL keeper ended (${describeExit(result)})`)));
    });
    void url.then(
      () =>
        exited.then((result) => {
          if (!shutdown.aborted) onUnexpectedExit('postgres', result);
        }),
      () => undefined,
    );
    return url;
  }

  async stop(): Promise<void> {
    const { keeper, exited } = this;
    if (!keeper || !exited || keeper.exitCode !== null || keeper.signalCode !== null) return;
    if (keeper.connected) keeper.send(STOP);
    else keeper.kill('SIGTERM');
    const outcome = await Promise.race([exited, delay(STOP_WAIT_MS).then(() => 'timeout' as const)]);
    if (outcome === 'timeout') {
      complain(
        `PostgreSQL did not stop within ${STOP_WAIT_MS / 1000} s; look for postgres using ${this.dataDir}`,
      );
    }
  }
}
