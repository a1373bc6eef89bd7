import {
  boolean,
  date,
  defineColumns,
  defineCsvSchema,
  email,
  enumOf,
  latitude,
  longitude,
  multi,
  text,
  url,
  type CellError,
  type InferRow,
} from '../../../../core/src/index.js';
import { OpeningHoursError, normalizeOpeningHours, weeklyHours } from '../../rules/opening-hours.rule.js';
import { spaceScopeCondition } from '../../shared/space-scope.sql.js';
import { OPERATOR_TYPES, PRICINGS, SPACE_LANGUAGES } from '../../spaces/space.entity.js';
import { defineImportKind, type ImportContext, type PrepareResult, type RowCheck } from '../import-kind.js';
import { auditInsertSql, countsOf } from '../import-sql.js';
import { importMessages } from '../imports.messages.js';
import { notBefore } from './row-checks.js';

// Lengths as the spaces API takes them (space.dto.ts): its @MaxLength, or the longest value its pattern
// allows (a ref of 40, a 5-digit NIS code, a 4-digit postcode, a phone number of 41).
const columns = defineColumns({
  ref: text({ required: true, maxLength: 40 }),
  name: text({ required: true, maxLength: 200 }),
  nis_code: text({ required: true, maxLength: 5 }),
  operator_type: enumOf(OPERATOR_TYPES, { required: true }),
  address: text({ maxLength: 300 }),
  postcode: text({ maxLength: 4 }),
  opened_on: date({ required: true }),
  closed_on: date(),
  parent_ref: text({ maxLength: 40 }),
  languages: multi(enumOf(SPACE_LANGUAGES)),
  pricing: enumOf(PRICINGS),
  open_to_all_publics: boolean(),
  charter_signed_on: date(),
  latitude: latitude(),
  longitude: longitude(),
  email: email(),
  phone: text({ maxLength: 41 }),
  website: url({ maxLength: 500 }),
  opening_hours: text({ maxLength: 2000 }),
});

type SpaceCsvRow = InferRow<typeof columns>;

export interface PreparedSpaceRow extends SpaceCsvRow {
  scheduledWeeklyHours: number | null;
  scheduledHoursWithAnimator: number | null;
}

interface ScheduleSummary {
  osm: string;
  openingHours: number;
  hoursWithAnimator: number;
}

/** Many spaces share a handful of schedules; evaluating one with the library is the costly part. */
const schedules = new Map<string, ScheduleSummary | OpeningHoursError>();
const MAX_CACHED_SCHEDULES = 2000;

function summarise(expression: string): ScheduleSummary | OpeningHoursError {
  let summary = schedules.get(expression);
  if (summary === undefined) {
    try {
      const osm = normalizeOpeningHours(expression);
      summary = { osm, ...weeklyHours(osm) };
    } catch (error) {
      if (!(error instanceof OpeningHoursError)) throw error;
      summary = error;
    }
    if (schedules.size >= MAX_CACHED_SCHEDULES) schedules.clear();
    schedules.set(expression, summary);
  }
  return summary;
}

/**
 * Validates `opening_hours` and derives what the table keeps next to it: the normalised expression and
 * the scheduled hours of a typical week (in total and with an animator present).
 */
export function prepareSpaceRow(row: SpaceCsvRow): PrepareResult<PreparedSpaceRow> {
  if (row.opening_hours === null) {
    return { ok: true, row: { ...row, scheduledWeeklyHours: null, scheduledHoursWithAnimator: null } };
  }
  const summary = summarise(row.opening_hours);
  if (summary instanceof OpeningHoursError) {
    const issue: CellError = {
      column: 'opening_hours',
      key: 'import.opening_hours_invalid',
      params: { detail: summary.libraryMessage ?? summary.message },
    };
    return { ok: false, issues: [issue] };
  }
  return {
    ok: true,
    row: {
      ...row,
      opening_hours: summary.osm,
      scheduledWeeklyHours: summary.openingHours,
      scheduledHoursWithAnimator: summary.hoursWithAnimator,
    },
  };
}

