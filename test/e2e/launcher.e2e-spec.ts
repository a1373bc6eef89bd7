import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm start` from scratch: embedded PostgreSQL, queues on PostgreSQL, a generated first admin,
// then Ctrl-C. Runs the compiled launcher (the e2e tier runs after `npm run build`).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LAUNCHER = join(ROOT, 'dist/apps/launcher/src/main.js');
const READY_TIMEOUT_MS = 90_000;
const EXIT_TIMEOUT_MS = 20_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor<T>(probe: () => Promise<T | null> | T | null, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function status(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return null;
  }
}

/** Command lines of every running process that mention `text`, as `ps` shows them. */
function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text));
}

/** Every process below `pid`, so that a failed test can clean up what the launcher could not. */
function descendantsOf(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (parent: number) =>
    rows.filter(([, ppid]) => ppid === parent).forEach(([child]) => (found.push(child), walk(child)));
  walk(pid);
  return found;
}

describe('npm start (the launcher) with nothing configured', () => {
  let dataDir: string;
  let baseUrl: string;
  let launcher: ChildProcess;
  let exited: Promise<Exit>;
  let output = '';

  const waitForExit = (ms: number) =>
    Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), ms).unref())]);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ocr-launch-'));
    const port = await freePort();
    const pgPort = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    launcher = spawn(process.execPath, [LAUNCHER], {
      cwd: ROOT,
      // Deliberately no DATABASE_URL, REDIS_URL, ADMIN_EMAIL or ADMIN_PASSWORD.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout?.on('data', (d) => (output += d));
    launcher.stderr?.on('data', (d) => (output += d));
    exited = new Promise((r) => launcher.once('exit', (code, signal) => r({ code, signal })));
  });

  afterAll(async () => {
    // Only after a failure is anything still running: ask nicely first, then kill what is left.
    if (launcher?.pid && launcher.exitCode === null && launcher.signalCode === null) {
      const below = descendantsOf(launcher.pid);
      launcher.kill('SIGINT');
      if (!(await waitForExit(EXIT_TIMEOUT_MS))) launcher.kill('SIGKILL');
      for (const pid of below) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 40_000);

  it(
    'becomes ready on its own',
    async () => {
      await waitFor(
        async () => (launcher.exitCode === null ? (await status(`${baseUrl}/health/ready`)) === 200 : true),
        READY_TIMEOUT_MS,
        'GET /health/ready answering 200',
      );
      if (launcher.exitCode !== null)
        throw new Error(`the launcher exited (${launcher.exitCode}):\n${output}`);
    },
    READY_TIMEOUT_MS + 10_000,
  );

  it('prints a generated first administrator that can sign in', async () => {
    // The banner comes once the launcher's own readiness poll succeeds, a moment after ours.
    const [, password] = await waitFor(
      () => /password:\s+(\S+)/.exec(output),
      10_000,
      'the credentials in the output',
    );
    const email = /e-mail:\s+(\S+)/.exec(output)?.[1];
    expect(email).toBe('admin@ocr.local');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(output).toContain('/api/docs');
    const file = join(dataDir, 'admin-credentials.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken?: unknown };
    expect(body.accessToken).toEqual(expect.any(String));
  });

  it(
    'stops everything on SIGINT, exits 0 and leaves no postgres behind',
    async () => {
      expect(processesMentioning(dataDir).length).toBeGreaterThan(0); // the embedded postgres runs
      launcher.kill('SIGINT');
      const ended = await waitForExit(EXIT_TIMEOUT_MS);
      expect(ended).toEqual({ code: 0, signal: null });
      expect(processesMentioning(dataDir)).toEqual([]);
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    },
    EXIT_TIMEOUT_MS + 5_000,
  );
});
