import { ACTIVITY_METRICS, type LabelCriterion } from './label-scheme.rule.js';

export const CRITERION_OUTCOMES = ['pass', 'fail', 'insufficient_data'] as const;
export type CriterionOutcome = (typeof CRITERION_OUTCOMES)[number];

export type MeasuredValue = number | boolean | null;

/**
 * The outcome of one criterion. Activity metrics need at least `minWeeksOfData` weeks with a record
 * in the window; a missing measurement (e.g. no open week at all) is also `insufficient_data`.
 * Thresholds are inclusive (`>=`): 16 h passes a 16 h minimum, 15.99 h does not.
 */
export function decideCriterion(
  criterion: Pick<LabelCriterion, 'metric' | 'operator' | 'threshold'>,
  measured: MeasuredValue,
  weeksWithData: number,
  minWeeksOfData: number,
): CriterionOutcome {
  if (ACTIVITY_METRICS.has(criterion.metric) && weeksWithData < minWeeksOfData) return 'insufficient_data';
  if (measured === null || measured === undefined) return 'insufficient_data';
  if (criterion.operator === 'is_true') return measured === true ? 'pass' : 'fail';
  return typeof measured === 'number' && measured >= (criterion.threshold as number) ? 'pass' : 'fail';
}

/** A space is eligible when every mandatory criterion passes (insufficient data is not a pass). */
export function isEligible(
  criteria: ReadonlyArray<{ mandatory: boolean; outcome: CriterionOutcome }>,
): boolean {
  return criteria.every((c) => !c.mandatory || c.outcome === 'pass');
}
