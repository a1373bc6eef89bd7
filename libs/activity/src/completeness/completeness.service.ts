import { Injectable } from '@nestjs/common';
import { badRequest, notFound } from '../../../core/src/index.js';
import { lastCompleteWeek, weekStart } from '../rules/iso-weeks.js';
import { ActivitySpaceRepository } from '../shared/activity-space.repository.js';
import { CompletenessRepository, type SpaceCompleteness } from './completeness.repository.js';
import { OpeningHoursError } from '../../../spaces/src/index.js';

/** Which weeks each space was expected to report, and which are missing. */
@Injectable()
export class CompletenessService {
  constructor(
    private readonly repo: CompletenessRepository,
    private readonly spaces: ActivitySpaceRepository,
  ) {}

  async forRegion(regionCode: string, from: string, to: string, now = new Date()) {
    const period = this.period(from, to, now);
    const rows = period.empty
      ? []
      : await this.repo.forSpaces({ regionCode }, period.fromMonday, period.toMonday);
    return { from, to: period.to, spaces: rows.map(withPct) };
  }

  async forSpace(spaceRef: string, from: string, to: string, now = new Date()) {
    const space = await this.spaces.byRef(spaceRef);
    if (!space) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    const period = this.period(from, to, now);
    const rows = await this.repo.forSpaces({ spaceId: space.id }, period.fromMonday, period.toMonday);
    return { from, to: period.to, spaces: rows.map(withPct) };
  }

  /** A week still running is not missing yet: the period ends at the last complete week. */
  private period(from: string, to: string, now: Date) {
    let fromMonday: string;
    let toMonday: string;
    try {
      fromMonday = weekStart(from);
      toMonday = weekStart(to);
    } catch (error) {
      if (error instanceof OpeningHoursError) {
        throw badRequest('VALIDATION.FAILED', error.message, [{ field: 'from/to', message: error.message }]);
      }
      throw error;
    }
    const last = lastCompleteWeek(now);
    if (toMonday > weekStart(last)) {
      toMonday = weekStart(last);
      to = last;
    }
    return { fromMonday, toMonday, to, empty: toMonday < fromMonday };
  }
}

function withPct(row: SpaceCompleteness) {
  return {
    ...row,
    completenessPct:
      row.expectedWeeks === 0 ? null : Math.round((row.reportedWeeks / row.expectedWeeks) * 1000) / 10,
  };
}
