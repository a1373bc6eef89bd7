import {
  boolean,
  date,
  decimal,
  defineColumns,
  defineCsvSchema,
  email,
  enumOf,
  text,
} from '../../../../core/src/index.js';
import { ASSIGNMENT_ROLES, CONTRACTS } from '../../animators/assignment.entity.js';
import { spaceScopeCondition } from '../../shared/space-scope.sql.js';
import { defineImportKind, type ImportContext, type RowCheck } from '../import-kind.js';
import { auditInsertSql, countsOf, spaceRefChecks } from '../import-sql.js';
import { importMessages } from '../imports.messages.js';
import { notBefore } from './row-checks.js';

const CHANGED = '[changed]';

// Lengths as the animators API takes them (animators.dto.ts).
const columns = defineColumns({
  ref: text({ required: true, maxLength: 40 }),
  name: text({ required: true, maxLength: 200 }),
  email: email(),
  space_ref: text({ required: true, maxLength: 40 }),
  role: enumOf(ASSIGNMENT_ROLES, { required: true }),
  contract: enumOf(CONTRACTS),
  fte: decimal({ required: true, min: 0, max: 1 }),
  qualified: boolean(),
  starts_on: date({ required: true }),
  ends_on: date(),
});

/**
 * What the trail keeps of a person, as the animators API does (animator-privacy.rule.ts): the trail is
 * append-only, so it never holds what anonymising erases. A personal field (ref, name, e-mail, …) that was
 * set or changed reads "[changed]" (null when empty); one that did not change is left out.
 */
function personSnapshot(side: 'before' | 'after', b: string, up: string): string {
  const row = side === 'before' ? b : up;
  const personal = (field: string, isEmpty: (x: string) => string) => {
    const changed = `${b}.id IS NULL OR ${b}.${field} IS DISTINCT FROM ${up}.${field}`;
    return `CASE WHEN ${changed} THEN jsonb_build_object('${field}',
              CASE WHEN ${isEmpty(`${row}.${field}`)} THEN NULL ELSE '${CHANGED}' END) ELSE '{}' END`;
  };
  const isNull = (x: string) => `${x} IS NULL`;
  return [
    `jsonb_build_object('id', ${row}.id, 'anonymisedAt', ${row}.anonymised_at, 'version', ${row}.version)`,
    personal('ref', isNull),
    personal('name', isNull),
    personal('email', isNull),
    personal('phone', isNull),
    personal('qualifications', (x) => `cardinality(${x}) = 0`),
  ].join(' || ');
}

/** The person's columns an update sets and compares: those in the file (`name` is required). */
const personColumns = (ctx: ImportContext) => ['name', 'email'].filter((c) => ctx.columns.has(c));

/** The assignment's columns an update sets and compares: those in the file. */
const assignmentColumns = (ctx: ImportContext) =>
  ['role', 'contract', 'fte', 'qualified', 'ends_on'].filter((c) => ctx.columns.has(c));

/**
 * A person is shared by every space they work at, and the name and e-mail address are theirs, not one
 * space's: a caller who does not manage every one of those spaces may not change them (they may still
 * add the person to a space of theirs, naming them as stored). Admins manage every space.
 */
function personScopeChecks(ctx: ImportContext): RowCheck[] {
  if (ctx.principal.role === 'admin') return [];
  return personColumns(ctx).flatMap((column) => {
    const params: unknown[] = [];
    const inScope = spaceScopeCondition(ctx.principal, 'sp', params);
    const changed = `FROM ${ctx.staging} s JOIN animators a ON a.ref = s.ref
      WHERE a.anonymised_at IS NULL AND s."${column}" IS DISTINCT FROM a."${column}"`;
    return [
      {
        column,
        key: 'import.animator_elsewhere',
        sql: `SELECT s.line, jsonb_build_object('value', s.ref) AS params ${changed}
                AND EXISTS (SELECT 1 FROM animator_assignments x JOIN spaces sp ON sp.id = x.space_id
                            WHERE x.animator_id = a.id AND NOT (${inScope}))`,
        params,
      },
      {
        // A person who works at no space is no space's: only admins see them, so only admins change them
        // (else a file could take over anyone's record by naming their ref).
        column,
        key: 'import.animator_unassigned',
        sql: `SELECT s.line, jsonb_build_object('value', s.ref) AS params ${changed}
                AND NOT EXISTS (SELECT 1 FROM animator_assignments x WHERE x.animator_id = a.id)`,
      },
    ];
  });
}

