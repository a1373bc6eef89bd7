import type { Role } from '../../../core/src/index.js';

/**
 * Who may act on an animator as a person, not on one of their assignments.
 *
 * A person is shared by every space they work at, possibly in two regions: their name, contact details
 * and qualifications are theirs, not one space's. Changing them, anonymising the person, or exporting
 * everything held about them (which includes every assignment and the whole trail about them) therefore
 * reaches every one of those spaces, and is allowed only to a caller whose scope covers all of them.
 * Admins cover every space. The CSV import applies the same rule to name and e-mail address
 * (`import.animator_elsewhere` in imports/kinds/animators.import-kind.ts).
 *
 * Reading the person, and working on the assignments at the caller's own spaces, need only one of
 * the person's assignments in scope (the 'animator' scope, AnimatorsRepository.decide).
 */

/** How many assignments the person has, and how many of them are at a space the caller may see. */
export interface PersonReach {
  assignments: number;
  inScope: number;
}

/**
 * A person without any assignment belongs to no space, so to no coordinator or region: only admins
 * may act on them. (The 'animator' scope already keeps others from reaching such a person; this says
 * the same, so the rule does not depend on the guard.)
 */
export function coversWholePerson(role: Role, reach: PersonReach): boolean {
  if (role === 'admin') return true;
  return reach.assignments > 0 && reach.inScope === reach.assignments;
}

export interface PersonFields {
  name: string | null;
  email: string | null;
  phone: string | null;
  qualifications: string[];
}

/**
 * The person's fields a change would really change. Only these count as a person-level write (as in
 * the import, which compares with what is stored), so that a form sending every field back, changed
 * or not, is refused only when it changes something.
 */
export function changedPersonFields(
  before: PersonFields,
  changes: Partial<PersonFields>,
): Array<keyof PersonFields> {
  return (Object.keys(changes) as Array<keyof PersonFields>).filter(
    (field) =>
      changes[field] !== undefined &&
      JSON.stringify(changes[field] ?? null) !== JSON.stringify(before[field] ?? null),
  );
}
