import {
  decimal,
  defineColumns,
  defineCsvSchema,
  integer,
  isoWeek,
  text,
  type CellError,
  type InferRow,
} from '../../../core/src/index.js';
import {
  auditInsertSql,
  defineImportKind,
  spaceRefChecks,
  spaceScopeCondition,
  type ImportContext,
  type RowCheck,
} from '../../../spaces/src/index.js';
import { brusselsToday, weekStart } from '../rules/iso-weeks.js';
import {
  MAX_COUNT,
  PROFILE_FIELDS,
  PURPOSE_FIELDS,
  WEEK_COLUMNS,
  checkWeek,
  type WeekFigures,
} from '../rules/weekly-activity.rule.js';
import { activityImportMessages } from './activity-import.messages.js';

// Bounded by the integer columns: a larger count failed the COPY into staging (a 500 that lost every
// other row error of the file). animator_hours is bounded by checkWeek.
const count = () => integer({ min: 0, max: MAX_COUNT });

const columns = defineColumns({
  // As long as the spaces API takes a ref.
  space_ref: text({ required: true, maxLength: 40 }),
  week: isoWeek({ required: true }),
  opening_hours: decimal({ required: true }),
  hours_with_animator: decimal(),
  animator_hours: decimal(),
  visits: integer({ required: true, min: 0, max: MAX_COUNT }),
  visits_ict_learning: count(),
  visits_job_search: count(),
  visits_leisure_culture: count(),
  visits_housing_elearning: count(),
  visits_administrative: count(),
  visitors_women: count(),
  visitors_job_seekers: count(),
  visitors_seniors: count(),
  visitors_youth: count(),
  mobile_actions: count(),
});

type Column = keyof typeof columns;
type Row = { [K in Column]: unknown };
type WeeklyRow = InferRow<typeof columns>;

const FIGURES = Object.entries(WEEK_COLUMNS).filter(([field]) => field !== 'week') as Array<
  [keyof WeekFigures, Column]
>;

const figuresOf = (row: Row) =>
  Object.fromEntries(
    FIGURES.map(([field, column]) => [field, row[column] ?? null]),
  ) as unknown as WeekFigures;

/** Brussels' date, worked out at most once a second: an import checks many rows within the same day. */
let todayMemo = { at: 0, value: '' };
function todayInBrussels(): string {
  const now = Date.now();
  if (now - todayMemo.at >= 1000) todayMemo = { at: now, value: brusselsToday(new Date(now)) };
  return todayMemo.value;
}

/**
 * The checks of csv.md that need only the row (bounds, sums, the week not in the future); whether the
 * space was open that week is checked in SQL against the stored dates.
 */
function rowChecks(row: Row): CellError<Column>[] {
  const week = row.week as string;
  const issues = checkWeek(figuresOf(row), {
    week,
    today: todayInBrussels(),
    // Always open here: the SQL check below knows the real dates.
    space: { openedOn: '0001-01-01', closedOn: null },
  });
  return issues.map((issue) => ({
    column: WEEK_COLUMNS[issue.field] as Column,
    key: issue.key,
    params: issue.params,
  }));
}

/** The audit snapshot of a weekly_activity row `w`. */
const snapshot = (w: string) => `jsonb_build_object('version', ${w}.version,
  ${FIGURES.map(([field, column]) => `'${field}', ${w}.${column}`).join(', ')})`;

const figureColumns = FIGURES.map(([, column]) => column);

/** Whether stored week `w` already holds staged row `s`'s figures, in the columns the file has. */
function sameAsStored(ctx: ImportContext, w: string, s: string): string {
  const given = figureColumns.filter((c) => ctx.columns.has(c));
  return `ROW(${given.map((c) => `${w}.${c}`).join(', ')}) IS NOT DISTINCT FROM ROW(${given.map((c) => `${s}.${c}`).join(', ')})`;
}

const PURPOSE_COLUMNS: string[] = PURPOSE_FIELDS.map((field) => WEEK_COLUMNS[field]);
const PROFILE_COLUMNS: string[] = PROFILE_FIELDS.map((field) => WEEK_COLUMNS[field]);

