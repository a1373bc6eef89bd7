import { decideCriterion, isEligible, type CriterionOutcome, type MeasuredValue } from './criterion.rule.js';
import type { LabelMetric, LabelScheme } from './label-scheme.rule.js';

export interface MeasuredSpace {
  weeksWithData: number;
  openWeeks: number;
  metrics: Record<LabelMetric, MeasuredValue>;
  evidence: {
    weeks: string[];
    sessions: string[];
    equipment: Array<{ ref: string; type: string; quantity: number }>;
    animators: string[];
  };
}

export interface CriterionResult {
  criterion: string;
  metric: LabelMetric;
  measured: MeasuredValue;
  threshold: number | boolean;
  operator: string;
  outcome: CriterionOutcome;
  mandatory: boolean;
  /** The records this criterion's value came from. */
  evidence: Record<string, unknown>;
}

/** A result's records as stored once per result: the lists the metrics were computed from. */
export interface StoredEvidence {
  weeks: string[];
  sessions: string[];
  equipment: Array<{ ref: string; type: string; quantity: number }>;
  animators: string[];
  openWeeks: number;
}

/** A criterion's result as stored: its evidence is derived from the result's evidence when read. */
export type StoredCriterion = Omit<CriterionResult, 'evidence'> & { evidence?: Record<string, unknown> };

/** Which records each metric is computed from, so every criterion carries its own evidence. */
function evidenceFor(
  metric: LabelMetric,
  stored: StoredEvidence,
  metrics: Partial<Record<LabelMetric, MeasuredValue>>,
): Record<string, unknown> {
  const { weeks, sessions, equipment, animators, openWeeks } = stored;
  switch (metric) {
    case 'avg_weekly_opening_hours':
    case 'avg_weekly_hours_with_animator':
      return { weeks };
    case 'avg_weekly_training_hours':
    case 'training_sessions':
      return { sessions };
    case 'avg_weekly_accompanied_free_access_hours':
      return { weeks, sessions };
    case 'computers_in_service':
      return { equipment: equipment.filter((e) => e.type !== 'tablet') };
    case 'devices_in_service':
      return { equipment };
    case 'qualified_animators':
      return { animators };
    case 'reporting_completeness_pct':
      return { weeks, openWeeks };
    default:
      return { value: metrics[metric] };
  }
}

/** The evidence a result stores once: every list the metrics came from, and the open weeks. */
export function storedEvidenceOf(measured: MeasuredSpace): StoredEvidence {
  return { ...measured.evidence, openWeeks: measured.openWeeks };
}

/**
 * Criteria as stored, without their evidence: each criterion's evidence is a slice of the result's
 * evidence, so storing it per criterion repeated the week list up to five times per space and made a
 * region's results several times larger to write (docs/performance.md, scenario 4).
 */
export function storedCriteriaOf(criteria: readonly CriterionResult[]): StoredCriterion[] {
  return criteria.map(({ evidence: _evidence, ...criterion }) => criterion);
}

/**
 * Criteria as read: each with its evidence derived from the result's stored evidence. Results stored
 * with evidence per criterion (before it was stored once per result) keep their own.
 */
export function criteriaWithEvidence(
  criteria: readonly StoredCriterion[],
  stored: StoredEvidence,
): CriterionResult[] {
  const measured = Object.fromEntries(criteria.map((c) => [c.metric, c.measured]));
  return criteria.map((c) => ({ ...c, evidence: c.evidence ?? evidenceFor(c.metric, stored, measured) }));
}

/** Applies a scheme to one space's measurement: per criterion outcome, and overall eligibility. */
export function evaluateSpace(
  scheme: LabelScheme,
  measured: MeasuredSpace,
): { eligible: boolean; criteria: CriterionResult[] } {
  const criteria = scheme.criteria.map((c) => {
    const value = measured.metrics[c.metric] ?? null;
    return {
      criterion: c.id,
      metric: c.metric,
      measured: value,
      threshold: c.threshold,
      operator: c.operator,
      outcome: decideCriterion(c, value, measured.weeksWithData, scheme.minWeeksOfData),
      mandatory: c.mandatory,
      evidence: evidenceFor(c.metric, storedEvidenceOf(measured), measured.metrics),
    };
  });
  return { eligible: isEligible(criteria), criteria };
}
