import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { routeCatalogue, type CatalogueRoute } from '../support/route-catalogue.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { cookiesOf, tokenIn } from '../support/page-session.js';

/**
 * The page forms with malformed input: every POST page route, signed in as an admin with a valid CSRF
 * token, gets each of its form's fields broken in turn (sent twice, too long, with NUL, with broken
 * Unicode, as a nested key) and some broken bodies. The pages must answer with a page (a field error, a
 * refusal or a redirect), never a 500. The JSON API has its own fuzzing (fuzz-json, fuzz-params); the
 * forms parse their bodies themselves and had none.
 */
describe('page forms with malformed input', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let cookies = '';
  let csrf = '';

  beforeAll(async () => {
    t = await startTestApi();
    world = await seedRegistryWorld(t);
    const page = await fetch(`${t.baseUrl}/login`);
    cookies = cookiesOf(page);
    csrf = tokenIn(await page.text());
    const res = await fetch(`${t.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({
        _csrf: csrf,
        email: 'world-admin@example.be',
        password: 'a long enough password',
      }).toString(),
    });
    expect(res.status).toBe(303);
    cookies = `${cookies}; ${cookiesOf(res)}`;
  });
  afterAll(() => t?.close());

  /** Path parameters of the seeded world; an unknown id still reaches the handler's own lookup. */
  function pathOf(route: CatalogueRoute): string {
    const missing = '00000000-0000-4000-8000-000000000000';
    return route.path
      .replace(':ref', world.spaces.A.ref)
      .replace(':equipmentRef', 'EQ-NONE')
      .replace(':id', route.path.startsWith('/admin/users') ? world.users.coordB : missing);
  }

  /**
   * The form's own fields with the values the page fills in (its inputs, the first choice of a list),
   * read from the page that shows it (the same address, or its parent), so that a broken field is
   * often the only thing wrong with the form and the case reaches the code behind the validation.
   */
  async function fieldsOf(path: string): Promise<Map<string, string>> {
    for (const candidate of [path, path.replace(/\/[^/]+$/, '')]) {
      const res = await fetch(`${t.baseUrl}${candidate}`, { headers: { cookie: cookies } });
      if (res.status !== 200) continue;
      const html = await res.text();
      const fields = new Map<string, string>();
      for (const [tag] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
        const name = /\bname="([^"]+)"/.exec(tag)?.[1];
        if (!name || name === '_csrf' || fields.has(name)) continue;
        const after = html.slice(html.indexOf(tag));
        const value = tag.startsWith('<select')
          ? (/<option[^>]*value="([^"]*)"/.exec(after)?.[1] ?? '')
          : (/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
        // An empty field gets a small number, which most of them take (visits, hours, quantities).
        fields.set(name, value.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&') || '1');
      }
      if (fields.size > 0) return fields;
    }
    return new Map(['name', 'week', 'visits', 'quantity', 'decision', 'email'].map((f) => [f, '1']));
  }

  const BROKEN_VALUES: Array<[string, (field: string) => string]> = [
    ['sent twice', (f) => `${f}=1&${f}=2`],
    ['10,000 characters', (f) => `${f}=${'9'.repeat(10_000)}`],
    ['a NUL byte', (f) => `${f}=a%00b`],
    ['broken UTF-8', (f) => `${f}=%ED%A0%80%C0%AF`],
    ['a broken escape', (f) => `${f}=%E0%A4%A`],
    ['a nested key', (f) => `${f}[a][b]=1`],
    ['a huge number', (f) => `${f}=1e400`],
    ['a negative number', (f) => `${f}=-1`],
    ['an empty value', (f) => `${f}=`],
  ];

  const BROKEN_BODIES: Array<[string, string, string]> = [
    ['an empty body', 'application/x-www-form-urlencoded', ''],
    [
      'a prototype key',
      'application/x-www-form-urlencoded',
      '__proto__[admin]=1&constructor[prototype][x]=1',
    ],
    ['JSON instead of a form', 'application/json', '{"_csrf":"TOKEN","week":[1,2],"name":{"a":1}}'],
    ['JSON that is not an object', 'application/json', '[1,2,3]'],
    ['broken JSON', 'application/json', '{"week":'],
    ['plain text', 'text/plain', 'week=1'],
  ];

  /** Sends one case; an answer of 500 or more is written down with what was sent. */
  function sender() {
    const failures: string[] = [];
    let requests = 0;
    const send = async (route: CatalogueRoute, path: string, type: string, body: string, what: string) => {
      requests += 1;
      const res = await fetch(`${t.baseUrl}${path}`, {
        method: route.method,
        redirect: 'manual',
        headers: { cookie: cookies, ...(route.method === 'GET' ? {} : { 'content-type': type }) },
        body: route.method === 'GET' ? undefined : body,
      });
      const text = await res.text();
      if (res.status >= 500) failures.push(`${route.key} with ${what}: ${res.status} ${text.slice(0, 200)}`);
    };
    return { send, failures, requests: () => requests };
  }

  const pageRoutes = (method: string) =>
    // Logging out would end the session the other cases use; its form has no field but the token.
    routeCatalogue(t.app).filter(
      (r) => r.method === method && !r.path.startsWith('/api/') && r.path !== '/logout',
    );

  // Thousands of requests one after another: 20 s alone, two minutes beside the other suites under CI.
  it('answers every broken form field and body of every page form without a server error', async () => {
    const routes = pageRoutes('POST');
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const { send, failures, requests } = sender();
    for (const route of routes) {
      const path = pathOf(route);
      const fields = await fieldsOf(path);
      const valid = (except: string) =>
        [...fields]
          .filter(([f]) => f !== except)
          .map(([f, v]) => `${encodeURIComponent(f)}=${encodeURIComponent(v)}`)
          .join('&');
      for (const field of fields.keys()) {
        for (const [what, broken] of BROKEN_VALUES) {
          const body = [`_csrf=${encodeURIComponent(csrf)}`, valid(field), broken(encodeURIComponent(field))]
            .filter(Boolean)
            .join('&');
          await send(route, path, 'application/x-www-form-urlencoded', body, `${field} ${what}`);
        }
      }
      for (const [what, type, body] of BROKEN_BODIES) {
        const withToken =
          type === 'application/x-www-form-urlencoded'
            ? `_csrf=${encodeURIComponent(csrf)}&${body}`
            : body.replace('TOKEN', csrf);
        await send(route, path, type, withToken, what);
      }
    }
    expect(failures).toEqual([]);
    expect(requests()).toBeGreaterThan(500);
    // The session survived every case: nothing above signed the admin out or broke the server.
    const after = await fetch(`${t.baseUrl}/admin`, { headers: { cookie: cookies }, redirect: 'manual' });
    expect(after.status).toBe(200);
  }, 600_000);

  /** The query parameters the pages read (`q`, `year`, `week`, …); any other is ignored or refused. */
  const PAGE_QUERY = [
    'q',
    'year',
    'week',
    'region',
    'page',
    'openNow',
    'at',
    'next',
    'lang',
    'kind',
    'space',
  ];

  it('answers every page with broken query parameters without a server error', async () => {
    const routes = pageRoutes('GET').filter(
      // Readiness answers 503 by design here: the tests run no worker.
      (r) => !r.path.startsWith('/admin/queues') && !r.path.startsWith('/health'),
    );
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const { send, failures, requests } = sender();
    for (const route of routes) {
      const path = pathOf(route);
      for (const name of PAGE_QUERY) {
        for (const [what, broken] of BROKEN_VALUES) {
          await send(route, `${path}?${broken(name)}`, '', '', `?${name} ${what}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests()).toBeGreaterThan(2000);
  }, 600_000);
});
