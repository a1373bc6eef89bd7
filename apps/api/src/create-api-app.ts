import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import {
  PinoNestLogger,
  correlationIdOf,
  createRootLogger,
  enterRequestContext,
  localizedErrorBody,
  registerLoginRateLimit,
  unsafeInputException,
  validateEnvironment,
  type AuthenticatedRequest,
} from '../../../libs/core/src/index.js';
import { ApiModule } from './api.module.js';
import { buildOpenApiDocument } from './openapi.js';
import { staticSecurityHeaders } from './security-headers.js';
import { registerPages } from './pages/pages.setup.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
// CSV imports stream larger bodies; their routes raise the limit for themselves.
export const IMPORT_BODY_LIMIT_BYTES = 200 * 1024 * 1024;

/** Builds the API application without listening, so tests and main.ts share exactly one set-up. */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const env = validateEnvironment(process.env);
  const root = createRootLogger(env.LOG_LEVEL, env.LOG_FILE);
  // Security headers: helmet's, computed once at boot (they do not vary per request), then set in one
  // call per answer. Rebuilding or re-running helmet per request cost CPU on every read
  // (docs/performance.md, (3)).
  const securityHeaders = staticSecurityHeaders();
  const adapter = new FastifyAdapter({
    loggerInstance: root,
    bodyLimit: BODY_LIMIT_BYTES,
    // The request's id is its correlation id: the caller's when harmless to log, otherwise a new one.
    genReqId: (req: IncomingMessage) => correlationIdOf(req.headers),
    routerOptions: { ignoreTrailingSlash: true },
    // The router refuses an address it cannot decode (`/spaces/%`, 400) or a path parameter over its
    // length limit (414) before any hook or handler runs, and Fastify's own answer quoted the address
    // and had no correlation id. These get the error contract instead, as JSON also on a page address:
    // Fastify hands this handler a bare reply, without the view engine the error pages render with.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = localizedErrorBody(
        error,
        String(request.id),
        request.headers['accept-language'],
      );
      void reply
        .headers(securityHeaders)
        .status(status)
        .header('content-type', 'application/json; charset=utf-8')
        .send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    logger: new PinoNestLogger(root),
  });
  const fastify = app.getHttpAdapter().getInstance();
  // First of the app's hooks: everything after it runs in the request's context (correlation id).
  enterRequestContext(fastify);
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(securityHeaders);
    done();
  });
  await app.register(fastifyCookie);
  await registerLoginRateLimit(fastify, env.LOGIN_ATTEMPTS_PER_MINUTE);
  // CSV uploads: one file per request, streamed to the import (never buffered), bounded in size.
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_BODY_LIMIT_BYTES, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
  });
  // Server-rendered pages: view engine, their stylesheet, CSRF checked on every page form.
  await registerPages(app, env);

  // A CSV body reaches the import route as the raw request stream (the import counts its bytes
  // itself); no other route takes CSV.
  fastify.addContentTypeParser('text/csv', (req, payload, done) => {
    if (req.url.startsWith('/api/v1/imports/')) return done(null, payload);
    done(Object.assign(new Error('This route does not accept text/csv.'), { statusCode: 415 }), undefined);
  });
  // The hooks every request runs are callback style, not async: an async hook costs every request two
  // promises (docs/performance.md, (3)).
  fastify.addHook('onSend', (req, reply, payload, done) => {
    // Answers for a signed-in caller may hold personal data: no cache may keep them.
    if ((req as AuthenticatedRequest).principal) void reply.header('cache-control', 'no-store');
    reply.removeHeader('x-powered-by');
    done(null, payload);
  });
  // Text no query or validator can take (NUL, broken Unicode), and JSON nested deeper than any body of
  // the API (which would exhaust the stack of the recursive validators), are refused before they reach
  // any of them.
  fastify.addHook('preValidation', (req, _reply, done) => {
    done(unsafeInputException({ params: req.params, query: req.query, body: req.body }) ?? undefined);
  });
  // Errors raised by Fastify itself (body too large, wrong content type) and by the hooks above reach
  // Nest's own Fastify error handler, which Nest installs at init and which hands them to the exception
  // filters: the same JSON shape in the caller's language, or a page on a page address. (A handler set
  // here was replaced by Nest's at init, with Fastify's warning FSTWRN004, and never ran.)
  // process.exit(0) after the hooks rather than the signal raised again, so that pino's asynchronous
  // stdout is flushed (on 'exit') and the shutdown's last log lines are not lost.
  app.enableShutdownHooks([], { useProcessExit: true });
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
