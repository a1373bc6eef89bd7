import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { conflict, forbidden, notFound, validationFailed, type Principal } from '../../../core/src/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuditWrite } from '../audit/audit.repository.js';
import { SpaceAccessRepository } from '../links/space-access.repository.js';
import { brusselsWallClock } from '../rules/brussels-time.js';
import { pageOf } from '../shared/dto/page.dto.js';
import { versionConflict } from '../shared/versioned-update.js';
import { changedPersonFields, coversWholePerson } from './animator-person-scope.rule.js';
import { animatorAuditSnapshots, pseudonymousRef } from './animator-privacy.rule.js';
import './animators.messages.js';
import {
  AnimatorsRepository,
  animatorsWriteError,
  type AnimatorRecord,
  type AnimatorValues,
  type AssignmentRecord,
  type AssignmentValues,
  type SpaceKey,
} from './animators.repository.js';
import type {
  AnimatorDto,
  AnimatorExportDto,
  AnimatorListQueryDto,
  AnimatorPageDto,
  AnonymisedAnimatorDto,
  AssignmentDto,
  CreateAnimatorDto,
  CreateAssignmentDto,
  SpaceAnimatorsDto,
  UpdateAnimatorDto,
  UpdateAssignmentDto,
} from './dto/animators.dto.js';

const pad = (n: number) => String(n).padStart(2, '0');
const brusselsToday = () => {
  const w = brusselsWallClock(new Date());
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
};

const animatorNotFound = () => notFound('ANIMATORS.NOT_FOUND', 'No such animator.');
const assignmentNotFound = () => notFound('ANIMATORS.ASSIGNMENT_NOT_FOUND', 'No such assignment.');
const sharedPerson = () =>
  forbidden(
    'This person also works at a space you do not manage, so you cannot change their name, contact ' +
      'details or qualifications, anonymise them or export their data. Ask an administrator, or the ' +
      'region of that space.',
    'ANIMATORS.SHARED_PERSON',
  );

const toAssignmentDto = (a: AssignmentRecord): AssignmentDto => ({
  id: a.id,
  spaceRef: a.spaceRef,
  spaceName: a.spaceName,
  role: a.role,
  contract: a.contract,
  fte: a.fte,
  qualified: a.qualified,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  version: a.version,
});

const toAnimatorDto = (a: AnimatorRecord, assignments: AssignmentRecord[]): AnimatorDto => ({
  ref: a.ref,
  name: a.name,
  email: a.email,
  phone: a.phone,
  qualifications: a.qualifications,
  anonymisedAt: a.anonymisedAt,
  version: a.version,
  assignments: assignments.map(toAssignmentDto),
});

/** Assignments hold no personal data; the animator is named by id only (see animator-privacy.rule.ts). */
const assignmentSnapshot = (a: AssignmentRecord) => ({
  id: a.id,
  animatorId: a.animatorId,
  spaceId: a.spaceId,
  spaceRef: a.spaceRef,
  role: a.role,
  contract: a.contract,
  fte: a.fte,
  qualified: a.qualified,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  version: a.version,
});

const assignmentAudit = (
  action: AuditWrite['action'],
  before: AssignmentRecord | null,
  after: AssignmentRecord | null,
): AuditWrite => {
  const record = (after ?? before)!;
  return {
    action,
    entity: 'assignment',
    entityId: record.id,
    spaceId: record.spaceId,
    regionCode: record.regionCode,
    before: before && assignmentSnapshot(before),
    after: after && assignmentSnapshot(after),
  };
};

function checkDates(values: { startsOn: string; endsOn: string | null }): void {
  if (values.endsOn !== null && values.endsOn < values.startsOn) {
    throw validationFailed([{ field: 'endsOn', message: 'endsOn must be on or after startsOn' }]);
  }
}

const assignmentValues = (dto: CreateAssignmentDto): AssignmentValues => ({
  role: dto.role,
  contract: dto.contract ?? null,
  fte: dto.fte,
  qualified: dto.qualified,
  startsOn: dto.startsOn,
  endsOn: dto.endsOn ?? null,
});

