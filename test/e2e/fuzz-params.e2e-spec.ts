import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { MatrixFixtures } from '../support/authorization-matrix.js';
import { seedMatrixFixtures } from '../support/authz-fixtures.js';
import { dbFingerprinter } from '../support/db-fingerprint.js';
import { rawRequest } from '../support/authz-client.js';
import { FUZZ_SEED, FuzzLedger } from '../support/fuzz-harness.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { routeCatalogue, type CatalogueRoute } from '../support/route-catalogue.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

/** Requests per route that takes path parameters (about fifty routes today). */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 80);
const MIN_REQUESTS = 4500;

/** A good value for each path parameter, so that fuzzing one parameter reaches the code behind it. */
function worldValue(route: CatalogueRoute, param: string, f: MatrixFixtures): string {
  const p = route.path;
  switch (param) {
    case 'ref':
      return p.startsWith('/api/v1/animators') ? 'AN-A' : 'BRU-A';
    case 'equipmentRef':
      return 'EQ-A-1';
    case 'sessionRef':
      return 'TS-A-1';
    case 'week':
      return '2024-W10';
    case 'kind':
      return 'equipment';
    case 'scheme':
      return 'brussels-ocr';
    case 'version':
      return '2021';
    case 'code':
      return 'NO-SUCH-CODE';
    case 'id':
      if (p.includes('/funding/')) return f.fundingId;
      if (p.includes('/assignments/')) return f.assignmentId;
      if (p.startsWith('/api/v1/users/')) return f.spareUserId;
      if (p.startsWith('/api/v1/reports/') || p.startsWith('/api/v1/public/reports/')) return f.reportId;
      if (p.startsWith('/api/v1/label-evaluations/')) return f.evaluationId;
      if (p.startsWith('/api/v1/system/queue-probes/')) return f.queueProbeId;
      if (p.startsWith('/api/v1/reminders/')) return f.reminderId;
      return f.missingId;
    default:
      throw new Error(`fuzz: no world value for :${param} in ${route.key}: add one`);
  }
}

/** Path segments sent as they are: broken escapes, traversal, encoded NUL and separators. */
const RAW_SEGMENTS = [
  '%00',
  '%2F',
  '%2e%2e',
  '..',
  '%',
  '%%',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  'BRU-A%00',
  'BRU-A%0d%0aSet-Cookie:%20x=1',
  '%F0%9F%98%80',
];
/** Values sent URI-encoded: wrong types, bounds, weeks and dates that do not exist, injections. */
const NASTY_VALUES = [
  '0',
  '-1',
  '1e999',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  "' OR '1'='1",
  'x'.repeat(3000),
  '2024-W00',
  '2024-W54',
  '2024-W99',
  '0000-W01',
  '9999-W52',
  '2024-W1',
  '2024W10',
  '2024-02-30',
  '2026-02-29',
  '2147483648',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  '\u0000',
  '\ud800',
  '😀',
  'BRU-a',
  ' BRU-A',
  'bru-a',
];
const QUERY_NAMES = [
  'from',
  'to',
  'year',
  'page',
  'pageSize',
  'at',
  'on',
  'region',
  'format',
  'spaceRef',
  'near',
  'radiusKm',
  'separator',
  'dryRun',
  'lang',
  'months',
  'asOf',
  'unread',
  'week',
  'q',
  'entity',
  'spaceId',
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const safeEncode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate cannot be encoded: send its UTF-8 replacement bytes as a client would.
    return encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd'));
  }
};

const fuzzedValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES).map(safeEncode) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(safeEncode) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).map(safeEncode) },
);

const fuzzedQuery = fc.array(
  fc.tuple(fc.constantFrom(...QUERY_NAMES), fc.oneof(fuzzedValue, fc.constant(''))),
  { maxLength: 4 },
);

