import { staticSecurityHeaders } from '../../apps/api/src/security-headers.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

/** ASVS level 2 items that the HTTP edge enforces (see docs/security.md). */
describe('security at the HTTP edge (real HTTP, real PostgreSQL)', () => {
  let t: TestApi;
  let w: RegistryWorld;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
  });
  afterAll(() => t?.close());

  it('stores passwords as argon2id hashes', async () => {
    const rows = await w.sql(`SELECT password_hash FROM users`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { password_hash } of rows) expect(password_hash).toMatch(/^\$argon2id\$v=19\$/);
  });

  it('refuses an expired login token', async () => {
    const login = await api(t.baseUrl, 'POST', '/api/v1/auth/login', {
      body: { email: 'coord-a@example.be', password: 'a long enough password' },
    });
    const token = login.body.accessToken;
    expect((await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token })).status).toBe(200);
    await w.sql(
      `UPDATE login_sessions SET expires_at = now() - interval '1 second'
       WHERE user_id = $1 AND revoked_at IS NULL AND created_at = (SELECT max(created_at) FROM login_sessions WHERE user_id = $1)`,
      [w.users.coordA],
    );
    const expired = await api(t.baseUrl, 'GET', '/api/v1/auth/me', { token });
    expect(expired.status).toBe(401);
  });

  it('answers 413 to an oversize body, with a code', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const res = await api(t.baseUrl, 'PATCH', '/api/v1/spaces/BRU-A', { token: w.tokens.admin, body: huge });
    expect(res.status).toBe(413);
    expect(res.body.code).toEqual(expect.any(String));
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('answers 415 to a content type the route does not take', async () => {
    const res = await api(t.baseUrl, 'POST', '/api/v1/spaces', {
      token: w.tokens.admin,
      body: '<space><ref>X</ref></space>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toEqual(expect.any(String));
  });

  it('answers 400 to a repeated query parameter that must be single (parameter pollution)', async () => {
    const res = await api(t.baseUrl, 'GET', '/api/v1/spaces?region=BRU&region=WAL', {
      token: w.tokens.admin,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
  });

  it('neutralises log injection through the correlation id header', async () => {
    const echoed = await api(t.baseUrl, 'GET', '/api/v1/spaces/NOPE', {
      token: w.tokens.admin,
      headers: { 'x-correlation-id': 'evil id with spaces' },
    });
    expect(echoed.body.correlationId).not.toBe('evil id with spaces');
    expect(echoed.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers with the caller's correlation id, from Nest's error filter and from Fastify's own errors alike", async () => {
    const fromNest = await api(t.baseUrl, 'GET', '/api/v1/spaces/NOPE', {
      token: w.tokens.admin,
      headers: { 'x-correlation-id': 'corr-nest-404' },
    });
    expect(fromNest.status).toBe(404);
    expect(fromNest.body.correlationId).toBe('corr-nest-404');
    const fromFastify = await api(t.baseUrl, 'PATCH', '/api/v1/spaces/BRU-A', {
      token: w.tokens.admin,
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'x-correlation-id': 'corr-fastify-413' },
    });
    expect(fromFastify.status).toBe(413);
    expect(fromFastify.body.correlationId).toBe('corr-fastify-413');
  });

  it('sends the protective headers and no x-powered-by', async () => {
    const res = await api(t.baseUrl, 'GET', '/health/live');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it("sends every one of helmet's headers on reads, refusals, unknown addresses and pages", async () => {
    const expected = staticSecurityHeaders();
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
    const answers = [
      await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-A', { token: w.tokens.admin }),
      await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-A'),
      await api(t.baseUrl, 'GET', '/api/v1/no-such-route'),
      await fetch(`${t.baseUrl}/login`).then((r) => ({ status: r.status, headers: r.headers })),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 200]);
    for (const answer of answers)
      for (const [name, value] of Object.entries(expected))
        expect([name, answer.headers.get(name)]).toEqual([name, value]);
  });
});
