import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'anonymise', 'read'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One write (or sensitive read): who, when, what, and the values before and after. Append-only: a
 * trigger refuses UPDATE, DELETE and TRUNCATE on this table.
 */
@Entity('audit_log')
@Index('idx_audit_log_entity', ['entity', 'entityId'])
@Index('idx_audit_log_region', ['regionCode', 'occurredAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** null for the system itself (scheduled jobs, the command line without a user). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The actor as shown to readers: an e-mail address, or `system`/`cli`. */
  @Column({ name: 'actor', type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: AuditAction;

  /** The kind of record: `space`, `animator`, `assignment`, `equipment`, `funding`, … */
  @Column({ type: 'text' })
  entity: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  /** The space the record belongs to, so that regional staff can read their region's trail. */
  @Column({ name: 'space_id', type: 'uuid', nullable: true })
  spaceId: string | null;

  @Column({ name: 'region_code', type: 'char', length: 3, nullable: true })
  regionCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;
}
