import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ScopeRegistry } from '../../../core/src/index.js';
import { AnimatorsRepository } from './animators.repository.js';

/**
 * Plugs animators into core's access control: the 'animator' scope kind, keyed by the animator's ref.
 * Admins may touch any animator; regional staff and coordinators one with an assignment at a space they
 * may see. An animator without assignments is therefore visible to admins only.
 */
@Injectable()
export class AnimatorAccessRegistration implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    private readonly animators: AnimatorsRepository,
  ) {}

  onModuleInit(): void {
    this.scopes.register(
      'animator',
      (principal, ref) => this.animators.decide(principal, ref),
      'ANIMATORS.NOT_FOUND',
    );
  }
}
