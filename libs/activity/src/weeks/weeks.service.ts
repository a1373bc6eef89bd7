import { Injectable } from '@nestjs/common';
import {
  AppException,
  notFound,
  validationFailed,
  type Language,
  type Principal,
} from '../../../core/src/index.js';
import { AuditService, versionConflict, weeklyHours } from '../../../spaces/src/index.js';
import { activityMessage } from '../rules/activity.messages.js';
import { brusselsToday, isoYearOf, weekStart } from '../rules/iso-weeks.js';
import { checkWeek, type WeekFigures } from '../rules/weekly-activity.rule.js';
import { ActivitySpaceRepository, type ActivitySpace } from '../shared/activity-space.repository.js';
import type { PutWeekDto } from './dto/week.dto.js';
import { assertPeriod, isRealWeek, notAWeek } from './week-param.js';
import { WeeksRepository, figuresOf, sameFigures, type StoredWeek } from './weeks.repository.js';

export interface PutWeekResult {
  week: StoredWeek;
  outcome: 'created' | 'updated' | 'unchanged';
}

/** Weekly activity: record, replace and read a space's weeks. */
@Injectable()
export class WeeksService {
  constructor(
    private readonly weeks: WeeksRepository,
    private readonly spaces: ActivitySpaceRepository,
    private readonly audit: AuditService,
  ) {}

  /** The route's week must exist (2025-W53 does not); a 400 naming `week`, never a 500. */
  assertWeek(week: string, lang: Language): void {
    if (!isRealWeek(week)) throw validationFailed([notAWeek('week', week, lang)]);
  }

  async space(ref: string): Promise<ActivitySpace> {
    const space = await this.spaces.byRef(ref);
    if (!space) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    return space;
  }

  /**
   * Creates or replaces the week (idempotent: the same figures twice change nothing). Without
   * `version` the last writer wins; with it, a stale version answers 409. Version 0 means "I saw no
   * week" (the week form sends it when it opened on an empty week; the API's DTO asks for 1 or more):
   * it creates the week, and answers 409 when someone else stored it meanwhile. Concurrent first
   * saves end in one row: the insert that loses the unique key race falls back to an update.
   */
  async put(
    principal: Principal | null,
    spaceRef: string,
    week: string,
    dto: PutWeekDto,
    lang: Language,
    now = new Date(),
  ): Promise<PutWeekResult> {
    this.assertWeek(week, lang);
    const space = await this.space(spaceRef);
    const figures = normalise(dto);
    const issues = checkWeek(figures, { week, today: brusselsToday(now), space });
    const invalid = (found: typeof issues) =>
      validationFailed(
        found.map((issue) => ({
          field: issue.field,
          code: issue.key,
          message: activityMessage(issue.key, issue.params, lang),
        })),
      );
    // A week stored before the space's dates were changed may be sent again as it is (the same upload
    // twice changes nothing); only a change to it is refused, below.
    const outsideDates = issues.filter((issue) => issue.key === 'week.space_inactive');
    if (issues.length > outsideDates.length) throw invalid(issues);
    return this.weeks.transaction(async (m) => {
      let before = await this.weeks.findForUpdate(m, space.id, week);
      if (outsideDates.length > 0 && !(before && sameFigures(before, figures))) throw invalid(outsideDates);
      if (!before) {
        if (dto.version !== undefined && dto.version !== 0) throw versionConflict('ACTIVITY', 0);
        const created = await this.weeks.insertIfAbsent(
          m,
          space.id,
          week,
          isoYearOf(week),
          weekStart(week),
          figures,
        );
        if (created) {
          await this.audit.record(m, principal, [auditEntry('create', space, created, null, created)]);
          return { week: created, outcome: 'created' as const };
        }
        before = await this.weeks.findForUpdate(m, space.id, week);
        if (!before) throw new AppException('ACTIVITY.RACE', 'The week could not be saved; try again.', 409);
      }
      if (dto.version !== undefined && dto.version !== before.version) {
        throw versionConflict('ACTIVITY', before.version);
      }
      if (sameFigures(before, figures)) return { week: before, outcome: 'unchanged' as const };
      const after = await this.weeks.replace(m, before.id, before.version, figures);
      if (!after) throw versionConflict('ACTIVITY', before.version);
      // The correction keeps the old values in the trail.
      await this.audit.record(m, principal, [auditEntry('update', space, after, before, after)]);
      return { week: after, outcome: 'updated' as const };
    });
  }

  async get(spaceRef: string, week: string, lang: Language): Promise<StoredWeek> {
    this.assertWeek(week, lang);
    const space = await this.space(spaceRef);
    const found = await this.weeks.find(space.id, week);
    if (!found) throw notFound('ACTIVITY.WEEK_NOT_FOUND', 'This week has not been entered yet.');
    return found;
  }

  async range(spaceRef: string, from: string, to: string, lang: Language): Promise<StoredWeek[]> {
    assertPeriod(from, to, lang);
    const space = await this.space(spaceRef);
    return this.weeks.range(space.id, from, to);
  }

  /**
   * What the week's form starts with: the hours the schedule gives for that very week, after dated
   * closures and public holidays, so a coordinator only has to type the visits.
   */
  async prefill(spaceRef: string, week: string, lang: Language) {
    this.assertWeek(week, lang);
    const space = await this.space(spaceRef);
    if (!space.openingHours) return { week, openingHours: 0, hoursWithAnimator: 0, fromSchedule: false };
    const hours = weeklyHours(space.openingHours, week as `${number}-W${number}`);
    return { week, ...hours, fromSchedule: true };
  }
}

function normalise(dto: PutWeekDto): WeekFigures {
  const n = (v: number | null | undefined) => (v === undefined ? null : v);
  return {
    openingHours: dto.openingHours,
    hoursWithAnimator: n(dto.hoursWithAnimator),
    animatorHours: n(dto.animatorHours),
    visits: dto.visits,
    visitsIctLearning: n(dto.visitsIctLearning),
    visitsJobSearch: n(dto.visitsJobSearch),
    visitsLeisureCulture: n(dto.visitsLeisureCulture),
    visitsHousingElearning: n(dto.visitsHousingElearning),
    visitsAdministrative: n(dto.visitsAdministrative),
    visitorsWomen: n(dto.visitorsWomen),
    visitorsJobSeekers: n(dto.visitorsJobSeekers),
    visitorsSeniors: n(dto.visitorsSeniors),
    visitorsYouth: n(dto.visitorsYouth),
    mobileActions: n(dto.mobileActions),
  };
}

function auditEntry(
  action: 'create' | 'update',
  space: ActivitySpace,
  row: StoredWeek,
  before: StoredWeek | null,
  after: StoredWeek,
) {
  return {
    action,
    entity: 'weekly_activity',
    entityId: `${space.ref}/${row.week}`,
    spaceId: space.id,
    regionCode: space.regionCode,
    before: before ? { ...figuresOf(before), version: before.version } : null,
    after: { ...figuresOf(after), version: after.version },
  };
}