/**
 * Animators (people) and their assignments to spaces. A caller reaches an animator through the
 * 'animator' scope (an assignment at a space they may see), and within it only the assignments at such
 * spaces; acting on the person as a whole needs every one of their spaces in scope. Personal data is
 * professional contact only; it never enters the audit trail (see animator-privacy.rule.ts), can be
 * exported on request, and is erased in place by anonymising.
 */
@Injectable()
export class AnimatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AnimatorsRepository,
    private readonly spaceAccess: SpaceAccessRepository,
    private readonly audit: AuditService,
  ) {}

  /** The scope resolver registered for the 'animator' kind. */
  decide(principal: Principal, ref: string) {
    return this.repo.decide(principal, ref);
  }

  private async animator(ref: string, manager?: EntityManager, lock = false): Promise<AnimatorRecord> {
    const animator = await this.repo.findByRef(ref, { manager, lock });
    if (!animator) throw animatorNotFound();
    return animator;
  }

  /** The caller must be allowed on the space named in a body (routes check the route's scope only). */
  private async allowedSpace(principal: Principal, ref: string): Promise<SpaceKey> {
    const decision = await this.spaceAccess.decide(principal, ref);
    if (decision === 'deny') throw forbidden();
    const space = decision === 'allow' ? await this.repo.spaceByRef(ref) : null;
    if (!space) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    return space;
  }

  /**
   * A person-level act (changing the person's fields, anonymising, exporting) reaches every space the
   * person works at, so the caller must cover all of them (animator-person-scope.rule.ts). The caller
   * holds the animator row FOR UPDATE, so no assignment can be added in between.
   */
  private async requireWholePerson(principal: Principal, animatorId: string, m: EntityManager) {
    if (principal.role === 'admin') return; // admins cover every space: no need to count
    if (!coversWholePerson(principal.role, await this.repo.personReach(m, animatorId, principal))) {
      throw sharedPerson();
    }
  }

  /**
   * Entries about the person (not one space) are filed under the first of their assignments the caller
   * may see, so that the caller's region can read them; null when there is none (an admin's view of an
   * unassigned animator).
   */
  private async personAuditSpace(principal: Principal, animatorId: string, m: EntityManager) {
    const [first] = await this.repo.assignmentsOf(animatorId, principal, m);
    return { spaceId: first?.spaceId ?? null, regionCode: first?.regionCode ?? null };
  }

  /** A page of people with their contact details: each person shown is recorded as read. */
  async list(principal: Principal, query: AnimatorListQueryDto): Promise<AnimatorPageDto> {
    const { page, pageSize, limit, offset } = pageOf(query);
    const { items, total } = await this.repo.list(principal, {
      spaceRef: query.spaceRef,
      q: query.q,
      limit,
      offset,
    });
    if (items.length > 0) {
      await this.dataSource.transaction((m) =>
        this.audit.record(
          m,
          principal,
          // The reader's region (null for admins), not each person's: one statement for the whole page.
          items.map((a) => ({
            action: 'read' as const,
            entity: 'animator',
            entityId: a.id,
            spaceId: null,
            regionCode: principal.regionCode ?? null,
          })),
        ),
      );
    }
    return {
      items: items.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest),
      total,
      page,
      pageSize,
    };
  }

  /** The person with their contact details; reading them is recorded ('read'), like an export. */
  async get(principal: Principal, ref: string): Promise<AnimatorDto> {
    return this.dataSource.transaction(async (m) => {
      const animator = await this.animator(ref, m);
      await this.audit.record(m, principal, [
        {
          action: 'read',
          entity: 'animator',
          entityId: animator.id,
          ...(await this.personAuditSpace(principal, animator.id, m)),
        },
      ]);
      return toAnimatorDto(animator, await this.repo.assignmentsOf(animator.id, principal, m));
    });
  }

  /** The person and a first assignment, at a space the route has checked the caller may work on. */
  async create(principal: Principal, dto: CreateAnimatorDto): Promise<AnimatorDto> {
    const space = await this.allowedSpace(principal, dto.spaceRef);
    const person: AnimatorValues = {
      ref: dto.ref,
      name: dto.name,
      email: dto.email ?? null,
      phone: dto.phone ?? null,
      qualifications: dto.qualifications ?? [],
    };
    const values = assignmentValues(dto);
    checkDates(values);
    try {
      return await this.dataSource.transaction(async (m) => {
        const animator = await this.repo.insertAnimator(m, person);
        const assignment = await this.repo.insertAssignment(m, animator.id, space.id, values);
        const snapshots = animatorAuditSnapshots(null, animator);
        await this.audit.record(m, principal, [
          {
            action: 'create',
            entity: 'animator',
            entityId: animator.id,
            spaceId: space.id,
            regionCode: space.regionCode,
            ...snapshots,
          },
          assignmentAudit('create', null, assignment),
        ]);
        return toAnimatorDto(animator, [assignment]);
      });
    } catch (error) {
      throw animatorsWriteError(error);
    }
  }

  async update(principal: Principal, ref: string, dto: UpdateAnimatorDto): Promise<AnimatorDto> {
    const changes: Partial<Omit<AnimatorValues, 'ref'>> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.email !== undefined) changes.email = dto.email;
    if (dto.phone !== undefined) changes.phone = dto.phone;
    if (dto.qualifications !== undefined) changes.qualifications = dto.qualifications;
    const after = await this.dataSource.transaction(async (m) => {
      const before = await this.animator(ref, m, true);
      // Refused before the version check: reloading would not help.
      if (changedPersonFields(before, changes).length > 0) {
        await this.requireWholePerson(principal, before.id, m);
      }
      // The row is locked: a version checked here cannot change before the UPDATE below.
      if (before.version !== dto.version) throw versionConflict('ANIMATORS', before.version);
      if (Object.keys(changes).length === 0) return before;
      if (before.anonymisedAt) {
        throw conflict(
          'ANIMATORS.ANONYMISED',
          'This animator has been anonymised: name and contact details can no longer be filled in.',
        );
      }
      const updated = await this.repo.updateAnimator(m, before.id, dto.version, changes);
      if (!updated) throw animatorNotFound();
      await this.audit.record(m, principal, [
        {
          action: 'update',
          entity: 'animator',
          entityId: before.id,
          ...(await this.personAuditSpace(principal, before.id, m)),
          ...animatorAuditSnapshots(before, updated),
        },
      ]);
      return updated;
    });
    return toAnimatorDto(after, await this.repo.assignmentsOf(after.id, principal));
  }

  /**
   * Everything held about the person: their fields, every assignment (at any space), and the trail
   * about them. Reading personal data is itself recorded ('read'), in the same transaction.
   * It answers a data-subject request, so it is complete or refused, never cut to the caller's scope:
   * only a caller covering every space the person works at gets it. The row lock keeps an assignment
   * elsewhere from being added between that check and the reads.
   */
  async export(principal: Principal, ref: string): Promise<AnimatorExportDto> {
    return this.dataSource.transaction(async (m) => {
      const animator = await this.animator(ref, m, true);
      await this.requireWholePerson(principal, animator.id, m);
      await this.audit.record(m, principal, [
        {
          action: 'read',
          entity: 'animator',
          entityId: animator.id,
          ...(await this.personAuditSpace(principal, animator.id, m)),
        },
      ]);
      const assignments = await this.repo.assignmentsOf(animator.id, null, m);
      return {
        exportedAt: new Date(),
        person: {
          id: animator.id,
          ref: animator.ref,
          name: animator.name,
          email: animator.email,
          phone: animator.phone,
          qualifications: animator.qualifications,
          anonymisedAt: animator.anonymisedAt,
          version: animator.version,
          createdAt: animator.createdAt,
          updatedAt: animator.updatedAt,
        },
        assignments: assignments.map((a) => ({
          ...toAssignmentDto(a),
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        })),
        auditEntries: await this.repo.auditEntriesAbout(m, animator.id),
      };
    });
  }

  /**
   * Erases name, contact and qualifications in place and replaces the ref (which may contain the name)
   * with a pseudonym. Assignments, roles, FTE, qualified flags and dates stay, so figures do not change.
   */
  async anonymise(principal: Principal, ref: string): Promise<AnonymisedAnimatorDto> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.animator(ref, m, true);
      await this.requireWholePerson(principal, before.id, m);
      if (before.anonymisedAt) {
        throw conflict('ANIMATORS.ALREADY_ANONYMISED', 'This animator has already been anonymised.');
      }
      let pseudonym = pseudonymousRef();
      for (let attempt = 0; await this.repo.refTaken(m, pseudonym); attempt++) {
        if (attempt >= 5) throw new Error('Could not find a free pseudonymous ref');
        pseudonym = pseudonymousRef();
      }
      const after = await this.repo.anonymise(m, before.id, pseudonym);
      await this.audit.record(m, principal, [
        {
          action: 'anonymise',
          entity: 'animator',
          entityId: before.id,
          ...(await this.personAuditSpace(principal, before.id, m)),
          ...animatorAuditSnapshots(before, after),
        },
      ]);
      return { ref: after.ref, anonymisedAt: after.anonymisedAt!, version: after.version };
    });
  }

  async addAssignment(principal: Principal, ref: string, dto: CreateAssignmentDto): Promise<AssignmentDto> {
    const animator = await this.animator(ref);
    const space = await this.allowedSpace(principal, dto.spaceRef);
    const values = assignmentValues(dto);
    checkDates(values);
    try {
      return await this.dataSource.transaction(async (m) => {
        const created = await this.repo.insertAssignment(m, animator.id, space.id, values);
        await this.audit.record(m, principal, [assignmentAudit('create', null, created)]);
        return toAssignmentDto(created);
      });
    } catch (error) {
      throw animatorsWriteError(error);
    }
  }

  /** Only an assignment at a space the caller may see can be changed; others answer 404. */
  async updateAssignment(
    principal: Principal,
    ref: string,
    id: string,
    dto: UpdateAssignmentDto,
  ): Promise<AssignmentDto> {
    const animator = await this.animator(ref);
    const changes: Partial<AssignmentValues> = {};
    if (dto.role !== undefined) changes.role = dto.role;
    if (dto.contract !== undefined) changes.contract = dto.contract;
    if (dto.fte !== undefined) changes.fte = dto.fte;
    if (dto.qualified !== undefined) changes.qualified = dto.qualified;
    if (dto.startsOn !== undefined) changes.startsOn = dto.startsOn;
    if (dto.endsOn !== undefined) changes.endsOn = dto.endsOn;
    try {
      return await this.dataSource.transaction(async (m) => {
        const before = await this.repo.findAssignment(animator.id, id, principal, { manager: m, lock: true });
        if (!before) throw assignmentNotFound();
        // The row is locked: a version checked here cannot change before the UPDATE below.
        if (before.version !== dto.version) throw versionConflict('ANIMATORS', before.version);
        checkDates({ ...before, ...changes });
        const after = await this.repo.updateAssignment(m, animator.id, id, dto.version, changes);
        if (!after) throw assignmentNotFound();
        await this.audit.record(m, principal, [assignmentAudit('update', before, after)]);
        return toAssignmentDto(after);
      });
    } catch (error) {
      throw animatorsWriteError(error);
    }
  }

  async removeAssignment(principal: Principal, ref: string, id: string): Promise<void> {
    const animator = await this.animator(ref);
    await this.dataSource.transaction(async (m) => {
      const before = await this.repo.findAssignment(animator.id, id, principal, { manager: m, lock: true });
      if (!before || !(await this.repo.deleteAssignment(m, animator.id, id))) throw assignmentNotFound();
      await this.audit.record(m, principal, [assignmentAudit('delete', before, null)]);
    });
  }

  /** Who animates a space: its assignments (optionally those running on a day) and that day's figures. */
  async atSpace(spaceRef: string, on: string | undefined): Promise<SpaceAnimatorsDto> {
    const space = await this.repo.spaceByRef(spaceRef);
    if (!space) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    const day = on ?? brusselsToday();
    const [items, summary] = await Promise.all([
      this.repo.spaceAssignments(space.id, on),
      this.repo.spaceSummary(space.id, day),
    ]);
    return { spaceRef: space.ref, on: on ?? null, items, summary: { on: day, ...summary } };
  }
}
