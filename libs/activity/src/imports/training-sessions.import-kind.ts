import {
  date,
  decimal,
  defineColumns,
  defineCsvSchema,
  enumOf,
  integer,
  text,
  type CellError,
} from '../../../core/src/index.js';
import {
  auditInsertSql,
  countsOf,
  defineImportKind,
  spaceRefChecks,
  spaceScopeCondition,
} from '../../../spaces/src/index.js';
import { checkTrainingSession } from '../rules/training-session.rule.js';
import { MAX_COUNT } from '../rules/weekly-activity.rule.js';
import { SESSION_LANGUAGES } from '../training/dto/training-session.dto.js';
import { TRAINING_FORMATS, TRAINING_THEMES } from '../training/training-session.entity.js';
import { activityImportMessages } from './activity-import.messages.js';

const columns = defineColumns({
  // As long as the spaces and training API take them (a space ref of 40, training-session.dto.ts).
  space_ref: text({ required: true, maxLength: 40 }),
  ref: text({ required: true, maxLength: 60 }),
  date: date({ required: true }),
  title: text({ required: true, maxLength: 200 }),
  theme: enumOf(TRAINING_THEMES, { required: true }),
  format: enumOf(TRAINING_FORMATS, { required: true }),
  duration_hours: decimal({ required: true }),
  // Bounded by the integer column: a larger count failed the COPY into staging (a 500 that lost every
  // other row error of the file).
  participants: integer({ required: true, min: 0, max: MAX_COUNT }),
  new_participants: integer({ required: true, min: 0, max: MAX_COUNT }),
  language: enumOf(SESSION_LANGUAGES),
});

type Column = keyof typeof columns;
const FIELD_COLUMNS = {
  durationHours: 'duration_hours',
  newParticipants: 'new_participants',
  participants: 'participants',
} as const;

/** The audit snapshot of a training session row `t`. */
const snapshot = (
  t: string,
  sp: string,
) => `jsonb_build_object('version', ${t}.version, 'spaceRef', ${sp}.ref,
  'ref', ${t}.ref, 'date', ${t}.date, 'title', ${t}.title, 'theme', ${t}.theme, 'format', ${t}.format,
  'durationHours', ${t}.duration_hours, 'participants', ${t}.participants,
  'newParticipants', ${t}.new_participants, 'language', ${t}.language)`;

/** The columns an update sets and compares (of those in the file). */
const UPDATED = [
  'date',
  'title',
  'theme',
  'format',
  'duration_hours',
  'participants',
  'new_participants',
  'language',
];

/** Training sessions per space (key: space_ref + ref). */
export const trainingSessionsImportKind = defineImportKind({
  name: 'training-sessions',
  schema: defineCsvSchema(columns, {
    key: ['space_ref', 'ref'],
    rowChecks: (row): CellError<Column>[] =>
      checkTrainingSession({
        durationHours: row.duration_hours,
        participants: row.participants,
        newParticipants: row.new_participants,
      }).map((issue) => ({ column: FIELD_COLUMNS[issue.field], key: issue.key, params: issue.params })),
  }),
  messages: activityImportMessages,
  staging: [
    { name: 'space_ref', type: 'text', value: (r) => r.space_ref },
    { name: 'ref', type: 'text', value: (r) => r.ref },
    { name: 'date', type: 'date', value: (r) => r.date },
    { name: 'title', type: 'text', value: (r) => r.title },
    { name: 'theme', type: 'text', value: (r) => r.theme },
    { name: 'format', type: 'text', value: (r) => r.format },
    { name: 'duration_hours', type: 'numeric(4,2)', value: (r) => r.duration_hours },
    { name: 'participants', type: 'integer', value: (r) => r.participants },
    { name: 'new_participants', type: 'integer', value: (r) => r.new_participants },
    { name: 'language', type: 'text', value: (r) => r.language },
  ],
  checks: (ctx) => spaceRefChecks(ctx),
  async upsert(ctx) {
    // `language` is the one column a file may leave out; then it keeps its stored value.
    const set = UPDATED.filter((c) => ctx.columns.has(c));
    const params: unknown[] = [];
    const audit = auditInsertSql(
      ctx,
      params,
      `SELECT CASE WHEN up.inserted THEN 'create' ELSE 'update' END AS action, 'training_session' AS entity,
              sp.ref || '/' || up.ref AS entity_id, up.space_id, sp.region_code, b.snap AS before,
              ${snapshot('up', 'sp')} AS after
       FROM up JOIN spaces sp ON sp.id = up.space_id LEFT JOIN before b ON b.id = up.id`,
    );
    const rows = await ctx.query<{ created: number; updated: number }>(
      `WITH before AS (
         SELECT t.id, ${snapshot('t', 'sp')} AS snap
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         JOIN training_sessions t ON t.space_id = sp.id AND t.ref = s.ref
       ), up AS (
         INSERT INTO training_sessions AS t (space_id, ref, date, title, theme, format, duration_hours,
           participants, new_participants, language)
         SELECT sp.id, s.ref, s.date, s.title, s.theme, s.format, s.duration_hours, s.participants,
           s.new_participants, s.language
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         ON CONFLICT (space_id, ref) DO UPDATE
           SET ${set.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, version = t.version + 1, updated_at = now()
         WHERE (${set.map((c) => `t.${c}`).join(', ')})
           IS DISTINCT FROM (${set.map((c) => `EXCLUDED.${c}`).join(', ')})
         RETURNING t.*, (t.xmax = 0) AS inserted
       ), audit AS (${audit})
       SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated
       FROM up`,
      params,
    );
    return countsOf(rows);
  },
  exportQuery(principal, params) {
    return `SELECT sp.ref AS space_ref, t.ref, to_char(t.date, 'YYYY-MM-DD') AS date, t.title, t.theme, t.format,
              t.duration_hours::float8 AS duration_hours, t.participants, t.new_participants, t.language
            FROM training_sessions t JOIN spaces sp ON sp.id = t.space_id
            WHERE ${spaceScopeCondition(principal, 'sp', params)}
            ORDER BY sp.ref, t.ref`;
  },
});
