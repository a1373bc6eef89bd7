import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ScopeRegistry, UserLinksRegistry } from '../../../core/src/index.js';
import { SpaceAccessRepository } from './space-access.repository.js';

/**
 * Plugs the registry into core's access control: the 'space' scope kind (route parameter = space ref)
 * and the coordinator–space links used by user management.
 */
@Injectable()
export class SpaceAccessRegistration implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    private readonly links: UserLinksRegistry,
    private readonly access: SpaceAccessRepository,
  ) {}

  onModuleInit(): void {
    this.scopes.register('space', (principal, ref) => this.access.decide(principal, ref), 'SPACES.NOT_FOUND');
    this.links.coordinatorSpaces = {
      missingRefs: (refs) => this.access.missingRefs(refs),
      link: (userId, refs) => this.access.link(userId, refs),
      refsOf: (userId) => this.access.refsOf(userId),
    };
  }
}
