import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import {
  isLanguage,
  negotiateLanguage,
  translateErrorMessage,
  type AuthenticatedRequest,
  type Language,
} from '../../../core/src/index.js';
import type { ImportRejectedDto } from './dto/imports.dto.js';
import { ImportRejectedException } from './import.errors.js';

/** The caller's language: Accept-Language, else the language of their profile, else English. */
export function requestLanguage(req: AuthenticatedRequest): Language {
  const header = req.headers['accept-language'];
  if (header) return negotiateLanguage(header, 'en');
  const preferred = req.principal?.preferredLanguage;
  return isLanguage(preferred) ? preferred : 'en';
}

/**
 * Renders a rejected file as `422 { code, message, errors: [{ line, column, message }] }`, each row error
 * worded in the caller's language (the CSV contract names `errors`, where other errors have `details`).
 */
@Catch(ImportRejectedException)
export class ImportRejectedFilter implements ExceptionFilter {
  catch(exception: ImportRejectedException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const language = requestLanguage(http.getRequest<AuthenticatedRequest>());
    const body: ImportRejectedDto = {
      code: exception.code,
      message: translateErrorMessage(exception.code, language) ?? exception.message,
      errors: exception.formatErrors(language),
      errorCount: exception.errorCount,
      correlationId: ClsServiceManager.getClsService()?.getId() ?? 'none',
    };
    void reply.status(422).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
