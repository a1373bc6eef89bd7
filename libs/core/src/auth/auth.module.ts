import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { FirstAdminBootstrap } from './first-admin.bootstrap.js';
import { ScopeRegistry } from './scope-registry.js';
import { UserLinksRegistry } from './user-links.registry.js';
import { UsersController } from './users.controller.js';

/** Services for any app (the worker and CLI need AuthService without HTTP). */
@Global()
@Module({
  providers: [AuthRepository, AuthService, ScopeRegistry, UserLinksRegistry],
  exports: [AuthService, ScopeRegistry, UserLinksRegistry],
})
export class AuthCoreModule {}

/** HTTP side: routes and the global guard. Login throttling is a Fastify hook (see login-rate-limit.ts). */
@Module({
  controllers: [AuthController, UsersController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, FirstAdminBootstrap],
})
export class AuthHttpModule {}
