import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const LOGIN_PATHS = new Set(['/api/v1/auth/login', '/login']);

/** A route that takes sign-in attempts: a POST to one of the login paths. */
export function isLoginRoute(method: string | string[], url: string | undefined): boolean {
  const methods = Array.isArray(method) ? method : [method];
  return methods.includes('POST') && LOGIN_PATHS.has(url ?? '');
}

/**
 * Limits login attempts per client address and e-mail address, so one person's typos cannot lock
 * out a whole office behind one NAT address, while one address cannot guess many passwords of one
 * account. Runs after body parsing (preHandler) because the key needs the e-mail.
 */
export async function registerLoginRateLimit(
  fastify: FastifyInstance,
  attemptsPerMinute: number,
): Promise<void> {
  // The limiter's hook goes on the login routes only. With `global: true` alone it ran on every route
  // of the app (to let all but the logins through), three promises per request. Marking the other
  // routes `rateLimit: false` before the plugin sees them keeps one limiter, one store and one count
  // per client and e-mail across both login routes.
  fastify.addHook('onRoute', (route) => {
    if (!isLoginRoute(route.method, route.url)) route.config = { ...route.config, rateLimit: false };
  });
  await fastify.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: attemptsPerMinute,
    timeWindow: 60_000,
    allowList: (req: FastifyRequest) => req.method !== 'POST' || !LOGIN_PATHS.has(req.routeOptions.url ?? ''),
    keyGenerator: (req: FastifyRequest) => {
      const email = (req.body as { email?: unknown } | undefined)?.email;
      return `${req.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    },
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      code: 'HTTP.TOO_MANY_REQUESTS',
      message: `Too many attempts. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
    }),
  });
}
