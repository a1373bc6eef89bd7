import { randomBytes } from 'node:crypto';

/**
 * Privacy by design for animators.
 *
 * The audit trail is append-only (a database trigger refuses UPDATE and DELETE), so whatever it keeps
 * it keeps for ever, and anonymising a person could not erase it there. The trail therefore never
 * receives the personal values of an animator: a personal field that changed is recorded as
 * "[changed]" (or null when it was or became empty), one that did not change is left out. The `ref` is
 * treated as personal too, because a human-chosen ref may contain the name. Records are tied to the
 * person by the animator's id, which says nothing about them.
 */
export const PERSONAL_FIELDS = ['ref', 'name', 'email', 'phone', 'qualifications'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const CHANGED = '[changed]';
export const PSEUDONYMOUS_REF = /^ANON-[0-9A-F]{8}$/;

export interface AnimatorState {
  id: string;
  ref: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  qualifications: string[];
  anonymisedAt: Date | string | null;
  version: number;
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && !value.length);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A generated pseudonym says nothing about the person, so the trail may show it. */
const shownAfter = (field: PersonalField, value: unknown) =>
  field === 'ref' && typeof value === 'string' && PSEUDONYMOUS_REF.test(value) ? value : CHANGED;

/**
 * Before/after snapshots for the trail, with no personal value in them. `before` is null for a
 * creation; `after` is null for a removal.
 */
export function animatorAuditSnapshots(
  before: AnimatorState | null,
  after: AnimatorState | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const snapshot = (state: AnimatorState | null): Record<string, unknown> | null =>
    state && {
      id: state.id,
      anonymisedAt: state.anonymisedAt ?? null,
      version: state.version,
    };
  const redactedBefore = snapshot(before);
  const redactedAfter = snapshot(after);
  for (const field of PERSONAL_FIELDS) {
    const old = before?.[field];
    const now = after?.[field];
    if (before && after && same(old, now)) continue;
    if (redactedBefore) redactedBefore[field] = isEmpty(old) ? null : CHANGED;
    if (redactedAfter) redactedAfter[field] = isEmpty(now) ? null : shownAfter(field, now);
  }
  return { before: redactedBefore, after: redactedAfter };
}

/** A pseudonymous ref that replaces a person's ref when they are anonymised: `ANON-` and 8 hex digits. */
export function pseudonymousRef(random: () => Buffer = () => randomBytes(4)): string {
  return `ANON-${random().toString('hex').toUpperCase()}`;
}
