import { Injectable, Logger } from '@nestjs/common';
import {
  AppException,
  JobName,
  OutboxService,
  forbidden,
  notFound,
  validationFailed,
  type Principal,
} from '../../../core/src/index.js';
import { brusselsToday, isoWeekOf, weekStart, weeksBetween } from '../../../activity/src/index.js';
import { weeksClosedAllWeek } from '../../../spaces/src/index.js';
import { evaluationWindow, untilProblem } from '../rules/evaluation-window.rule.js';
import { evaluationRunError } from '../rules/evaluation-run.rule.js';
import { schemeRegionProblem } from '../rules/label-scheme.rule.js';
import {
  criteriaWithEvidence,
  evaluateSpace,
  storedCriteriaOf,
  storedEvidenceOf,
} from '../rules/space-evaluation.rule.js';
import { LabelSchemesService } from '../schemes/label-schemes.service.js';
import type { CreateEvaluationDto, EvaluationDto } from './dto/evaluation.dto.js';
import { LabelFlowProducer } from './label-flow.producer.js';
import { LabelMetricsRepository } from './label-metrics.repository.js';
import { EvaluationsRepository } from './evaluations.repository.js';

/** Evaluation runs: requested by staff, worked by the worker (one job per space or batch), read by all in scope. */
@Injectable()
export class EvaluationsService {
  private readonly logger = new Logger(EvaluationsService.name);

  constructor(
    private readonly repo: EvaluationsRepository,
    private readonly metrics: LabelMetricsRepository,
    private readonly schemes: LabelSchemesService,
    private readonly outbox: OutboxService,
    private readonly flows: LabelFlowProducer,
  ) {}

  /** Creates the run (scheme version and window fixed now) and queues its work. */
  async request(principal: Principal, dto: CreateEvaluationDto, now = new Date()) {
    if (Boolean(dto.spaceRef) === Boolean(dto.region)) {
      throw validationFailed([
        { field: 'spaceRef', message: 'give either spaceRef (one space) or region, not both' },
      ]);
    }
    const scheme = await this.schemes.latest(dto.scheme).catch((error) => {
      if (error instanceof AppException && error.status === 404)
        throw validationFailed([{ field: 'scheme', message: `there is no label scheme ${dto.scheme}` }]);
      throw error;
    });
    const today = brusselsToday(now);
    const until = dto.until ?? today;
    const tooLate = untilProblem(until, today);
    if (tooLate) throw validationFailed([tooLate]);
    const window = evaluationWindow(until, scheme.definition.windowWeeks);
    let spaceIds: string[];
    let regionCode: string;
    let spaceId: string | null = null;
    if (dto.spaceRef) {
      const space = await this.repo.spaceByRef(dto.spaceRef);
      if (!space) throw notFound('SPACES.NOT_FOUND', `There is no space ${dto.spaceRef}.`);
      regionCode = space.regionCode;
      spaceId = space.id;
      spaceIds = [space.id];
    } else {
      regionCode = dto.region!;
      spaceIds = [];
    }
    if (principal.role !== 'admin' && principal.regionCode !== regionCode) throw forbidden();
    // After the access check, so a caller learns nothing about a space outside their region.
    const otherRegion = schemeRegionProblem(
      { scheme: scheme.scheme, region: scheme.regionCode },
      regionCode,
      'scheme',
      spaceId ? `space ${dto.spaceRef}` : 'the region asked',
    );
    if (otherRegion) throw validationFailed([otherRegion]);
    if (!spaceId) {
      spaceIds = await this.repo.spacesOfRegion(regionCode, until);
      if (spaceIds.length === 0)
        throw notFound('LABELS.NO_SPACES', `Region ${regionCode} has no open space to evaluate.`);
    }
    // The run and its work commit together (transactional outbox): a crash after the commit loses nothing.
    const run = await this.repo.transaction(async (m) => {
      const created = await this.repo.createRun(
        {
          scheme: scheme.scheme,
          schemeVersion: scheme.version,
          regionCode,
          spaceId,
          until,
          windowFrom: window.from,
          windowTo: window.to,
          total: spaceIds.length,
          requestedBy: principal.userId,
        },
        m,
      );
      if (spaceId) await this.outbox.add(m, JobName.LabelsEvaluateSpace, { runId: created.id, spaceId });
      else await this.outbox.add(m, JobName.LabelsStartRegion, { runId: created.id });
      return created;
    });
    await this.outbox.relayAfterCommit();
    return run;
  }

