import { Injectable } from '@nestjs/common';
import type { Principal } from './principal.js';
import { REGIONS } from './user.entity.js';

/**
 * Decides whether a principal may touch one resource of a kind. Registered by the lib owning the
 * kind (the registry registers 'space', …), so core stays free of domain knowledge.
 * Answers 'not_found' when the resource does not exist, so that callers outside the scope and
 * callers asking for a missing resource can be told apart only by those allowed to know.
 * Admins are in every scope: for them a resolver answers only 'allow' or 'not_found' (the guard relies
 * on it to skip the query on routes whose handler answers 'not found' itself).
 */
export type ScopeDecision = 'allow' | 'deny' | 'not_found';
export type ScopeResolver = (principal: Principal, id: string) => Promise<ScopeDecision>;

@Injectable()
export class ScopeRegistry {
  private readonly resolvers = new Map<string, { resolver: ScopeResolver; notFoundCode: string }>();

  constructor() {
    // Regions are core reference data, so their scope rule lives here.
    this.register(
      'region',
      async (p, id) => {
        if (p.role === 'admin') return 'allow';
        if (!(REGIONS as readonly string[]).includes(id)) return 'not_found';
        return p.role === 'regional_staff' && p.regionCode === id ? 'allow' : 'deny';
      },
      'REGIONS.NOT_FOUND',
    );
  }

  /**
   * `notFoundCode` is the stable code the guard answers 404 with when the resolver says 'not_found': the
   * owning lib's own (`SPACES.NOT_FOUND`), the same its services throw, so a caller sees one code for a
   * missing space whether the guard or the handler finds it missing.
   */
  register(kind: string, resolver: ScopeResolver, notFoundCode: string): void {
    if (this.resolvers.has(kind)) throw new Error(`Scope kind "${kind}" is registered twice`);
    this.resolvers.set(kind, { resolver, notFoundCode });
  }

  resolve(kind: string): ScopeResolver {
    return this.entry(kind).resolver;
  }

  notFoundCode(kind: string): string {
    return this.entry(kind).notFoundCode;
  }

  private entry(kind: string): { resolver: ScopeResolver; notFoundCode: string } {
    const entry = this.resolvers.get(kind);
    if (!entry) throw new Error(`No scope resolver registered for "${kind}"`);
    return entry;
  }
}
