import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes'].includes(String(value).toLowerCase());
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the system reads, validated once at boot.
 * Documented one by one in config/.env.example.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Namespaces the queues: a Redis key prefix, or a PostgreSQL schema on the embedded backend. */
  @Matches(/^[a-z][a-z0-9_]{0,40}$/, { message: 'QUEUE_PREFIX must be lower-case letters, digits or _' })
  QUEUE_PREFIX = 'ocr';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  /** Lifetime of a login (bearer token or session cookie), in minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(60 * 24 * 30)
  SESSION_TTL_MINUTES = 8 * 60;

  /** Failed-or-not login attempts allowed per minute for one e-mail address from one client. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Appends the JSON log lines to this file instead of writing them to stdout. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /** Whether cookies carry the Secure flag. Defaults to true outside tests. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  /** Embedded mode only: where the embedded PostgreSQL keeps its data, and its port. */
  @IsString()
  DATA_DIR = './.data';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 5433;

  /** How often the worker proves it is alive through the queue, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WORKER_HEARTBEAT_SECONDS = 10;

  /** A worker heartbeat older than this makes /health/ready fail, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  WORKER_HEARTBEAT_MAX_AGE_SECONDS = 60;

  /** How often the worker moves pending outbox entries to the queue, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  OUTBOX_RELAY_MS = 1000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsEmail()
  MAIL_FROM = 'no-reply@ocr-register.local';

  /**
   * The address people open the site at (https://ocr-register.example.be), used for links in
   * e-mails. Unset: the e-mails explain where to click instead of linking.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'PUBLIC_BASE_URL must be an http:// or https:// address, without ? or #',
  })
  PUBLIC_BASE_URL?: string;

  /** PUBLIC_BASE_URL without a trailing slash, or null when it is unset. */
  get publicBaseUrl(): string | null {
    return this.PUBLIC_BASE_URL ? this.PUBLIC_BASE_URL.replace(/\/+$/, '') : null;
  }

  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.NODE_ENV !== 'test';
  }
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Validates the whole environment and reports every bad variable at once. A variable set to the empty
 * string counts as unset and gets its default: docker-compose passes `${VAR:-}` for every setting the
 * user may leave out, and `.env` files list settings with empty values.
 */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(Environment, given, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new EnvironmentError(
      errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => `${e.property}: ${msg}`)),
    );
  }
  return env;
}
