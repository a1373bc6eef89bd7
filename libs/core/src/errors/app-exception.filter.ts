import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import { translateErrorMessage } from '../i18n/error-messages.js';
import { negotiateLanguage } from '../i18n/language.js';
import { AppException } from './app-exception.js';
import { ErrorPages } from './error-pages.js';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  correlationId: string;
}

const HTTP_CODES: Record<number, string> = {
  400: 'HTTP.BAD_REQUEST',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'HTTP.NOT_FOUND',
  405: 'HTTP.METHOD_NOT_ALLOWED',
  406: 'HTTP.NOT_ACCEPTABLE',
  409: 'HTTP.CONFLICT',
  413: 'HTTP.PAYLOAD_TOO_LARGE',
  415: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
  429: 'HTTP.TOO_MANY_REQUESTS',
  503: 'HTTP.UNAVAILABLE',
};

/** Translates anything thrown into `{ code, message, details?, correlationId }`; never leaks internals. */
export function toErrorBody(exception: unknown, correlationId: string): { status: number; body: ErrorBody } {
  if (exception instanceof AppException) {
    return {
      status: exception.status,
      body: { code: exception.code, message: exception.message, details: exception.details, correlationId },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' &&
      response &&
      'message' in response &&
      typeof response.message === 'string'
        ? response.message
        : exception.message;
    return { status, body: { code: HTTP_CODES[status] ?? `HTTP.${status}`, message, correlationId } };
  }
  // Fastify errors (body too large, bad content type, malformed JSON) carry a statusCode.
  const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const message =
      fastifyStatus === 400 ? 'The request body could not be read.' : String((exception as Error).message);
    return {
      status: fastifyStatus,
      body: { code: HTTP_CODES[fastifyStatus] ?? `HTTP.${fastifyStatus}`, message, correlationId },
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      status: 503,
      body: {
        code: 'SYSTEM.DATABASE_UNAVAILABLE',
        message: 'The service is briefly unavailable. Try again soon.',
        correlationId,
      },
    };
  }
  return {
    status: 500,
    body: { code: 'SYSTEM.INTERNAL', message: 'Something went wrong on our side.', correlationId },
  };
}

function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === '57P01' || // admin_shutdown
    code === '57P03' || // cannot_connect_now
    code === '08006' ||
    code === '08001' ||
    /Connection terminated|connect ECONNREFUSED/.test(err?.message ?? '')
  );
}

@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() private readonly pages?: ErrorPages) {}

  catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const correlationId = ClsServiceManager.getClsService()?.getId() ?? 'none';
    const { status, body } = toErrorBody(exception, correlationId);
    if (status >= 500) {
      this.logger.error({ err: exception, code: body.code }, 'request failed');
    }
    // An unknown page address, or any error outside a page controller, on a page: answer with a page.
    if (this.pages?.handles(request)) return this.pages.render(request, reply, status);
    // The one place where error codes become words in the caller's language.
    const language = negotiateLanguage(request.headers['accept-language'], 'en');
    body.message = translateErrorMessage(body.code, language) ?? body.message;
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
