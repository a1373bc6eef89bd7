import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../../core/src/index.js';
import type { AuditAction } from './audit-entry.entity.js';

export interface AuditActor {
  userId: string | null;
  /** What readers see: the user's e-mail address, or `system` / `cli`. */
  label: string;
}

export interface AuditWrite {
  action: AuditAction;
  entity: string;
  entityId: string;
  spaceId?: string | null;
  regionCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  spaceId?: string;
  regionCode?: string | null;
  limit: number;
  offset: number;
}

export interface AuditRow {
  id: string;
  occurredAt: Date;
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  spaceId: string | null;
  regionCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  correlationId: string | null;
}

export const actorOf = (principal: Principal | null | undefined): AuditActor =>
  principal ? { userId: principal.userId, label: principal.email } : { userId: null, label: 'system' };

/** All SQL of the audit trail. Entries are written in the same transaction as the change they record. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One multi-row INSERT for any number of entries. */
  async append(
    manager: EntityManager,
    actor: AuditActor,
    correlationId: string | null,
    entries: readonly AuditWrite[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, space_id, region_code, before, after, correlation_id)
       SELECT $1, $2, e.action, e.entity, e.entity_id, e.space_id, e.region_code, e.before, e.after, $3
       FROM jsonb_to_recordset($4::jsonb) AS e(action text, entity text, entity_id text, space_id uuid,
         region_code char(3), before jsonb, after jsonb)`,
      [
        actor.userId,
        actor.label,
        correlationId,
        JSON.stringify(
          entries.map((e) => ({
            action: e.action,
            entity: e.entity,
            entity_id: e.entityId,
            space_id: e.spaceId ?? null,
            region_code: e.regionCode ?? null,
            before: e.before ?? null,
            after: e.after ?? null,
          })),
        ),
      ],
    );
  }

  async list(query: AuditQuery): Promise<{ items: AuditRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.entity) add('entity = ?', query.entity);
    if (query.entityId) add('entity_id = ?', query.entityId);
    if (query.spaceId) add('space_id = ?', query.spaceId);
    if (query.regionCode) add('region_code = ?', query.regionCode);
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    params.push(query.limit, query.offset);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT a.id::text AS id, occurred_at, actor, action, entity, entity_id, space_id, region_code, before,
              after, correlation_id, count(*) OVER () AS total
       FROM audit_log a ${condition} ORDER BY a.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      total: rows.length ? Number(rows[0].total) : 0,
      items: rows.map((r) => ({
        id: r.id as string,
        occurredAt: r.occurred_at as Date,
        actor: r.actor as string,
        action: r.action as AuditAction,
        entity: r.entity as string,
        entityId: r.entity_id as string,
        spaceId: (r.space_id as string | null) ?? null,
        regionCode: (r.region_code as string | null)?.trim() ?? null,
        before: (r.before as Record<string, unknown> | null) ?? null,
        after: (r.after as Record<string, unknown> | null) ?? null,
        correlationId: (r.correlation_id as string | null) ?? null,
      })),
    };
  }
}
