import { QueueName, QueueService } from '../../libs/core/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';
import { cookiesOf, tokenIn } from '../support/page-session.js';

const PASSWORD = 'a long enough password';
const ADMIN_PAGES = ['/admin', '/admin/users', '/admin/schemes', '/admin/reference'];

/** A browser-like visitor over plain HTTP: a CSRF cookie and token, and a session cookie once signed in. */
async function visitor(baseUrl: string, sessionToken?: string) {
  const page = await fetch(`${baseUrl}/login`);
  const csrfCookie = cookiesOf(page);
  const csrf = tokenIn(await page.text());
  const cookie = sessionToken ? `${csrfCookie}; ocr_session=${sessionToken}` : csrfCookie;
  return {
    cookie,
    get: (path: string, headers: Record<string, string> = {}) =>
      fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: { cookie, ...headers } }),
    post: (path: string, fields: Record<string, string> = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
      }),
  };
}

async function login(baseUrl: string, email: string): Promise<string> {
  const res = await api(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

describe('admin pages over HTTP', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let admin: Awaited<ReturnType<typeof visitor>>;

  beforeAll(async () => {
    t = await startTestApi();
    world = await seedRegistryWorld(t);
    admin = await visitor(t.baseUrl, world.tokens.admin);
  }, 60_000);
  afterAll(() => t?.close());

  it('opens every admin page to admins only: others get the 403 page, signed-out visitors the login page', async () => {
    const anonymous = await visitor(t.baseUrl);
    const coordinator = await visitor(t.baseUrl, world.tokens.coordA);
    const staff = await visitor(t.baseUrl, world.tokens.staffBRU);
    for (const path of ADMIN_PAGES) {
      const ok = await admin.get(`${path}?lang=en`);
      expect({ path, status: ok.status }).toEqual({ path, status: 200 });
      expect(ok.headers.get('content-type')).toContain('text/html');
      const out = await anonymous.get(path);
      expect({ path, status: out.status, location: out.headers.get('location') }).toEqual({
        path,
        status: 303,
        location: `/login?next=${encodeURIComponent(path)}`,
      });
      for (const other of [coordinator, staff]) {
        const denied = await other.get(`${path}?lang=en`);
        expect({ path, status: denied.status }).toEqual({ path, status: 403 });
        expect(await denied.text()).toContain('<h1>No access</h1>');
      }
    }
    // Nor can anyone but an admin change users.
    const before = await world.sql(`SELECT count(*)::int AS n FROM users`);
    const refused = await staff.post('/admin/users', {
      email: 'sneaky@example.be',
      role: 'admin',
      password: PASSWORD,
    });
    expect(refused.status).toBe(403);
    const disable = await coordinator.post(`/admin/users/${world.users.coordB}/disable`);
    expect(disable.status).toBe(403);
    expect(await world.sql(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
    expect(await world.sql(`SELECT disabled_at FROM users WHERE id = $1`, [world.users.coordB])).toEqual([
      { disabled_at: null },
    ]);
  });

  it('lists users with their role, region, spaces and status, and links the admin pages', async () => {
    const index = await (await admin.get('/admin?lang=en')).text();
    for (const href of ['/admin/users', '/admin/schemes', '/admin/reference']) {
      expect(index).toContain(`href="${href}">`);
    }
    // The job tool is in English only: the link says so to assistive technologies.
    expect(index).toContain('href="/admin/queues" hreflang="en">');
    const html = await (await admin.get('/admin/users?lang=en')).text();
    const row = (email: string) => {
      const match = new RegExp(`<th scope="row" class="admin-email">${email}</th>([\\s\\S]*?)</tr>`).exec(
        html,
      );
      return match?.[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    };
    expect(row('coord-a@example.be')).toMatch(/^Coordinator None BRU-A Active Turn off$/);
    expect(row('staff-wal@example.be')).toMatch(/^Regional staff Wallonia None Active Turn off$/);
    expect(row('world-admin@example.be')).toMatch(/^Administrator None None Active Your account$/);
  });

  it('creates a user from the form, who can then sign in', async () => {
    const res = await admin.post('/admin/users?lang=en', {
      email: 'New.Coordinator@example.be',
      role: 'coordinator',
      region: '',
      spaces: 'BRU-A, BRU-B',
      password: 'a brand new long password',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/users\?done=created&user=[0-9a-f-]{36}$/);
    const [stored] = await world.sql(
      `SELECT u.id, u.role, u.region_code, u.disabled_at,
              array(SELECT s.ref FROM coordinator_spaces cs JOIN spaces s ON s.id = cs.space_id
                    WHERE cs.user_id = u.id ORDER BY s.ref) AS refs
       FROM users u WHERE email = 'new.coordinator@example.be'`,
    );
    expect(stored).toEqual({
      id: location.split('user=')[1],
      role: 'coordinator',
      region_code: null,
      disabled_at: null,
      refs: ['BRU-A', 'BRU-B'],
    });
    const list = await (await admin.get(`${location}&lang=en`)).text();
    expect(list).toContain('User new.coordinator@example.be was added.');
    const signIn = await api(t.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: 'new.coordinator@example.be', password: 'a brand new long password' },
    });
    expect(signIn.status).toBe(200);

    const staff = await admin.post('/admin/users', {
      email: 'new-staff@example.be',
      role: 'regional_staff',
      region: 'WAL',
      spaces: '',
      password: PASSWORD,
    });
    expect(staff.status).toBe(303);
    expect(
      await world.sql(`SELECT role, trim(region_code) AS region FROM users WHERE email = $1`, [
        'new-staff@example.be',
      ]),
    ).toEqual([{ role: 'regional_staff', region: 'WAL' }]);
  });

  it('shows each problem next to its field (400), keeps what was typed but never the password, and saves nothing', async () => {
    const before = await world.sql(`SELECT count(*)::int AS n FROM users`);
    const cases: Array<{ fields: Record<string, string>; field: string; message: string }> = [
      {
        fields: { email: 'coord-a@example.be', role: 'coordinator', password: PASSWORD },
        field: 'email',
        message: 'A user with this e-mail address already exists.',
      },
      {
        fields: { email: 'COORD-B@example.be', role: 'admin', password: PASSWORD },
        field: 'email',
        message: 'A user with this e-mail address already exists.',
      },
      {
        fields: { email: 'short@example.be', role: 'admin', password: 'too short' },
        field: 'password',
        message: 'Use at least 12 characters.',
      },
      {
        fields: { email: 'long@example.be', role: 'admin', password: 'x'.repeat(129) },
        field: 'password',
        message: 'Use at most 128 characters.',
      },
      {
        fields: { email: 'not an address', role: 'admin', password: PASSWORD },
        field: 'email',
        message: 'Write an e-mail address, for example name@example.be.',
      },
      {
        fields: { email: 'staff@example.be', role: 'regional_staff', region: '', password: PASSWORD },
        field: 'region',
        message: 'Choose the region of this staff member.',
      },
      {
        fields: { email: 'adm@example.be', role: 'admin', region: 'BRU', password: PASSWORD },
        field: 'region',
        message: 'Only regional staff have a region. Choose &quot;No region&quot;.',
      },
      {
        fields: { email: 'c@example.be', role: 'coordinator', spaces: 'BRU-A, NOPE-9', password: PASSWORD },
        field: 'spaces',
        message: 'These spaces do not exist: NOPE-9.',
      },
      {
        fields: {
          email: 'c2@example.be',
          role: 'regional_staff',
          region: 'BRU',
          spaces: 'BRU-A',
          password: PASSWORD,
        },
        field: 'spaces',
        message: 'Only coordinators are linked to spaces. Leave this field empty.',
      },
      {
        fields: { email: 'c3@example.be', role: 'chief', password: PASSWORD },
        field: 'role',
        message: 'Choose a role.',
      },
    ];
    for (const { fields, field, message } of cases) {
      const res = await admin.post('/admin/users?lang=en', fields);
      const html = await res.text();
      const context = JSON.stringify(fields).slice(0, 120);
      expect({ context, status: res.status }).toEqual({ context, status: 400 });
      expect({
        context,
        error: new RegExp(`id="field-${field}-error">[^<]*<span[^>]*>[^<]*</span> ([^<]*)<`).exec(html)?.[1],
      }).toEqual({
        context,
        error: message,
      });
      expect(html).toContain(`<a href="#field-${field}">${message}</a>`);
      expect(html).toContain(`aria-invalid="true"`);
      if (fields.email && field !== 'email') expect(html).toContain(`value="${fields.email}"`);
      expect(html).not.toContain(fields.password);
    }
    expect(await world.sql(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
  });

  it('turning a user off ends their sessions at once; turning them on lets them sign in again', async () => {
    const create = await admin.post('/admin/users', {
      email: 'soon-off@example.be',
      role: 'coordinator',
      spaces: 'BRU-A',
      password: PASSWORD,
    });
    const id = (create.headers.get('location') ?? '').split('user=')[1];
    const token = await login(t.baseUrl, 'soon-off@example.be');
    const page = await visitor(t.baseUrl, token);
    expect((await page.get('/my-spaces')).status).toBe(200);

    const off = await admin.post(`/admin/users/${id}/disable?lang=en`);
    expect(off.status).toBe(303);
    expect(off.headers.get('location')).toBe(`/admin/users?done=disabled&user=${id}`);
    expect(await (await admin.get(`${off.headers.get('location')}&lang=en`)).text()).toContain(
      'soon-off@example.be is turned off and signed out.',
    );
    expect((await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token })).status).toBe(401);
    const after = await page.get('/my-spaces');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/login?next=%2Fmy-spaces');
    const refused = await api(t.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: 'soon-off@example.be', password: PASSWORD },
    });
    expect(refused.status).toBe(401);

    const on = await admin.post(`/admin/users/${id}/enable`);
    expect(on.status).toBe(303);
    expect((await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token })).status).toBe(401);
    const fresh = await login(t.baseUrl, 'soon-off@example.be');
    expect((await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token: fresh })).status).toBe(200);
  });

  it('refuses to turn off the signed-in admin, and answers an unknown user with the not-found page', async () => {
    const self = await admin.post(`/admin/users/${world.users.admin}/disable?lang=en`);
    expect(self.status).toBe(400);
    expect(await self.text()).toContain('You cannot turn off your own account.');
    expect((await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token: world.tokens.admin })).status).toBe(200);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await admin.post(`/admin/users/${id}/disable?lang=en`);
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
    }
  });

  it('shows the label schemes with their criteria, thresholds and mandatory flags', async () => {
    const html = await (await admin.get('/admin/schemes?lang=en')).text();
    expect(html).toContain('Public Computer Space label of the Brussels-Capital Region');
    expect(html).toContain('Scheme brussels-ocr, version 2021, region Brussels.');
    expect(html).toContain('Scheme wallonia-epn, version 2007, region Wallonia.');
    const b1 =
      /<th scope="row">B1: ([^<]*)<\/th>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/.exec(
        html,
      );
    expect(b1?.slice(1)).toEqual([
      'Open at least 15 h a week to all publics',
      'Opening hours a week, on average',
      'at least 15',
      'Yes',
    ]);
    const fr = await (await admin.get('/admin/schemes?lang=fr')).text();
    // French typography: a space before the colon.
    expect(fr).toContain('<th scope="row">B1 : Ouvert au moins 15 h par semaine à tous les publics</th>');
    // The metric and the region in the reader's words, not as codes.
    expect(fr).toContain('Heures d&#x27;ouverture par semaine, en moyenne');
    expect(fr).toContain('région Bruxelles');
    expect(fr).not.toContain('avg weekly');
  });

  it('shows regions and one page of municipalities with their population and its source', async () => {
    const bru = await (await admin.get('/admin/reference?lang=en')).text();
    expect(bru).toMatch(
      /<th scope="row">Brussels-Capital Region<\/th>\s*<td>BRU<\/td>\s*<td>19<\/td>\s*<td>1,218,255<\/td>/,
    );
    expect(bru).toContain(
      'Source: Statbel (Belgian statistical office), legal population on 1 January 2020.',
    );
    expect(bru).toContain('Municipalities of Brussels-Capital Region, page 1 of 1');
    expect(bru).not.toContain('Next page');
    const vla = (await (await admin.get('/admin/reference?lang=en&region=VLA&page=2')).text())
      .replace(/&#x3D;/g, '=')
      .replace(/&amp;/g, '&');
    expect(vla).toContain('Municipalities of Flemish Region, page 2 of 6');
    const rows = vla.match(/<tr>\s*<th scope="row">/g) ?? [];
    expect(rows.length).toBe(3 + 50);
    expect(vla).toContain('href="/admin/reference?region=VLA&page=1"');
    expect(vla).toContain('href="/admin/reference?region=VLA&page=3"');
    // Nonsense in the address shows the first page of the first region, not an error.
    const odd = await admin.get('/admin/reference?region=XX&page=-4&lang=en');
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain('page 1 of 1');
  });

  describe('the job dashboard (bull-board) at /admin/queues', () => {
    it('opens for admins, with its JSON API; staff and coordinators get 403, signed-out visitors the login page', async () => {
      const page = await admin.get('/admin/queues');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toContain('<base href="/admin/queues/"');
      // The site's CSP stays in force; the dashboard's scripts are its own files, allowed by 'self'.
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const script = /<script defer src="([^"]+)"/.exec(html)?.[1];
      expect((await admin.get(`/admin/queues/${script}`)).status).toBe(200);

      const queues = await admin.get('/admin/queues/api/queues');
      expect(queues.status).toBe(200);
      const body = (await queues.json()) as any;
      expect(body.queues.map((q: { name: string }) => q.name).sort()).toEqual(
        ['activity', 'labels', 'reports', 'system'].map((n) => expect.stringContaining(n)),
      );

      for (const token of [world.tokens.staffBRU, world.tokens.coordA]) {
        const other = await visitor(t.baseUrl, token);
        const html403 = await other.get('/admin/queues?lang=en');
        expect(html403.status).toBe(403);
        expect(await html403.text()).toContain('<h1>No access</h1>');
        const api403 = await other.get('/admin/queues/api/queues');
        expect(api403.status).toBe(403);
        expect(((await api403.json()) as any).code).toBe('AUTH.FORBIDDEN');
        expect((await other.get(`/admin/queues/${script}`)).status).toBe(403);
      }
      const bearer = await api(t.baseUrl, 'GET', '/admin/queues/api/queues', {
        token: world.tokens.staffWAL,
      });
      expect(bearer.status).toBe(403);

      const anonymous = await visitor(t.baseUrl);
      const out = await anonymous.get('/admin/queues/queue/system');
      expect(out.status).toBe(303);
      expect(out.headers.get('location')).toBe('/login?next=%2Fadmin%2Fqueues%2Fqueue%2Fsystem');
      const api401 = await anonymous.get('/admin/queues/api/queues');
      expect(api401.status).toBe(401);
      expect(((await api401.json()) as any).code).toBe('AUTH.UNAUTHENTICATED');
    });

    it('guards the dashboard however its address is spelled (the router decodes %-escapes)', async () => {
      const anonymous = await visitor(t.baseUrl);
      const coordinator = await visitor(t.baseUrl, world.tokens.coordA);
      for (const path of [
        '/admin/%71ueues/api/queues',
        '/%61dmin/queues/api/queues',
        '/admin/queues/%61pi/queues',
      ]) {
        const out = await anonymous.get(path);
        expect(out.status).toBe(401);
        expect(((await out.json()) as any).code).toBe('AUTH.UNAUTHENTICATED');
        expect((await coordinator.get(path)).status).toBe(403);
      }
      expect((await anonymous.get('/admin/%71ueues')).status).toBe(303);
      expect((await coordinator.get('/%61dmin/queues')).status).toBe(403);
      // Nor can anyone but an admin change a queue that way.
      const pause = await fetch(`${t.baseUrl}/admin/%71ueues/api/queues/system/pause`, {
        method: 'PUT',
        redirect: 'manual',
        headers: { 'sec-fetch-site': 'same-origin' },
      });
      expect(pause.status).toBe(401);
      expect(await t.app.get(QueueService).queue(QueueName.System).isPaused()).toBe(false);
    });

    it('lets an admin change a queue only from the dashboard itself (same origin)', async () => {
      const put = (headers: Record<string, string>) =>
        fetch(`${t.baseUrl}/admin/queues/api/queues/system/resume`, {
          method: 'PUT',
          redirect: 'manual',
          headers: { cookie: admin.cookie, ...headers },
        });
      expect((await put({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await put({ origin: 'https://evil.example' })).status).toBe(403);
      expect((await put({ origin: 'null' })).status).toBe(403);
      const ok = await put({ 'sec-fetch-site': 'same-origin' });
      expect(ok.status).toBeLessThan(300);
    });
  });
});

describe('the job dashboard on the PostgreSQL queue backend', () => {
  let t: TestApi;
  let world: RegistryWorld;

  beforeAll(async () => {
    t = await startTestApi({ backend: 'postgres' });
    world = await seedRegistryWorld(t);
  }, 60_000);
  afterAll(() => t?.close());

  it('shows the same dashboard to admins (bull-board reads the PostgreSQL backend), and refuses staff', async () => {
    const admin = await visitor(t.baseUrl, world.tokens.admin);
    const page = await admin.get('/admin/queues?lang=en');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const queues = await admin.get('/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    expect(((await queues.json()) as any).queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'activity',
      'labels',
      'reports',
      'system',
    ]);
    const stats = await admin.get('/admin/queues/api/redis/stats');
    expect(((await stats.json()) as any).backend).toBe('postgres');
    const staff = await visitor(t.baseUrl, world.tokens.staffBRU);
    expect((await staff.get('/admin/queues')).status).toBe(403);
  });
});
