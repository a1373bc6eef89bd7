/**
 * When an animator counts as assigned to a space on day D: the assignment has started (on or before D)
 * and has not ended before D (the end date is the last day worked). As a function and as the SQL
 * condition the per-space figures are computed with, side by side so they change together.
 */
export interface AssignmentDates {
  startsOn: string;
  endsOn: string | null;
}

/** Dates are `YYYY-MM-DD` strings, which compare correctly as text. */
export function isAssignedOn(assignment: AssignmentDates, on: string): boolean {
  return assignment.startsOn <= on && (assignment.endsOn === null || assignment.endsOn >= on);
}

/** The same rule for an `animator_assignments` row aliased `alias` and a date parameter (e.g. `$2`). */
export function assignedOnSql(alias: string, dayParam: string): string {
  return `(${alias}.starts_on <= ${dayParam}::date AND (${alias}.ends_on IS NULL OR ${alias}.ends_on >= ${dayParam}::date))`;
}