describe('fuzzing path and query parameters of every route (fast-check, seed 42)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let fixtures: MatrixFixtures;
  let ledger: FuzzLedger;
  let routes: CatalogueRoute[] = [];
  const perRoute: string[] = [];

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    fixtures = await seedMatrixFixtures(t, w);
    const ds = t.app.get(DataSource);
    ledger = await FuzzLedger.create(t.baseUrl, ds, t.db.url, await dbFingerprinter(ds));
    // Logging out would end the admin's session for the rest of the run; it has no parameters.
    routes = routeCatalogue(t.app).filter((r) => r.path.includes('/:'));
  }, 120_000);
  afterAll(async () => {
    console.log(`fuzz-params: ${ledger?.summary()}\n${perRoute.join('\n')}`);
    await ledger?.close();
    await t?.close();
  });

  it('answers the cases found by review with the error contract, naming the field', async () => {
    // The public list is asked anonymously, as the reviewer did; the rest as the admin.
    const send = (path: string) =>
      ledger.send(`known ${path.slice(0, 60)}`, {
        method: 'GET',
        path,
        token: path.startsWith('/api/v1/public/') ? undefined : w.tokens.admin,
      });
    const contract = (body: unknown) =>
      expect(body).toMatchObject({
        code: expect.stringMatching(/^[A-Z]+\.[A-Z_]+$/),
        correlationId: expect.any(String),
      });

    // A page so large that its offset was written 5e+21 reached PostgreSQL as a bigint (a 500).
    for (const list of [
      '/api/v1/spaces',
      '/api/v1/animators',
      '/api/v1/audit',
      '/api/v1/spaces/BRU-A/equipment',
      '/api/v1/spaces/BRU-A/funding',
      '/api/v1/public/spaces',
    ]) {
      const res = await send(`${list}?page=99999999999999999999`);
      expect({ list, status: res.status }).toEqual({ list, status: 400 });
      expect(res.json).toMatchObject({ code: 'VALIDATION.FAILED', details: [{ field: 'page' }] });
      expect((await send(`${list}?page=1000000`)).status).toBe(200);
    }

    // A date that does not exist reached PostgreSQL (a 500).
    const dates = await send('/api/v1/spaces/BRU-A/training-sessions?from=2026-02-30&to=2026-02-29');
    expect(dates.status).toBe(400);
    expect(dates.json.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['from', 'to']),
    );

    // The router's own refusals bypassed the contract and quoted the address.
    for (const path of [
      '/api/v1/spaces/%',
      '/api/v1/spaces/%ED%A0%80',
      '/labels/%ZZ/certificate',
      '/find/%',
    ]) {
      const res = await send(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      contract(res.json);
      expect(res.json.code).toBe('HTTP.BAD_URL');
      expect(res.text).not.toContain(path);
    }
    const long = await send(`/api/v1/spaces/${'x'.repeat(5000)}`);
    expect(long.status).toBe(414);
    contract(long.json);
    expect(long.json.code).toBe('HTTP.URI_TOO_LONG');
    expect(long.text).not.toContain('xxxx');
    const french = await rawRequest(t.baseUrl, {
      method: 'GET',
      path: '/api/v1/spaces/%',
      headers: { 'accept-language': 'fr' },
    });
    expect(french.json.message).toMatch(/adresse/);

    // A path parameter that is not a UUID is named, as DTO fields are.
    const user = await send('/api/v1/users/not-a-uuid');
    expect(user.status).toBe(400);
    expect(user.json).toMatchObject({ code: 'VALIDATION.FAILED', details: [{ field: 'id' }] });

    expect(ledger.findings()).toEqual([]);
    expect(await ledger.assertBaseline()).toEqual([]);
  });

  it('answers any parameter with a 4xx (or a plain answer) and changes nothing when it refuses', async () => {
    for (const route of routes) {
      const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const before = ledger.requests;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...params),
          fuzzedValue,
          fuzzedQuery,
          fc.boolean(),
          async (target, value, query, withBody) => {
            const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
              name === target ? value : encodeURIComponent(worldValue(route, name, fixtures)),
            );
            const search = query.map(([k, v]) => `${k}=${v}`).join('&');
            const write = route.method !== 'GET';
            await ledger.send(route.key, {
              method: route.method,
              path: search ? `${path}?${search}` : path,
              token: w.tokens.admin,
              body: write && withBody ? '{}' : undefined,
              contentType: write && withBody ? 'application/json' : undefined,
            });
          },
        ),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
      perRoute.push(`${route.key}: ${ledger.requests - before} requests`);
    }
    const drift = await ledger.assertBaseline();
    expect({ findings: ledger.findings(), drift }).toEqual({ findings: [], drift: [] });
    expect(ledger.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  }, 600_000);
});
