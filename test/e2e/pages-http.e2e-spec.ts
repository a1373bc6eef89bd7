import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';
import { cookiesOf, tokenIn } from '../support/page-session.js';

/** The pages over plain HTTP: redirects, CSRF and access, without a browser. */
describe('pages over HTTP', () => {
  let t: TestApi;
  let world: RegistryWorld;

  beforeAll(async () => {
    t = await startTestApi();
    world = await seedRegistryWorld(t);
  });
  afterAll(() => t?.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  async function signedIn(email: string) {
    const page = await fetch(`${t.baseUrl}/login`);
    let cookies = cookiesOf(page);
    const csrf = tokenIn(await page.text());
    const res = await fetch(`${t.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: form({ _csrf: csrf, email, password: 'a long enough password', next: '/my-spaces' }),
    });
    expect(res.status).toBe(303);
    cookies = `${cookies}; ${cookiesOf(res)}`;
    return { cookies, csrf };
  }

  it('sends a signed-out visitor to the login page, then back', async () => {
    const res = await fetch(`${t.baseUrl}/spaces/BRU-A/week`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fspaces%2FBRU-A%2Fweek');
  });

  it('refuses a form POST without the CSRF token, and with a token of another visitor', async () => {
    const { cookies, csrf } = await signedIn('coord-a@example.be');
    const body = { week: '2026-W05', openingHours: '10', visits: '20' };
    const before = await world.sql(`SELECT count(*)::int AS n FROM weekly_activity`);

    const missing = await fetch(`${t.baseUrl}/spaces/BRU-A/week`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: form(body),
    });
    expect(missing.status).toBe(403);
    expect(missing.headers.get('content-type')).toContain('text/html');

    const other = await fetch(`${t.baseUrl}/login`);
    const foreign = tokenIn(await other.text());
    expect(foreign).not.toBe('');
    const wrong = await fetch(`${t.baseUrl}/spaces/BRU-A/week`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookies.replace(/ocr_csrf=[^;]+/, 'ocr_csrf=forged'),
      },
      body: form({ ...body, _csrf: csrf }),
    });
    expect(wrong.status).toBe(403);
    expect(await world.sql(`SELECT count(*)::int AS n FROM weekly_activity`)).toEqual(before);

    const ok = await fetch(`${t.baseUrl}/spaces/BRU-A/week`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: form({ ...body, _csrf: csrf }),
    });
    expect(ok.status).toBe(303);
    expect(
      await world.sql(
        `SELECT opening_hours::float AS h, visits FROM weekly_activity WHERE week = '2026-W05'`,
      ),
    ).toEqual([{ h: 10, visits: 20 }]);
  });

  it('saves nothing when the posted week is missing or no real week, instead of using the default week', async () => {
    const { cookies, csrf } = await signedIn('coord-a@example.be');
    const before = await world.sql(`SELECT week, visits, version FROM weekly_activity ORDER BY week`);
    for (const week of [undefined, '2025-W53']) {
      const res = await fetch(`${t.baseUrl}/spaces/BRU-A/week?lang=en`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: form({ ...(week && { week }), openingHours: '3', visits: '4', _csrf: csrf }),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('We could not tell which week this is, so nothing was saved.');
    }
    expect(await world.sql(`SELECT week, visits, version FROM weekly_activity ORDER BY week`)).toEqual(
      before,
    );
  });

  describe('the week form and a save made by someone else after it was opened', () => {
    const versionIn = (html: string) => /name="version" value="([^"]*)"/.exec(html)?.[1];
    const stored = (week: string) =>
      world.sql(
        `SELECT wa.opening_hours::float AS h, wa.visits, wa.version FROM weekly_activity wa
         JOIN spaces s ON s.id = wa.space_id WHERE s.ref = 'BRU-A' AND wa.week = $1`,
        [week],
      );
    // One sign-in for these tests: the login form counts every attempt (10 a minute per e-mail).
    let session: Promise<{ cookies: string }> | undefined;
    async function open(week: string, lang = 'en') {
      const { cookies } = await (session ??= signedIn('coord-a@example.be'));
      const page = await fetch(`${t.baseUrl}/spaces/BRU-A/week?week=${week}&lang=${lang}`, {
        headers: { cookie: cookies },
      });
      expect(page.status).toBe(200);
      const html = await page.text();
      return { cookies, csrf: tokenIn(html), version: versionIn(html) };
    }
    const submit = (opened: { cookies: string; csrf: string }, fields: Record<string, string>, lang = 'en') =>
      fetch(`${t.baseUrl}/spaces/BRU-A/week?lang=${lang}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: opened.cookies },
        body: form({ ...fields, _csrf: opened.csrf }),
      });
    const putByColleague = (week: string, body: Record<string, unknown>) =>
      api(t.baseUrl, 'PUT', `/api/v1/spaces/BRU-A/weeks/${week}`, { token: world.tokens.coordA, body });

    it('refuses a stale correction with 409, keeps what was typed, shows what is stored, then saves', async () => {
      const week = '2026-W06';
      expect((await putByColleague(week, { openingHours: 10, visits: 20 })).status).toBe(201);
      const opened = await open(week);
      expect(opened.version).toBe('1');
      expect((await putByColleague(week, { openingHours: 12, visits: 33 })).status).toBe(200);

      const stale = await submit(opened, {
        week,
        version: opened.version!,
        openingHours: '11',
        visits: '25',
      });
      expect(stale.status).toBe(409);
      const html = await stale.text();
      expect(html).toContain('Someone else saved this week while you were filling it in');
      expect(html).toMatch(/id="stored-now"[\s\S]*<dt>Visits<\/dt>\s*<dd>33<\/dd>/);
      expect(html).toMatch(/name="visits"[^>]*value="25"|value="25"[^>]*name="visits"/);
      expect(versionIn(html)).toBe('2');
      expect(await stored(week)).toEqual([{ h: 12, visits: 33, version: 2 }]);

      // Saving again from that page, having seen the other save, replaces it.
      const again = await submit(
        { cookies: opened.cookies, csrf: tokenIn(html) },
        { week, version: versionIn(html)!, openingHours: '11', visits: '25' },
      );
      expect(again.status).toBe(303);
      expect(await stored(week)).toEqual([{ h: 11, visits: 25, version: 3 }]);
    });

    it('refuses to overwrite a week created by someone else after an empty form was opened, in NL and FR too', async () => {
      for (const [week, lang, words] of [
        ['2026-W07', 'nl', 'Iemand anders heeft deze week bewaard'],
        ['2026-W08', 'fr', 'Quelqu’un d’autre a enregistré cette semaine'],
      ] as const) {
        const opened = await open(week, lang);
        expect(opened.version).toBe('0');
        expect((await putByColleague(week, { openingHours: 8, visits: 9 })).status).toBe(201);
        const stale = await submit(opened, { week, version: '0', openingHours: '30', visits: '40' }, lang);
        expect(stale.status).toBe(409);
        expect((await stale.text()).replace(/&#x27;|&#39;|'/g, '’')).toContain(words);
        expect(await stored(week)).toEqual([{ h: 8, visits: 9, version: 1 }]);
      }
      // Nobody else in between: the empty form creates the week.
      const opened = await open('2026-W09');
      const fresh = await submit(opened, {
        week: '2026-W09',
        version: opened.version!,
        openingHours: '30',
        visits: '40',
      });
      expect(fresh.status).toBe(303);
      expect(await stored('2026-W09')).toEqual([{ h: 30, visits: 40, version: 1 }]);
    });

    it('refuses hours with more than 2 decimals with a field error, as the API does, and stores nothing', async () => {
      const opened = await open('2026-W13');
      for (const [lang, words] of [
        ['en', 'at most 2 decimals'],
        ['nl', 'hoogstens 2 decimalen'],
      ] as const) {
        const res = await submit(
          opened,
          { week: '2026-W13', version: opened.version!, openingHours: '10,0051', visits: '5' },
          lang,
        );
        expect(res.status).toBe(400);
        const html = await res.text();
        expect(html).toMatch(
          new RegExp(`id="field-openingHours-error"[^<]*<span[^>]*>[^<]*</span>[^<]*${words}`),
        );
      }
      expect(await stored('2026-W13')).toEqual([]);
    });
  });

  it("shows a coordinator's own space and refuses another's with a page, not JSON", async () => {
    const { cookies } = await signedIn('coord-a@example.be');
    const mine = await fetch(`${t.baseUrl}/my-spaces`, { headers: { cookie: cookies } });
    const html = await mine.text();
    expect(html).toContain('BRU-A');
    expect(html).not.toContain('BRU-B');
    const theirs = await fetch(`${t.baseUrl}/spaces/BRU-B/week?lang=en`, { headers: { cookie: cookies } });
    expect(theirs.status).toBe(403);
    expect(await theirs.text()).toContain('No access');
    const unknown = await fetch(`${t.baseUrl}/spaces/NOPE/week?lang=en`, { headers: { cookie: cookies } });
    expect(unknown.status).toBe(404);
  });

  it('remembers the language chosen and follows Accept-Language before that', async () => {
    const nl = await fetch(`${t.baseUrl}/find`, { headers: { 'accept-language': 'nl-BE,nl;q=0.9' } });
    expect(await nl.text()).toContain('<html lang="nl">');
    const fr = await fetch(`${t.baseUrl}/find?lang=fr`, { headers: { 'accept-language': 'nl' } });
    expect(fr.headers.getSetCookie().join()).toContain('ocr_lang=fr');
    const again = await fetch(`${t.baseUrl}/accessibility`, {
      headers: { 'accept-language': 'nl', cookie: 'ocr_lang=fr' },
    });
    expect(await again.text()).toContain('<html lang="fr">');
  });

  it("answers an unknown page address with a page in the visitor's language, and an unknown API address with JSON", async () => {
    const page = await fetch(`${t.baseUrl}/no/such/page`, { headers: { 'accept-language': 'fr' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Page introuvable');
    const json = await fetch(`${t.baseUrl}/api/v1/no-such-thing`);
    expect(json.status).toBe(404);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(((await json.json()) as { code: string }).code).toBe('HTTP.NOT_FOUND');
  });

  it('answers a throttled login form with a page that says to wait, not with JSON', async () => {
    const login = await fetch(`${t.baseUrl}/login?lang=nl`);
    const cookies = cookiesOf(login);
    const csrf = tokenIn(await login.text());
    const attempt = () =>
      fetch(`${t.baseUrl}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: form({ _csrf: csrf, email: 'throttled@example.be', password: 'not the password', next: '/' }),
      });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) {
      last = await attempt();
      statuses.push(last.status);
      if (last.status !== 429) await last.text();
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(last!.headers.get('content-type')).toContain('text/html');
    const html = await last!.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Te veel pogingen');
  });

  it('counts the attempts of the login form and of the API login against one limit', async () => {
    const login = await fetch(`${t.baseUrl}/login`);
    const cookies = cookiesOf(login);
    const csrf = tokenIn(await login.text());
    const email = 'both-doors@example.be';
    const viaForm = () =>
      fetch(`${t.baseUrl}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: form({ _csrf: csrf, email, password: 'not the password', next: '/' }),
      });
    const viaApi = () =>
      fetch(`${t.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'not the password' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await (i % 2 ? viaApi() : viaForm());
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses).toEqual(Array(10).fill(401));
    expect((await viaApi()).status).toBe(429);
    expect((await viaForm()).status).toBe(429);
    // Other routes carry no limiter at all: far more reads than the limit, none refused.
    const reads = await Promise.all(Array.from({ length: 25 }, () => fetch(`${t.baseUrl}/login`)));
    expect(reads.map((r) => r.status)).toEqual(Array(25).fill(200));
  });
});