/** The audit snapshot of space `t` with parent `p`. */
const snapshot = (t: string, p: string) => `jsonb_build_object(
  'id', ${t}.id, 'version', ${t}.version, 'ref', ${t}.ref, 'name', ${t}.name, 'nisCode', ${t}.nis_code, 'regionCode', ${t}.region_code,
  'operatorType', ${t}.operator_type, 'address', ${t}.address, 'postcode', ${t}.postcode,
  'openedOn', ${t}.opened_on, 'closedOn', ${t}.closed_on, 'parentRef', ${p}.ref,
  'languages', ${t}.languages, 'pricing', ${t}.pricing, 'openToAllPublics', ${t}.open_to_all_publics,
  'charterSignedOn', ${t}.charter_signed_on, 'latitude', ${t}.latitude, 'longitude', ${t}.longitude,
  'email', ${t}.email, 'phone', ${t}.phone, 'website', ${t}.website, 'openingHours', ${t}.opening_hours)`;

/** Columns the CSV sets, in the order of the INSERT (parent_id and the municipality are resolved apart). */
const COPIED = [
  'operator_type',
  'address',
  'postcode',
  'opened_on',
  'closed_on',
  'languages',
  'pricing',
  'open_to_all_publics',
  'charter_signed_on',
  'latitude',
  'longitude',
  'email',
  'phone',
  'website',
  'opening_hours',
  'scheduled_weekly_hours',
  'scheduled_hours_with_animator',
] as const;
const UPDATED = ['name', 'nis_code', 'municipality_year', 'region_code', 'parent_id', ...COPIED];

/** The CSV column each stored column comes from, where the names differ. */
const SOURCE: Readonly<Record<string, string>> = {
  municipality_year: 'nis_code',
  region_code: 'nis_code',
  parent_id: 'parent_ref',
  scheduled_weekly_hours: 'opening_hours',
  scheduled_hours_with_animator: 'opening_hours',
};

/** The stored columns an update sets: those whose CSV column is in the file (the others keep their value). */
export function updatedSpaceColumns(inFile: ReadonlySet<string>): string[] {
  return UPDATED.filter((c) => inFile.has(SOURCE[c] ?? c));
}

/**
 * Spaces and antennas (key: ref). The region follows from the municipality (NIS code); `parent_ref` may
 * name a space stored already or one anywhere in the same file.
 */
export const spacesImportKind = defineImportKind({
  name: 'spaces',
  schema: defineCsvSchema(columns, {
    key: ['ref'],
    rowChecks: (row) => notBefore(row, 'closed_on', 'opened_on'),
  }),
  messages: importMessages,
  prepare: prepareSpaceRow,
  staging: [
    { name: 'ref', type: 'text', value: (r) => r.ref },
    { name: 'name', type: 'text', value: (r) => r.name },
    { name: 'nis_code', type: 'text', value: (r) => r.nis_code },
    { name: 'operator_type', type: 'text', value: (r) => r.operator_type },
    { name: 'address', type: 'text', value: (r) => r.address },
    { name: 'postcode', type: 'text', value: (r) => r.postcode },
    { name: 'opened_on', type: 'date', value: (r) => r.opened_on },
    { name: 'closed_on', type: 'date', value: (r) => r.closed_on },
    { name: 'parent_ref', type: 'text', value: (r) => r.parent_ref },
    { name: 'languages', type: 'text[] NOT NULL', value: (r) => r.languages ?? [] },
    { name: 'pricing', type: 'text', value: (r) => r.pricing },
    { name: 'open_to_all_publics', type: 'boolean', value: (r) => r.open_to_all_publics },
    { name: 'charter_signed_on', type: 'date', value: (r) => r.charter_signed_on },
    { name: 'latitude', type: 'double precision', value: (r) => r.latitude },
    { name: 'longitude', type: 'double precision', value: (r) => r.longitude },
    { name: 'email', type: 'text', value: (r) => r.email },
    { name: 'phone', type: 'text', value: (r) => r.phone },
    { name: 'website', type: 'text', value: (r) => r.website },
    { name: 'opening_hours', type: 'text', value: (r) => r.opening_hours },
    { name: 'scheduled_weekly_hours', type: 'numeric(6,2)', value: (r) => r.scheduledWeeklyHours },
    {
      name: 'scheduled_hours_with_animator',
      type: 'numeric(6,2)',
      value: (r) => r.scheduledHoursWithAnimator,
    },
  ],
  checks: spaceChecks,
  upsert: upsertSpaces,
  exportQuery(principal, params) {
    return `SELECT t.ref, t.name, t.nis_code::text AS nis_code, t.operator_type, t.address, t.postcode,
              to_char(t.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(t.closed_on, 'YYYY-MM-DD') AS closed_on,
              p.ref AS parent_ref, NULLIF(t.languages, '{}') AS languages, t.pricing, t.open_to_all_publics,
              to_char(t.charter_signed_on, 'YYYY-MM-DD') AS charter_signed_on, t.latitude, t.longitude,
              t.email, t.phone, t.website, t.opening_hours
            FROM spaces t LEFT JOIN spaces p ON p.id = t.parent_id
            WHERE ${spaceScopeCondition(principal, 't', params)}
            ORDER BY t.ref`;
  },
});

