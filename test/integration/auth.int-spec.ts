import { DataSource } from 'typeorm';
import { AuthService } from '../../libs/core/src/index.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

const ADMIN = { email: 'admin@example.be', password: 'correct horse battery' };

describe('auth (real PostgreSQL, real HTTP)', () => {
  let t: TestApi;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApi({ extra: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    adminToken = (await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: ADMIN })).body.accessToken;
  });
  afterAll(() => t?.close());

  it('created the first admin at boot from ADMIN_EMAIL/ADMIN_PASSWORD, and only once', async () => {
    expect(adminToken).toEqual(expect.any(String));
    expect(await t.app.get(AuthService).ensureFirstAdmin()).toBe('exists');
  });

  it('logs in with the right password and returns a bearer token', async () => {
    const res = await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: ADMIN });
    expect(res.status).toBe(200);
    expect(typeof res.body.accessToken).toBe('string');
    const me = await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a wrong password with 401 and a stable code', async () => {
    const res = await api(t.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: ADMIN.email, password: 'not the password' },
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'AUTH.INVALID_CREDENTIALS',
      message: expect.any(String),
      correlationId: expect.any(String),
    });
  });

  it('answers in the language of Accept-Language, with the same stable code', async () => {
    const body = { email: ADMIN.email, password: 'still not the password' };
    const fr = await api(t.baseUrl, 'POST', '/api/v1/auth/login', {
      body,
      headers: { 'accept-language': 'fr-BE' },
    });
    const nl = await api(t.baseUrl, 'POST', '/api/v1/auth/login', {
      body,
      headers: { 'accept-language': 'nl-BE' },
    });
    expect(fr.body).toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
      message: expect.stringContaining('mot de passe'),
    });
    expect(nl.body).toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
      message: expect.stringContaining('wachtwoord'),
    });
  });

  it('answers 429 on the 11th failed attempt within a minute', async () => {
    const body = { email: 'victim@example.be', password: 'wrong password!' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const res = await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body });
    expect(res.body.code).toBe('HTTP.TOO_MANY_REQUESTS');
  });

  it('refuses a disabled user at once, even with a token issued before', async () => {
    const email = 'coordinator.disabled@example.be';
    const password = 'twelve chars ok';
    const created = await api(t.baseUrl, 'POST', '/api/v1/users', {
      token: adminToken,
      body: { email, password, role: 'coordinator' },
    });
    expect(created.status).toBe(201);
    const token = (await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } })).body
      .accessToken;
    expect((await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token })).status).toBe(200);
    expect(
      (await api(t.baseUrl, 'POST', `/api/v1/users/${created.body.id}/disable`, { token: adminToken }))
        .status,
    ).toBe(204);
    const after = await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH.UNAUTHENTICATED');
    expect((await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } })).status).toBe(
      401,
    );
  });

  it('accepts the login token as the session cookie of the pages', async () => {
    const token = (await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: ADMIN })).body.accessToken;
    const me = await api(t.baseUrl, 'GET', '/api/v1/auth/me', {
      headers: { cookie: `ocr_session=${token}` },
    });
    expect(me.status).toBe(200);
    const forged = await api(t.baseUrl, 'GET', '/api/v1/auth/me', {
      headers: { cookie: 'ocr_session=forged' },
    });
    expect(forged.status).toBe(401);
  });

  it('revokes the token on logout', async () => {
    const token = (await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: ADMIN })).body.accessToken;
    expect((await api(t.baseUrl, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token })).status).toBe(401);
  });

  it('enforces roles: anonymous 401, coordinator 403 on admin routes', async () => {
    expect((await api(t.baseUrl, 'GET', '/api/v1/users')).status).toBe(401);
    const email = 'coordinator.roles@example.be';
    const password = 'twelve chars ok';
    await api(t.baseUrl, 'POST', '/api/v1/users', {
      token: adminToken,
      body: { email, password, role: 'coordinator' },
    });
    const token = (await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } })).body
      .accessToken;
    const res = await api(t.baseUrl, 'GET', '/api/v1/users', { token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.FORBIDDEN');
  });

  it('applies the password policy (12 to 128 characters) with a field-level error', async () => {
    for (const password of ['elevenchars', 'x'.repeat(129)]) {
      const res = await api(t.baseUrl, 'POST', '/api/v1/users', {
        token: adminToken,
        body: { email: `p${password.length}@example.be`, password, role: 'admin' },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION.FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    }
    const ok = await api(t.baseUrl, 'POST', '/api/v1/users', {
      token: adminToken,
      body: { email: 'p12@example.be', password: 'x'.repeat(12), role: 'admin' },
    });
    expect(ok.status).toBe(201);
  });

  it('rejects unknown fields (mass assignment) and names them', async () => {
    const res = await api(t.baseUrl, 'POST', '/api/v1/users', {
      token: adminToken,
      body: { email: 'mass@example.be', password: 'twelve chars ok', role: 'coordinator', disabledAt: null },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'disabledAt' })]);
  });

  it('requires a region for regional staff, and refuses a duplicate e-mail with 409', async () => {
    const noRegion = await api(t.baseUrl, 'POST', '/api/v1/users', {
      token: adminToken,
      body: { email: 'staff@example.be', password: 'twelve chars ok', role: 'regional_staff' },
    });
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.details[0].field).toBe('region');
    const body = {
      email: 'staff@example.be',
      password: 'twelve chars ok',
      role: 'regional_staff',
      region: 'BRU',
    };
    expect((await api(t.baseUrl, 'POST', '/api/v1/users', { token: adminToken, body })).status).toBe(201);
    const again = await api(t.baseUrl, 'POST', '/api/v1/users', { token: adminToken, body });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('USERS.EMAIL_TAKEN');
  });

  it('sets security headers and never says x-powered-by', async () => {
    const res = await api(t.baseUrl, 'GET', '/health/live');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('names a user id that is not a UUID, as DTO fields are', async () => {
    for (const path of ['/api/v1/users/not-a-uuid', '/api/v1/users/not-a-uuid/disable']) {
      const res = await api(t.baseUrl, path.endsWith('disable') ? 'POST' : 'GET', path, {
        token: adminToken,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION.FAILED', details: [{ field: 'id' }] });
    }
  });

  it('refuses to disable your own account (409), in your language, and you stay signed in', async () => {
    const me = await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token: adminToken });
    const res = await api(t.baseUrl, 'POST', `/api/v1/users/${me.body.userId}/disable`, {
      token: adminToken,
      headers: { 'accept-language': 'nl' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'USERS.CANNOT_DISABLE_SELF',
      message: 'U kunt uw eigen account niet uitzetten.',
      correlationId: expect.any(String),
    });
    expect((await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token: adminToken })).status).toBe(200);
  });

  // Last: it leaves one of two admins disabled.
  it('never disables the last enabled admin, even when two admins disable each other at once', async () => {
    const auth = t.app.get(AuthService);
    const ds = t.app.get(DataSource);
    const other = await auth.createUser({
      email: 'second.admin@example.be',
      password: 'twelve chars ok',
      role: 'admin',
    });
    const [{ id: firstId }] = await ds.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email]);
    // Only the two of them enabled.
    await ds.query(`UPDATE users SET disabled_at = now() WHERE role = 'admin' AND id NOT IN ($1, $2)`, [
      firstId,
      other.id,
    ]);
    const outcomes = await Promise.allSettled([
      auth.setDisabled(firstId, true, { userId: other.id }),
      auth.setDisabled(other.id, true, { userId: firstId }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'USERS.LAST_ADMIN', status: 409 });
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`,
    );
    expect(n).toBe(1);
  });
});
