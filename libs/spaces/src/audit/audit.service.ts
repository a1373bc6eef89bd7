import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../../core/src/index.js';
import { pageOf } from '../shared/dto/page.dto.js';
import type { AuditQueryDto } from './dto/audit.dto.js';
import {
  AuditRepository,
  actorOf,
  type AuditActor,
  type AuditQuery,
  type AuditWrite,
} from './audit.repository.js';

/** Records writes in the trail, with the request's correlation id; reads it for staff. */
@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly cls: ClsService,
  ) {}

  /** Call inside the transaction of the change, so that the change and its record commit together. */
  record(
    manager: EntityManager,
    actor: Principal | AuditActor | null | undefined,
    entries: readonly AuditWrite[],
  ): Promise<void> {
    const resolved = actor && 'label' in actor ? actor : actorOf(actor as Principal | null | undefined);
    const correlationId = this.cls.isActive() ? (this.cls.getId() ?? null) : null;
    return this.repo.append(manager, resolved, correlationId, entries);
  }

  list(query: AuditQuery) {
    return this.repo.list(query);
  }

  /** Admins read everything; regional staff only entries recorded for their region. */
  async listFor(principal: Principal, query: AuditQueryDto) {
    const { page, pageSize, limit, offset } = pageOf(query);
    const regionCode = principal.role === 'admin' ? null : principal.regionCode;
    const result = await this.repo.list({ ...query, regionCode, limit, offset });
    return { ...result, page, pageSize };
  }
}
