import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { AuthService, SessionCache, SessionRevocationListener } from '../../libs/core/src/index.js';
import { api, startTestApi, waitFor, type TestApi } from '../support/test-app.js';

const PASSWORD = 'a long enough password';
/** Well under the cache's 10 s time to live: a refusal this fast came from a notification. */
const PROMPTLY_MS = 2000;

/**
 * Signed-in sessions are cached per API process for a few seconds. These tests run two API instances
 * on one database and prove that a revocation made through either (or by hand in SQL) is refused by
 * the other at once, not when its cache entry runs out.
 */
describe('session cache across API instances (real PostgreSQL, real HTTP)', () => {
  let first: TestApi;
  let second: NestFastifyApplication;
  let secondUrl: string;
  let adminToken: string;
  let sql: (query: string, params?: unknown[]) => Promise<any[]>;

  const login = async (baseUrl: string, email: string) => {
    const res = await api(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };
  const me = (baseUrl: string, token: string) => api(baseUrl, 'GET', '/api/v1/auth/me', { token });
  const createUser = (email: string, role: 'admin' | 'coordinator' = 'coordinator') =>
    first.app.get(AuthService).createUser({ email, password: PASSWORD, role });
  /** Two requests: a session is cached from its second lookup on. */
  const useTwice = async (app: NestFastifyApplication, baseUrl: string, token: string) => {
    const cache = app.get(SessionCache);
    const before = cache.size;
    expect((await me(baseUrl, token)).status).toBe(200);
    expect((await me(baseUrl, token)).status).toBe(200);
    expect(cache.size).toBe(before + 1);
  };
  /** Signed in through the first instance, and cached by the second. */
  const cachedBySecond = async (email: string) => {
    const token = await login(first.baseUrl, email);
    await useTwice(second, secondUrl, token);
    return token;
  };
  const refusedPromptly = async (baseUrl: string, token: string) => {
    const started = Date.now();
    await waitFor(async () => (await me(baseUrl, token)).status === 401, PROMPTLY_MS, 20);
    return Date.now() - started;
  };

  beforeAll(async () => {
    first = await startTestApi();
    // startTestApi left its environment (the same DATABASE_URL) in process.env: a second instance.
    second = await createApiApp();
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.getHttpServer().address();
    secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const ds = first.app.get(DataSource);
    sql = (query, params = []) => ds.query(query, params);
    await createUser('revocation-admin@example.be', 'admin');
    adminToken = await login(first.baseUrl, 'revocation-admin@example.be');
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('caches on both instances only while their revocation listeners are connected', () => {
    expect(first.app.get(SessionCache).live).toBe(true);
    expect(second.get(SessionCache).live).toBe(true);
  });

  it('refuses a session logged out through the other instance at once', async () => {
    await createUser('logout-elsewhere@example.be');
    const token = await cachedBySecond('logout-elsewhere@example.be');
    expect((await api(first.baseUrl, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await me(first.baseUrl, token)).status).toBe(401);
    expect(await refusedPromptly(secondUrl, token)).toBeLessThan(PROMPTLY_MS);
  });

  it('refuses every session of a user disabled through the other instance at once', async () => {
    const { id } = await createUser('disabled-elsewhere@example.be');
    const phone = await cachedBySecond('disabled-elsewhere@example.be');
    const laptop = await cachedBySecond('disabled-elsewhere@example.be');
    const disable = await api(first.baseUrl, 'POST', `/api/v1/users/${id}/disable`, { token: adminToken });
    expect(disable.status).toBe(204);
    await refusedPromptly(secondUrl, phone);
    await refusedPromptly(secondUrl, laptop);
  });

  it('refuses a session ended by hand in SQL, on both instances', async () => {
    const { id } = await createUser('expired-by-hand@example.be');
    const token = await cachedBySecond('expired-by-hand@example.be');
    await useTwice(first.app, first.baseUrl, token);
    await sql(`UPDATE login_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [id]);
    await refusedPromptly(first.baseUrl, token);
    await refusedPromptly(secondUrl, token);
  });

  it('keeps other users’ cached sessions when one user is revoked', async () => {
    await createUser('bystander@example.be');
    await createUser('revoked-next-to-bystander@example.be');
    const bystander = await cachedBySecond('bystander@example.be');
    const revoked = await cachedBySecond('revoked-next-to-bystander@example.be');
    const cache = second.get(SessionCache);
    const cached = cache.size;
    expect((await api(first.baseUrl, 'POST', '/api/v1/auth/logout', { token: revoked })).status).toBe(204);
    await refusedPromptly(secondUrl, revoked);
    expect(cache.size).toBe(cached - 1);
    expect((await me(secondUrl, bystander)).status).toBe(200);
    expect(cache.size).toBe(cached - 1);
  });

  it('empties the cache and stops caching when its listener connection drops, until it is back', async () => {
    await createUser('listener-drop@example.be');
    const token = await cachedBySecond('listener-drop@example.be');
    const cache = second.get(SessionCache);
    const listener = second.get(SessionRevocationListener);
    const pid = listener.backendPid;
    expect(pid).toEqual(expect.any(Number));
    expect(cache.size).toBeGreaterThan(0);

    await sql(`SELECT pg_terminate_backend($1)`, [pid]);
    await waitFor(async () => !cache.live, PROMPTLY_MS, 10);
    expect(cache.size).toBe(0);
    // Meanwhile every request reads its session from the database.
    expect((await me(secondUrl, token)).status).toBe(200);

    // The listener comes back on a new connection, and the cache with it.
    await waitFor(async () => cache.live, 10000, 50);
    expect(listener.backendPid).not.toBe(pid);
    expect(cache.size).toBe(0);
    await useTwice(second, secondUrl, token);
    expect((await api(first.baseUrl, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    await refusedPromptly(secondUrl, token);
  });
});
