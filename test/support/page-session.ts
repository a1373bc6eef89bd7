/** Helpers for the tests that drive the pages over plain HTTP, as a browser without JavaScript would. */

/** The cookies an answer sets, as a `cookie` header sends them back. */
export const cookiesOf = (res: Response): string =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** The CSRF token of the first form in a page ('' when it has none). */
export const tokenIn = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
