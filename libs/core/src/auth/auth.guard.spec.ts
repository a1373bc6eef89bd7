import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_METADATA, ANY_SIGNED_IN, type ScopeSpec } from './access.decorator.js';
import { AuthGuard } from './auth.guard.js';
import type { AuthService } from './auth.service.js';
import type { Principal } from './principal.js';
import { ScopeRegistry, type ScopeDecision } from './scope-registry.js';
import type { Role } from './user.entity.js';

const principalOf = (role: Role): Principal => ({
  userId: `${role}-id`,
  email: `${role}@example.be`,
  role,
  regionCode: role === 'regional_staff' ? 'BRU' : null,
  sessionId: `${role}-session`,
  preferredLanguage: 'nl',
});

describe('auth guard: the scope check', () => {
  const asked: string[] = [];
  let decision: ScopeDecision;
  const scopes = new ScopeRegistry();
  scopes.register(
    'thing',
    async (_principal, id) => {
      asked.push(id);
      return decision;
    },
    'THINGS.NOT_FOUND',
  );

  /** The guard on a route with `@Access(ANY_SIGNED_IN, scope)`, called by `role` for thing `ref`. */
  /** `ref: null` leaves the parameter out of the request. */
  const activate = (role: Role, scope: ScopeSpec, ref: string | null = 'T-1') => {
    const handler = () => undefined;
    Reflect.defineMetadata(ACCESS_METADATA, { roles: ANY_SIGNED_IN, scope }, handler);
    const auth = { authenticate: async () => principalOf(role) } as unknown as AuthService;
    const request = {
      headers: { authorization: 'Bearer t' },
      params: { ref: ref ?? undefined },
      method: 'GET',
    };
    const context = {
      getType: () => 'http',
      getHandler: () => handler,
      getClass: () => class {},
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    return new AuthGuard(new Reflector(), auth, scopes).canActivate(context);
  };

  beforeEach(() => {
    asked.length = 0;
    decision = 'allow';
  });

  it('asks the scope rule on every call, and answers its 404 and 403', async () => {
    const scope = { kind: 'thing', param: 'ref' };
    await expect(activate('admin', scope)).resolves.toBe(true);
    decision = 'not_found';
    await expect(activate('admin', scope)).rejects.toMatchObject({ code: 'THINGS.NOT_FOUND' });
    decision = 'deny';
    await expect(activate('coordinator', scope)).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(asked).toEqual(['T-1', 'T-1', 'T-1']);
  });

  it('skips the scope query for admins on routes whose handler answers 404 itself, and only for them', async () => {
    const scope = { kind: 'thing', param: 'ref', handlerAnswersNotFound: true };
    decision = 'not_found';
    await expect(activate('admin', scope, 'MISSING')).resolves.toBe(true);
    expect(asked).toEqual([]);
    decision = 'deny';
    await expect(activate('coordinator', scope, 'T-2')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(activate('regional_staff', scope, 'T-3')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(asked).toEqual(['T-2', 'T-3']);
  });

  it('answers a missing required id with a 400 naming the field, and lets an optional one through', async () => {
    const scope = { kind: 'thing', param: 'ref' };
    for (const role of ['admin', 'regional_staff', 'coordinator'] as const) {
      await expect(activate(role, scope, null)).rejects.toMatchObject({
        code: 'VALIDATION.FAILED',
        status: 400,
        details: [{ field: 'ref', code: 'isDefined' }],
      });
      await expect(activate(role, scope, '')).rejects.toMatchObject({ status: 400 });
    }
    await expect(activate('coordinator', { ...scope, optional: true }, null)).resolves.toBe(true);
    expect(asked).toEqual([]);
  });
});
