import type { FieldError } from '../../../core/src/index.js';

export const LABEL_DECISIONS = ['grant', 'refuse', 'suspend', 'withdraw', 'renew'] as const;
export type LabelDecision = (typeof LABEL_DECISIONS)[number];

export type LabelStatusAfter = 'granted' | 'refused' | 'suspended' | 'withdrawn';

export const STATUS_OF_DECISION: Record<LabelDecision, LabelStatusAfter> = {
  grant: 'granted',
  renew: 'granted',
  refuse: 'refused',
  suspend: 'suspended',
  withdraw: 'withdrawn',
};

/** Adds whole years to a `YYYY-MM-DD` date; 29 February falls back to 28 February. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

const dayBefore = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
};

/**
 * The validity a decision gives: a grant or renewal runs from `validFrom` for the scheme's years (the
 * last day included: 2026-01-01 for 3 years ends 2028-12-31); other decisions carry only their start.
 */
export function decisionValidity(
  decision: LabelDecision,
  validFrom: string,
  validityYears: number,
): { validFrom: string; validUntil: string | null } {
  if (STATUS_OF_DECISION[decision] !== 'granted') return { validFrom, validUntil: null };
  return { validFrom, validUntil: dayBefore(addYears(validFrom, validityYears)) };
}

/**
 * What is wrong with a decision given the current label (its effective status, `none` without one)
 * and the evaluation's outcome. Deciding against the evaluation (granting or renewing a space that is
 * not eligible, refusing one that is) needs a written justification.
 */
export function decisionProblems(input: {
  decision: LabelDecision;
  currentStatus: string;
  eligible: boolean;
  justification?: string | null;
}): FieldError[] {
  const problems: FieldError[] = [];
  const { decision, currentStatus, eligible } = input;
  const against =
    ((decision === 'grant' || decision === 'renew') && !eligible) || (decision === 'refuse' && eligible);
  if (against && !input.justification?.trim()) {
    problems.push({
      field: 'justification',
      code: 'LABELS.JUSTIFICATION_REQUIRED',
      message: eligible
        ? 'the evaluation found the space eligible: explain why you refuse the label'
        : 'the evaluation found the space not eligible: explain why you grant the label anyway',
    });
  }
  if (decision === 'renew' && !['granted', 'expired', 'suspended'].includes(currentStatus)) {
    problems.push({
      field: 'decision',
      message: `there is no label to renew (current status: ${currentStatus}); grant it instead`,
    });
  }
  if (decision === 'suspend' && currentStatus !== 'granted') {
    problems.push({
      field: 'decision',
      message: `only a granted label can be suspended (current status: ${currentStatus})`,
    });
  }
  if (decision === 'withdraw' && !['granted', 'suspended'].includes(currentStatus)) {
    problems.push({
      field: 'decision',
      message: `only a granted or suspended label can be withdrawn (current status: ${currentStatus})`,
    });
  }
  return problems;
}
