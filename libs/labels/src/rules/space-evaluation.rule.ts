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

/** Which records each metric is computed from, so every result carries its own evidence. */
function evidenceFor(metric: LabelMetric, m: MeasuredSpace): Record<string, unknown> {
  const { weeks, sessions, equipment, animators } = m.evidence;
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
      return { weeks, openWeeks: m.openWeeks };
    default:
      return { value: m.metrics[metric] };
  }
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
      evidence: evidenceFor(c.metric, measured),
    };
  });
  return { eligible: isEligible(criteria), criteria };
}
