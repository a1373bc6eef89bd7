import { RemindersService } from '../../libs/activity/src/index.js';
import { LabelExpiryService } from '../../libs/labels/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';
import { cookiesOf, tokenIn } from '../support/page-session.js';

const PASSWORD = 'a long enough password';

/**
 * Reminders on the pages (no SMTP here, so the pages are the only way users hear of them), and where
 * each role lands after signing in. Real HTTP, real PostgreSQL.
 */
describe('reminder notices and the landing page after login', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const sessions: Record<string, Promise<Session>> = {};

  interface Session {
    cookies: string;
    csrf: string;
    location: string | null;
  }

  const decoded = (html: string) =>
    html
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&#x3D;/g, '=')
      .replace(/&amp;/g, '&');

  /** Signs in through the login form, sending `next` as the form does (empty when none was asked). */
  async function signIn(email: string, next?: string): Promise<Session> {
    const url = next === undefined ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    const page = await fetch(`${t.baseUrl}${url}`);
    const html = await page.text();
    const hiddenNext = /name="next" value="([^"]*)"/.exec(html)?.[1] ?? null;
    let cookies = cookiesOf(page);
    const csrf = tokenIn(html);
    const res = await fetch(`${t.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD, next: hiddenNext ?? '' }),
    });
    expect(res.status).toBe(303);
    cookies = `${cookies}; ${cookiesOf(res)}`;
    return { cookies, csrf, location: res.headers.get('location') };
  }
  /** One sign-in per user for the whole file: the login form counts attempts per e-mail. */
  const session = (email: string) => (sessions[email] ??= signIn(email));

  async function get(email: string, path: string) {
    const { cookies } = await session(email);
    const res = await fetch(`${t.baseUrl}${path}`, { headers: { cookie: cookies }, redirect: 'manual' });
    return { status: res.status, html: decoded(await res.text()) };
  }

  async function hide(email: string, id: string, extra: Record<string, string> = {}) {
    const { cookies, csrf } = await session(email);
    const res = await fetch(`${t.baseUrl}/reminders/${id}/read`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ _csrf: csrf, ...extra }),
    });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  const reminderOf = async (email: string, kind: string, subject: string) =>
    (
      await w.sql<{ id: string; read: boolean }>(
        `SELECT r.id, r.read_at IS NOT NULL AS read FROM reminders r JOIN users u ON u.id = r.user_id
         WHERE u.email = $1 AND r.kind = $2 AND r.subject LIKE $3`,
        [email, kind, subject],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    // BRU-A's label ends on 2 December 2026: the daily job of 16 November warns its coordinator and
    // BRU staff. The weekly job of 17 November records week 46 as missing for every space.
    await w.sql(
      `INSERT INTO labels (space_id, scheme, scheme_version, status, decision, valid_from, valid_until, verification_code)
       VALUES ($1, 'brussels-ocr', '1', 'granted', 'grant', '2023-12-03', '2026-12-02', md5(random()::text))`,
      [w.spaces.A.id],
    );
    await t.app.get(LabelExpiryService).run(new Date('2026-11-16T10:00:00Z'));
    await t.app.get(RemindersService).run(new Date('2026-11-17T10:00:00Z'));
  }, 120_000);
  afterAll(() => t?.close());

  describe('after login', () => {
    it('lands coordinators on their spaces, staff and admins on the staff dashboard', async () => {
      expect((await session('coord-a@example.be')).location).toBe('/my-spaces');
      expect((await session('staff-bru@example.be')).location).toBe('/staff');
      expect((await session('world-admin@example.be')).location).toBe('/staff');
    });

    it('keeps the address a page asked for, whatever the role', async () => {
      expect((await signIn('staff-wal@example.be', '/spaces/WAL-C/label')).location).toBe(
        '/spaces/WAL-C/label',
      );
      expect((await signIn('coord-b@example.be', '/spaces/BRU-B/history')).location).toBe(
        '/spaces/BRU-B/history',
      );
      // Someone already signed in who opens the login page goes to their home, or to `next`.
      const { cookies } = await session('staff-bru@example.be');
      const again = (path: string) =>
        fetch(`${t.baseUrl}${path}`, { headers: { cookie: cookies }, redirect: 'manual' });
      expect((await again('/login')).headers.get('location')).toBe('/staff');
      expect((await again('/login?next=%2Fmy-spaces')).headers.get('location')).toBe('/my-spaces');
      expect((await again('/')).headers.get('location')).toBe('/staff');
    });

    it("names the staff dashboard's region in the reader's typography", async () => {
      const fr = await get('staff-bru@example.be', '/staff?lang=fr');
      expect(fr.html).toMatch(/<h1>[^<]+ : Bruxelles<\/h1>/);
      const nl = await get('staff-bru@example.be', '/staff?lang=nl');
      expect(nl.html).toMatch(/<h1>[^<]+[^ ]: Brussel<\/h1>/);
    });
  });

  describe('on /my-spaces', () => {
    it('lists the unread reminders in plain words, label first, in nl, fr and en', async () => {
      const en = await get('coord-a@example.be', '/my-spaces?lang=en');
      expect(en.status).toBe(200);
      const label =
        'Your label for EPN Bruxelles-Centre ends on 2 December 2026: ask your region to renew it.';
      const week = 'Week 46 (9–15 November 2026) of EPN Bruxelles-Centre has not been reported yet.';
      expect(en.html).toContain('<h2 id="reminders-title">To do</h2>');
      expect(en.html).toContain(label);
      expect(en.html).toContain(week);
      expect(en.html).toContain(
        'Week 46 (9–15 November 2026) of Antenne Marolles has not been reported yet.',
      );
      expect(en.html.indexOf(label)).toBeLessThan(en.html.indexOf(week));
      expect(en.html).toContain('href="/spaces/BRU-A/week?week=2026-W46"');
      expect(en.html).toContain('Done, hide this');
      // Only one's own: coordinator B sees BRU-B's week, not BRU-A's.
      const other = await get('coord-b@example.be', '/my-spaces?lang=en');
      expect(other.html).toContain('Week 46 (9–15 November 2026) of OCR Elsene has not been reported yet.');
      expect(other.html).not.toContain('EPN Bruxelles-Centre');

      const nl = await get('coord-a@example.be', '/my-spaces?lang=nl');
      expect(nl.html).toContain(
        'Het label van EPN Bruxelles-Centre loopt af op 2 december 2026: vraag uw regio om het te verlengen.',
      );
      expect(nl.html).toContain(
        'Week 46 (9–15 november 2026) van EPN Bruxelles-Centre is nog niet doorgegeven.',
      );
      expect(nl.html).toContain('Klaar, verbergen');
      const fr = await get('coord-a@example.be', '/my-spaces?lang=fr');
      expect(fr.html).toContain(
        'Votre label pour EPN Bruxelles-Centre se termine le 2 décembre 2026 : demandez à votre région de le renouveler.',
      );
      expect(fr.html).toContain(
        "La semaine 46 (du 9 au 15 novembre 2026) n'est pas encore encodée pour EPN Bruxelles-Centre.",
      );
      expect(fr.html).toContain("C'est fait, masquer");
    });

    it('tells staff to start the renewal, not to ask the region', async () => {
      const page = await get('staff-bru@example.be', '/my-spaces?lang=en');
      expect(page.html).toContain(
        'The label of EPN Bruxelles-Centre ends on 2 December 2026: start a new evaluation in time to renew it.',
      );
    });

    it('hides a reminder for its owner only; anyone else gets the not-found page and nothing changes', async () => {
      const reminder = await reminderOf('coord-a@example.be', 'missing_week', 'BRU-A/2026-W46');
      expect(reminder.read).toBe(false);
      for (const [email, id] of [
        ['coord-b@example.be', reminder.id],
        ['staff-bru@example.be', reminder.id],
        ['world-admin@example.be', reminder.id],
        ['coord-a@example.be', '00000000-0000-4000-8000-000000000000'],
        ['coord-a@example.be', 'not-a-uuid'],
      ]) {
        const refused = await hide(email, id);
        expect({ email, id, status: refused.status }).toEqual({ email, id, status: 404 });
        expect(refused.html).toContain('<html');
      }
      expect((await reminderOf('coord-a@example.be', 'missing_week', 'BRU-A/2026-W46')).read).toBe(false);

      const done = await hide('coord-a@example.be', reminder.id);
      expect(done.status).toBe(303);
      expect(done.location).toBe('/my-spaces?hidden=1#saved');
      expect((await reminderOf('coord-a@example.be', 'missing_week', 'BRU-A/2026-W46')).read).toBe(true);
      const after = await get('coord-a@example.be', done.location!.replace('#saved', '&lang=en'));
      expect(after.html).toContain('The reminder is hidden.');
      expect(after.html).not.toContain('of EPN Bruxelles-Centre has not been reported yet');
      expect(after.html).toContain('of Antenne Marolles has not been reported yet');
      // The API, which shares the service, agrees.
      const { body } = await api(t.baseUrl, 'GET', '/api/v1/reminders?unread=true', {
        token: w.tokens.coordA,
      });
      expect(body.items.map((r: { subject: string }) => r.subject)).not.toContain('BRU-A/2026-W46');
    });

    it('no longer shows a week once it is reported', async () => {
      const put = await api(t.baseUrl, 'PUT', '/api/v1/spaces/BRU-A1/weeks/2026-W46', {
        token: w.tokens.coordA,
        body: { openingHours: 12, visits: 20 },
      });
      expect(put.status).toBeLessThan(300);
      const page = await get('coord-a@example.be', '/my-spaces?lang=en');
      expect(page.html).not.toContain('of Antenne Marolles has not been reported yet');
    });
  });

  describe('on the label page', () => {
    it('warns that the label ends, and hiding it there stays on the page', async () => {
      const en = await get('coord-a@example.be', '/spaces/BRU-A/label?lang=en');
      expect(en.status).toBe(200);
      expect(en.html).toContain(
        'Your label for EPN Bruxelles-Centre ends on 2 December 2026: ask your region to renew it.',
      );
      const nl = await get('coord-a@example.be', '/spaces/BRU-A/label?lang=nl');
      expect(nl.html).toContain('Het label van EPN Bruxelles-Centre loopt af op 2 december 2026');
      const staff = await get('staff-bru@example.be', '/spaces/BRU-A/label?lang=en');
      expect(staff.html).toContain('start a new evaluation in time to renew it.');
      // Another space's label page does not show it.
      expect((await get('coord-a@example.be', '/spaces/BRU-A1/label?lang=en')).html).not.toContain(
        'ends on 2 December 2026',
      );

      const reminder = await reminderOf('coord-a@example.be', 'label_expiry', 'BRU-A/label/%');
      const done = await hide('coord-a@example.be', reminder.id, { back: '/spaces/BRU-A/label' });
      expect(done.location).toBe('/spaces/BRU-A/label?hidden=1#saved');
      const after = await get('coord-a@example.be', '/spaces/BRU-A/label?hidden=1&lang=en');
      expect(after.html).toContain('The reminder is hidden.');
      expect(after.html).not.toContain('ends on 2 December 2026');
      // Staff's own reminder is untouched, and any other `back` goes home.
      expect((await get('staff-bru@example.be', '/spaces/BRU-A/label?lang=en')).html).toContain(
        'ends on 2 December 2026',
      );
      const staffReminder = await reminderOf('staff-bru@example.be', 'label_expiry', 'BRU-A/label/%');
      const elsewhere = await hide('staff-bru@example.be', staffReminder.id, {
        back: 'https://evil.example',
      });
      expect(elsewhere.location).toBe('/my-spaces?hidden=1#saved');
    });

    it('no longer warns once the label is renewed', async () => {
      const reminder = await reminderOf('coord-a@example.be', 'label_expiry', 'BRU-A/label/%');
      await w.sql(`UPDATE reminders SET read_at = NULL WHERE id = $1`, [reminder.id]);
      expect((await get('coord-a@example.be', '/spaces/BRU-A/label?lang=en')).html).toContain(
        'ends on 2 December 2026',
      );
      await w.sql(
        `INSERT INTO labels (space_id, scheme, scheme_version, status, decision, valid_from, valid_until,
           verification_code, decided_at)
         VALUES ($1, 'brussels-ocr', '1', 'granted', 'renew', '2026-12-03', '2029-12-02', md5(random()::text), now())`,
        [w.spaces.A.id],
      );
      expect((await get('coord-a@example.be', '/spaces/BRU-A/label?lang=en')).html).not.toContain(
        'ends on 2 December 2026',
      );
      expect((await get('coord-a@example.be', '/my-spaces?lang=en')).html).not.toContain(
        'ends on 2 December 2026',
      );
    });
  });
});
