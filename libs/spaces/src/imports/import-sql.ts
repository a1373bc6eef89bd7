import { spaceScopeCondition } from '../shared/space-scope.sql.js';
import type { ImportContext, RowCheck, UpsertCounts } from './import-kind.js';

/**
 * SQL building blocks shared by import kinds (this lib's and other libs'): the space-ref checks and the
 * set-based audit insert.
 */

/**
 * Every row names a registered space (`column` of the staging table holds its ref) that the caller may
 * write to: admins any, regional staff their region's, coordinators their spaces and those spaces'
 * antennas.
 */
export function spaceRefChecks(ctx: ImportContext, column = 'space_ref'): RowCheck[] {
  const checks: RowCheck[] = [
    {
      column,
      key: 'import.unknown_space_ref',
      sql: `SELECT s.line, jsonb_build_object('value', s."${column}") AS params FROM ${ctx.staging} s
            WHERE NOT EXISTS (SELECT 1 FROM spaces sp WHERE sp.ref = s."${column}")`,
    },
  ];
  const params: unknown[] = [];
  const inScope = spaceScopeCondition(ctx.principal, 'sp', params);
  if (inScope !== 'TRUE') {
    checks.push({
      column,
      key: 'import.space_ref_out_of_scope',
      sql: `SELECT s.line, jsonb_build_object('value', s."${column}") AS params FROM ${ctx.staging} s
            JOIN spaces sp ON sp.ref = s."${column}" WHERE NOT (${inScope})`,
      params,
    });
  }
  return checks;
}

/**
 * `INSERT INTO audit_log … SELECT` from `source`, a query yielding `action`, `entity`, `entity_id`,
 * `space_id`, `region_code`, `before`, `after` (jsonb): one statement for a whole import, usable as a
 * data-modifying CTE. The actor and correlation id are appended to `params`.
 */
export function auditInsertSql(ctx: ImportContext, params: unknown[], source: string): string {
  params.push(ctx.actor.userId, ctx.actor.label, ctx.correlationId);
  const [userId, label, correlationId] = [params.length - 2, params.length - 1, params.length].map(
    (n) => `$${n}`,
  );
  return `INSERT INTO audit_log (actor_user_id, actor, action, entity, entity_id, space_id, region_code,
            before, after, correlation_id)
          SELECT ${userId}::uuid, ${label}::text, x.action, x.entity, x.entity_id, x.space_id, x.region_code,
            x.before, x.after, ${correlationId}::text
          FROM (${source}) x`;
}

/** Reads `created` and `updated` from a counting query's single row. */
export function countsOf(
  rows: readonly { created: number | string; updated: number | string }[],
): UpsertCounts {
  const [row] = rows;
  return { created: Number(row?.created ?? 0), updated: Number(row?.updated ?? 0) };
}