/**
 * The sums and bounds of csv.md on a stored week as it will be after the import: a column the file leaves
 * out keeps its stored value, which the file's figures may no longer fit (the table's checks would then
 * refuse the row with a 500). Each names the left-out columns whose stored values are in the way.
 */
function storedFigureChecks(ctx: ImportContext): RowCheck[] {
  /** Rows of stored weeks where `where` holds, naming those of `columns` whose stored value `conflicts`. */
  const check = (
    column: string,
    columns: string[],
    conflicts: (c: string) => string,
    where = 'TRUE',
  ): RowCheck => {
    const params: unknown[] = [];
    const inScope = spaceScopeCondition(ctx.principal, 'sp', params);
    const named = columns.map((c) => `CASE WHEN ${conflicts(c)} THEN '${c}' END`).join(', ');
    return {
      column,
      key: 'import.conflicts_with_stored',
      sql: `SELECT x.line, jsonb_build_object('columns', to_jsonb(x.columns)) AS params FROM (
              SELECT s.line, array_remove(ARRAY[${named}]::text[], NULL) AS columns
              FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
              JOIN weekly_activity w ON w.space_id = sp.id AND w.week = s.week
              WHERE ${where} AND (${inScope})) x
            WHERE cardinality(x.columns) > 0`,
      params,
    };
  };
  const leftOut = (columns: string[]) => columns.filter((c) => !ctx.columns.has(c));
  const checks: RowCheck[] = [];
  if (!ctx.columns.has('hours_with_animator')) {
    checks.push(check('opening_hours', ['hours_with_animator'], (c) => `w.${c} > s.opening_hours`));
  }
  const purposes = leftOut(PURPOSE_COLUMNS);
  if (purposes.length > 0) {
    // bigint: five integer counts may add up to more than an integer holds.
    const total = PURPOSE_COLUMNS.map(
      (c) => `coalesce(${purposes.includes(c) ? 'w' : 's'}.${c}, 0)::bigint`,
    ).join(' + ');
    checks.push(check('visits', purposes, (c) => `w.${c} > 0`, `${total} > s.visits`));
  }
  const profiles = leftOut(PROFILE_COLUMNS);
  if (profiles.length > 0) checks.push(check('visits', profiles, (c) => `w.${c} > s.visits`));
  return checks;
}

