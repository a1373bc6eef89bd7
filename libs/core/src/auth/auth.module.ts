import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { FirstAdminBootstrap } from './first-admin.bootstrap.js';
import { ScopeRegistry } from './scope-registry.js';
import { SESSION_CACHE_MAX_ENTRIES, SESSION_CACHE_TTL_MS, SessionCache } from './session-cache.js';
import { SessionRevocationListener } from './session-revocation.listener.js';
import { UserLinksRegistry } from './user-links.registry.js';
import { UsersController } from './users.controller.js';

/**
 * Services for any app (the worker and CLI need AuthService without HTTP). Their session cache stays
 * idle (never live) unless the app also runs the revocation listener, as the HTTP side does.
 */
@Global()
@Module({
  providers: [
    AuthRepository,
    AuthService,
    ScopeRegistry,
    UserLinksRegistry,
    {
      provide: SessionCache,
      useFactory: () =>
        new SessionCache({ ttlMs: SESSION_CACHE_TTL_MS, maxEntries: SESSION_CACHE_MAX_ENTRIES }),
    },
  ],
  exports: [AuthService, ScopeRegistry, UserLinksRegistry, SessionCache],
})
export class AuthCoreModule {}

/**
 * HTTP side: routes, the global guard and the session cache's revocation listener. Login throttling is a
 * Fastify hook (see login-rate-limit.ts).
 */
@Module({
  controllers: [AuthController, UsersController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, FirstAdminBootstrap, SessionRevocationListener],
})
export class AuthHttpModule {}
