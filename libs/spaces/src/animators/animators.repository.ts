import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { findSpaceKey, type SpaceKey } from '../shared/space-key.js';
export type { SpaceKey } from '../shared/space-key.js';
import {
  answerConstraintViolation,
  conflict,
  type Principal,
  type ScopeDecision,
} from '../../../core/src/index.js';
import type { AuditAction } from '../audit/audit-entry.entity.js';
import { spaceScopeCondition } from '../shared/space-scope.sql.js';
import { updateVersioned } from '../shared/versioned-update.js';
import { assignedOnSql } from './assigned-on.rule.js';
import type { PersonReach } from './animator-person-scope.rule.js';
import type { AssignmentRole, Contract } from './assignment.entity.js';

export interface AnimatorRecord {
  id: string;
  ref: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  qualifications: string[];
  anonymisedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AssignmentRecord {
  id: string;
  animatorId: string;
  spaceId: string;
  spaceRef: string;
  spaceName: string;
  regionCode: string;
  role: AssignmentRole;
  contract: Contract | null;
  fte: number;
  qualified: boolean;
  startsOn: string;
  endsOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AnimatorListRecord extends AnimatorRecord {
  spaceRefs: string[];
}

export interface SpaceAssignmentRecord {
  id: string;
  animatorRef: string;
  animatorName: string | null;
  qualified: boolean;
  role: AssignmentRole;
  contract: Contract | null;
  fte: number;
  startsOn: string;
  endsOn: string | null;
  version: number;
}

export interface AnimatorValues {
  ref: string;
  name: string;
  email: string | null;
  phone: string | null;
  qualifications: string[];
}

export interface AssignmentValues {
  role: AssignmentRole;
  contract: Contract | null;
  fte: number;
  qualified: boolean;
  startsOn: string;
  endsOn: string | null;
}

export interface AuditEntryRecord {
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

const ANIMATOR_COLUMNS = `a.id, a.ref, a.name, a.email, a.phone, a.qualifications, a.anonymised_at, a.version,
  a.created_at, a.updated_at`;

const toAnimator = (r: Record<string, any>): AnimatorRecord => ({
  id: r.id,
  ref: r.ref,
  name: r.name ?? null,
  email: r.email ?? null,
  phone: r.phone ?? null,
  qualifications: r.qualifications ?? [],
  anonymisedAt: r.anonymised_at ?? null,
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const ASSIGNMENT_COLUMNS = `x.id, x.animator_id, x.space_id, s.ref AS space_ref, s.name AS space_name, s.region_code,
  x.role, x.contract, x.fte::text AS fte, x.qualified, x.starts_on::text AS starts_on, x.ends_on::text AS ends_on,
  x.version, x.created_at, x.updated_at`;

const toAssignment = (r: Record<string, any>): AssignmentRecord => ({
  id: r.id,
  animatorId: r.animator_id,
  spaceId: r.space_id,
  spaceRef: r.space_ref,
  spaceName: r.space_name,
  regionCode: String(r.region_code).trim(),
  role: r.role,
  contract: r.contract ?? null,
  fte: Number(r.fte),
  qualified: r.qualified,
  startsOn: r.starts_on,
  endsOn: r.ends_on ?? null,
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const ANIMATOR_COLUMN_OF: Record<Exclude<keyof AnimatorValues, 'ref'>, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  qualifications: 'qualifications',
};

const ASSIGNMENT_COLUMN_OF: Record<keyof AssignmentValues, string> = {
  role: 'role',
  contract: 'contract',
  fte: 'fte',
  qualified: 'qualified',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
};

/** Which field a broken database check is about, so that the caller gets a 400 naming it. */
const CHECK_FIELDS: Record<string, { field: string; message: string }> = {
  ck_assignments_role: { field: 'role', message: 'role is not a known role' },
  ck_assignments_contract: { field: 'contract', message: 'contract is not a known contract' },
  ck_assignments_fte: { field: 'fte', message: 'fte must be between 0 and 1' },
  ck_assignments_dates: { field: 'endsOn', message: 'endsOn must be on or after startsOn' },
};

/** Database refusals caused by the caller's input, answered as a 409 or a 400 naming the field. */
export const animatorsWriteError = (error: unknown): unknown =>
  answerConstraintViolation(error, {
    conflicts: {
      uq_animator_assignments_key: () =>
        conflict(
          'ANIMATORS.ASSIGNMENT_EXISTS',
          'This animator already has an assignment at this space starting on the same day.',
        ),
      'table:animators': () =>
        conflict('ANIMATORS.REF_TAKEN', 'An animator with this reference already exists.'),
    },
    fields: CHECK_FIELDS,
  });

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** All SQL about animators and their assignments. */
@Injectable()
export class AnimatorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  spaceByRef(ref: string): Promise<SpaceKey | null> {
    return findSpaceKey(this.dataSource, ref);
  }

  /**
   * The 'animator' scope, in one query: admins may touch any animator; others one who has at least one
   * assignment at a space they may see. So an animator without any assignment is visible to admins only.
   */
  async decide(principal: Principal, ref: string): Promise<ScopeDecision> {
    const params: unknown[] = [ref];
    const scope = spaceScopeCondition(principal, 's', params);
    const rows: Array<{ visible: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM animator_assignments x JOIN spaces s ON s.id = x.space_id
                      WHERE x.animator_id = a.id AND ${scope}) AS visible
       FROM animators a WHERE a.ref = $1`,
      params,
    );
    if (rows.length === 0) return 'not_found';
    if (principal.role === 'admin') return 'allow';
    return rows[0].visible ? 'allow' : 'deny';
  }

  /**
   * Animators with an assignment at a space the caller may see (admins: every animator, assigned or
   * not, unless a space is asked for), each with the refs of those spaces.
   */
  async list(
    principal: Principal,
    filter: { spaceRef?: string; q?: string; limit: number; offset: number },
  ): Promise<{ items: AnimatorListRecord[]; total: number }> {
    const params: unknown[] = [];
    const scope = spaceScopeCondition(principal, 's', params);
    let spaceFilter = '';
    if (filter.spaceRef) {
      params.push(filter.spaceRef);
      spaceFilter = ` AND s.ref = $${params.length}`;
    }
    const where: string[] = [];
    if (principal.role !== 'admin' || filter.spaceRef) {
      where.push(`EXISTS (SELECT 1 FROM animator_assignments x JOIN spaces s ON s.id = x.space_id
                          WHERE x.animator_id = a.id AND ${scope}${spaceFilter})`);
    }
    if (filter.q) {
      params.push(likePattern(filter.q));
      where.push(`(a.ref ILIKE $${params.length} OR a.name ILIKE $${params.length})`);
    }
    params.push(filter.limit, filter.offset);
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT ${ANIMATOR_COLUMNS},
              ARRAY(SELECT DISTINCT s.ref FROM animator_assignments x JOIN spaces s ON s.id = x.space_id
                    WHERE x.animator_id = a.id AND ${scope} ORDER BY s.ref) AS space_refs,
              count(*) OVER () AS total
       FROM animators a
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.ref LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      items: rows.map((r) => ({ ...toAnimator(r), spaceRefs: r.space_refs ?? [] })),
      total: rows.length ? Number(rows[0].total) : 0,
    };
  }

  /** `lock` takes the row lock, so that the snapshot read before a change is the one replaced. */
  async findByRef(ref: string, options: { manager?: EntityManager; lock?: boolean } = {}) {
    const rows: Array<Record<string, any>> = await this.q(options.manager).query(
      `SELECT ${ANIMATOR_COLUMNS} FROM animators a WHERE a.ref = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [ref],
    );
    return rows.length ? toAnimator(rows[0]) : null;
  }

  async findById(id: string, manager?: EntityManager): Promise<AnimatorRecord | null> {
    const rows: Array<Record<string, any>> = await this.q(manager).query(
      `SELECT ${ANIMATOR_COLUMNS} FROM animators a WHERE a.id = $1`,
      [id],
    );
    return rows.length ? toAnimator(rows[0]) : null;
  }

  async refTaken(m: EntityManager, ref: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM animators WHERE ref = $1`, [ref]);
    return rows.length > 0;
  }

  async insertAnimator(m: EntityManager, values: AnimatorValues): Promise<AnimatorRecord> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO animators (ref, name, email, phone, qualifications) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [values.ref, values.name, values.email, values.phone, values.qualifications],
    );
    return (await this.findById(row.id, m))!;
  }

  /** Versioned update of name and contact (409 on a stale version). */
  async updateAnimator(
    m: EntityManager,
    id: string,
    version: number,
    changes: Partial<Omit<AnimatorValues, 'ref'>>,
  ): Promise<AnimatorRecord | null> {
    const columns = Object.fromEntries(
      Object.entries(changes).map(([field, value]) => [
        ANIMATOR_COLUMN_OF[field as keyof typeof ANIMATOR_COLUMN_OF],
        value,
      ]),
    );
    const updated = await updateVersioned(m, {
      table: 'animators',
      where: { id },
      version,
      changes: columns,
      area: 'ANIMATORS',
    });
    return updated ? this.findById(id, m) : null;
  }

  /** Erases name and contact in place and replaces the ref; assignments stay as they are. */
  async anonymise(m: EntityManager, id: string, pseudonym: string): Promise<AnimatorRecord> {
    await m.query(
      `UPDATE animators SET ref = $2, name = NULL, email = NULL, phone = NULL, qualifications = '{}',
         anonymised_at = now(), version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, pseudonym],
    );
    return (await this.findById(id, m))!;
  }

  /**
   * How many assignments the person has and how many are at spaces the principal may see, in one
   * statement (see animator-person-scope.rule.ts). Run it with the animator row locked FOR UPDATE: a
   * new assignment's foreign key check needs a lock that conflicts with it, so none can be added
   * between this count and the write or export it allows.
   */
  async personReach(m: EntityManager, animatorId: string, principal: Principal): Promise<PersonReach> {
    const params: unknown[] = [animatorId];
    const scope = spaceScopeCondition(principal, 's', params);
    const [row]: Array<{ assignments: number; in_scope: number }> = await m.query(
      `SELECT count(*)::int AS assignments, count(*) FILTER (WHERE ${scope})::int AS in_scope
       FROM animator_assignments x JOIN spaces s ON s.id = x.space_id
       WHERE x.animator_id = $1`,
      params,
    );
    return { assignments: row.assignments, inScope: row.in_scope };
  }

  /** Assignments of one animator; with a principal, only those at spaces the principal may see. */
  async assignmentsOf(
    animatorId: string,
    principal: Principal | null,
    manager?: EntityManager,
  ): Promise<AssignmentRecord[]> {
    const params: unknown[] = [animatorId];
    const scope = principal ? spaceScopeCondition(principal, 's', params) : 'TRUE';
    const rows: Array<Record<string, any>> = await this.q(manager).query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM animator_assignments x JOIN spaces s ON s.id = x.space_id
       WHERE x.animator_id = $1 AND ${scope}
       ORDER BY x.starts_on, s.ref, x.id`,
      params,
    );
    return rows.map(toAssignment);
  }

  /** One assignment of one animator, only when its space is one the principal may see. */
  async findAssignment(
    animatorId: string,
    id: string,
    principal: Principal,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<AssignmentRecord | null> {
    const params: unknown[] = [animatorId, id];
    const scope = spaceScopeCondition(principal, 's', params);
    const rows: Array<Record<string, any>> = await this.q(options.manager).query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM animator_assignments x JOIN spaces s ON s.id = x.space_id
       WHERE x.animator_id = $1 AND x.id = $2 AND ${scope} ${options.lock ? 'FOR UPDATE OF x' : ''}`,
      params,
    );
    return rows.length ? toAssignment(rows[0]) : null;
  }

  private async assignmentById(m: EntityManager, id: string): Promise<AssignmentRecord> {
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM animator_assignments x JOIN spaces s ON s.id = x.space_id WHERE x.id = $1`,
      [id],
    );
    return toAssignment(rows[0]);
  }

  async insertAssignment(
    m: EntityManager,
    animatorId: string,
    spaceId: string,
    values: AssignmentValues,
  ): Promise<AssignmentRecord> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO animator_assignments (animator_id, space_id, role, contract, fte, qualified, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        animatorId,
        spaceId,
        values.role,
        values.contract,
        values.fte,
        values.qualified,
        values.startsOn,
        values.endsOn,
      ],
    );
    return this.assignmentById(m, row.id);
  }

  async updateAssignment(
    m: EntityManager,
    animatorId: string,
    id: string,
    version: number,
    changes: Partial<AssignmentValues>,
  ): Promise<AssignmentRecord | null> {
    const columns = Object.fromEntries(
      Object.entries(changes).map(([field, value]) => [
        ASSIGNMENT_COLUMN_OF[field as keyof AssignmentValues],
        value,
      ]),
    );
    const updated = await updateVersioned(m, {
      table: 'animator_assignments',
      where: { id, animator_id: animatorId },
      version,
      changes: columns,
      area: 'ANIMATORS',
    });
    return updated ? this.assignmentById(m, id) : null;
  }

  async deleteAssignment(m: EntityManager, animatorId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `DELETE FROM animator_assignments WHERE animator_id = $1 AND id = $2 RETURNING id`,
      [animatorId, id],
    );
    return rows.length > 0;
  }

  /** The assignments at one space, optionally only those running on a day. */
  async spaceAssignments(spaceId: string, on: string | undefined): Promise<SpaceAssignmentRecord[]> {
    const params: unknown[] = [spaceId];
    let condition = '';
    if (on) {
      params.push(on);
      condition = ` AND ${assignedOnSql('x', '$2')}`;
    }
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT x.id, a.ref AS animator_ref, a.name AS animator_name, x.qualified, x.role, x.contract,
              x.fte::text AS fte, x.starts_on::text AS starts_on, x.ends_on::text AS ends_on, x.version
       FROM animator_assignments x JOIN animators a ON a.id = x.animator_id
       WHERE x.space_id = $1${condition}
       ORDER BY x.starts_on, a.ref, x.id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      animatorRef: r.animator_ref,
      animatorName: r.animator_name ?? null,
      qualified: r.qualified,
      role: r.role,
      contract: r.contract ?? null,
      fte: Number(r.fte),
      startsOn: r.starts_on,
      endsOn: r.ends_on ?? null,
      version: Number(r.version),
    }));
  }

  /** Distinct animators, summed FTE and qualified animators at a space on a day: one statement. */
  async spaceSummary(
    spaceId: string,
    on: string,
  ): Promise<{ animators: number; fte: number; qualifiedAnimators: number }> {
    const [row]: Array<{ animators: string; fte: string; qualified_animators: string }> =
      await this.dataSource.query(
        `SELECT count(DISTINCT x.animator_id) AS animators, coalesce(sum(x.fte), 0)::text AS fte,
              count(DISTINCT x.animator_id) FILTER (WHERE x.qualified) AS qualified_animators
       FROM animator_assignments x
       WHERE x.space_id = $1 AND ${assignedOnSql('x', '$2')}`,
        [spaceId, on],
      );
    return {
      animators: Number(row.animators),
      fte: Number(row.fte),
      qualifiedAnimators: Number(row.qualified_animators),
    };
  }

  /**
   * The trail about one person: entries on the animator record, and entries on their assignments
   * (assignment snapshots carry the animator's id, so deleted assignments are found too).
   */
  async auditEntriesAbout(m: EntityManager, animatorId: string): Promise<AuditEntryRecord[]> {
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT a.id::text AS id, a.occurred_at, a.actor, a.action, a.entity, a.entity_id, a.space_id,
              a.region_code, a.before, a.after, a.correlation_id
       FROM audit_log a
       WHERE (a.entity = 'animator' AND a.entity_id = $1)
          OR (a.entity = 'assignment' AND (a.before ->> 'animatorId' = $1 OR a.after ->> 'animatorId' = $1))
       ORDER BY a.id -- the bigint, not the text output column`,
      [animatorId],
    );
    return rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      spaceId: r.space_id ?? null,
      regionCode: r.region_code ? String(r.region_code).trim() : null,
      before: r.before ?? null,
      after: r.after ?? null,
      correlationId: r.correlation_id ?? null,
    }));
  }
}
