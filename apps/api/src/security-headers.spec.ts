import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { SECURITY_HEADER_OPTIONS, staticSecurityHeaders } from './security-headers.js';

/** What helmet itself sets on a real Node response for these options. */
function helmetOnRealResponse(options = SECURITY_HEADER_OPTIONS): Record<string, string> {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  res.setHeader('X-Powered-By', 'something');
  let done = false;
  helmet(options)(req, res, () => {
    done = true;
  });
  expect(done).toBe(true);
  return Object.fromEntries(Object.entries(res.getHeaders()).map(([k, v]) => [k, String(v)]));
}

describe('staticSecurityHeaders', () => {
  it('records exactly the headers helmet sets on a real response', () => {
    expect(staticSecurityHeaders()).toEqual(helmetOnRealResponse());
  });

  it('holds the policy the pages rely on', () => {
    const headers = staticSecurityHeaders();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('follows other options (helmet decides the values)', () => {
    const options = { ...SECURITY_HEADER_OPTIONS, referrerPolicy: { policy: 'same-origin' as const } };
    expect(staticSecurityHeaders(options)['referrer-policy']).toBe('same-origin');
    expect(staticSecurityHeaders(options)).toEqual(helmetOnRealResponse(options));
  });

  it('refuses a policy that varies per request', () => {
    const perRequest = {
      contentSecurityPolicy: {
        directives: { scriptSrc: ["'self'", (_req: unknown, res: unknown) => `'nonce-${String(res)}'`] },
      },
    };
    expect(() => staticSecurityHeaders(perRequest)).toThrow(/varies per request/);
  });
});
