import { Injectable } from '@nestjs/common';
import { notFound, type Language } from '../../../core/src/index.js';
import { weeksClosedAllWeek } from '../../../spaces/src/index.js';
import { lastCompleteWeek, weekStart } from '../rules/iso-weeks.js';
import { ActivitySpaceRepository } from '../shared/activity-space.repository.js';
import { assertPeriod } from '../weeks/week-param.js';
import {
  CompletenessRepository,
  type SpaceCompleteness,
  type StoredCompleteness,
} from './completeness.repository.js';

/** Which weeks each space was expected to report, and which are missing. */
@Injectable()
export class CompletenessService {
  constructor(
    private readonly repo: CompletenessRepository,
    private readonly spaces: ActivitySpaceRepository,
  ) {}

  async forRegion(regionCode: string, from: string, to: string, now = new Date(), lang: Language = 'en') {
    const period = this.period(from, to, now, lang);
    const rows = period.empty
      ? []
      : await this.repo.forSpaces({ regionCode }, period.fromMonday, period.toMonday);
    return { from, to: period.to, spaces: rows.map(excusingClosedWeeks).map(withPct) };
  }

  async forSpace(spaceRef: string, from: string, to: string, now = new Date(), lang: Language = 'en') {
    const space = await this.spaces.byRef(spaceRef);
    if (!space) throw notFound('SPACES.NOT_FOUND', 'No such space.');
    const period = this.period(from, to, now, lang);
    const rows = await this.repo.forSpaces({ spaceId: space.id }, period.fromMonday, period.toMonday);
    return { from, to: period.to, spaces: rows.map(excusingClosedWeeks).map(withPct) };
  }

  /** A week still running is not missing yet: the period ends at the last complete week. */
  private period(from: string, to: string, now: Date, lang: Language) {
    // Each end that is no real week (2021-W53) is named, in the caller's language, as the weeks API does.
    assertPeriod(from, to, lang);
    const fromMonday = weekStart(from);
    let toMonday = weekStart(to);
    const last = lastCompleteWeek(now);
    if (toMonday > weekStart(last)) {
      toMonday = weekStart(last);
      to = last;
    }
    return { fromMonday, toMonday, to, empty: toMonday < fromMonday };
  }
}

/**
 * A week the space was closed all week (a summer closure in its hours) is not expected, unless it was
 * reported anyway: only the missing weeks are looked at, so a reported one keeps counting.
 */
export function excusingClosedWeeks({ openingHours, ...row }: StoredCompleteness): SpaceCompleteness {
  const closed = new Set(weeksClosedAllWeek(openingHours, row.missingWeeks));
  return {
    ...row,
    expectedWeeks: row.expectedWeeks - closed.size,
    missingWeeks: row.missingWeeks.filter((week) => !closed.has(week)),
    closedWeeks: [...closed],
  };
}

function withPct(row: SpaceCompleteness) {
  return {
    ...row,
    completenessPct:
      row.expectedWeeks === 0 ? null : Math.round((row.reportedWeeks / row.expectedWeeks) * 1000) / 10,
  };
}
