import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument } from '../../apps/api/src/openapi.js';
import type { MatrixFixtures } from '../support/authorization-matrix.js';
import { seedMatrixFixtures } from '../support/authz-fixtures.js';
import { dbFingerprinter } from '../support/db-fingerprint.js';
import { FUZZ_SEED, FuzzLedger } from '../support/fuzz-harness.js';
import { jsonWriteOperations, malformedBody, type JsonWriteOperation } from '../support/fuzz-schema.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

/** Requests per write endpoint; 20 endpoints today, so 5,000 in this file. */
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 250);
const MIN_REQUESTS = 5000;

/** The world's resource for each path parameter of a write endpoint. */
function concretePath(template: string, f: MatrixFixtures): string {
  const values: Record<string, string> = {
    ref: template.startsWith('/api/v1/animators') ? 'AN-A' : 'BRU-A',
    equipmentRef: 'EQ-A-1',
    sessionRef: 'TS-A-1',
    week: '2024-W11',
  };
  if (template.includes('/funding/')) values.id = f.fundingId;
  else if (template.includes('/assignments/')) values.id = f.assignmentId;
  else if (template.startsWith('/api/v1/users/')) values.id = f.spareUserId;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!values[name]) throw new Error(`fuzz: no value for {${name}} in ${template}: add one`);
    return encodeURIComponent(values[name]);
  });
}

/** The version a client would have read, so that some bodies get past the version check. */
function currentVersionSql(template: string, f: MatrixFixtures): string | null {
  const inA = `space_id = (SELECT id FROM spaces WHERE ref = 'BRU-A')`;
  if (/^\/api\/v1\/spaces\/\{ref\}(\/opening-hours)?$/.test(template))
    return `SELECT version FROM spaces WHERE ref = 'BRU-A'`;
  if (template.includes('/equipment/'))
    return `SELECT version FROM equipment WHERE ref = 'EQ-A-1' AND ${inA}`;
  if (template.includes('/funding/')) return `SELECT version FROM funding WHERE id = '${f.fundingId}'`;
  if (template.includes('/training-sessions/'))
    return `SELECT version FROM training_sessions WHERE ref = 'TS-A-1' AND ${inA}`;
  if (template.includes('/assignments/'))
    return `SELECT version FROM animator_assignments WHERE id = '${f.assignmentId}'`;
  if (template === '/api/v1/animators/{ref}') return `SELECT version FROM animators WHERE ref = 'AN-A'`;
  if (template.includes('/weeks/'))
    return `SELECT version FROM weekly_activity WHERE week = '2024-W11' AND ${inA}`;
  return null;
}

