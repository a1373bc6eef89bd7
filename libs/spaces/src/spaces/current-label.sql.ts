/**
 * The one definition of a space's *current label*, shared by the registry's list filter and answers and
 * the public directory: the space's latest `labels` row by `decided_at` (history is append-only, so the
 * latest decision is the one in force). A `granted` or `suspended` decision (a suspension keeps the term of
 * the label it suspends) whose `valid_until` lies before today is reported as `expired`; no row at all is `none`.
 *
 * `today` is a SQL parameter placeholder (e.g. `$3`) holding the Brussels date, so every query of a
 * request agrees on what today is.
 */
export const LABEL_FILTER_STATUSES = [
  'granted',
  'refused',
  'suspended',
  'withdrawn',
  'expired',
  'none',
] as const;
export type LabelFilterStatus = (typeof LABEL_FILTER_STATUSES)[number];

/**
 * `LEFT JOIN LATERAL` giving `labelAlias` with columns `scheme`, `scheme_version`, `status` (effective),
 * `valid_from`, `valid_until` (as `YYYY-MM-DD` text) and `decided_at`; all null when the space has no label.
 */
export function currentLabelJoin(spaceAlias: string, labelAlias: string, today: string): string {
  return `LEFT JOIN LATERAL (
      SELECT l.scheme, l.scheme_version,
             CASE WHEN l.status IN ('granted', 'suspended') AND l.valid_until < ${today}::date THEN 'expired'
                  ELSE l.status END
               AS status,
             l.valid_from::text AS valid_from, l.valid_until::text AS valid_until, l.decided_at
      FROM labels l
      WHERE l.space_id = ${spaceAlias}.id
      ORDER BY l.decided_at DESC, l.id DESC
      LIMIT 1
    ) ${labelAlias} ON TRUE`;
}

/** The condition "the current label has this status" (`none`: no label at all); `status` is a placeholder. */
export function labelStatusCondition(labelAlias: string, status: string): string {
  return `COALESCE(${labelAlias}.status, 'none') = ${status}`;
}

/**
 * Whether the current label may be shown to the public as a badge: granted, in force today (not expired,
 * and its validity already started).
 */
export function labelInForceCondition(labelAlias: string, today: string): string {
  return `(${labelAlias}.status = 'granted' AND (${labelAlias}.valid_from IS NULL OR ${labelAlias}.valid_from::date <= ${today}::date))`;
}
