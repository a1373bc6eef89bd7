import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import { translateErrorMessage } from '../i18n/error-messages.js';
import { negotiateLanguage } from '../i18n/language.js';
import { AppException } from './app-exception.js';
import { ErrorPages } from './error-pages.js';
import './error.messages.js';

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
  414: 'HTTP.URI_TOO_LONG',
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
  // The router's own refusals, answered before any route or hook: their messages quote the raw address,
  // which is the caller's input, so they get words of their own.
  const router = ROUTER_ERRORS[String((exception as { code?: unknown })?.code)];
  if (router)
    return { status: router.status, body: { code: router.code, message: router.message, correlationId } };
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

const ROUTER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'HTTP.BAD_URL',
    message: 'The address is not valid: it holds a broken %-escape or a character that cannot be read.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'HTTP.URI_TOO_LONG',
    message: 'A part of the address is too long.',
  },
};

/** toErrorBody, with the message in the caller's language (Accept-Language) when the code has words. */
export function localizedErrorBody(
  exception: unknown,
  correlationId: string,
  acceptLanguage: string | string[] | undefined,
): { status: number; body: ErrorBody } {
  const answer = toErrorBody(exception, correlationId);
  const language = negotiateLanguage(
    Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage,
    'en',
  );
  answer.body.message = translateErrorMessage(answer.body.code, language) ?? answer.body.message;
  return answer;
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
    // Error codes become words in the caller's language here (and in the API app's Fastify handlers).
    const { status, body } = localizedErrorBody(exception, correlationId, request.headers['accept-language']);
    if (status >= 500) {
      this.logger.error({ err: exception, code: body.code }, 'request failed');
    }
    // An unknown page address, or any error outside a page controller, on a page: answer with a page.
    if (this.pages?.handles(request)) return this.pages.render(request, reply, status);
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
