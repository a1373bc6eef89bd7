import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { isLoginRoute, registerLoginRateLimit } from './login-rate-limit.js';

describe('isLoginRoute', () => {
  it('is a POST to a login path, and nothing else', () => {
    expect(isLoginRoute('POST', '/api/v1/auth/login')).toBe(true);
    expect(isLoginRoute(['GET', 'POST'], '/login')).toBe(true);
    expect(isLoginRoute('GET', '/login')).toBe(false);
    expect(isLoginRoute('POST', '/api/v1/auth/logout')).toBe(false);
    expect(isLoginRoute('POST', undefined)).toBe(false);
  });
});

describe('registerLoginRateLimit (real Fastify, real HTTP)', () => {
  let app: FastifyInstance;
  let baseUrl: string;
  const preHandlers = new Map<string, number>();

  beforeAll(async () => {
    app = Fastify();
    await registerLoginRateLimit(app, 2);
    // After the limiter's own onRoute hook: what each route ends up with.
    app.addHook('onRoute', (route: RouteOptions) => {
      const hooks = route.preHandler;
      preHandlers.set(
        `${String(route.method)} ${route.url}`,
        Array.isArray(hooks) ? hooks.length : hooks ? 1 : 0,
      );
    });
    app.post('/api/v1/auth/login', async () => ({ ok: true }));
    app.post('/login', async () => ({ ok: true }));
    app.get('/login', async () => ({ ok: true }));
    app.post('/api/v1/spaces', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(() => app.close());

  const post = (path: string, email: string) =>
    fetch(baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    }).then((r) => r.status);

  it('puts its hook on the login routes only', () => {
    expect(Object.fromEntries(preHandlers)).toEqual({
      'POST /api/v1/auth/login': 1,
      'POST /login': 1,
      'GET /login': 0,
      'HEAD /login': 0,
      'POST /api/v1/spaces': 0,
    });
  });

  it('counts both login routes against one limit per address and e-mail', async () => {
    expect(await post('/api/v1/auth/login', 'a@example.be')).toBe(200);
    expect(await post('/login', 'a@example.be')).toBe(200);
    expect(await post('/api/v1/auth/login', 'a@example.be')).toBe(429);
    expect(await post('/login', 'a@example.be')).toBe(429);
    // Another e-mail from the same address has its own count.
    expect(await post('/login', 'b@example.be')).toBe(200);
  });

  it('never limits other routes', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => post('/api/v1/spaces', 'a@example.be')),
    );
    expect(statuses).toEqual(Array(10).fill(200));
  });
});
