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
  countsOf,
  defineImportKind,
  spaceRefChecks,
  spaceScopeCondition,
} from '../../../spaces/src/index.js';
import { brusselsToday, weekStart } from '../rules/iso-weeks.js';
import { WEEK_COLUMNS, checkWeek, type WeekFigures } from '../rules/weekly-activity.rule.js';
import { activityImportMessages } from './activity-import.messages.js';

const count = () => integer({ min: 0 });

const columns = defineColumns({
  space_ref: text({ required: true }),
  week: isoWeek({ required: true }),
  opening_hours: decimal({ required: true }),
  hours_with_animator: decimal(),
  animator_hours: decimal(),
  visits: integer({ required: true, min: 0 }),
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

/** Weekly activity per space and ISO week (key: space_ref + week). */
export const weeklyActivityImportKind = defineImportKind({
  name: 'weekly-activity',
  schema: defineCsvSchema(columns, { key: ['space_ref', 'week'], rowChecks }),
  messages: activityImportMessages,
  staging: [
    { name: 'space_ref', type: 'text', value: (r) => r.space_ref },
    { name: 'week', type: 'text', value: (r) => r.week },
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
            WHERE NOT (sp.opened_on <= s.week_start + 6 AND (sp.closed_on IS NULL OR sp.closed_on >= s.week_start))`,
    },
  ],
  async upsert(ctx) {
    const params: unknown[] = [];
    const audit = auditInsertSql(
      ctx,
      params,
      `SELECT CASE WHEN up.inserted THEN 'create' ELSE 'update' END AS action, 'weekly_activity' AS entity,
              sp.ref || '/' || up.week AS entity_id, up.space_id, sp.region_code, b.snap AS before,
              ${snapshot('up')} AS after
       FROM up JOIN spaces sp ON sp.id = up.space_id LEFT JOIN before b ON b.id = up.id`,
    );
    const cols = figureColumns.join(', ');
    const rows = await ctx.query<{ created: number; updated: number }>(
      `WITH before AS (
         SELECT w.id, ${snapshot('w')} AS snap
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         JOIN weekly_activity w ON w.space_id = sp.id AND w.week = s.week
       ), up AS (
         INSERT INTO weekly_activity AS t (space_id, week, iso_year, week_start, ${cols})
         SELECT sp.id, s.week, substr(s.week, 1, 4)::smallint, s.week_start, ${figureColumns.map((c) => `s.${c}`).join(', ')}
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         ON CONFLICT (space_id, week) DO UPDATE SET ${figureColumns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
           version = t.version + 1, updated_at = now()
         WHERE (${figureColumns.map((c) => `t.${c}`).join(', ')})
           IS DISTINCT FROM (${figureColumns.map((c) => `EXCLUDED.${c}`).join(', ')})
         RETURNING t.id, t.space_id, t.week, t.version, ${figureColumns.map((c) => `t.${c}`).join(', ')},
           (t.xmax = 0) AS inserted
       ), audit AS (${audit})
       SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated
       FROM up`,
      params,
    );
    return countsOf(rows);
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
