import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ScopeRegistry } from '../../../core/src/index.js';
import { AnimatorsRepository } from './animators.repository.js';

/**
 * Plugs animators into core's access control: the 'animator' scope kind, keyed by the animator's ref.
 * Admins may touch any animator; regional staff and coordinators one with an assignment at a space they
 * may see. An animator without assignments is therefore visible to admins only, on purpose: a person
 * who works at no space is no coordinator's or region's, and opening them to everyone would let any
 * caller read or take over a record that is not theirs (the import refuses the same,
 * `import.animator_unassigned`). To work with such a person again, an admin adds an assignment.
 * This scope is enough to read the person and to work on the caller's own assignments; acting on the
 * person as a whole needs more (animator-person-scope.rule.ts, checked by AnimatorsService).
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
