import { join } from 'node:path';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Handlebars from 'handlebars';
import { projectRoot, type Environment } from '../../../../libs/core/src/index.js';
import { PageRenderer } from './page-renderer.js';
import { registerQueueDashboard } from './queue-dashboard.js';
import { registerPageHelpers } from './view-helpers.js';

/** Templates and assets are read from the sources, from tests and from `dist/` alike. */
export const PAGES_DIR = join(projectRoot(), 'apps/api/src/pages');
export const CSRF_COOKIE = 'ocr_csrf';
const PARTIALS = ['error-summary', 'field', 'flash', 'space-nav', 'public-space', 'reminder'];

/** Pages are every route outside the JSON API, the health probes and the static assets. */
export function isPageUrl(url: string): boolean {
  return !/^\/(api|health|assets)(\/|\?|$)/.test(url);
}

type MaybeMultipart = FastifyRequest & { isMultipart?: () => boolean };

/**
 * The token of a page form: the hidden `_csrf` field; for a file upload (a multipart body, which
 * is streamed to the import and so not parsed before the check) the form's action carries it.
 */
function csrfTokenOf(req: FastifyRequest): string | undefined {
  const fromBody = (req.body as { _csrf?: unknown } | undefined)?._csrf;
  if (typeof fromBody === 'string') return fromBody;
  if ((req as MaybeMultipart).isMultipart?.()) {
    const fromQuery = (req.query as { _csrf?: unknown } | undefined)?._csrf;
    if (typeof fromQuery === 'string') return fromQuery;
  }
  return undefined;
}

/**
 * Registers what the server-rendered pages need: the Handlebars view engine (templates compiled
 * once, strict mode, escaped), their stylesheet, and CSRF protection checked on every page POST.
 */
export async function registerPages(app: NestFastifyApplication, env: Environment): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const handlebars = Handlebars.create();
  registerPageHelpers(handlebars);
  await app.register(fastifyView as any, {
    engine: { handlebars },
    root: join(PAGES_DIR, 'views'),
    layout: 'layout.hbs',
    viewExt: 'hbs',
    production: env.NODE_ENV !== 'development',
    options: {
      compileOptions: { strict: true },
      partials: Object.fromEntries(PARTIALS.map((name) => [name, `partials/${name}.hbs`])),
    },
  });
  await app.register(fastifyStatic as any, {
    root: join(PAGES_DIR, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
  });
  await app.register(fastifyCsrf as any, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: env.cookieSecure },
    getToken: csrfTokenOf,
  });
  fastify.addHook('preHandler', (req, reply, done) => {
    if (req.method !== 'POST' || !isPageUrl(req.url)) return done();
    // A refusal answers with a page that says what to do (the plugin would send a bare error).
    const refusing = Object.create(reply, {
      send: {
        value: () => {
          void app.get(PageRenderer).renderError(req, reply, 403, 'csrf');
          return reply;
        },
      },
    }) as FastifyReply;
    fastify.csrfProtection(req, refusing, done);
  });
  // Callback style, not async: an async hook costs every request two promises (docs/performance.md, (3)).
  fastify.addHook('onSend', (req, reply, payload, done) => {
    // Pages carry a CSRF token and, once signed in, personal data: no cache may keep them.
    if (isPageUrl(req.url)) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  await registerQueueDashboard(app);
}
