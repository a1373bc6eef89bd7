import { spawn, type ChildProcess } from 'node:child_process';
import { say } from './console.js';
import { delay } from './timing.js';

const PARENT_WATCH = new URL('./parent-watch.js', import.meta.url).href;

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

interface Tracked {
  name: string;
  child: ChildProcess;
  exited: Promise<ExitResult>;
}

export function describeExit(result: ExitResult): string {
  if (result.error) return `could not start: ${result.error.message}`;
  return result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`;
}

/**
 * Owns every Node child process of the launcher (one-shot CLI commands and the long-running services),
 * so that shutdown can stop whatever happens to be running, in any startup phase.
 */
export class Supervisor {
  private readonly running = new Set<Tracked>();

  /** Once `shutdown` is aborted nothing new is started. */
  constructor(private readonly shutdown: AbortSignal) {}

  /** Runs a one-shot command (`node <args>`) and resolves when it exits 0. */
  async run(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
    const result = await this.launch(name, args, env).exited;
    if (result.code !== 0) throw new Error(`${name} failed (${describeExit(result)})`);
  }

  /** Starts a long-running service; `onUnexpectedExit` fires if it ends while no shutdown is under way. */
  start(
    name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    onUnexpectedExit: (name: string, result: ExitResult) => void,
  ): void {
    const tracked = this.launch(name, args, env);
    void tracked.exited.then((result) => {
      if (!this.shutdown.aborted) onUnexpectedExit(name, result);
    });
  }

  /** SIGTERM to every child, then SIGKILL to those still there after `graceMs`. */
  async stopAll(graceMs: number): Promise<void> {
    await Promise.all([...this.running].map((tracked) => this.stop(tracked, graceMs)));
  }

  /** Last resort when the launcher itself is exiting abruptly: no waiting is possible any more. */
  terminateAllNow(): void {
    for (const { child } of this.running) child.kill('SIGTERM');
  }

  private launch(name: string, args: string[], env: NodeJS.ProcessEnv): Tracked {
    if (this.shutdown.aborted) throw new Error(`not starting ${name}: shutting down`);
    const child = spawn(process.execPath, ['--import', PARENT_WATCH, ...args], {
      env,
      // Children write JSON log lines straight to the launcher's own stdout/stderr; the IPC channel
      // only tells them when the launcher is gone (parent-watch.ts).
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Their own process group: a Ctrl-C in the terminal reaches only the launcher, which then stops
      // them in order (services first, database last) instead of everything at once.
      detached: true,
    });
    const exited = new Promise<ExitResult>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      // 'error' without a pid means the process never started, so no 'exit' will follow.
      child.once('error', (error) => child.pid === undefined && resolve({ code: null, signal: null, error }));
    });
    const tracked = { name, child, exited };
    this.running.add(tracked);
    void exited.then(() => this.running.delete(tracked));
    return tracked;
  }

  private async stop({ name, child, exited }: Tracked, graceMs: number): Promise<void> {
    child.kill('SIGTERM');
    const outcome = await Promise.race([exited, delay(graceMs).then(() => 'timeout' as const)]);
    if (outcome !== 'timeout') return;
    say(`${name} did not stop within ${graceMs / 1000} s, killing it`);
    child.kill('SIGKILL');
    await exited;
  }
}
