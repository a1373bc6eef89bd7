/**
 * A raw HTTP client for the authorization and fuzz suites: no redirect following (a page that
 * sends a signed-out visitor to /login must be seen as such), any body kind, the session either as
 * a bearer token (API) or as the browser's session cookie (pages).
 */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or null. */
  json: any;
}

export interface RawRequest {
  method: string;
  path: string;
  token?: string;
  /** Send the token as the `ocr_session` cookie instead of a bearer header. */
  asCookie?: boolean;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array | FormData | URLSearchParams;
  contentType?: string;
}

export async function rawRequest(baseUrl: string, req: RawRequest): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...req.headers };
  const cookies: Record<string, string> = { ...req.cookies };
  if (req.token && req.asCookie) cookies.ocr_session = req.token;
  else if (req.token) headers.authorization = `Bearer ${req.token}`;
  const cookieHeader = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  if (cookieHeader) headers.cookie = cookieHeader;
  if (req.contentType) headers['content-type'] = req.contentType;
  const res = await fetch(`${baseUrl}${req.path}`, {
    method: req.method,
    headers,
    body: req.body as RequestInit['body'],
    redirect: 'manual',
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A CSRF cookie and its matching form token, read from the public login page. */
export async function csrfPair(baseUrl: string): Promise<{ cookie: string; token: string }> {
  const res = await rawRequest(baseUrl, { method: 'GET', path: '/login' });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('ocr_csrf='));
  const token = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
  if (res.status !== 200 || !setCookie || !token) {
    throw new Error(`no CSRF token from GET /login (status ${res.status})`);
  }
  return { cookie: setCookie.split(';')[0].slice('ocr_csrf='.length), token };
}