/** The region of a NIS code, from its latest municipality (a statement for a lateral join or a subquery). */
function regionOf(nisCode: string): string {
  return `SELECT m.region_code FROM municipalities m WHERE m.nis_code = ${nisCode}
          ORDER BY m.reference_year DESC LIMIT 1`;
}

function spaceChecks(ctx: ImportContext): RowCheck[] {
  const s = ctx.staging;
  const { principal } = ctx;
  const value = (column: string) => `jsonb_build_object('value', s.${column}) AS params`;
  const checks: RowCheck[] = [
    {
      column: 'nis_code',
      key: 'import.unknown_nis_code',
      sql: `SELECT s.line, ${value('nis_code')} FROM ${s} s
            WHERE NOT EXISTS (SELECT 1 FROM municipalities m WHERE m.nis_code = s.nis_code)`,
    },
    {
      column: 'parent_ref',
      key: 'import.parent_is_self',
      sql: `SELECT s.line FROM ${s} s WHERE s.parent_ref = s.ref`,
    },
    {
      column: 'parent_ref',
      key: 'import.unknown_parent_ref',
      sql: `SELECT s.line, ${value('parent_ref')} FROM ${s} s WHERE s.parent_ref IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM ${s} o WHERE o.ref = s.parent_ref)
            AND NOT EXISTS (SELECT 1 FROM spaces p WHERE p.ref = s.parent_ref)`,
    },
    {
      // The parent as it will be after the import: its row in the file wins over what is stored.
      column: 'parent_ref',
      key: 'import.parent_is_antenna',
      sql: `SELECT s.line, ${value('parent_ref')} FROM ${s} s
            LEFT JOIN ${s} ps ON ps.ref = s.parent_ref LEFT JOIN spaces p ON p.ref = s.parent_ref
            WHERE s.parent_ref IS NOT NULL AND s.parent_ref <> s.ref
              AND CASE WHEN ps.line IS NOT NULL THEN ps.parent_ref IS NOT NULL ELSE p.parent_id IS NOT NULL END`,
    },
    {
      column: 'parent_ref',
      key: 'import.antenna_has_antennas',
      sql: `SELECT s.line FROM ${s} s WHERE s.parent_ref IS NOT NULL AND s.parent_ref <> s.ref AND (
              EXISTS (SELECT 1 FROM ${s} c WHERE c.parent_ref = s.ref AND c.ref <> s.ref)
              OR EXISTS (SELECT 1 FROM spaces t JOIN spaces c ON c.parent_id = t.id
                         WHERE t.ref = s.ref AND NOT EXISTS (SELECT 1 FROM ${s} cs WHERE cs.ref = c.ref)))`,
    },
    {
      // An antenna stays in its parent's region, as the API keeps it: both regions as they will be after
      // the import (a row of the file wins over what is stored).
      column: 'parent_ref',
      key: 'import.parent_other_region',
      sql: `SELECT s.line, jsonb_build_object('value', s.parent_ref, 'region', pr.region_code) AS params
            FROM ${s} s
            LEFT JOIN ${s} ps ON ps.ref = s.parent_ref LEFT JOIN spaces p ON p.ref = s.parent_ref
            JOIN LATERAL (${regionOf('s.nis_code')}) sr ON true
            JOIN LATERAL (SELECT CASE WHEN ps.line IS NULL THEN p.region_code
                                      ELSE (${regionOf('ps.nis_code')}) END AS region_code) pr ON true
            WHERE s.parent_ref IS NOT NULL AND s.parent_ref <> s.ref AND pr.region_code <> sr.region_code`,
    },
  ];
  if (!ctx.columns.has('closed_on')) {
    // Left out, the stored closing date stays: the new opening date may not come after it (the table's
    // ck_spaces_dates would refuse the row with a 500).
    const params: unknown[] = [];
    const inScope = spaceScopeCondition(principal, 't', params);
    checks.push({
      column: 'opened_on',
      key: 'import.conflicts_with_stored',
      sql: `SELECT s.line, jsonb_build_object('columns', jsonb_build_array('closed_on')) AS params
            FROM ${s} s JOIN spaces t ON t.ref = s.ref WHERE t.closed_on < s.opened_on AND (${inScope})`,
      params,
    });
  }
  if (principal.role === 'admin') {
    checks.push({
      // Only admins may move a space to another region (the others get space_move_other_region); doing so
      // would leave behind the antennas this file does not move.
      column: 'nis_code',
      key: 'import.antennas_other_region',
      sql: `SELECT s.line, jsonb_build_object('value', string_agg(c.ref, ', ' ORDER BY c.ref)) AS params
          FROM ${s} s JOIN spaces t ON t.ref = s.ref JOIN spaces c ON c.parent_id = t.id
          JOIN LATERAL (${regionOf('s.nis_code')}) sr ON true
          WHERE c.region_code <> sr.region_code AND NOT EXISTS (SELECT 1 FROM ${s} cs WHERE cs.ref = c.ref)
          GROUP BY s.line`,
    });
    return checks;
  }

  const existingParams: unknown[] = [];
  const existingInScope = spaceScopeCondition(principal, 't', existingParams);
  checks.push({
    column: 'ref',
    key: 'import.space_out_of_scope',
    sql: `SELECT s.line, ${value('ref')} FROM ${s} s JOIN spaces t ON t.ref = s.ref WHERE NOT (${existingInScope})`,
    params: existingParams,
  });
  const parentParams: unknown[] = [];
  const parentInScope = spaceScopeCondition(principal, 'p', parentParams);
  checks.push({
    column: 'parent_ref',
    key: 'import.parent_out_of_scope',
    sql: `SELECT s.line, ${value('parent_ref')} FROM ${s} s JOIN spaces p ON p.ref = s.parent_ref
          WHERE NOT EXISTS (SELECT 1 FROM ${s} o WHERE o.ref = s.parent_ref) AND NOT (${parentInScope})`,
    params: parentParams,
  });
  // No moving a space one manages to another region: the region decides which staff and label scheme
  // it falls under. Rows of spaces out of scope have their own error above.
  const movedParams: unknown[] = [];
  const movedInScope = spaceScopeCondition(principal, 't', movedParams);
  checks.push({
    column: 'nis_code',
    key: 'import.space_move_other_region',
    sql: `SELECT s.line, jsonb_build_object('region', m.region_code) AS params FROM ${s} s
          JOIN spaces t ON t.ref = s.ref
          JOIN LATERAL (${regionOf('s.nis_code')}) m ON true
          WHERE m.region_code <> t.region_code AND (${movedInScope})`,
    params: movedParams,
  });
  if (principal.role === 'coordinator') {
    // A new space is a decision for the region: coordinators update the spaces they run.
    checks.push({
      column: 'ref',
      key: 'import.space_create_forbidden',
      sql: `SELECT s.line, ${value('ref')} FROM ${s} s
            WHERE NOT EXISTS (SELECT 1 FROM spaces t WHERE t.ref = s.ref)`,
    });
    checks.push(...staffOnlyColumnChecks(ctx));
    if (ctx.columns.has('parent_ref')) {
      // Making an antenna a main space is the region's decision (the API keeps parentRef to staff), and
      // would take it out of the coordinator's own scope, which reaches antennas through their parent.
      checks.push({
        column: 'parent_ref',
        key: 'import.parent_clear_forbidden',
        sql: `SELECT s.line, jsonb_build_object('value', p.ref) AS params FROM ${s} s
              JOIN spaces t ON t.ref = s.ref JOIN spaces p ON p.id = t.parent_id
              WHERE s.parent_ref IS NULL`,
      });
    }
    return checks;
  }
  // Regional staff: new spaces only in their region.
  checks.push({
    column: 'nis_code',
    key: 'import.space_create_other_region',
    sql: `SELECT s.line, jsonb_build_object('region', m.region_code) AS params FROM ${s} s
          JOIN LATERAL (${regionOf('s.nis_code')}) m ON true
          WHERE NOT EXISTS (SELECT 1 FROM spaces t WHERE t.ref = s.ref) AND m.region_code <> $1`,
    params: [principal.regionCode],
  });
  return checks;
}