describe('fuzzing every JSON write endpoint from its OpenAPI schema (fast-check, seed 42)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let fixtures: MatrixFixtures;
  let ledger: FuzzLedger;
  let operations: JsonWriteOperation[] = [];
  const perEndpoint: string[] = [];

  beforeAll(async () => {
    // Login attempts are throttled per address and e-mail; the fuzzer is one address.
    t = await startTestApi({ extra: { LOGIN_ATTEMPTS_PER_MINUTE: '1000000' } });
    w = await seedRegistryWorld(t);
    fixtures = await seedMatrixFixtures(t, w);
    const ds = t.app.get(DataSource);
    ledger = await FuzzLedger.create(t.baseUrl, ds, t.db.url, await dbFingerprinter(ds));
    operations = jsonWriteOperations(buildOpenApiDocument(t.app));
  }, 120_000);
  afterAll(async () => {
    console.log(`fuzz-json: ${ledger?.summary()}\n${perEndpoint.join('\n')}`);
    await ledger?.close();
    await t?.close();
  });

  it('finds the write endpoints in the OpenAPI document', () => {
    const keys = operations.map((o) => `${o.method} ${o.template}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/v1/spaces',
        'PATCH /api/v1/spaces/{ref}',
        'PUT /api/v1/spaces/{ref}/weeks/{week}',
        'POST /api/v1/animators',
        'POST /api/v1/users',
        'POST /api/v1/reports',
        'POST /api/v1/labels/{ref}/decisions',
      ]),
    );
    expect(operations.length * RUNS_PER_ENDPOINT).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });

  it('answers the bodies found by review with a 400 naming the field, and changes nothing', async () => {
    const send = (method: string, path: string, body: unknown, token: string | undefined = w.tokens.admin) =>
      ledger.send(`known ${method} ${path}`, {
        method,
        path,
        token,
        body: typeof body === 'string' ? body : JSON.stringify(body),
        contentType: 'application/json',
      });
    const fields = (res: { json: any }) => (res.json?.details ?? []).map((d: { field: string }) => d.field);
    const BIG = 2 ** 31;

    // Nested ~3,000 deep (15 KB) overflowed the stack of the text check before sign-in.
    const deep = (key: string, depth: number) => `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`;
    const login = await send('POST', '/api/v1/auth/login', deep('email', 3000), undefined);
    expect(login.status).toBe(400);
    expect(login.json).toMatchObject({ code: 'VALIDATION.TOO_DEEP', correlationId: expect.any(String) });
    const week = await send('PUT', '/api/v1/spaces/BRU-A/weeks/2024-W12', deep('visits', 50_000));
    expect(week.json).toMatchObject({ code: 'VALIDATION.TOO_DEEP' });
    const arrays = await send('POST', '/api/v1/spaces', `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(arrays.status).toBe(400);

    // Whole numbers of 2^31 and more passed validation and overflowed PostgreSQL's integer columns.
    const counts = [
      'visits',
      'visitsIctLearning',
      'visitsJobSearch',
      'visitsLeisureCulture',
      'visitsHousingElearning',
      'visitsAdministrative',
      'visitorsWomen',
      'visitorsJobSeekers',
      'visitorsSeniors',
      'visitorsYouth',
      'mobileActions',
    ];
    const weekBody = Object.fromEntries(counts.map((field) => [field, BIG]));
    const weeks = await send('PUT', '/api/v1/spaces/BRU-A/weeks/2024-W12', {
      openingHours: 10,
      animatorHours: 1_000_000,
      ...weekBody,
    });
    expect(weeks.status).toBe(400);
    expect(fields(weeks).sort()).toEqual([...counts, 'animatorHours'].sort());

    const session = {
      ref: 'TS-BIG',
      date: '2026-02-29',
      title: 'Too many',
      theme: 'other',
      format: 'workshop',
      durationHours: 1,
      participants: BIG,
      newParticipants: BIG,
    };
    const created = await send('POST', '/api/v1/spaces/BRU-A/training-sessions', session);
    expect(created.status).toBe(400);
    expect(fields(created).sort()).toEqual(['date', 'newParticipants', 'participants']);
    const patched = await send('PATCH', '/api/v1/spaces/BRU-A/training-sessions/TS-A-1', {
      date: '2026-02-29',
      participants: BIG,
      version: 1,
    });
    expect(patched.status).toBe(400);
    expect(fields(patched).sort()).toEqual(['date', 'participants']);

    expect(ledger.findings()).toEqual([]);
    expect(await ledger.assertBaseline()).toEqual([]);
  });

  it('answers every malformed body with a 4xx and changes nothing', async () => {
    const doc = buildOpenApiDocument(t.app);
    for (const op of operations) {
      const endpoint = `${op.method} ${op.template}`;
      const path = concretePath(op.template, fixtures);
      const versionSql = currentVersionSql(op.template, fixtures);
      const before = ledger.requests;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(malformedBody(doc, op.schema), fc.boolean(), async (body, useCurrentVersion) => {
          if (body.kind === 'json') {
            const value = body.value as Record<string, unknown> | null;
            if (versionSql && useCurrentVersion && value && typeof value === 'object' && 'version' in value) {
              value.version = (await w.sql<{ version: number }>(versionSql))[0]?.version ?? 1;
            }
          }
          await ledger.send(endpoint, {
            method: op.method,
            path,
            token: w.tokens.admin,
            body: body.kind === 'json' ? JSON.stringify(body.value) : body.text,
            contentType: body.kind === 'json' ? 'application/json' : body.contentType,
          });
        }),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_ENDPOINT, endOnFailure: true },
      );
      perEndpoint.push(
        `${endpoint}: ${ledger.requests - before} requests in ${Math.round(performance.now() - started)} ms`,
      );
    }
    const drift = await ledger.assertBaseline();
    expect({ findings: ledger.findings(), drift }).toEqual({ findings: [], drift: [] });
    expect(ledger.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  }, 600_000);
});
