import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import { correlationIdOf, enterRequestContext } from './request-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlationIdOf', () => {
  it("keeps a caller's id that is harmless to log", () => {
    expect(correlationIdOf({ 'x-correlation-id': 'req-42.A_b' })).toBe('req-42.A_b');
  });

  it('gives a new id when there is none, or when it could forge or flood a log line', () => {
    for (const given of [undefined, '', 'two words', 'line\nbreak', 'x'.repeat(65), ['a', 'b']])
      expect(correlationIdOf({ 'x-correlation-id': given })).toMatch(UUID);
  });
});

describe('enterRequestContext', () => {
  let app: FastifyInstance;
  const cls = ClsServiceManager.getClsService();

  beforeAll(async () => {
    // Request ids made as the API makes them.
    app = Fastify({ genReqId: (req) => correlationIdOf(req.headers) });
    enterRequestContext(app);
    // A later hook, as the app's own come after the context is entered.
    app.addHook('preHandler', async (request) => {
      (request as { seenInHook?: string }).seenInHook = cls.getId();
    });
    app.post('/echo', async (request) => {
      await sleep(Number((request.body as { wait: number }).wait));
      return { id: cls.getId(), inHook: (request as { seenInHook?: string }).seenInHook };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  // Real HTTP: the body reaches the server after the headers, as it does in production.
  const echo = async (wait: number, id?: string) => {
    const { port } = app.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(id ? { 'x-correlation-id': id } : {}) },
      body: JSON.stringify({ wait }),
    });
    return (await res.json()) as { id: string; inHook: string };
  };

  it('holds the correlation id through later hooks, the body and the awaits of the handler', async () => {
    expect(await echo(5, 'corr-1')).toEqual({ id: 'corr-1', inHook: 'corr-1' });
  });

  it('keeps concurrent requests apart', async () => {
    const answers = await Promise.all([echo(30, 'slow'), echo(1, 'fast'), echo(15, 'middle')]);
    expect(answers.map((a) => a.id)).toEqual(['slow', 'fast', 'middle']);
  });

  it('gives a request without a usable id a new one, different each time', async () => {
    const [a, b] = await Promise.all([echo(1), echo(1, 'has space')]);
    expect(a.id).toMatch(UUID);
    expect(b.id).toMatch(UUID);
    expect(a.id).not.toBe(b.id);
  });

  it('leaves no context behind once the request is answered', async () => {
    await echo(1, 'gone');
    expect(cls.isActive()).toBe(false);
  });
});
