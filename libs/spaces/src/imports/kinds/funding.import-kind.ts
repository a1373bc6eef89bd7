import {
  date,
  decimal,
  defineColumns,
  defineCsvSchema,
  enumOf,
  integer,
  text,
} from '../../../../core/src/index.js';
import { FUNDING_KINDS, FUNDING_SOURCES } from '../../funding/funding.entity.js';
import { spaceScopeCondition } from '../../shared/space-scope.sql.js';
import { defineImportKind } from '../import-kind.js';
import { auditInsertSql, countsOf, spaceRefChecks } from '../import-sql.js';
import { importMessages } from '../imports.messages.js';

/** numeric(14,2) holds up to 12 digits before the point. */
const MAX_AMOUNT_EUR = 999_999_999_999.99;

const columns = defineColumns({
  // As long as the funding API takes them (funding.dto.ts).
  space_ref: text({ required: true, maxLength: 40 }),
  year: integer({ required: true, min: 1990, max: 2100 }),
  source: enumOf(FUNDING_SOURCES, { required: true }),
  amount_eur: decimal({ required: true, min: 0, max: MAX_AMOUNT_EUR }),
  kind: enumOf(FUNDING_KINDS, { required: true }),
  programme: text({ maxLength: 200 }),
  ends_on: date(),
});

const snapshot = (f: string, sp: string) => `jsonb_build_object(
  'id', ${f}.id, 'version', ${f}.version, 'spaceRef', ${sp}.ref, 'year', ${f}.year, 'source', ${f}.source, 'amountEur', ${f}.amount_eur,
  'kind', ${f}.kind, 'programme', NULLIF(${f}.programme, ''), 'endsOn', ${f}.ends_on)`;

/**
 * Funding per space and year (key: space_ref + year + source + programme). An empty programme is stored
 * as '' (the key must not contain NULL) and exported as an empty cell.
 */
export const fundingImportKind = defineImportKind({
  name: 'funding',
  schema: defineCsvSchema(columns, { key: ['space_ref', 'year', 'source', 'programme'] }),
  messages: importMessages,
  staging: [
    { name: 'space_ref', type: 'text', value: (r) => r.space_ref },
    { name: 'year', type: 'smallint', value: (r) => r.year },
    { name: 'source', type: 'text', value: (r) => r.source },
    // Same type as the table, so a third decimal is rounded here and a re-import compares equal.
    { name: 'amount_eur', type: 'numeric(14,2)', value: (r) => r.amount_eur },
    { name: 'kind', type: 'text', value: (r) => r.kind },
    { name: 'programme', type: 'text NOT NULL', value: (r) => r.programme ?? '' },
    { name: 'ends_on', type: 'date', value: (r) => r.ends_on },
  ],
  checks: (ctx) => spaceRefChecks(ctx),
  async upsert(ctx) {
    // A column left out keeps its stored value. `programme` is part of the key: left out, it is ''.
    const set = ['amount_eur', 'kind', 'ends_on'].filter((c) => ctx.columns.has(c));
    const params: unknown[] = [];
    const audit = auditInsertSql(
      ctx,
      params,
      `SELECT CASE WHEN up.inserted THEN 'create' ELSE 'update' END AS action, 'funding' AS entity,
              up.id::text AS entity_id, up.space_id, sp.region_code, b.snap AS before,
              ${snapshot('up', 'sp')} AS after
       FROM up JOIN spaces sp ON sp.id = up.space_id LEFT JOIN before b ON b.id = up.id`,
    );
    const rows = await ctx.query<{ created: number; updated: number }>(
      `WITH before AS (
         SELECT f.id, ${snapshot('f', 'sp')} AS snap
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         JOIN funding f ON f.space_id = sp.id AND f.year = s.year AND f.source = s.source
           AND f.programme = s.programme
       ), up AS (
         INSERT INTO funding AS t (space_id, year, source, amount_eur, kind, programme, ends_on)
         SELECT sp.id, s.year, s.source, s.amount_eur, s.kind, s.programme, s.ends_on
         FROM ${ctx.staging} s JOIN spaces sp ON sp.ref = s.space_ref
         ON CONFLICT (space_id, year, source, programme) DO UPDATE
           SET ${set.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, version = t.version + 1, updated_at = now()
         WHERE (${set.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${set.map((c) => `EXCLUDED.${c}`).join(', ')})
         RETURNING t.*, (t.xmax = 0) AS inserted
       ), audit AS (${audit})
       SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated
       FROM up`,
      params,
    );
    return countsOf(rows);
  },
  exportQuery(principal, params) {
    // float8 gives the shortest decimal that reads back as the stored amount (1250.5 for 1250.50).
    return `SELECT sp.ref AS space_ref, f.year, f.source, f.amount_eur::float8 AS amount_eur, f.kind,
              NULLIF(f.programme, '') AS programme, to_char(f.ends_on, 'YYYY-MM-DD') AS ends_on
            FROM funding f JOIN spaces sp ON sp.id = f.space_id
            WHERE ${spaceScopeCondition(principal, 'sp', params)}
            ORDER BY sp.ref, f.year, f.source, f.programme`;
  },
});
