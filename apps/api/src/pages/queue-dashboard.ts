import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppException,
  AuthService,
  QueueName,
  QueueService,
  forbidden,
  toErrorBody,
  tokenFromRequest,
  type AuthenticatedRequest,
} from '../../../../libs/core/src/index.js';
import { CATALOGUES } from './i18n/catalogues.js';
import { loginRedirect } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';

/** Where the job dashboard (bull-board, a third-party UI) lives. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type ViewingReply = FastifyReply & { viewAsync(page: string, data: object): Promise<string> };

/**
 * Whether a request is for the dashboard, and for its JSON API, judged by the route it matched: the router
 * decodes the path first, so `/admin/%71ueues/…` reaches the dashboard's routes while its raw `req.url`
 * does not look like one. A request that matched no route (a 404) has no route pattern.
 */
const dashboardRoute = (req: FastifyRequest) => {
  const route = req.routeOptions.url ?? '';
  return route === QUEUE_DASHBOARD_PATH || route.startsWith(`${QUEUE_DASHBOARD_PATH}/`) ? route : null;
};
const isDashboardApi = (route: string) => route.startsWith(`${QUEUE_DASHBOARD_PATH}/api/`);

/** Only the site itself may change jobs: a browser names the page a request comes from. */
function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = req.headers.origin;
  // URL.canParse: an opaque origin ("null") is not this site, and must not throw.
  return typeof origin === 'string' && URL.canParse(origin) && new URL(origin).host === req.headers.host;
}

/**
 * Mounts bull-board at /admin/queues for admins only. Its routes are plain Fastify routes (Nest's
 * guard never sees them), so a hook here does what @Access('admin') does on the pages: the session
 * cookie or bearer token is authenticated with the same AuthService, a signed-out visitor goes to the
 * login page (the JSON API answers 401), anyone but an admin gets 403. Changes (retry, clean, pause)
 * must come from the dashboard itself (same origin); the site's CSRF check also applies to its POSTs.
 * When the queues cannot be shown (an adapter refusing the backend), a page says so instead.
 */
export async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const logger = new Logger('QueueDashboard');
  const root = app.getHttpAdapter().getInstance() as unknown as FastifyInstance & {
    view(page: string, data: object): Promise<string>;
  };
  const auth = app.get(AuthService, { strict: false });
  const renderer = app.get(PageRenderer, { strict: false });
  const queues = app.get(QueueService, { strict: false });

  /**
   * bull-board registers its own view engine in its scope, which replaces the pages' one on the
   * replies of its routes; our pages (403, "not available") render with the site's engine instead.
   */
  const withSiteViews = (reply: FastifyReply) => {
    (reply as ViewingReply).viewAsync = (page: string, data: object) => root.view(page, data);
    return reply;
  };

  const guard = async (req: FastifyRequest, reply: FastifyReply) => {
    const route = dashboardRoute(req);
    if (route === null) return;
    // Also for the site's CSRF refusal of a dashboard POST, which renders a page on this reply.
    withSiteViews(reply);
    const token = tokenFromRequest(req);
    const principal = token ? await auth.authenticate(token) : null;
    if (principal) (req as AuthenticatedRequest).principal = principal;
    const api = isDashboardApi(route);
    if (!principal) {
      if (api) {
        const { status, body } = toErrorBody(
          new AppException('AUTH.UNAUTHENTICATED', 'Please sign in first.', 401),
          String(req.id),
        );
        return reply.status(status).send(body);
      }
      return reply.redirect(loginRedirect(req), 303);
    }
    if (principal.role !== 'admin' || (!SAFE_METHODS.has(req.method) && !sameOrigin(req))) {
      if (api) {
        const { status, body } = toErrorBody(forbidden(), String(req.id));
        return reply.status(status).send(body);
      }
      await renderer.renderError(req, withSiteViews(reply), 403, 'forbidden');
      return reply;
    }
  };

  let adapters: BullMQAdapter[] | null = null;
  try {
    adapters = Object.values(QueueName).map((name) => new BullMQAdapter(queues.queue(name)));
  } catch (error) {
    logger.warn(`the job dashboard cannot show these queues: ${(error as Error).message}`);
  }

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', guard);
    if (!adapters) {
      const unavailable = async (req: FastifyRequest, reply: FastifyReply) => {
        const lang = renderer.language(req, reply);
        const m = CATALOGUES[lang].adminPages;
        await renderer.render(
          req,
          withSiteViews(reply),
          { template: 'admin-queues-unavailable', title: m.queuesTitle, section: 'admin', status: 503 },
          lang,
        );
      };
      scope.get(QUEUE_DASHBOARD_PATH, unavailable);
      scope.get(`${QUEUE_DASHBOARD_PATH}/*`, unavailable);
      return;
    }
    const serverAdapter = new BullBoardFastifyAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: adapters,
      serverAdapter,
      options: { uiConfig: { boardTitle: 'OCR Register jobs' } },
    });
    await scope.register(serverAdapter.registerPlugin() as any, { prefix: QUEUE_DASHBOARD_PATH });
  });
}
