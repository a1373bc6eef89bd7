import { SetMetadata } from '@nestjs/common';
import type { Role } from './user.entity.js';

export const ACCESS_METADATA = 'ocr:access';

/**
 * How a route names the resource it touches: the scope kind (registered by the lib that owns it,
 * e.g. 'space') and where the id is read from in the request.
 */
export interface ScopeSpec {
  kind: string;
  /** Route parameter, query parameter or body field that holds the resource id. */
  param: string;
  from?: 'params' | 'query' | 'body';
  /** For list routes: the id may be absent, in which case the service filters by the caller's scope. */
  optional?: boolean;
  /**
   * The handler itself answers 404 (`<KIND>.NOT_FOUND`) when the resource does not exist. Admins are in
   * every scope, so for them the scope query could only tell that, and the guard skips it.
   */
  handlerAnswersNotFound?: boolean;
}

export interface AccessSpec {
  /** null: anyone, signed in or not. */
  roles: readonly Role[] | null;
  scope?: ScopeSpec;
}

/** Protects a route in one line: the roles allowed and, optionally, the resource scope to check. */
export const Access = (roles: readonly Role[] | 'public', scope?: ScopeSpec) =>
  SetMetadata(ACCESS_METADATA, { roles: roles === 'public' ? null : roles, scope } satisfies AccessSpec);

export const Public = () => Access('public');
export const ANY_SIGNED_IN: readonly Role[] = ['coordinator', 'regional_staff', 'admin'];
export const STAFF: readonly Role[] = ['regional_staff', 'admin'];
export const ADMIN: readonly Role[] = ['admin'];