const assignmentSnapshot = (x: string, sp: string) => `jsonb_build_object(
  'id', ${x}.id, 'animatorId', ${x}.animator_id, 'spaceId', ${x}.space_id, 'spaceRef', ${sp}.ref,
  'role', ${x}.role, 'contract', ${x}.contract, 'fte', ${x}.fte, 'qualified', ${x}.qualified,
  'startsOn', ${x}.starts_on, 'endsOn', ${x}.ends_on, 'version', ${x}.version)`;

/** Persons and their assignments, one row per assignment (key: ref + space_ref + starts_on). */
export const animatorsImportKind = defineImportKind({
  name: 'animators',
  schema: defineCsvSchema(columns, {
    key: ['ref', 'space_ref', 'starts_on'],
    rowChecks: (row) => notBefore(row, 'ends_on', 'starts_on'),
  }),
  messages: importMessages,
  staging: [
    { name: 'ref', type: 'text', value: (r) => r.ref },
    { name: 'name', type: 'text', value: (r) => r.name },
    { name: 'email', type: 'text', value: (r) => r.email },
    { name: 'space_ref', type: 'text', value: (r) => r.space_ref },
    { name: 'role', type: 'text', value: (r) => r.role },
    { name: 'contract', type: 'text', value: (r) => r.contract },
    { name: 'fte', type: 'numeric(4,3)', value: (r) => r.fte },
    // An empty cell means "not qualified", the column's default.
    { name: 'qualified', type: 'boolean', value: (r) => r.qualified ?? false },
    { name: 'starts_on', type: 'date', value: (r) => r.starts_on },
    { name: 'ends_on', type: 'date', value: (r) => r.ends_on },
  ],
  checks: (ctx) => [
    ...spaceRefChecks(ctx),
    {
      column: 'ref',
      key: 'import.animator_anonymised',
      sql: `SELECT s.line, jsonb_build_object('value', s.ref) AS params FROM ${ctx.staging} s
            JOIN animators a ON a.ref = s.ref WHERE a.anonymised_at IS NOT NULL`,
    },
    ...(['name', 'email'] as const).map((column) => ({
      column,
      key: 'import.animator_differs',
      // Each later line of a person that disagrees with the person's first line.
      sql: `SELECT x.line, jsonb_build_object('firstLine', x.first_line) AS params FROM (
              SELECT s.line, s."${column}" AS value,
                first_value(s.line) OVER w AS first_line, first_value(s."${column}") OVER w AS first_value
              FROM ${ctx.staging} s WINDOW w AS (PARTITION BY s.ref ORDER BY s.line)) x
            WHERE x.value IS DISTINCT FROM x.first_value`,
    })),
    ...personScopeChecks(ctx),
  ],
  async upsert(ctx) {
    await upsertPersons(ctx);
    return upsertAssignments(ctx);
  },
  exportQuery(principal, params) {
    // Anonymised persons have no name left, and may not be imported again: they are left out.
    return `SELECT a.ref, a.name, a.email, sp.ref AS space_ref, x.role, x.contract, x.fte::float8 AS fte,
              x.qualified, to_char(x.starts_on, 'YYYY-MM-DD') AS starts_on,
              to_char(x.ends_on, 'YYYY-MM-DD') AS ends_on
            FROM animator_assignments x JOIN animators a ON a.id = x.animator_id
            JOIN spaces sp ON sp.id = x.space_id
            WHERE a.anonymised_at IS NULL AND ${spaceScopeCondition(principal, 'sp', params)}
            ORDER BY a.ref, sp.ref, x.starts_on`;
  },
});

/**
 * Persons by ref; the refs of those updated (not created) are kept to count their rows as updated. A
 * person's audit entry is filed under the space of their first row, so that region's staff see it.
 */
