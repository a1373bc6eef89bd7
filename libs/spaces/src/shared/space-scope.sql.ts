import type { Principal } from '../../../core/src/index.js';

/**
 * The SQL condition that limits rows to the spaces a caller may see, for list queries and exports.
 * `spaceAlias` names a `spaces` row in the query. Parameters are appended to `params`, so the condition
 * can be combined with others. Admins see everything; regional staff their region; coordinators the
 * spaces they are linked to and those spaces' antennas.
 */
export function spaceScopeCondition(principal: Principal, spaceAlias: string, params: unknown[]): string {
  if (principal.role === 'admin') return 'TRUE';
  if (principal.role === 'regional_staff') {
    params.push(principal.regionCode);
    return `${spaceAlias}.region_code = $${params.length}`;
  }
  params.push(principal.userId);
  const user = `$${params.length}`;
  return `EXISTS (SELECT 1 FROM coordinator_spaces cs WHERE cs.user_id = ${user}
    AND (cs.space_id = ${spaceAlias}.id OR cs.space_id = ${spaceAlias}.parent_id))`;
}
