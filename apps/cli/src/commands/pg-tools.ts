import { spawn } from 'node:child_process';

/**
 * Runs pg_dump or pg_restore against the database URL. The password travels in PGPASSWORD, not on the
 * command line, so it never shows in the process list. The binaries must match the server's major
 * version; `PG_BIN_DIR` points to another installation when the one on PATH does not.
 */
export function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  databaseUrl: string,
): Promise<void> {
  const binDir = process.env.PG_BIN_DIR;
  const command = binDir ? `${binDir.replace(/\/$/, '')}/${tool}` : tool;
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, `--dbname=${url.toString()}`], {
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, ...(password && { PGPASSWORD: password }) },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`${tool} could not be started: ${error.message}`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
