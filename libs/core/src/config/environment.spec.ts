import { EnvironmentError, validateEnvironment } from './environment.js';

describe('environment', () => {
  it('applies defaults', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({ PORT: 3000, QUEUE_PREFIX: 'ocr', SESSION_TTL_MINUTES: 480 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('gives a variable set to the empty string its default, as if it were unset', () => {
    const env = validateEnvironment({
      SESSION_TTL_MINUTES: '',
      LOGIN_ATTEMPTS_PER_MINUTE: '',
      LOG_LEVEL: '',
      MAIL_FROM: '',
      SMTP_URL: '',
      PUBLIC_BASE_URL: '',
      PORT: '',
    });
    expect(env).toMatchObject({
      SESSION_TTL_MINUTES: 480,
      LOGIN_ATTEMPTS_PER_MINUTE: 10,
      LOG_LEVEL: 'info',
      MAIL_FROM: 'no-reply@ocr-register.local',
      PORT: 3000,
    });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.publicBaseUrl).toBeNull();
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      validateEnvironment({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        ADMIN_PASSWORD: 'short',
        REDIS_URL: 'http://x',
        PUBLIC_BASE_URL: 'ocr-register.example.be',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const problems = (error as EnvironmentError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'ADMIN_PASSWORD', 'REDIS_URL', 'PUBLIC_BASE_URL'])
      expect(problems).toContain(name);
  });

  it('reads PUBLIC_BASE_URL without its trailing slash, and null when unset', () => {
    expect(validateEnvironment({}).publicBaseUrl).toBeNull();
    expect(validateEnvironment({ PUBLIC_BASE_URL: 'https://ocr.example.be/' }).publicBaseUrl).toBe(
      'https://ocr.example.be',
    );
    expect(() => validateEnvironment({ PUBLIC_BASE_URL: 'https://ocr.example.be/?x=1' })).toThrow(
      EnvironmentError,
    );
  });
});
