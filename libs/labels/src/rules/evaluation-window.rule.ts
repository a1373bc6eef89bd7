import { addWeeks, isoWeekOf, weekEnd, weekStart } from '../../../activity/src/index.js';
import type { FieldError } from '../../../core/src/index.js';

export interface EvaluationWindow {
  firstWeek: string;
  lastWeek: string;
  /** Monday of the first week and Sunday of the last week, `YYYY-MM-DD`. */
  from: string;
  to: string;
  weeks: number;
}

/**
 * The `weeks` ISO weeks ending with the last complete week before `until` (a Brussels date): the
 * week holding `until` is still running on that day, so it is left out.
 */
export function evaluationWindow(until: string, weeks: number): EvaluationWindow {
  const lastWeek = addWeeks(isoWeekOf(until), -1);
  const firstWeek = addWeeks(lastWeek, -(weeks - 1));
  return { firstWeek, lastWeek, from: weekStart(firstWeek), to: weekEnd(lastWeek), weeks };
}

/**
 * `until` may be today (Brussels) at the latest. A later day would put the week holding today, or
 * weeks still to come, in the window: weeks nobody could have reported yet would count as missing.
 */
export function untilProblem(until: string, today: string): FieldError | null {
  if (until <= today) return null;
  return {
    field: 'until',
    code: 'LABELS.UNTIL_IN_FUTURE',
    message: `until must be today (${today}) or earlier: the window holds complete weeks only`,
  };
}
