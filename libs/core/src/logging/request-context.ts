import { randomUUID } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { CLS_ID, ClsService, ClsServiceManager } from 'nestjs-cls';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A caller's correlation id is kept only when it is harmless to log; otherwise the request gets a new one. */
export function correlationIdOf(headers: Record<string, string | string[] | undefined>): string {
  const given = headers[CORRELATION_HEADER];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}

/**
 * The request context (nestjs-cls's `ClsService`, the very one `ClsServiceManager` hands out), for
 * injection. It carries the correlation id that every log line, audit entry and job of a request holds.
 */
export const REQUEST_CONTEXT_PROVIDER: Provider = {
  provide: ClsService,
  useFactory: () => ClsServiceManager.getClsService(),
};

/**
 * Opens a fresh request context, holding the request's id as its correlation id, in Fastify's own
 * `onRequest` hook; the rest of the request (later hooks, body, guards, handler) runs inside it. The app
 * makes its request ids with `correlationIdOf` (Fastify's `genReqId`), so the one id is made once and is
 * the same in Fastify's log lines, Nest's, error answers from either, audit entries and jobs.
 * This replaces `ClsModule.forRoot`'s mounting, which costs every request more than the context itself:
 * the module also registers a global guard and a global interceptor that do nothing unless mounted, and
 * that interceptor alone sends every route through Nest's interceptor pipeline (rxjs and two
 * `AsyncResource`s); its middleware runs through @fastify/middie with several awaits
 * (docs/performance.md, (3)).
 */
export function enterRequestContext(fastify: FastifyInstance): void {
  const cls = ClsServiceManager.getClsService();
  fastify.addHook('onRequest', (request, _reply, done) => {
    cls.run(() => {
      cls.set(CLS_ID, String(request.id));
      done();
    });
  });
}
