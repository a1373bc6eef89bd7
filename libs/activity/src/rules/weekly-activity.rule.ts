import type { CsvParams } from '../../../core/src/index.js';
import { activeInWeek, weekStart } from './iso-weeks.js';

/** The figures of one week, as the API and the CSV file carry them (null: not given). */
export interface WeekFigures {
  openingHours: number;
  hoursWithAnimator: number | null;
  animatorHours: number | null;
  visits: number;
  visitsIctLearning: number | null;
  visitsJobSearch: number | null;
  visitsLeisureCulture: number | null;
  visitsHousingElearning: number | null;
  visitsAdministrative: number | null;
  visitorsWomen: number | null;
  visitorsJobSeekers: number | null;
  visitorsSeniors: number | null;
  visitorsYouth: number | null;
  mobileActions: number | null;
}

export type WeekField = keyof WeekFigures | 'week';

export const PURPOSE_FIELDS = [
  'visitsIctLearning',
  'visitsJobSearch',
  'visitsLeisureCulture',
  'visitsHousingElearning',
  'visitsAdministrative',
] as const satisfies readonly (keyof WeekFigures)[];

export const PROFILE_FIELDS = [
  'visitorsWomen',
  'visitorsJobSeekers',
  'visitorsSeniors',
  'visitorsYouth',
] as const satisfies readonly (keyof WeekFigures)[];

export const COUNT_FIELDS = ['visits', ...PURPOSE_FIELDS, ...PROFILE_FIELDS, 'mobileActions'] as const;
export const HOUR_FIELDS = ['openingHours', 'hoursWithAnimator'] as const;

/**
 * The largest count the database can hold (an `integer` column). csv.md only asks for whole numbers
 * of 0 or more; without this bound a larger one reached PostgreSQL and came back as a 500.
 */
export const MAX_COUNT = 2_147_483_647;
/** The largest `animator_hours` its `numeric(7,2)` column can hold (csv.md only asks for 0 or more). */
export const MAX_ANIMATOR_HOURS = 99_999.99;

/** The CSV column of each field (csv.md). */
export const WEEK_COLUMNS: Record<WeekField, string> = {
  week: 'week',
  openingHours: 'opening_hours',
  hoursWithAnimator: 'hours_with_animator',
  animatorHours: 'animator_hours',
  visits: 'visits',
  visitsIctLearning: 'visits_ict_learning',
  visitsJobSearch: 'visits_job_search',
  visitsLeisureCulture: 'visits_leisure_culture',
  visitsHousingElearning: 'visits_housing_elearning',
  visitsAdministrative: 'visits_administrative',
  visitorsWomen: 'visitors_women',
  visitorsJobSeekers: 'visitors_job_seekers',
  visitorsSeniors: 'visitors_seniors',
  visitorsYouth: 'visitors_youth',
  mobileActions: 'mobile_actions',
};

export interface WeekIssue {
  field: WeekField;
  /** A key of `activityMessages`. */
  key: ActivityMessageKey;
  params: CsvParams;
}

export type ActivityMessageKey =
  | 'week.hours_range'
  | 'week.hours_decimals'
  | 'week.animator_over_opening'
  | 'week.not_negative'
  | 'week.whole_number'
  | 'week.too_large'
  | 'week.purposes_over_visits'
  | 'week.profile_over_visits'
  | 'week.future'
  | 'week.space_inactive'
  | 'training.new_over_participants'
  | 'training.duration_range'
  | 'training.duration_decimals';

export interface WeekContext {
  week: string;
  /** Brussels' today, `YYYY-MM-DD`. */
  today: string;
  space: { openedOn: string; closedOn: string | null };
}

/** More than 2 decimals: the hours columns are `numeric(…, 2)`, so 10.0051 would be stored as 10.01 without a word. */
const tooPrecise = (value: number) => Number(value.toFixed(2)) !== value;

/**
 * Every check of csv.md on one week, with the field each problem belongs to. Pure, so the API, the
 * import and the pages share it and tests can walk its edges. Hours have at most 2 decimals, as the
 * API's DTO says: the check is here too so the week form and the CSV import refuse them alike.
 */
export function checkWeek(values: WeekFigures, context: WeekContext): WeekIssue[] {
  const issues: WeekIssue[] = [];
  for (const field of HOUR_FIELDS) {
    const value = values[field];
    if (value !== null && (value < 0 || value > 168)) {
      issues.push({ field, key: 'week.hours_range', params: { value, min: 0, max: 168 } });
    } else if (value !== null && tooPrecise(value)) {
      issues.push({ field, key: 'week.hours_decimals', params: { value: String(value) } });
    }
  }
  if (
    values.hoursWithAnimator !== null &&
    values.hoursWithAnimator >= 0 &&
    values.openingHours >= 0 &&
    values.openingHours <= 168 &&
    values.hoursWithAnimator > values.openingHours
  ) {
    issues.push({
      field: 'hoursWithAnimator',
      key: 'week.animator_over_opening',
      params: { value: values.hoursWithAnimator, openingHours: values.openingHours },
    });
  }
  if (values.animatorHours !== null && values.animatorHours < 0) {
    issues.push({
      field: 'animatorHours',
      key: 'week.not_negative',
      params: { value: values.animatorHours },
    });
  } else if (values.animatorHours !== null && values.animatorHours > MAX_ANIMATOR_HOURS) {
    issues.push({
      field: 'animatorHours',
      key: 'week.too_large',
      params: { value: values.animatorHours, max: MAX_ANIMATOR_HOURS },
    });
  } else if (values.animatorHours !== null && tooPrecise(values.animatorHours)) {
    issues.push({
      field: 'animatorHours',
      key: 'week.hours_decimals',
      params: { value: String(values.animatorHours) },
    });
  }
  let countsValid = true;
  for (const field of COUNT_FIELDS) {
    const value = values[field];
    if (value === null) continue;
    if (!Number.isInteger(value) || value < 0) {
      countsValid = false;
      issues.push({ field, key: 'week.whole_number', params: { value } });
    } else if (value > MAX_COUNT) {
      countsValid = false;
      issues.push({ field, key: 'week.too_large', params: { value, max: MAX_COUNT } });
    }
  }
  if (countsValid) {
    const purposes = PURPOSE_FIELDS.reduce((sum, field) => sum + (values[field] ?? 0), 0);
    if (purposes > values.visits) {
      // Named on the first purpose that adds to the sum (there is one: the sum is above visits, which is
      // 0 or more), not on `visits`: the breakdown is the optional part typed afterwards, so it is
      // what to check, and naming an empty field (as `visitsIctLearning` always was) pointed nowhere.
      const field = PURPOSE_FIELDS.find((f) => (values[f] ?? 0) > 0) ?? 'visitsIctLearning';
      issues.push({
        field,
        key: 'week.purposes_over_visits',
        params: { total: purposes, visits: values.visits },
      });
    }
    for (const field of PROFILE_FIELDS) {
      const value = values[field];
      if (value !== null && value > values.visits) {
        issues.push({ field, key: 'week.profile_over_visits', params: { value, visits: values.visits } });
      }
    }
  }
  if (weekStart(context.week) > context.today) {
    issues.push({ field: 'week', key: 'week.future', params: { week: context.week } });
  } else if (!activeInWeek(context.week, context.space.openedOn, context.space.closedOn)) {
    issues.push({
      field: 'week',
      key: 'week.space_inactive',
      params: {
        week: context.week,
        openedOn: context.space.openedOn,
        closedOn: context.space.closedOn ?? '',
      },
    });
  }
  return issues;
}
