import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateEnvironment } from './environment.js';

// Docker does not run on the build machine, so the compose file's environment is checked here: the
// variables it passes to the app containers must be ones the app reads, and must boot as the user's
// shell would fill them (nothing set but the required ones, or everything set).

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const environmentSource = readFileSync(join(root, 'libs/core/src/config/environment.ts'), 'utf8');

const APP_SERVICES = ['migrate', 'api', 'worker'];

/** `KEY: value` lines of the app environments: the shared anchor and each app service's own. */
function appEnvironment(): Record<string, string> {
  const entries: Record<string, string> = {};
  let inEnvironment = false;
  let service = '';
  for (const line of compose.split('\n')) {
    service = /^ {2}([a-z-]+):\s*$/.exec(line)?.[1] ?? service;
    if (/^x-app-env:/.test(line) || (/^\s{4}environment:\s*$/.test(line) && APP_SERVICES.includes(service))) {
      inEnvironment = true;
      continue;
    }
    const entry = /^\s+([A-Z][A-Z0-9_]*):\s*(.*)$/.exec(line);
    if (inEnvironment && entry) entries[entry[1]] = entry[2];
    else if (inEnvironment && !/^\s+(<<:|#)/.test(line)) inEnvironment = false;
  }
  return entries;
}

/** Replaces `${VAR}`, `${VAR:-default}` and `${VAR:?message}` as the shell environment `shell` would. */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, kind?: string, rest?: string) =>
      shell[name] !== undefined && shell[name] !== '' ? shell[name] : kind === '-' ? (rest ?? '') : '',
  );
}

const app = appEnvironment();
const known = new Set([...environmentSource.matchAll(/^ {2}([A-Z][A-Z0-9_]*)\??\s*[:=]/gm)].map((m) => m[1]));

describe('docker-compose.yml', () => {
  it('passes the app the database, Redis, first admin and optional settings', () => {
    for (const name of [
      'DATABASE_URL',
      'REDIS_URL',
      'ADMIN_EMAIL',
      'ADMIN_PASSWORD',
      'SMTP_URL',
      'MAIL_FROM',
    ]) {
      expect(Object.keys(app)).toContain(name);
    }
  });

  it('passes only variables the app reads', () => {
    expect(known.size).toBeGreaterThan(15);
    expect(Object.keys(app).filter((name) => !known.has(name))).toEqual([]);
  });

  it('boots with only the required variables set, every optional one empty', () => {
    const shell = { POSTGRES_PASSWORD: 'a1b2c3' };
    const env = validateEnvironment(
      Object.fromEntries(Object.entries(app).map(([name, value]) => [name, interpolate(value, shell)])),
    );
    expect(env.DATABASE_URL).toBe('postgres://ocr:a1b2c3@postgres:5432/ocr');
    expect(env).toMatchObject({ LOG_LEVEL: 'info', SESSION_TTL_MINUTES: 480, NODE_ENV: 'production' });
    expect(env.SMTP_URL).toBeUndefined();
  });

  it('boots with the optional variables set, and passes them on', () => {
    const shell = {
      POSTGRES_PASSWORD: 'a1b2c3',
      SMTP_URL: 'smtp://mail.example.be:25',
      MAIL_FROM: 'ocr@example.be',
      PUBLIC_BASE_URL: 'https://ocr.example.be',
      LOG_LEVEL: 'warn',
      SESSION_TTL_MINUTES: '60',
    };
    const env = validateEnvironment(
      Object.fromEntries(Object.entries(app).map(([name, value]) => [name, interpolate(value, shell)])),
    );
    expect(env).toMatchObject({
      SMTP_URL: 'smtp://mail.example.be:25',
      MAIL_FROM: 'ocr@example.be',
      LOG_LEVEL: 'warn',
      SESSION_TTL_MINUTES: 60,
    });
    expect(env.publicBaseUrl).toBe('https://ocr.example.be');
  });

  /** The lines of one service's block. */
  const serviceBlock = (name: string) =>
    new RegExp(`^ {2}${name}:\\s*\\n((?: {4}.*\\n|\\s*\\n)*)`, 'm').exec(compose)?.[1] ?? '';

  it('starts each app with a script the build makes, from a source that exists', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const apiCommand = /^CMD \["node", "([^"]+)"\]/m.exec(dockerfile)?.[1];
    const scripts = [
      ['migrate', /command: \['node', '([^']+)', 'migrate'\]/.exec(serviceBlock('migrate'))?.[1]],
      ['worker', /command: \['node', '([^']+)'\]/.exec(serviceBlock('worker'))?.[1]],
      ['api', serviceBlock('api').includes('command:') ? undefined : apiCommand],
    ];
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const [service, script] of scripts) {
      expect([service, script]).toEqual([service, expect.stringMatching(/^dist\/.+\.js$/)]);
      // tsc writes dist/<path>.js from <path>.ts; package.json starts the same files outside Docker.
      const source = join(root, script!.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
      expect([service, readFileSync(source, 'utf8').length > 0]).toEqual([service, true]);
      expect(Object.values(packageJson.scripts).some((s) => s.includes(`node ${script}`))).toBe(true);
    }
  });

  it("publishes the API's port, the one the image's health check probes", () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(serviceBlock('api')).toContain(`- '3000:3000'`);
    expect(serviceBlock('api')).not.toMatch(/PORT:/);
    expect(validateEnvironment({}).PORT).toBe(3000);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    expect(dockerfile).toContain('/health/live');
  });

  it('gives the worker, where Chromium renders the PDF reports, more than 64 MB of /dev/shm', () => {
    const size = /^ {4}shm_size: (\d+)mb$/m.exec(serviceBlock('worker'))?.[1];
    expect(Number(size)).toBeGreaterThanOrEqual(256);
  });
});
