import {
  Catch,
  HttpException,
  Injectable,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException, ErrorPages } from '../../../../libs/core/src/index.js';
import { PageRenderer } from './page-renderer.js';
import { isPageUrl } from './pages.setup.js';

/** Where a signed-out visitor is sent, with the page to come back to. */
export function loginRedirect(req: FastifyRequest): string {
  const next = req.method === 'GET' ? req.url : new URL(req.url, 'http://page.invalid').pathname;
  return `/login?next=${encodeURIComponent(next)}`;
}

/**
 * Errors on page routes become pages: a signed-out visitor goes to the login page, a refused or
 * unknown space gets a page that says what to do, anything else a plain apology (never internals).
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(PageExceptionFilter.name);

  constructor(private readonly renderer: PageRenderer) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const status =
      exception instanceof AppException
        ? exception.status
        : exception instanceof HttpException
          ? exception.getStatus()
          : 500;
    if (status >= 500) this.logger.error(exception);
    await answerWithPage(this.renderer, req, reply, status);
  }
}

const fallbackLogger = new Logger('ErrorPages');

/**
 * What is answered when even the error page cannot be rendered (a broken template, a view engine gone):
 * plain text in the three languages. An exception escaping an exception filter would be an unhandled
 * rejection, which ends the process: one bad page must never take the whole API down.
 */
export const ERROR_PAGE_FALLBACK =
  'Er ging iets mis. Probeer het later opnieuw. / Une erreur est survenue. Réessayez plus tard. / ' +
  'Something went wrong. Please try again later.';

/** The page for an error status: the login page for 401, else an error page that says what to do. */
export async function answerWithPage(
  renderer: PageRenderer,
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
): Promise<void> {
  try {
    await renderErrorPage(renderer, req, reply, status);
  } catch (error) {
    fallbackLogger.error(
      { err: error instanceof Error ? error.message : String(error) },
      'error page failed',
    );
    if (!reply.sent) {
      await reply
        .status(status >= 400 && status < 600 ? status : 500)
        .type('text/plain; charset=utf-8')
        .send(ERROR_PAGE_FALLBACK);
    }
  }
}

async function renderErrorPage(
  renderer: PageRenderer,
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
): Promise<void> {
  if (status === 401) {
    await reply.redirect(loginRedirect(req), 303);
    return;
  }
  if (status === 403) return renderer.renderError(req, reply, 403, 'forbidden');
  if (status === 404) return renderer.renderError(req, reply, 404, 'notFound');
  if (status === 429) return renderer.renderError(req, reply, 429, 'tooMany');
  await renderer.renderError(req, reply, status >= 400 && status < 600 ? status : 500, 'generic');
}

/**
 * Errors on page addresses outside the page controllers (an unknown address, a refusal by the global
 * guard, Fastify's own 413/415/429) come here through core's filter and Fastify's error handler.
 */
@Injectable()
export class PageErrorPages extends ErrorPages {
  constructor(private readonly renderer: PageRenderer) {
    super();
  }

  handles(req: FastifyRequest): boolean {
    return isPageUrl(req.url);
  }

  render(req: FastifyRequest, reply: FastifyReply, status: number): Promise<void> {
    return answerWithPage(this.renderer, req, reply, status);
  }
}
