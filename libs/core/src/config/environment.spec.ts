import { EnvironmentError, validateEnvironment } from './environment.js';

describe('environment', () => {
  it('applies defaults', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({ PORT: 3000, QUEUE_PREFIX: 'ocr', SESSION_TTL_MINUTES: 480 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      validateEnvironment({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        ADMIN_PASSWORD: 'short',
        REDIS_URL: 'http://x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const problems = (error as EnvironmentError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'ADMIN_PASSWORD', 'REDIS_URL'])
      expect(problems).toContain(name);
  });
});
