import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Environment } from '../config/environment.js';
import { SESSION_COOKIE } from './auth.guard.js';

/**
 * Cookie options for the pages' login session: not readable by scripts, not sent on cross-site
 * sub-requests, HTTPS-only outside tests, and no longer-lived than the session row it points to.
 */
export function sessionCookieOptions(env: Environment): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.cookieSecure,
    path: '/',
    maxAge: env.SESSION_TTL_MINUTES * 60,
  };
}

export function sessionCookie(env: Environment, token: string) {
  return { name: SESSION_COOKIE, value: token, options: sessionCookieOptions(env) };
}
