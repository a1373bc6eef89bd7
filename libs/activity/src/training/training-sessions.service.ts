import { Injectable } from '@nestjs/common';
import {
  conflict,
  notFound,
  validationFailed,
  type Language,
  type Principal,
} from '../../../core/src/index.js';
import { AuditService, versionConflict } from '../../../spaces/src/index.js';
import { activityMessage } from '../rules/activity.messages.js';
import { checkTrainingSession } from '../rules/training-session.rule.js';
import { ActivitySpaceRepository, type ActivitySpace } from '../shared/activity-space.repository.js';
import type { CreateTrainingSessionDto, UpdateTrainingSessionDto } from './dto/training-session.dto.js';
import {
  TrainingSessionsRepository,
  type SessionValues,
  type StoredSession,
} from './training-sessions.repository.js';

/** Training sessions of a space: create, read, update, delete, each write audited. */
@Injectable()
export class TrainingSessionsService {
  constructor(
    private readonly sessions: TrainingSessionsRepository,
    private readonly spaces: ActivitySpaceRepository,
    private readonly audit: AuditService,
  ) {}

  private async space(ref: string): Promise<ActivitySpace> {
    const space = await this.spaces.byRef(ref);
    if (!space) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    return space;
  }

  async list(spaceRef: string, from?: string, to?: string) {
    const space = await this.space(spaceRef);
    return this.sessions.list(space.id, from, to);
  }

  async get(spaceRef: string, ref: string) {
    const space = await this.space(spaceRef);
    const session = await this.sessions.find(space.id, ref);
    if (!session) throw notFound('TRAINING.NOT_FOUND', 'No such training session at this space.');
    return session;
  }

  async create(principal: Principal, spaceRef: string, dto: CreateTrainingSessionDto, lang: Language) {
    const space = await this.space(spaceRef);
    const values: SessionValues = { ...dto, language: dto.language ?? null };
    await this.check(space, values, dto.animatorRefs ?? [], lang);
    return this.sessions.transaction(async (m) => {
      const id = await this.sessions.insert(m, space.id, values);
      if (!id)
        throw conflict(
          'TRAINING.REF_TAKEN',
          'This space already has a training session with this reference.',
        );
      await this.sessions.setAnimators(m, id, space.id, dto.animatorRefs ?? []);
      const created = (await this.sessions.find(space.id, dto.ref, m)) as StoredSession;
      await this.audit.record(m, principal, [entry('create', space, null, created)]);
      return created;
    });
  }

  async update(
    principal: Principal,
    spaceRef: string,
    ref: string,
    dto: UpdateTrainingSessionDto,
    lang: Language,
  ) {
    const space = await this.space(spaceRef);
    const before = await this.sessions.find(space.id, ref);
    if (!before) throw notFound('TRAINING.NOT_FOUND', 'No such training session at this space.');
    if (before.version !== dto.version) throw versionConflict('TRAINING', before.version);
    const { version: _version, animatorRefs, ...changes } = dto;
    const values: SessionValues = {
      ref: before.ref,
      date: changes.date ?? before.date,
      title: changes.title ?? before.title,
      theme: changes.theme ?? before.theme,
      format: changes.format ?? before.format,
      durationHours: changes.durationHours ?? before.durationHours,
      participants: changes.participants ?? before.participants,
      newParticipants: changes.newParticipants ?? before.newParticipants,
      language: changes.language === undefined ? before.language : changes.language,
    };
    await this.check(space, values, animatorRefs ?? [], lang);
    return this.sessions.transaction(async (m) => {
      if (!(await this.sessions.update(m, before.id, dto.version, values))) {
        throw versionConflict('TRAINING', before.version + 1);
      }
      if (animatorRefs) await this.sessions.setAnimators(m, before.id, space.id, animatorRefs);
      const after = (await this.sessions.find(space.id, ref, m)) as StoredSession;
      await this.audit.record(m, principal, [entry('update', space, before, after)]);
      return after;
    });
  }

  async delete(principal: Principal, spaceRef: string, ref: string) {
    const space = await this.space(spaceRef);
    const before = await this.sessions.find(space.id, ref);
    if (!before) throw notFound('TRAINING.NOT_FOUND', 'No such training session at this space.');
    await this.sessions.transaction(async (m) => {
      await this.sessions.delete(m, before.id);
      await this.audit.record(m, principal, [entry('delete', space, before, null)]);
    });
  }

  private async check(space: ActivitySpace, values: SessionValues, animatorRefs: string[], lang: Language) {
    const problems: Array<{ field: string; code: string; message: string }> = checkTrainingSession(
      values,
    ).map((issue) => ({
      field: issue.field,
      code: issue.key,
      message: activityMessage(issue.key, issue.params, lang),
    }));
    const unknown = animatorRefs.length ? await this.sessions.unknownAnimators(space.id, animatorRefs) : [];
    if (unknown.length) {
      problems.push({
        field: 'animatorRefs',
        code: 'training.unknown_animators',
        message: {
          en: `These animators do not work at this space: ${unknown.join(', ')}.`,
          nl: `Deze animatoren werken niet in deze ruimte: ${unknown.join(', ')}.`,
          fr: `Ces animateurs ne travaillent pas dans cet espace : ${unknown.join(', ')}.`,
        }[lang],
      });
    }
    if (problems.length) throw validationFailed(problems);
  }
}

function entry(
  action: 'create' | 'update' | 'delete',
  space: ActivitySpace,
  before: StoredSession | null,
  after: StoredSession | null,
) {
  const snapshot = (s: StoredSession | null) => {
    if (!s) return null;
    const { id: _id, spaceId: _spaceId, ...rest } = s;
    return rest;
  };
  return {
    action,
    entity: 'training_session',
    entityId: `${space.ref}/${(after ?? before)!.ref}`,
    spaceId: space.id,
    regionCode: space.regionCode,
    before: snapshot(before),
    after: snapshot(after),
  };
}
