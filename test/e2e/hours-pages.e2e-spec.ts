import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { cookiesOf, tokenIn } from '../support/page-session.js';

/** The opening-hours editor over plain HTTP: the form without JavaScript, access, and what is stored. */
describe('opening-hours editor over HTTP', () => {
  let t: TestApi;
  let world: RegistryWorld;

  beforeAll(async () => {
    t = await startTestApi();
    world = await seedRegistryWorld(t);
  });
  afterAll(() => t?.close());

  const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

  async function signedIn(email: string) {
    const page = await fetch(`${t.baseUrl}/login`);
    let cookies = cookiesOf(page);
    const csrf = tokenIn(await page.text());
    const res = await fetch(`${t.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ _csrf: csrf, email, password: 'a long enough password' }).toString(),
    });
    expect(res.status).toBe(303);
    cookies = `${cookies}; ${cookiesOf(res)}`;
    return { cookies, csrf };
  }

  async function post(session: { cookies: string; csrf: string }, fields: Record<string, string>) {
    return fetch(`${t.baseUrl}/spaces/BRU-A/hours?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookies },
      body: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
    });
  }

  const stored = async () =>
    (await world.sql(`SELECT opening_hours, version FROM spaces WHERE ref = 'BRU-A'`))[0] as {
      opening_hours: string;
      version: number;
    };

  it('regional staff save a week through the form, with special hours and a closure', async () => {
    const session = await signedIn('staff-bru@example.be');
    const page = await fetch(`${t.baseUrl}/spaces/BRU-A/hours?lang=en`, {
      headers: { cookie: session.cookies },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('value="09:00"');
    const version = versionIn(html);
    expect(Number(version)).toBe((await stored()).version);

    const res = await post(session, {
      version,
      action: 'save',
      'mo-1-from': '9',
      'mo-1-to': '12h',
      'mo-1-animator': 'true',
      'sa-1-from': '10:00',
      'sa-1-to': '24:00',
      'ex-1-from': '2027-01-01',
      'ex-1-note': 'New Year',
      'ex-2-from': '2026-12-31',
      'ex-2-kind': 'hours',
      'ex-2-opens': '10:00',
      'ex-2-closes': '13:00',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/spaces/BRU-A/hours?saved=1#saved');
    expect(await stored()).toEqual({
      opening_hours:
        'Mo 09:00-12:00 "animator"; Sa 10:00-24:00; 2026 Dec 31 10:00-13:00; 2027 Jan 01 off "New Year"',
      version: Number(version) + 1,
    });
    const [derived] = await world.sql(
      `SELECT scheduled_weekly_hours::float AS open, scheduled_hours_with_animator::float AS animator
       FROM spaces WHERE ref = 'BRU-A'`,
    );
    expect(derived).toEqual({ open: 17, animator: 3 });

    // The saved page says so, and shows the week in the visitor's language.
    const after = await fetch(`${t.baseUrl}/spaces/BRU-A/hours?saved=1&lang=fr`, {
      headers: { cookie: session.cookies },
    });
    const text = await after.text();
    expect(text).toContain('Les heures d&#x27;ouverture sont enregistrées.');
    // French typography: a space before the colon.
    expect(text).toContain('Lundi : 09:00–12:00 (avec un animateur)');
    expect(text).toContain('Fermé le vendredi 1 janvier 2027 (New Year)');
  });

  it('answers 400 with field errors and stores nothing for a bad form, and a stale version with 409', async () => {
    const session = await signedIn('coord-a@example.be');
    const before = await stored();
    const bad = await post(session, {
      version: String(before.version),
      'mo-1-from': '12:00',
      'mo-1-to': '09:00',
      'ex-1-from': '2026-13-01',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="field-mo-1-to-error"');
    expect(html).toContain('id="field-ex-1-from-error"');
    expect(html).toContain('href="#field-mo-1-to"');
    expect(await stored()).toEqual(before);

    // The summary names the time slot in the reader's typography (French: a space before the colon).
    const fr = await fetch(`${t.baseUrl}/spaces/BRU-A/hours?lang=fr`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookies },
      body: new URLSearchParams({
        version: String(before.version),
        'mo-1-from': '12:00',
        'mo-1-to': '09:00',
        _csrf: session.csrf,
      }).toString(),
    });
    expect(fr.status).toBe(400);
    expect(await fr.text()).toMatch(/<a href="#field-mo-1-to">Lundi, plage 1 : /);

    const stale = await post(session, {
      version: String(before.version - 1),
      'su-1-from': '10',
      'su-1-to': '11',
    });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('Someone else changed these opening hours');
    // The form now carries the current version, so saving again replaces the other change.
    expect(versionIn(staleHtml)).toBe(String(before.version));
    expect(await stored()).toEqual(before);
  });

  it('shows a warning, not a wrong grid, for hours the form cannot say', async () => {
    await world.sql(
      `UPDATE spaces SET opening_hours = 'Mo-Fr 09:00-12:00 || "by appointment"' WHERE ref = 'BRU-A'`,
    );
    const session = await signedIn('coord-a@example.be');
    const page = await fetch(`${t.baseUrl}/spaces/BRU-A/hours?lang=en`, {
      headers: { cookie: session.cookies },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('These opening hours use rules this form cannot show');
    // The stored code is only for experts, folded away; the week itself is described in words.
    expect(html).toMatch(
      /<details>\s*<summary>Show the stored rules \(for experts\)<\/summary>[\s\S]*by appointment[\s\S]*<\/details>/,
    );
    expect(html).toContain('Your week in short');
  });

  it('gives another space’s coordinator the refusal page and an unknown space the not-found page', async () => {
    const session = await signedIn('coord-b@example.be');
    const page = await fetch(`${t.baseUrl}/spaces/BRU-A/hours`, { headers: { cookie: session.cookies } });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toContain('text/html');
    const admin = await signedIn('world-admin@example.be');
    const missing = await fetch(`${t.baseUrl}/spaces/NOPE-1/hours`, { headers: { cookie: admin.cookies } });
    expect(missing.status).toBe(404);
  });
});
