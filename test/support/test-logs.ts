import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';

/**
 * Where the apps under test write their log lines when `TEST_LOG_DIR` is set (`npm test` sets it), so
 * the log gate (test/log-gate) can read every line the run produced. Unset, tests keep logs quiet.
 */
export const TEST_LOG_DIR = process.env.TEST_LOG_DIR ? resolve(process.env.TEST_LOG_DIR) : undefined;

/** The log file of one app of one test file, or undefined when the run collects no logs. */
export function testLogFile(name: string): string | undefined {
  if (!TEST_LOG_DIR) return undefined;
  mkdirSync(TEST_LOG_DIR, { recursive: true });
  return join(TEST_LOG_DIR, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.log`);
}

/** Copies a child process's stdout and stderr into its log file as well (the test still reads them). */
export function teeChildOutput(child: ChildProcess, name: string): void {
  const file = testLogFile(`${name}-${child.pid ?? 'nopid'}`);
  if (!file) return;
  const append = (chunk: Buffer | string) => appendFileSync(file, chunk);
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
}