async function upsertPersons(ctx: ImportContext): Promise<void> {
  const set = personColumns(ctx);
  const params: unknown[] = [];
  const audit = auditInsertSql(
    ctx,
    params,
    `SELECT CASE WHEN up.inserted THEN 'create' ELSE 'update' END AS action, 'animator' AS entity,
            up.id::text AS entity_id, sp.id AS space_id, sp.region_code,
            CASE WHEN up.inserted THEN NULL ELSE ${personSnapshot('before', 'b', 'up')} END AS before,
            ${personSnapshot('after', 'b', 'up')} AS after
     FROM up JOIN persons p ON p.ref = up.ref JOIN spaces sp ON sp.ref = p.space_ref
     LEFT JOIN before b ON b.id = up.id`,
  );
  await ctx.query(`CREATE TEMP TABLE import_updated_persons (ref text PRIMARY KEY) ON COMMIT DROP`);
  await ctx.query(
    `WITH persons AS (
       SELECT DISTINCT ON (s.ref) s.ref, s.name, s.email, s.space_ref FROM ${ctx.staging} s
       ORDER BY s.ref, s.line
     ), before AS (
       SELECT a.* FROM animators a JOIN persons p ON p.ref = a.ref
     ), up AS (
       INSERT INTO animators AS t (ref, name, email) SELECT p.ref, p.name, p.email FROM persons p
       ON CONFLICT (ref) DO UPDATE SET ${set.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
         version = t.version + 1, updated_at = now()
       WHERE t.anonymised_at IS NULL
         AND (${set.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${set.map((c) => `EXCLUDED.${c}`).join(', ')})
       RETURNING t.*, (t.xmax = 0) AS inserted
     ), audit AS (${audit})
     INSERT INTO import_updated_persons (ref) SELECT up.ref FROM up WHERE NOT up.inserted`,
    params,
  );
}

/** Assignments by (animator, space, starts_on); a row also counts as updated when only its person changed. */
async function upsertAssignments(ctx: ImportContext) {
  const set = assignmentColumns(ctx);
  const params: unknown[] = [];
  const audit = auditInsertSql(
    ctx,
    params,
    `SELECT CASE WHEN up.inserted THEN 'create' ELSE 'update' END AS action,
            'assignment' AS entity, up.id::text AS entity_id, up.space_id, sp.region_code,
            b.snap AS before, ${assignmentSnapshot('up', 'sp')} AS after
     FROM up JOIN spaces sp ON sp.id = up.space_id LEFT JOIN before b ON b.id = up.id`,
  );
  const rows = await ctx.query<{ created: number; updated: number }>(
    `WITH keyed AS (
       SELECT s.*, a.id AS animator_id, sp.id AS space_id
       FROM ${ctx.staging} s JOIN animators a ON a.ref = s.ref JOIN spaces sp ON sp.ref = s.space_ref
     ), before AS (
       SELECT x.id, ${assignmentSnapshot('x', 'sp')} AS snap
       FROM keyed k JOIN animator_assignments x ON x.animator_id = k.animator_id
         AND x.space_id = k.space_id AND x.starts_on = k.starts_on
       JOIN spaces sp ON sp.id = x.space_id
     ), up AS (
       INSERT INTO animator_assignments AS t (animator_id, space_id, role, contract, fte, qualified,
         starts_on, ends_on)
       SELECT k.animator_id, k.space_id, k.role, k.contract, k.fte, k.qualified, k.starts_on, k.ends_on
       FROM keyed k
       ON CONFLICT (animator_id, space_id, starts_on) DO UPDATE
         SET ${set.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, version = t.version + 1, updated_at = now()
       WHERE (${set.map((c) => `t.${c}`).join(', ')})
         IS DISTINCT FROM (${set.map((c) => `EXCLUDED.${c}`).join(', ')})
       RETURNING t.*, (t.xmax = 0) AS inserted
     ), audit AS (${audit})
     SELECT count(*) FILTER (WHERE up.inserted) AS created,
            count(*) FILTER (WHERE up.inserted IS DISTINCT FROM true
              AND (up.id IS NOT NULL OR k.ref IN (SELECT ref FROM import_updated_persons))) AS updated
     FROM keyed k LEFT JOIN up ON up.animator_id = k.animator_id AND up.space_id = k.space_id
       AND up.starts_on = k.starts_on`,
    params,
  );
  return countsOf(rows);
}
