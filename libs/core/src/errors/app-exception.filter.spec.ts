import { localizedErrorBody, toErrorBody } from './app-exception.filter.js';
import { AppException } from './app-exception.js';
import './error.messages.js';

/** What Fastify's router hands its `frameworkErrors` handler (its messages quote the raw address). */
const routerError = (code: string, statusCode: number) =>
  Object.assign(new Error(`'/api/v1/spaces/%' is not a valid url component`), { code, statusCode });

describe('toErrorBody: the router refusals', () => {
  it('answers a broken address with 400 HTTP.BAD_URL, without quoting it', () => {
    const { status, body } = toErrorBody(routerError('FST_ERR_BAD_URL', 400), 'c-1');
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'HTTP.BAD_URL', message: expect.any(String), correlationId: 'c-1' });
    expect(body.message).not.toContain('/api/v1/spaces');
  });

  it('answers an over-long path parameter with 414 HTTP.URI_TOO_LONG', () => {
    const { status, body } = toErrorBody(routerError('FST_ERR_MAX_PARAM_LENGTH', 414), 'c-2');
    expect(status).toBe(414);
    expect(body).toMatchObject({ code: 'HTTP.URI_TOO_LONG', correlationId: 'c-2' });
    expect(body.message).not.toContain('/api/v1/spaces');
  });
});

describe('localizedErrorBody', () => {
  it('words the code in the Accept-Language, and keeps the lib message for a code without words', () => {
    expect(
      localizedErrorBody(routerError('FST_ERR_BAD_URL', 400), 'c', 'fr-BE,fr;q=0.9').body.message,
    ).toMatch(/^L’adresse/);
    expect(localizedErrorBody(routerError('FST_ERR_BAD_URL', 400), 'c', 'nl').body.message).toMatch(
      /^Het adres/,
    );
    const own = new AppException('THING.ODD', 'An odd thing.', 409);
    expect(localizedErrorBody(own, 'c', 'nl').body).toMatchObject({
      code: 'THING.ODD',
      message: 'An odd thing.',
    });
  });
});
