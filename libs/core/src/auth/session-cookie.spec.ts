import { validateEnvironment } from '../config/environment.js';
import { sessionCookieOptions } from './session-cookie.js';

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax and Secure outside tests', () => {
    const options = sessionCookieOptions(validateEnvironment({ NODE_ENV: 'production' }));
    expect(options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
    expect(options.maxAge).toBe(8 * 60 * 60);
  });

  it('drops Secure only in tests (plain HTTP on loopback), unless told otherwise', () => {
    expect(sessionCookieOptions(validateEnvironment({ NODE_ENV: 'test' })).secure).toBe(false);
    expect(
      sessionCookieOptions(validateEnvironment({ NODE_ENV: 'test', COOKIE_SECURE: 'true' })).secure,
    ).toBe(true);
  });
});
