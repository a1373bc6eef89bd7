import Fastify, { type FastifyInstance } from 'fastify';
import { ERROR_PAGE_FALLBACK, answerWithPage } from './page-exception.filter.js';
import type { PageRenderer } from './page-renderer.js';

/** Real HTTP rather than inject(): inject's cookie parser is CommonJS-incompatible under Jest's ESM mode. */
async function get(app: FastifyInstance, path: string) {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const res = await fetch(`${address}${path}`, { redirect: 'manual' });
  return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

describe('answerWithPage', () => {
  it('answers in plain text, never throws, when the error page itself cannot be rendered', async () => {
    const broken = {
      renderError: () => Promise.reject(new Error('Missing helper: "headTitle"')),
    } as unknown as PageRenderer;
    const app = Fastify();
    let escaped: unknown = null;
    app.get('/page', async (req, reply) => {
      await answerWithPage(broken, req, reply, 404).catch((error: unknown) => (escaped = error));
      return reply;
    });
    const first = await get(app, '/page');
    expect(escaped).toBeNull();
    expect(first.statusCode).toBe(404);
    expect(first.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(first.body).toBe(ERROR_PAGE_FALLBACK);
    // And the server goes on answering.
    const address = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    expect(await (await fetch(`${address}/page`)).text()).toBe(ERROR_PAGE_FALLBACK);
    await app.close();
  });

  it('sends a signed-out visitor to the login page without rendering anything', async () => {
    const renderer = {
      renderError: () => Promise.reject(new Error('not called')),
    } as unknown as PageRenderer;
    const app = Fastify();
    app.get('/my-spaces', async (req, reply) => {
      await answerWithPage(renderer, req, reply, 401);
      return reply;
    });
    const res = await get(app, '/my-spaces');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fmy-spaces');
    await app.close();
  });
});
