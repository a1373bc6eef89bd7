import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { conflict, notFound, validationFailed, type Principal } from '../../../core/src/index.js';
import { AuditService } from '../../../spaces/src/index.js';
import { brusselsToday } from '../../../activity/src/index.js';
import { STATUS_OF_DECISION, decisionProblems, decisionValidity } from '../rules/label-decision.rule.js';
import { schemeRegionProblem } from '../rules/label-scheme.rule.js';
import { LabelSchemesService } from '../schemes/label-schemes.service.js';
import type { CreateDecisionDto, LabelDecisionDto } from './dto/decision.dto.js';
import { LabelDecisionsRepository, type StoredLabel } from './label-decisions.repository.js';

/** 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), grouped for reading aloud. */
export function newVerificationCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export const toDecisionDto = (l: StoredLabel): LabelDecisionDto => ({
  id: l.id,
  spaceRef: l.spaceRef,
  scheme: l.scheme,
  schemeVersion: l.schemeVersion,
  status: l.status,
  decision: l.decision,
  validFrom: l.validFrom,
  validUntil: l.validUntil,
  evaluationId: l.evaluationId,
  justification: l.justification,
  verificationCode: l.verificationCode,
  decidedAt: l.decidedAt,
});

/** Label decisions by regional staff: checked against the evaluation, one at a time per space, audited. */
@Injectable()
export class LabelDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: LabelDecisionsRepository,
    private readonly schemes: LabelSchemesService,
    private readonly audit: AuditService,
  ) {}

  decide(
    principal: Principal,
    ref: string,
    dto: CreateDecisionDto,
    now = new Date(),
  ): Promise<LabelDecisionDto> {
    const today = brusselsToday(now);
    return this.dataSource.transaction(async (m) => {
      const space = await this.repo.lockSpace(m, ref);
      if (!space) throw notFound('SPACES.NOT_FOUND', `There is no space ${ref}.`);
      const current = await this.repo.current(m, space.id, today);
      if ((dto.currentDecisionId ?? null) !== (current?.id ?? null)) {
        throw conflict(
          'LABELS.DECISION_CONFLICT',
          'The label changed since you read it: reload and decide again.',
          { currentDecisionId: current?.id ?? null },
        );
      }
      const evaluation = await this.repo.evaluationFor(m, dto.evaluationId, space.id);
      if (!evaluation) {
        throw validationFailed([
          { field: 'evaluationId', message: 'no evaluation with this id covers this space' },
        ]);
      }
      if (evaluation.eligible === null) {
        throw validationFailed([
          { field: 'evaluationId', message: 'this evaluation has not evaluated the space yet' },
        ]);
      }
      const scheme = await this.schemes.get(evaluation.scheme, evaluation.schemeVersion);
      // An evaluation against another region's scheme (possible for runs stored before requests were
      // checked) cannot carry that region's label.
      const otherRegion = schemeRegionProblem(
        { scheme: scheme.scheme, region: scheme.regionCode },
        space.regionCode,
        'evaluationId',
        `space ${ref}`,
      );
      if (otherRegion) throw validationFailed([otherRegion]);
      const problems = decisionProblems({
        decision: dto.decision,
        currentStatus: current?.status ?? 'none',
        eligible: evaluation.eligible,
        justification: dto.justification,
      });
      if (problems.length) throw validationFailed(problems);
      const status = STATUS_OF_DECISION[dto.decision];
      // Always from the decision date in Brussels: a label is never back-dated nor dated ahead.
      const validity = decisionValidity(dto.decision, today, scheme.validityYears, current);
      const id = await this.repo.insert(m, {
        spaceId: space.id,
        scheme: evaluation.scheme,
        schemeVersion: evaluation.schemeVersion,
        status,
        decision: dto.decision,
        ...validity,
        evaluationId: dto.evaluationId,
        decidedBy: principal.userId,
        justification: dto.justification?.trim() || null,
        verificationCode: status === 'granted' ? newVerificationCode() : null,
      });
      const stored = toDecisionDto(await this.repo.byId(m, id, today));
      await this.audit.record(m, principal, [
        {
          action: 'create',
          entity: 'label',
          entityId: id,
          spaceId: space.id,
          regionCode: space.regionCode,
          before: current ? { ...toDecisionDto(current) } : null,
          after: { ...stored },
        },
      ]);
      return stored;
    });
  }

  async history(ref: string, now = new Date()): Promise<LabelDecisionDto[]> {
    return (await this.repo.history(ref, brusselsToday(now))).map(toDecisionDto);
  }
}
