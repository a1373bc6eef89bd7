import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { distPath, freePort, startServer, type ServerProcess } from '../child-process.js';
import { cpuSecondsOf, memoryOf, resetPeak, sampleRss } from '../process-memory.js';
import { check, result, type ScenarioResult, type Scenario, type ScenarioContext } from '../scenario.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_EMAIL = 'bench-admin@ocr.local';
const ADMIN_PASSWORD = 'bench-password-0123456789';

interface Load {
  requests: number;
  seconds: number;
  p99: number;
  errors: number;
  /** CPU seconds the server used during the counted run (user + system). */
  cpuSeconds: number;
}

/**
 * autocannon over a rotating list of paths (one per request, round robin over all connections), and the
 * CPU the server used meanwhile: on a shared 2-CPU machine, CPU per request drifts less than requests
 * per second, because the server's share of the CPUs varies with whatever else runs.
 */
async function load(
  server: ServerProcess,
  paths: string[],
  ctx: ScenarioContext,
  headers: Record<string, string> = {},
): Promise<Load> {
  const baseUrl = server.baseUrl;
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: baseUrl,
      connections: ctx.config.connections,
      duration,
      headers,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    });
  await run(Math.min(3, Math.max(1, Math.round(ctx.config.durationSeconds / 4))));
  const cpuBefore = cpuSecondsOf(server.pid) ?? NaN;
  const r = await run(ctx.config.durationSeconds);
  const cpuSeconds = (cpuSecondsOf(server.pid) ?? NaN) - cpuBefore;
  return {
    cpuSeconds,
    requests: r.requests.total,
    seconds: r.duration,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** Rounds summed: requests over seconds; the worst p99; all errors; CPU per request. */
function combine(loads: Load[]): Load & { rps: number; cpuMicrosPerRequest: number } {
  const requests = loads.reduce((n, l) => n + l.requests, 0);
  const seconds = loads.reduce((n, l) => n + l.seconds, 0);
  const cpuSeconds = loads.reduce((n, l) => n + l.cpuSeconds, 0);
  return {
    requests,
    seconds,
    cpuSeconds,
    cpuMicrosPerRequest: requests > 0 ? (cpuSeconds * 1e6) / requests : NaN,
    rps: requests / seconds,
    p99: Math.max(...loads.map((l) => l.p99)),
    errors: loads.reduce((n, l) => n + l.errors, 0),
  };
}

/**
 * (3) `GET /api/v1/spaces/{ref}` (signed in as an admin) and the public finder by postcode, the real API
 * from dist against a bare Fastify + pg server running the same SQL (bench/floor-server.ts).
 */
export const apiScenario: Scenario = {
  id: 'api',
  title: 'API reads under load vs bare Fastify + pg',
  status: 'ready',
  async run(ctx) {
    const world = await ctx.world();
    const today = new Date(ctx.config.today + 'T00:00:00Z');
    const active = world.spaces.filter((s) => s.openedOn <= today && s.closedOn === null);
    // Every other active space, and every postcode that has one: a spread of hits over the table.
    const refs = active.filter((_, i) => i % 2 === 0).map((s) => s.ref);
    const postcodes = [...new Set(active.map((s) => s.postcode))];
    const floor = await startServer(
      distPath('bench', 'floor-server.js'),
      { DATABASE_URL: world.url },
      await freePort(),
      '/health',
    );
    let api: ServerProcess | null = null;
    let nest: ServerProcess | null = null;
    try {
      nest = await startServer(
        distPath('bench', 'nest-floor-server.js'),
        { DATABASE_URL: world.url },
        await freePort(),
        '/health',
      );
      api = await startServer(
        distPath('apps', 'api', 'src', 'main.js'),
        {
          DATABASE_URL: world.url,
          REDIS_URL,
          QUEUE_PREFIX: 'ocrbench',
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          ADMIN_EMAIL,
          ADMIN_PASSWORD,
          OCR_SERVICE_NAME: 'bench-api',
        },
        await freePort(),
        '/health/live',
      );
      const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      });
      if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const auth = { authorization: `Bearer ${accessToken}` };
      // The target bounds the API's memory under the read load. Booting and the one sign-in come before
      // it: argon2id verifies a password with 64 MB of its own, which the kernel's peak mark would keep.
      const peakBeforeLoad = memoryOf(api.pid)?.peakMb ?? NaN;
      const peakMarkReset = resetPeak(api.pid);
      const rss = sampleRss(api.pid, 100);

      const results: ScenarioResult[] = [];
      const endpoints: Array<
        [name: string, apiPaths: string[], floorPaths: string[], headers: Record<string, string>]
      > = [
        [
          'GET /api/v1/spaces/{ref}',
          refs.map((r) => `/api/v1/spaces/${r}`),
          refs.map((r) => `/spaces/${r}`),
          auth,
        ],
        [
          'GET /api/v1/public/spaces?postcode=…',
          postcodes.map((p) => `/api/v1/public/spaces?postcode=${p}`),
          postcodes.map((p) => `/public/spaces?postcode=${p}`),
          {},
        ],
      ];
      for (const [name, apiPaths, floorPaths, headers] of endpoints) {
        // Floor and API alternate, so that a change of load on a shared machine hits both alike.
        const floorLoads: Load[] = [];
        const nestLoads: Load[] = [];
        const apiLoads: Load[] = [];
        const loadBefore = loadavg()[0];
        for (let round = 0; round < ctx.config.rounds; round++) {
          floorLoads.push(await load(floor, floorPaths, ctx));
          nestLoads.push(await load(nest, floorPaths, ctx));
          apiLoads.push(await load(api, apiPaths, ctx, headers));
        }
        const loadAfter = loadavg()[0];
        const bare = combine(floorLoads);
        const framework = combine(nestLoads);
        const real = combine(apiLoads);
        const micros = (l: { cpuMicrosPerRequest: number }) => Math.round(l.cpuMicrosPerRequest);
        results.push(
          result({
            scenario: 'api',
            name,
            figure: { label: 'API (NestJS, dist)', value: real.rps, unit: 'req/s' },
            floor: { label: 'bare Fastify + pg', value: bare.rps, unit: 'req/s' },
            target: { kind: 'min', value: 0.75, text: '≥ 75 % of the floor' },
            checks: [
              check('p99 latency', real.p99, 'ms', 'max', 50),
              check('errors', real.errors, '', 'max', 0),
            ],
            notes: [
              `${ctx.config.connections} connections, ${ctx.config.rounds} × ${ctx.config.durationSeconds} s each; ` +
                `${real.requests} requests (floor ${bare.requests}); p99 ${real.p99} ms (floor ${bare.p99} ms); ` +
                `floor errors ${bare.errors}`,
              `server CPU per request: API ${micros(real)} µs, floor ${micros(bare)} µs ` +
                `(${((bare.cpuMicrosPerRequest / real.cpuMicrosPerRequest) * 100).toFixed(1)} % by CPU)`,
              `NestJS yardstick (bench/nest-floor-server.ts: NestJS + Fastify, same repositories, none of the ` +
                `API's plumbing; no target): ${Math.round(framework.rps)} req/s ` +
                `(${((framework.rps / bare.rps) * 100).toFixed(1)} % of the floor), ${micros(framework)} µs CPU per request, ` +
                `p99 ${framework.p99} ms, ${framework.errors} errors`,
              `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} CPUs`,
              `${apiPaths.length} distinct paths, round robin`,
            ],
          }),
        );
      }
      const peakSampled = rss.stop();
      // Without the reset (a kernel that refuses it) the mark still holds the sign-in: samples only.
      const peak = Math.max(peakSampled, peakMarkReset ? (memoryOf(api.pid)?.peakMb ?? 0) : 0);
      for (const r of results) {
        r.checks.push(check('API peak RSS', peak, 'MB', 'max', 250));
        r.notes.push(
          `API RSS: peak ${Math.round(peak)} MB under the read load (${peakMarkReset ? "kernel's peak mark reset after sign-in, and" : ''} ` +
            `sampled every 100 ms); ${Math.round(peakBeforeLoad)} MB peak before it (boot and one sign-in, argon2id with 64 MB)`,
        );
      }
      for (const r of results) r.pass = r.pass && r.checks.every((c) => c.pass);
      return results;
    } finally {
      await api?.stop();
      await nest?.stop();
      await floor.stop();
    }
  },
};