/**
 * The columns only regional staff change (the API's STAFF_ONLY_FIELDS, refused there with
 * SPACES.STAFF_ONLY_FIELDS), each with the stored value as the file would compare it. A coordinator's file
 * may carry them, as their own export does, but only as they are stored. Clearing `parent_ref` has its own
 * message (import.parent_clear_forbidden); a NIS code in another region has import.space_move_other_region.
 */
const STAFF_ONLY_COLUMNS: Record<string, { stored: string; changed: string }> = {
  nis_code: {
    stored: 't.nis_code::text',
    changed: `s.nis_code IS DISTINCT FROM t.nis_code::text AND EXISTS (
                SELECT 1 FROM municipalities m WHERE m.nis_code = s.nis_code AND m.region_code = t.region_code)`,
  },
  operator_type: { stored: 't.operator_type', changed: 's.operator_type IS DISTINCT FROM t.operator_type' },
  opened_on: {
    stored: `to_char(t.opened_on, 'YYYY-MM-DD')`,
    changed: 's.opened_on IS DISTINCT FROM t.opened_on',
  },
  closed_on: {
    stored: `to_char(t.closed_on, 'YYYY-MM-DD')`,
    changed: 's.closed_on IS DISTINCT FROM t.closed_on',
  },
  charter_signed_on: {
    stored: `to_char(t.charter_signed_on, 'YYYY-MM-DD')`,
    changed: 's.charter_signed_on IS DISTINCT FROM t.charter_signed_on',
  },
  parent_ref: {
    stored: 'p.ref',
    changed: 's.parent_ref IS NOT NULL AND s.parent_ref IS DISTINCT FROM p.ref',
  },
};

