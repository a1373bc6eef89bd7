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
 * The validity a decision gives. A grant or renewal runs from the decision date (`today`, in Brussels)
 * for the scheme's years, the last day included (2026-01-01 for 3 years ends 2028-12-31): the start
 * is never chosen, so a label cannot be back-dated or dated ahead. A suspension keeps the term of the
 * label it suspends, so a suspended label still ends (and expires) on its date. A refusal or
 * withdrawal has no term: it carries only the day it took effect.
 */
export function decisionValidity(
  decision: LabelDecision,
  today: string,
  validityYears: number,
  current?: { validFrom: string | null; validUntil: string | null } | null,
): { validFrom: string | null; validUntil: string | null } {
  if (STATUS_OF_DECISION[decision] === 'granted') {
    return { validFrom: today, validUntil: dayBefore(addYears(today, validityYears)) };
  }
  if (decision === 'suspend' && current) {
    return { validFrom: current.validFrom, validUntil: current.validUntil };
  }
  return { validFrom: today, validUntil: null };
}

/** The status a space's label has for a decision: its latest decision's effective status, or `none`. */
export const LABEL_CURRENT_STATUSES = [
  'none',
  'granted',
  'refused',
  'suspended',
  'withdrawn',
  'expired',
] as const;
export type LabelCurrentStatus = (typeof LABEL_CURRENT_STATUSES)[number];

/**
 * Which current statuses each decision may follow. Grant and refuse only when no label is in force (a
 * label in force is suspended, withdrawn or renewed, never granted or refused on top of itself);
 * renew also after expiry, so a lapsed label comes back without a fresh grant.
 */
export const DECISIONS_FROM: Record<LabelDecision, readonly LabelCurrentStatus[]> = {
  grant: ['none', 'refused', 'withdrawn', 'expired'],
  refuse: ['none', 'refused', 'withdrawn', 'expired'],
  suspend: ['granted'],
  withdraw: ['granted', 'suspended'],
  renew: ['granted', 'suspended', 'expired'],
};

/** The decisions the current label allows, in the order of LABEL_DECISIONS (the staff page's list). */
export function allowedDecisions(currentStatus: string): LabelDecision[] {
  return LABEL_DECISIONS.filter((d) => (DECISIONS_FROM[d] as readonly string[]).includes(currentStatus));
}

/**
 * Whether a decision goes against the evaluation: granting or renewing a space that is not eligible,
 * and refusing, suspending or withdrawing the label of a space that is.
 */
export function isAgainstEvaluation(decision: LabelDecision, eligible: boolean): boolean {
  return STATUS_OF_DECISION[decision] === 'granted' ? !eligible : eligible;
}

const AGAINST_MESSAGES: Record<LabelDecision, string> = {
  grant: 'the evaluation found the space not eligible: explain why you grant the label anyway',
  renew: 'the evaluation found the space not eligible: explain why you renew the label anyway',
  refuse: 'the evaluation found the space eligible: explain why you refuse the label',
  suspend: 'the evaluation found the space eligible: explain why you suspend the label',
  withdraw: 'the evaluation found the space eligible: explain why you withdraw the label',
};

/**
 * What is wrong with a decision given the current label (its effective status, `none` without one)
 * and the evaluation's outcome: a decision the current label does not allow, or one against the
 * evaluation without a written justification.
 */
export function decisionProblems(input: {
  decision: LabelDecision;
  currentStatus: string;
  eligible: boolean;
  justification?: string | null;
}): FieldError[] {
  const problems: FieldError[] = [];
  const { decision, currentStatus, eligible } = input;
  if (isAgainstEvaluation(decision, eligible) && !input.justification?.trim()) {
    problems.push({
      field: 'justification',
      code: 'LABELS.JUSTIFICATION_REQUIRED',
      message: AGAINST_MESSAGES[decision],
    });
  }
  if (!allowedDecisions(currentStatus).includes(decision)) {
    problems.push({
      field: 'decision',
      code: 'LABELS.DECISION_NOT_ALLOWED',
      message:
        `${decision} does not fit the current label (${currentStatus}); ` +
        `possible: ${allowedDecisions(currentStatus).join(', ') || 'none'}`,
    });
  }
  return problems;
}
