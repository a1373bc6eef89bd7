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
  private readonly resolvers = new Map<string, ScopeResolver>();

  constructor() {
    // Regions are core reference data, so their scope rule lives here.
    this.register('region', async (p, id) => {
      if (p.role === 'admin') return 'allow';
      if (!(REGIONS as readonly string[]).includes(id)) return 'not_found';
      return p.role === 'regional_staff' && p.regionCode === id ? 'allow' : 'deny';
    });
  }

  register(kind: string, resolver: ScopeResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`Scope kind "${kind}" is registered twice`);
    this.resolvers.set(kind, resolver);
  }

  resolve(kind: string): ScopeResolver {
    const resolver = this.resolvers.get(kind);
    if (!resolver) throw new Error(`No scope resolver registered for "${kind}"`);
    return resolver;
  }
}
