import { Injectable } from '@nestjs/common';
import { notFound, validationFailed, type Principal } from '../../../core/src/index.js';
import { AuditService } from '../audit/audit.service.js';
import { SpaceAccessRepository } from '../links/space-access.repository.js';
import { CoordinatorLinksRepository } from './coordinator-links.repository.js';

/** Which spaces a coordinator looks after, as set by an admin. */
@Injectable()
export class CoordinatorLinksService {
  constructor(
    private readonly repo: CoordinatorLinksRepository,
    private readonly access: SpaceAccessRepository,
    private readonly audit: AuditService,
  ) {}

  async replace(principal: Principal, userId: string, spaceRefs: string[]) {
    const refs = [...new Set(spaceRefs)];
    return this.repo.transaction(async (m) => {
      const user = await this.repo.lockUser(m, userId);
      if (!user) throw notFound('USERS.NOT_FOUND', 'No such user.');
      if (user.role !== 'coordinator') {
        throw validationFailed([
          {
            field: 'spaceRefs',
            message: 'Only coordinators are linked to spaces; staff see their region, admins all.',
          },
        ]);
      }
      const missing = refs.length > 0 ? await this.access.missingRefs(refs) : [];
      if (missing.length > 0) {
        throw validationFailed([
          { field: 'spaceRefs', message: `These spaces do not exist: ${missing.join(', ')}.` },
        ]);
      }
      const before = await this.repo.refsOf(m, userId);
      await this.repo.replace(m, userId, refs);
      const after = await this.repo.refsOf(m, userId);
      await this.audit.record(m, principal, [
        {
          action: 'update',
          entity: 'coordinator_link',
          entityId: userId,
          before: { spaceRefs: before },
          after: { spaceRefs: after },
        },
      ]);
      return { userId, spaceRefs: after };
    });
  }
}
