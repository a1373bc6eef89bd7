import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** The API's and pages' security headers: helmet's defaults, with the policy the pages need. */
export const SECURITY_HEADER_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
  },
  strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
};

/**
 * The headers helmet sets for these options, computed once. With no per-request directive (no nonce, no
 * function in the policy) helmet sets the same headers on every answer, so running its dozen middlewares
 * for each request only repeats work (≈ 20 µs of a ≈ 600 µs read, docs/performance.md, (3)). Helmet
 * itself decides the values; this only records them. A policy that varies per request is refused.
 */
export function staticSecurityHeaders(
  options: Readonly<HelmetOptions> = SECURITY_HEADER_OPTIONS,
): Record<string, string> {
  const directives =
    options.contentSecurityPolicy && typeof options.contentSecurityPolicy === 'object'
      ? Object.values(options.contentSecurityPolicy.directives ?? {})
      : [];
  if (
    directives.some(
      (value) =>
        typeof value === 'function' || (Array.isArray(value) && value.some((v) => typeof v === 'function')),
    )
  )
    throw new Error('A content security policy that varies per request cannot be computed once.');
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let outcome: { error?: unknown } | null = null;
  helmet(options)(
    { headers: {} } as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      outcome = { error };
    },
  );
  // Helmet's middlewares run synchronously; one that did not call through would leave headers out.
  if (outcome === null) throw new Error('helmet did not finish synchronously');
  if ((outcome as { error?: unknown }).error) throw (outcome as { error?: unknown }).error;
  return headers;
}
