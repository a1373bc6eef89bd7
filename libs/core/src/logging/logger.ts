import type { LoggerService } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * JSON logs on stdout, or appended to LOG_FILE. Every line carries the correlation id of the request or job it belongs to.
 * Keys that may hold secrets are redacted; pino's JSON encoding escapes newlines, so user input
 * cannot forge log lines.
 */
export function createRootLogger(level: string, file?: string): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: process.env.OCR_SERVICE_NAME ?? 'ocr-register' },
    redact: {
      paths: [
        'password',
        '*.password',
        'accessToken',
        '*.accessToken',
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    mixin() {
      const id = ClsServiceManager.getClsService()?.getId();
      return id ? { correlationId: id } : {};
    },
  };
  return file ? pino(options, pino.destination({ dest: file, append: true, mkdir: true })) : pino(options);
}

/** Nest's logger interface on top of pino, so framework and application logs share one format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ) {
    const context =
      rest.length && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (message && typeof message === 'object' && !(message instanceof Error)) {
      const text = typeof rest[0] === 'string' ? rest[0] : undefined;
      this.root[level]({ context, ...(message as object) }, text);
    } else if (message instanceof Error) {
      this.root[level]({ context, err: message }, message.message);
    } else {
      this.root[level]({ context }, String(message));
    }
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }
}
