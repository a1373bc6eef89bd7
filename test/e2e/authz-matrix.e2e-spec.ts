import { DataSource } from 'typeorm';
import {
  CALLERS,
  MATRIX,
  isPageRoute,
  resolvePath,
  verdictOf,
  type CallContext,
  type Caller,
  type MatrixFixtures,
  type MatrixLine,
  type Verdict,
} from '../support/authorization-matrix.js';
import { csrfPair, rawRequest, type RawAnswer } from '../support/authz-client.js';
import { seedMatrixFixtures } from '../support/authz-fixtures.js';
import { changedTables, dbFingerprinter, type DbFingerprinter } from '../support/db-fingerprint.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { routeCatalogue } from '../support/route-catalogue.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

const PASSWORD = 'a long enough password';
const EMAILS: Partial<Record<Caller, string>> = {
  coordA: 'coord-a@example.be',
  coordB: 'coord-b@example.be',
  staffBRU: 'staff-bru@example.be',
  staffWAL: 'staff-wal@example.be',
  admin: 'world-admin@example.be',
};

interface MatrixCase {
  name: string;
  line: MatrixLine;
  caller: Caller;
  verdict: Verdict;
}

// Every line × every caller. Denied callers run first, on the untouched world; allowed callers
// after them (their writes are made harmless by the matrix: missing children, a space in use).
const ALL_CASES: MatrixCase[] = MATRIX.flatMap((line) =>
  CALLERS.map((caller) => ({ line, caller, verdict: verdictOf(line.access, caller) })),
).map((c) => ({ ...c, name: `${c.line.route} as ${c.caller} (${c.line.access}) is ${c.verdict}` }));
const DENIED = ALL_CASES.filter((c) => c.verdict !== 'allow');
const ALLOWED = ALL_CASES.filter((c) => c.verdict === 'allow');

describe('authorization matrix (every route × 7 callers, real HTTP, real PostgreSQL)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let fixtures: MatrixFixtures;
  let fingerprint: DbFingerprinter;
  let csrf: { cookie: string; token: string };
  let tokens: Record<Caller, string | undefined>;
  const observed: string[] = [];

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t, { disabledCoordinator: true });
    fixtures = await seedMatrixFixtures(t, w);
    fingerprint = await dbFingerprinter(t.app.get(DataSource));
    csrf = await csrfPair(t.baseUrl);
    tokens = {
      anonymous: undefined,
      disabled: w.disabled!.token,
      coordA: w.tokens.coordA,
      coordB: w.tokens.coordB,
      staffBRU: w.tokens.staffBRU,
      staffWAL: w.tokens.staffWAL,
      admin: w.tokens.admin,
    };
  }, 120_000);
  afterAll(async () => {
    if (process.env.AUTHZ_REPORT) console.log(observed.join('\n'));
    await t?.close();
  });

  async function tokenFor(c: MatrixCase): Promise<string | undefined> {
    if (!c.line.freshSession || c.verdict !== 'allow') return tokens[c.caller];
    // The call ends the session: sign in again, so the world's own token stays valid.
    const res = await api(t.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: EMAILS[c.caller], password: PASSWORD },
    });
    if (res.status !== 200) throw new Error(`fresh login of ${c.caller} failed: ${res.status}`);
    return res.body.accessToken;
  }

  async function call(c: MatrixCase): Promise<RawAnswer> {
    const { line } = c;
    const ctx: CallContext = { caller: c.caller, fixtures, sql: w.sql };
    const body = typeof line.body === 'function' ? await line.body(ctx) : line.body;
    const [method] = line.route.split(' ');
    let path = resolvePath(line.path, fixtures);
    const page = isPageRoute(line.route);
    const token = await tokenFor(c);
    const cookies: Record<string, string> = page ? { ocr_csrf: csrf.cookie } : {};
    let payload: string | URLSearchParams | FormData | undefined;
    let contentType: string | undefined;
    switch (line.send ?? 'json') {
      case 'json':
        if (body !== undefined) {
          payload = JSON.stringify(body);
          contentType = 'application/json';
        }
        break;
      case 'csv':
        payload = body as string;
        contentType = 'text/csv';
        break;
      case 'form':
        payload = new URLSearchParams({ ...(body as Record<string, string>), _csrf: csrf.token });
        break;
      case 'multipart': {
        const { kind, csv } = body as { kind: string; csv: string };
        const form = new FormData();
        form.append('kind', kind);
        form.append('file', new Blob([csv], { type: 'text/csv' }), 'matrix.csv');
        payload = form;
        path += `${path.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrf.token)}`;
        break;
      }
    }
    return rawRequest(t.baseUrl, {
      method,
      path,
      token,
      asCookie: page,
      cookies,
      body: payload,
      contentType,
    });
  }

  const describeAnswer = (c: MatrixCase, res: RawAnswer) =>
    `${c.name}: answered ${res.status} ${res.headers.get('location') ?? ''} ${res.text.slice(0, 300)}`;

  it('describes every route of the router, and no route the router lacks', () => {
    const routes = routeCatalogue(t.app).map((r) => r.key);
    const described = MATRIX.map((l) => l.route);
    expect(routes.filter((r) => !described.includes(r))).toEqual([]);
    expect(described.filter((r) => !routes.includes(r))).toEqual([]);
    expect(new Set(described).size).toBe(described.length);
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(300);
  });

  it('matches the @Access of each route: public lines are exactly the public routes', () => {
    // A guard with roles null admits everyone; the matrix must not call such a route restricted,
    // nor call a restricted route public.
    for (const route of routeCatalogue(t.app)) {
      const line = MATRIX.find((l) => l.route === route.key);
      if (!line) continue;
      expect({ route: route.key, public: route.access?.roles === null }).toEqual({
        route: route.key,
        public: line.access === 'public',
      });
    }
  });

  describe('denied callers get 401/403 (or the route’s own refusal) and change nothing', () => {
    it.each(DENIED)('$name', async (c) => {
      const before = await fingerprint.take();
      const res = await call(c);
      const after = await fingerprint.take();
      observed.push(`${c.name}: ${res.status}`);
      const page = isPageRoute(c.line.route);
      const context = describeAnswer(c, res);
      if (c.verdict === 'unauthenticated') {
        if (page) {
          expect({
            context,
            status: res.status,
            toLogin: res.headers.get('location')?.startsWith('/login?next='),
          }).toEqual({ context, status: 303, toLogin: true });
        } else {
          expect({ context, status: res.status, code: res.json?.code }).toEqual({
            context,
            status: 401,
            code: 'AUTH.UNAUTHENTICATED',
          });
        }
      } else {
        expect({ context, status: res.status }).toEqual({ context, status: c.line.outOfScope ?? 403 });
      }
      expect({ context, changed: changedTables(before, after) }).toEqual({ context, changed: [] });
    });
  });

  describe('allowed callers are let through and never get a server error', () => {
    it.each(ALLOWED)('$name', async (c) => {
      const res = await call(c);
      observed.push(`${c.name}: ${res.status}`);
      const context = describeAnswer(c, res);
      const refused = res.status === 401 || res.status === 403;
      const serverError = res.status >= 500 && !(c.line.alsoAllowed ?? []).includes(res.status);
      const sentToLogin = res.status === 303 && !!res.headers.get('location')?.startsWith('/login?next=');
      expect({ context, refused, serverError, sentToLogin }).toEqual({
        context,
        refused: false,
        serverError: false,
        sentToLogin: false,
      });
    });
  });
});