/** Weekly activity per space and ISO week (key: space_ref + week). */
export const weeklyActivityImportKind = defineImportKind({
  name: 'weekly-activity',
  schema: defineCsvSchema(columns, { key: ['space_ref', 'week'], rowChecks }),
  messages: activityImportMessages,
  // Each row is checked against the registry only, and the file's own repeats are caught while reading.
  chunkRows: 10_000,
  staging: [
    { name: 'space_ref', type: 'text', value: (r) => r.space_ref },
    // The table's own type: compared as text, the week kept PostgreSQL off the (space_id, week) key.
    { name: 'week', type: 'character(8)', value: (r) => r.week },
    { name: 'week_start', type: 'date', value: (r) => weekStart(r.week) },
    { name: 'opening_hours', type: 'numeric(5,2)', value: (r) => r.opening_hours },
    { name: 'hours_with_animator', type: 'numeric(5,2)', value: (r) => r.hours_with_animator },
    { name: 'animator_hours', type: 'numeric(7,2)', value: (r) => r.animator_hours },
    ...figureColumns
      .filter((c) => !['opening_hours', 'hours_with_animator', 'animator_hours'].includes(c))
      .map((c) => ({
        name: c,
        type: 'integer',
        value: (r: WeeklyRow) => r[c] as number | null,
      })),
  ],
  checks: (ctx) => [
    ...spaceRefChecks(ctx),
    {
      column: 'week',
      key: 'week.space_inactive',
      sql: `SELECT s.line, jsonb_build_object('week', s.week, 'openedOn', sp.opened_on::text,
              'closedOn', coalesce(sp.closed_on::text, '')) AS params
            FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
            WHERE NOT (sp.opened_on <= s.week_start + 6 AND (sp.closed_on IS NULL OR sp.closed_on >= s.week_start))
              -- A week stored before the space's dates were changed may be sent again as it is (the same
              -- file twice changes nothing); only a change to it is refused.
              AND NOT EXISTS (SELECT 1 FROM weekly_activity w WHERE w.space_id = sp.id AND w.week = s.week
                AND ${sameAsStored(ctx, 'w', 's')})`,
    },
    ...storedFigureChecks(ctx),
  ],
  async upsert(ctx) {
    const cols = figureColumns.join(', ');
    const stored = (w: string) => figureColumns.map((c) => `${w}.${c}`).join(', ');
    // An update sets and compares only the columns in the file; the others keep their stored value.
    const given = figureColumns.filter((c) => ctx.columns.has(c));
    const storedGiven = (w: string) => given.map((c) => `${w}.${c}`).join(', ');
    // 1. The chunk's spaces are locked (FOR UPDATE conflicts with the key-share lock every insert of a
    // weekly row takes on its space), so no row of theirs can appear between steps 2 and 3.
    await ctx.query(
      `SELECT count(*) FROM (
         SELECT 1 FROM spaces sp WHERE sp.ref IN (SELECT s.space_ref FROM ${ctx.staging} s)
         ORDER BY sp.id FOR UPDATE OF sp
       ) locked`,
    );
    // 2. Stored rows whose figures differ: locked, snapshotted as "before" and updated. Unchanged rows
    // cost one index probe each and no audit entry.
    const updateParams: unknown[] = [];
    const updateAudit = auditInsertSql(
      ctx,
      updateParams,
      `SELECT 'update' AS action, 'weekly_activity' AS entity, sp.ref || '/' || up.week AS entity_id,
              up.space_id, sp.region_code, cur.snap AS before, ${snapshot('up')} AS after
       FROM up JOIN cur ON cur.id = up.id JOIN spaces sp ON sp.id = up.space_id`,
    );
    const [{ updated }] = await ctx.query<{ updated: number }>(
      `WITH cur AS (
         SELECT w.id, s.line, ${snapshot('w')} AS snap
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         JOIN weekly_activity w ON w.space_id = sp.id AND w.week = s.week
         WHERE (${storedGiven('w')}) IS DISTINCT FROM (${storedGiven('s')})
         FOR UPDATE OF w
       ), up AS (
         UPDATE weekly_activity t SET ${given.map((c) => `${c} = s.${c}`).join(', ')},
           version = t.version + 1, updated_at = now()
         FROM cur JOIN ${ctx.staging} s ON s.line = cur.line
         WHERE t.id = cur.id
         RETURNING t.id, t.space_id, t.week, t.version, ${stored('t')}
       ), audit AS (${updateAudit})
       SELECT count(*)::int AS updated FROM up`,
      updateParams,
    );
    // 3. The rest are new: inserted with their "create" entries, without looking for a "before".
    const createParams: unknown[] = [];
    const createAudit = auditInsertSql(
      ctx,
      createParams,
      `SELECT 'create' AS action, 'weekly_activity' AS entity, sp.ref || '/' || ins.week AS entity_id,
              ins.space_id, sp.region_code, NULL::jsonb AS before, ${snapshot('ins')} AS after
       FROM ins JOIN spaces sp ON sp.id = ins.space_id`,
    );
    const [{ created }] = await ctx.query<{ created: number }>(
      `WITH ins AS (
         INSERT INTO weekly_activity AS t (space_id, week, iso_year, week_start, ${cols})
         SELECT sp.id, s.week, substr(s.week, 1, 4)::smallint, s.week_start, ${stored('s')}
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         ON CONFLICT (space_id, week) DO NOTHING
         RETURNING t.space_id, t.week, t.version, ${stored('t')}
       ), audit AS (${createAudit})
       SELECT count(*)::int AS created FROM ins`,
      createParams,
    );
    return { created, updated };
  },
  exportQuery(principal, params) {
    const numbers = figureColumns.map((c) =>
      ['opening_hours', 'hours_with_animator', 'animator_hours'].includes(c)
        ? `w.${c}::float8 AS ${c}`
        : `w.${c}`,
    );
    return `SELECT sp.ref AS space_ref, w.week, ${numbers.join(', ')}
            FROM weekly_activity w JOIN spaces sp ON sp.id = w.space_id
            WHERE ${spaceScopeCondition(principal, 'sp', params)}
            ORDER BY sp.ref, w.week`;
  },
});
