import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const LOGIN_PATHS = new Set(['/api/v1/auth/login', '/login']);

/**
 * Limits login attempts per client address and e-mail address, so one person's typos cannot lock
 * out a whole office behind one NAT address, while one address cannot guess many passwords of one
 * account. Runs after body parsing (preHandler) because the key needs the e-mail.
 */
export async function registerLoginRateLimit(
  fastify: FastifyInstance,
  attemptsPerMinute: number,
): Promise<void> {
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
