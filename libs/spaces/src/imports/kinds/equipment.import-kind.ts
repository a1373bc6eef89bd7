import {
  boolean,
  date,
  defineColumns,
  defineCsvSchema,
  enumOf,
  integer,
  text,
} from '../../../../core/src/index.js';
import { EQUIPMENT_TYPES, PROVENANCES } from '../../equipment/equipment.entity.js';
import { spaceScopeCondition } from '../../shared/space-scope.sql.js';
import { defineImportKind, type ImportContext, type RowCheck } from '../import-kind.js';
import { auditInsertSql, countsOf, spaceRefChecks } from '../import-sql.js';
import { importMessages } from '../imports.messages.js';
import { notBefore } from './row-checks.js';

// Refs as long as the equipment API takes them (equipment.dto.ts).
const columns = defineColumns({
  space_ref: text({ required: true, maxLength: 40 }),
  ref: text({ required: true, maxLength: 40 }),
  type: enumOf(EQUIPMENT_TYPES, { required: true }),
  // The same bounds as the equipment API.
  quantity: integer({ required: true, min: 1, max: 100_000 }),
  acquired_on: date(),
  retired_on: date(),
  provenance: enumOf(PROVENANCES),
  free_software: boolean(),
});

/** The audit snapshot of an equipment row `e` at space `sp`. */
const snapshot = (e: string, sp: string) => `jsonb_build_object(
  'id', ${e}.id, 'version', ${e}.version, 'spaceRef', ${sp}.ref, 'ref', ${e}.ref, 'type', ${e}.type, 'quantity', ${e}.quantity,
  'acquiredOn', ${e}.acquired_on, 'retiredOn', ${e}.retired_on, 'provenance', ${e}.provenance,
  'freeSoftware', ${e}.free_software)`;

/** The columns an update sets and compares: those in the file (a column left out keeps its value). */
const updatedColumns = (ctx: ImportContext) =>
  ['type', 'quantity', 'acquired_on', 'retired_on', 'provenance', 'free_software'].filter((c) =>
    ctx.columns.has(c),
  );

/**
 * With one of the two dates left out, the stored one stays: the other may not cross it (the table's
 * ck_equipment_dates would refuse the row with a 500).
 */
function storedDateChecks(ctx: ImportContext): RowCheck[] {
  const stored = (column: 'acquired_on' | 'retired_on', given: string, condition: string): RowCheck => {
    const params: unknown[] = [];
    const inScope = spaceScopeCondition(ctx.principal, 'sp', params);
    return {
      column: given,
      key: 'import.conflicts_with_stored',
      sql: `SELECT s.line, jsonb_build_object('columns', jsonb_build_array('${column}')) AS params
            FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
            JOIN equipment e ON e.space_id = sp.id AND e.ref = s.ref WHERE ${condition} AND (${inScope})`,
      params,
    };
  };
  const has = (column: string) => ctx.columns.has(column);
  return [
    ...(has('acquired_on') && !has('retired_on')
      ? [stored('retired_on', 'acquired_on', 'e.retired_on < s.acquired_on')]
      : []),
    ...(has('retired_on') && !has('acquired_on')
      ? [stored('acquired_on', 'retired_on', 's.retired_on < e.acquired_on')]
      : []),
  ];
}

/** Equipment per space (key: space_ref + ref). */
export const equipmentImportKind = defineImportKind({
  name: 'equipment',
  schema: defineCsvSchema(columns, {
    key: ['space_ref', 'ref'],
    rowChecks: (row) => notBefore(row, 'retired_on', 'acquired_on'),
  }),
  messages: importMessages,
  staging: [
    { name: 'space_ref', type: 'text', value: (r) => r.space_ref },
    { name: 'ref', type: 'text', value: (r) => r.ref },
    { name: 'type', type: 'text', value: (r) => r.type },
    { name: 'quantity', type: 'integer', value: (r) => r.quantity },
    { name: 'acquired_on', type: 'date', value: (r) => r.acquired_on },
    { name: 'retired_on', type: 'date', value: (r) => r.retired_on },
    { name: 'provenance', type: 'text', value: (r) => r.provenance },
    { name: 'free_software', type: 'boolean', value: (r) => r.free_software },
  ],
  checks: (ctx) => [...spaceRefChecks(ctx), ...storedDateChecks(ctx)],
  async upsert(ctx) {
    const set = updatedColumns(ctx);
    const params: unknown[] = [];
    const audit = auditInsertSql(
      ctx,
      params,
      `SELECT CASE WHEN up.inserted THEN 'create' ELSE 'update' END AS action, 'equipment' AS entity,
              up.id::text AS entity_id, up.space_id, sp.region_code, b.snap AS before,
              ${snapshot('up', 'sp')} AS after
       FROM up JOIN spaces sp ON sp.id = up.space_id LEFT JOIN before b ON b.id = up.id`,
    );
    const rows = await ctx.query<{ created: number; updated: number }>(
      `WITH before AS (
         SELECT e.id, ${snapshot('e', 'sp')} AS snap
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         JOIN equipment e ON e.space_id = sp.id AND e.ref = s.ref
       ), up AS (
         INSERT INTO equipment AS t (space_id, ref, type, quantity, acquired_on, retired_on, provenance,
           free_software)
         SELECT sp.id, s.ref, s.type, s.quantity, s.acquired_on, s.retired_on, s.provenance, s.free_software
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
    return `SELECT sp.ref AS space_ref, e.ref, e.type, e.quantity,
              to_char(e.acquired_on, 'YYYY-MM-DD') AS acquired_on,
              to_char(e.retired_on, 'YYYY-MM-DD') AS retired_on, e.provenance, e.free_software
            FROM equipment e JOIN spaces sp ON sp.id = e.space_id
            WHERE ${spaceScopeCondition(principal, 'sp', params)}
            ORDER BY sp.ref, e.ref`;
  },
});
