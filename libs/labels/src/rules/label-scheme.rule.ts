import type { FieldError, Language } from '../../../core/src/index.js';

/** The metrics of labels.md; each is computed set-based by the metrics repository. */
export const LABEL_METRICS = [
  'avg_weekly_opening_hours',
  'avg_weekly_hours_with_animator',
  'avg_weekly_training_hours',
  'avg_weekly_accompanied_free_access_hours',
  'training_sessions',
  'computers_in_service',
  'devices_in_service',
  'qualified_animators',
  'pricing_accessible',
  'open_to_all_publics',
  'charter_signed',
  'reporting_completeness_pct',
] as const;
export type LabelMetric = (typeof LABEL_METRICS)[number];

/**
 * Metrics measured from the window's weekly records and sessions: with fewer weeks of data than the
 * scheme's minimum they say `insufficient_data`. The others are facts on the window's last day
 * (equipment, animators, pricing, charter, publics) and are always decided.
 */
export const ACTIVITY_METRICS: ReadonlySet<LabelMetric> = new Set<LabelMetric>([
  'avg_weekly_opening_hours',
  'avg_weekly_hours_with_animator',
  'avg_weekly_training_hours',
  'avg_weekly_accompanied_free_access_hours',
  'training_sessions',
  'reporting_completeness_pct',
]);

export const CRITERION_OPERATORS = ['>=', 'is_true'] as const;
export type CriterionOperator = (typeof CRITERION_OPERATORS)[number];

export interface LabelCriterion {
  id: string;
  label: Record<Language, string>;
  metric: LabelMetric;
  operator: CriterionOperator;
  threshold: number | boolean;
  mandatory: boolean;
  /** `charter` when the number is the published charter's, `ours` when the charter gives none. */
  thresholdSource: 'charter' | 'ours';
  note?: string;
}

export interface LabelScheme {
  scheme: string;
  version: string;
  region: string;
  title: Record<Language, string>;
  source?: string;
  validityYears: number;
  validityNote?: string;
  windowWeeks: number;
  minWeeksOfData: number;
  criteria: LabelCriterion[];
}

const isLangMap = (v: unknown) =>
  typeof v === 'object' && v !== null && ['nl', 'fr', 'en'].every((l) => typeof (v as any)[l] === 'string');

/** Every problem of a scheme file, so a bad file is refused at start with all its reasons at once. */
export function schemeProblems(raw: any): string[] {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null) return ['the file is not a JSON object'];
  if (typeof raw.scheme !== 'string' || !/^[a-z0-9-]+$/.test(raw.scheme))
    problems.push('scheme: a lowercase id');
  if (typeof raw.version !== 'string' || !/^[A-Za-z0-9.-]+$/.test(raw.version))
    problems.push('version: a string such as "2021"');
  if (!['BRU', 'WAL', 'VLA'].includes(raw.region)) problems.push('region: BRU, WAL or VLA');
  if (!isLangMap(raw.title)) problems.push('title: nl, fr and en texts');
  if (!Number.isInteger(raw.validityYears) || raw.validityYears < 1)
    problems.push('validityYears: a whole number ≥ 1');
  if (!Number.isInteger(raw.windowWeeks) || raw.windowWeeks < 1)
    problems.push('windowWeeks: a whole number ≥ 1');
  if (!Number.isInteger(raw.minWeeksOfData) || raw.minWeeksOfData < 1)
    problems.push('minWeeksOfData: a whole number ≥ 1');
  if (!Array.isArray(raw.criteria) || raw.criteria.length === 0) {
    problems.push('criteria: a non-empty list');
    return problems;
  }
  const ids = new Set<string>();
  raw.criteria.forEach((c: any, i: number) => {
    const at = `criteria[${i}]`;
    if (typeof c?.id !== 'string' || ids.has(c.id)) problems.push(`${at}.id: a unique id`);
    ids.add(c?.id);
    if (!isLangMap(c?.label)) problems.push(`${at}.label: nl, fr and en texts`);
    if (!LABEL_METRICS.includes(c?.metric)) problems.push(`${at}.metric: one of ${LABEL_METRICS.join(', ')}`);
    if (c?.operator === '>=' && typeof c.threshold !== 'number') problems.push(`${at}.threshold: a number`);
    else if (c?.operator === 'is_true' && c.threshold !== true) problems.push(`${at}.threshold: true`);
    else if (!CRITERION_OPERATORS.includes(c?.operator)) problems.push(`${at}.operator: >= or is_true`);
    if (typeof c?.mandatory !== 'boolean') problems.push(`${at}.mandatory: true or false`);
    if (!['charter', 'ours'].includes(c?.thresholdSource))
      problems.push(`${at}.thresholdSource: charter or ours`);
  });
  return problems;
}

/**
 * A scheme is a region's label: a space of another region can be neither evaluated against it nor
 * granted it. `field` names what the caller chose (the scheme, or the evaluation resting on it).
 */
export function schemeRegionProblem(
  scheme: Pick<LabelScheme, 'scheme' | 'region'>,
  region: string,
  field: string,
  what = 'the space',
): FieldError | null {
  if (scheme.region === region) return null;
  return {
    field,
    code: 'LABELS.SCHEME_OTHER_REGION',
    message: `${scheme.scheme} is the label of region ${scheme.region}; ${what} is in ${region}`,
  };
}