function staffOnlyColumnChecks(ctx: ImportContext): RowCheck[] {
  return Object.entries(STAFF_ONLY_COLUMNS)
    .filter(([column]) => ctx.columns.has(column))
    .map(([column, { stored, changed }]) => {
      // Only for spaces in scope: the message shows the stored value, and other rows have their own error.
      const params: unknown[] = [];
      const inScope = spaceScopeCondition(ctx.principal, 't', params);
      return {
        column,
        key: 'import.staff_only_column',
        sql: `SELECT s.line, jsonb_build_object('value', COALESCE(${stored}, '')) AS params
              FROM ${ctx.staging} s JOIN spaces t ON t.ref = s.ref LEFT JOIN spaces p ON p.id = t.parent_id
              WHERE (${changed}) AND (${inScope})`,
        params,
      };
    });
}

async function upsertSpaces(ctx: ImportContext) {
  const s = ctx.staging;
  const updated = updatedSpaceColumns(ctx.columns);
  await ctx.query(
    `CREATE TEMP TABLE import_space_before (id uuid PRIMARY KEY, snap jsonb NOT NULL) ON COMMIT DROP`,
  );
  await ctx.query(
    `CREATE TEMP TABLE import_space_changes (id uuid PRIMARY KEY, inserted boolean NOT NULL) ON COMMIT DROP`,
  );
  await ctx.query(
    `INSERT INTO import_space_before (id, snap)
     SELECT t.id, ${snapshot('t', 'p')} FROM ${s} s JOIN spaces t ON t.ref = s.ref
     LEFT JOIN spaces p ON p.id = t.parent_id`,
  );
  // 1. Every column but the parents that are new in this file (their ids do not exist yet).
  await ctx.query(
    `WITH up AS (
       INSERT INTO spaces AS t (ref, name, nis_code, municipality_year, region_code, parent_id, ${COPIED.join(', ')})
       SELECT s.ref, s.name, m.nis_code, m.reference_year, m.region_code, p.id,
         ${COPIED.map((c) => `s.${c}`).join(', ')}
       FROM ${s} s
       LEFT JOIN spaces cur ON cur.ref = s.ref
       -- The municipality as in the reference year the space already uses, else the latest one.
       JOIN LATERAL (SELECT m.nis_code, m.reference_year, m.region_code FROM municipalities m
                     WHERE m.nis_code = s.nis_code
                     ORDER BY (m.reference_year = cur.municipality_year) DESC NULLS LAST,
                       m.reference_year DESC LIMIT 1) m ON true
       LEFT JOIN spaces p ON p.ref = s.parent_ref
       ON CONFLICT (ref) DO UPDATE SET ${updated.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
         version = t.version + 1, updated_at = now()
       WHERE (${updated.map((c) => `t.${c}`).join(', ')})
         IS DISTINCT FROM (${updated.map((c) => `EXCLUDED.${c}`).join(', ')})
       RETURNING t.id, (t.xmax = 0) AS inserted
     )
     INSERT INTO import_space_changes (id, inserted) SELECT id, inserted FROM up`,
  );
  // 2. Parents that are new in this file, now that every space of the file exists.
  await ctx.query(
    `WITH up AS (
       UPDATE spaces t SET parent_id = p.id, updated_at = now(),
         version = t.version + CASE WHEN EXISTS (SELECT 1 FROM import_space_changes c WHERE c.id = t.id)
                                    THEN 0 ELSE 1 END
       FROM ${s} s JOIN spaces p ON p.ref = s.parent_ref
       WHERE t.ref = s.ref AND t.parent_id IS DISTINCT FROM p.id
       RETURNING t.id
     )
     INSERT INTO import_space_changes (id, inserted) SELECT id, false FROM up ON CONFLICT (id) DO NOTHING`,
  );
  const params: unknown[] = [];
  await ctx.query(
    auditInsertSql(
      ctx,
      params,
      `SELECT CASE WHEN c.inserted THEN 'create' ELSE 'update' END AS action, 'space' AS entity,
              t.id::text AS entity_id, t.id AS space_id, t.region_code, b.snap AS before,
              ${snapshot('t', 'p')} AS after
       FROM import_space_changes c JOIN spaces t ON t.id = c.id LEFT JOIN spaces p ON p.id = t.parent_id
       LEFT JOIN import_space_before b ON b.id = c.id`,
    ),
    params,
  );
  return countsOf(
    await ctx.query<{ created: number; updated: number }>(
      `SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated
       FROM import_space_changes`,
    ),
  );
}
