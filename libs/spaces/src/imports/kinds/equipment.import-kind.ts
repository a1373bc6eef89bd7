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
import { defineImportKind } from '../import-kind.js';
import { auditInsertSql, countsOf, spaceRefChecks } from '../import-sql.js';
import { importMessages } from '../imports.messages.js';
import { notBefore } from './row-checks.js';

const columns = defineColumns({
  space_ref: text({ required: true }),
  ref: text({ required: true }),
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
  checks: (ctx) => spaceRefChecks(ctx),
  async upsert(ctx) {
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
         ON CONFLICT (space_id, ref) DO UPDATE SET type = EXCLUDED.type, quantity = EXCLUDED.quantity,
           acquired_on = EXCLUDED.acquired_on, retired_on = EXCLUDED.retired_on,
           provenance = EXCLUDED.provenance, free_software = EXCLUDED.free_software,
           version = t.version + 1, updated_at = now()
         WHERE (t.type, t.quantity, t.acquired_on, t.retired_on, t.provenance, t.free_software)
           IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.quantity, EXCLUDED.acquired_on, EXCLUDED.retired_on,
             EXCLUDED.provenance, EXCLUDED.free_software)
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