  /**
   * The worker's start of a region's run: one flow with a child job per space open on `until`. Job ids
   * are deterministic, so a retried start adds nothing twice.
   */
  async startRegion(runId: string): Promise<void> {
    const run = await this.repo.findRun(runId);
    if (!run) {
      this.logger.warn({ runId }, 'evaluation run vanished; nothing to start');
      return;
    }
    const spaceIds = await this.repo.spacesOfRegion(run.regionCode, run.until);
    if (spaceIds.length !== run.total) await this.repo.setTotal(runId, spaceIds.length);
    await this.flows.addRegionFlow(runId, spaceIds);
  }

  /**
   * The worker's work for one child job (or any batch): the run and scheme (2 statements), the hours of
   * the spaces that have closures (1), every metric of every space (1 set-based statement), and the
   * results with the run's status (1 statement, idempotent). The number of statements does not depend
   * on the number of spaces.
   */
  async evaluate(runId: string, spaceIds: readonly string[]): Promise<void> {
    const run = await this.repo.findRun(runId);
    if (!run) {
      this.logger.warn({ runId }, 'evaluation run vanished; nothing to do');
      return;
    }
    const scheme = await this.schemes.get(run.scheme, run.schemeVersion);
    const window = evaluationWindow(run.until, scheme.definition.windowWeeks);
    const weeks = weeksBetween(window.firstWeek, window.lastWeek);
    // Weeks the hours close all week (a summer closure) are not weeks the space had to report.
    const closedWeeks = (await this.metrics.closingHours(spaceIds)).flatMap((space) =>
      weeksClosedAllWeek(space.openingHours, weeks).map((week) => ({
        spaceId: space.id,
        week,
        monday: weekStart(week),
      })),
    );
    const measured = await this.metrics.measure(spaceIds, window, closedWeeks);
    await this.repo.storeResults(
      runId,
      measured.map((m) => {
        const { eligible, criteria } = evaluateSpace(scheme.definition, m);
        return {
          spaceId: m.spaceId,
          weeksWithData: m.weeksWithData,
          eligible,
          criteria: storedCriteriaOf(criteria),
          evidence: storedEvidenceOf(m),
        };
      }),
    );
  }

  /**
   * The parent job of a region run, after its children: counts and closes the run, `failed` when a
   * batch failed for good and left spaces without a result.
   */
  async aggregate(runId: string): Promise<void> {
    await this.repo.touchRun(runId, true);
  }

  /** A run whose job failed for good (its last attempt): it will not progress any more. */
  async fail(runId: string, cause: unknown): Promise<void> {
    this.logger.error(
      { runId, err: cause instanceof Error ? cause.message : String(cause) },
      'evaluation run failed',
    );
    // The job's own error is what the queue keeps: a database still down here is only logged.
    await this.repo
      .markFailed(runId)
      .catch((err: unknown) =>
        this.logger.error(
          { runId, err: err instanceof Error ? err.message : String(err) },
          'could not mark the run failed',
        ),
      );
  }

  async get(principal: Principal, id: string): Promise<EvaluationDto> {
    const run = await this.repo.findRun(id);
    if (!run || !(await this.repo.visibleTo(principal, run))) {
      throw notFound('LABELS.EVALUATION_NOT_FOUND', 'There is no such evaluation.');
    }
    const results = await this.repo.results(principal, id);
    const error = evaluationRunError(run);
    return {
      id: run.id,
      scheme: run.scheme,
      schemeVersion: run.schemeVersion,
      region: run.regionCode,
      spaceRef: run.spaceRef,
      until: run.until,
      window: {
        firstWeek: isoWeekOf(run.windowFrom),
        lastWeek: isoWeekOf(run.windowTo),
        from: run.windowFrom,
        to: run.windowTo,
        weeks: Math.round(
          (Date.parse(run.windowTo) - Date.parse(run.windowFrom) + 86_400_000) / (7 * 86_400_000),
        ),
      },
      status: run.status,
      ...(error ? { error } : {}),
      progress: { evaluated: run.evaluated, total: run.total },
      // A coordinator sees a region run's results for their own spaces only, and its count of eligible
      // spaces among those: how many of the region's other spaces are eligible is not theirs to know.
      eligibleCount:
        run.eligibleCount !== null && principal.role === 'coordinator' && run.spaceRef === null
          ? results.filter((r) => r.eligible === true).length
          : run.eligibleCount,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      spaces: results.map((r) => ({
        spaceRef: r.spaceRef,
        spaceName: r.spaceName,
        eligible: r.eligible,
        weeksWithData: r.weeksWithData,
        criteria: criteriaWithEvidence(r.criteria, r.evidence),
        evaluatedAt: r.evaluatedAt,
      })),
    };
  }
}
