import { CanActivate, ExecutionContext, Injectable, Logger, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppException, forbidden, notFound, validationFailed } from '../errors/app-exception.js';
import { ACCESS_METADATA, AccessSpec } from './access.decorator.js';
import { AuthService } from './auth.service.js';
import type { Principal } from './principal.js';
import { ScopeRegistry } from './scope-registry.js';

export const SESSION_COOKIE = 'ocr_session';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export function tokenFromRequest(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookies = (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies;
  return cookies?.[SESSION_COOKIE] ?? null;
}

/**
 * The one guard on every route. A route without @Access is refused (fail closed), so a forgotten
 * decorator can never open a route to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly scopes: ScopeRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const spec = this.reflector.getAllAndOverride<AccessSpec | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!spec) {
      this.logger.error(`route without @Access refused: ${req.method} ${req.routeOptions?.url}`);
      throw forbidden();
    }
    const token = tokenFromRequest(req);
    const principal = token ? await this.auth.authenticate(token) : null;
    if (principal) req.principal = principal;
    if (spec.roles === null) return true;
    if (!principal) throw new AppException('AUTH.UNAUTHENTICATED', 'Please sign in first.', 401);
    if (!spec.roles.includes(principal.role)) throw forbidden();
    if (spec.scope) {
      const source = (req[spec.scope.from ?? 'params'] ?? {}) as Record<string, unknown>;
      const id = source[spec.scope.param];
      if (id === undefined || id === null || id === '') {
        if (spec.scope.optional) return true;
        // A required id the request leaves out is a field error, not a refusal: the caller has the role,
        // and only a resource they may not see is theirs to be refused (403). The handler never runs
        // without it, so the scope check cannot be skipped this way.
        const field = spec.scope.param;
        throw validationFailed([{ field, code: 'isDefined', message: `${field} is required.` }]);
      }
      if (spec.scope.handlerAnswersNotFound && principal.role === 'admin') return true;
      const decision = await this.scopes.resolve(spec.scope.kind)(principal, String(id));
      if (decision === 'not_found') {
        throw notFound(this.scopes.notFoundCode(spec.scope.kind), `No such ${spec.scope.kind}.`);
      }
      if (decision === 'deny') throw forbidden();
    }
    return true;
  }
}

/** The signed-in caller (the guard has already refused anonymous callers on non-public routes). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
});
