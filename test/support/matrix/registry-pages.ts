import type { CallContext, MatrixLine } from '../authorization-matrix.js';

/**
 * Matrix lines of the registry edit pages (concatenated into MATRIX). Only type imports from
 * authorization-matrix.ts here: it imports this file at run time.
 */
const versionOf = async (ctx: CallContext, table: string, where: string) =>
  String(
    (await ctx.sql<{ version: number }>(`SELECT version FROM ${table} WHERE ${where}`))[0]?.version ?? 1,
  );
const IN_SPACE_A = `space_id = (SELECT id FROM spaces WHERE ref = 'BRU-A')`;
const BASE = '/spaces/BRU-A/registry';

export const REGISTRY_PAGE_LINES: MatrixLine[] = [
  // --- equipment ------------------------------------------------------------------------------------
  { route: 'GET /spaces/:ref/registry/equipment/new', access: 'space', path: `${BASE}/equipment/new` },
  {
    route: 'POST /spaces/:ref/registry/equipment/new',
    access: 'space',
    path: `${BASE}/equipment/new`,
    send: 'form',
    body: (ctx: CallContext) => ({ ref: `EQ-P-${ctx.caller}`, type: 'laptop', quantity: '2' }),
  },
  {
    route: 'GET /spaces/:ref/registry/equipment/:equipmentRef',
    access: 'space',
    path: `${BASE}/equipment/EQ-A-1`,
  },
  {
    route: 'POST /spaces/:ref/registry/equipment/:equipmentRef',
    access: 'space',
    path: `${BASE}/equipment/EQ-A-1`,
    send: 'form',
    body: async (ctx: CallContext) => ({
      version: await versionOf(ctx, 'equipment', `ref = 'EQ-A-1' AND ${IN_SPACE_A}`),
      type: 'desktop',
      quantity: '4',
    }),
  },
  {
    route: 'GET /spaces/:ref/registry/equipment/:equipmentRef/remove',
    access: 'space',
    path: `${BASE}/equipment/EQ-A-1/remove`,
    note: 'the question before removing: it removes nothing',
  },
  {
    route: 'POST /spaces/:ref/registry/equipment/:equipmentRef/remove',
    access: 'space',
    path: `${BASE}/equipment/EQ-MISSING/remove`,
    send: 'form',
    body: { confirm: 'yes' },
    note: 'equipment that does not exist: allowed callers get the 404 page',
  },

  // --- funding --------------------------------------------------------------------------------------
  { route: 'GET /spaces/:ref/registry/funding/new', access: 'space', path: `${BASE}/funding/new` },
  {
    route: 'POST /spaces/:ref/registry/funding/new',
    access: 'space',
    path: `${BASE}/funding/new`,
    send: 'form',
    body: (ctx: CallContext) => ({
      year: '2023',
      source: 'region',
      kind: 'project',
      amountEur: '1000',
      programme: `Matrix page ${ctx.caller}`,
    }),
  },
  { route: 'GET /spaces/:ref/registry/funding/:id', access: 'space', path: `${BASE}/funding/{fundingId}` },
  {
    route: 'POST /spaces/:ref/registry/funding/:id',
    access: 'space',
    path: `${BASE}/funding/{fundingId}`,
    send: 'form',
    body: async (ctx: CallContext) => {
      const [line] = await ctx.sql<Record<string, unknown>>(
        `SELECT year, source, kind, amount_eur::text AS amount, programme, version FROM funding WHERE id = $1`,
        [ctx.fixtures.fundingId],
      );
      return {
        version: String(line?.version ?? 1),
        year: String(line?.year ?? 2024),
        source: String(line?.source ?? 'region'),
        kind: String(line?.kind ?? 'project'),
        amountEur: String(line?.amount ?? '1000'),
        programme: String(line?.programme ?? ''),
      };
    },
  },
  {
    route: 'GET /spaces/:ref/registry/funding/:id/remove',
    access: 'space',
    path: `${BASE}/funding/{fundingId}/remove`,
    note: 'the question before removing: it removes nothing',
  },
  {
    route: 'POST /spaces/:ref/registry/funding/:id/remove',
    access: 'space',
    path: `${BASE}/funding/{missingId}/remove`,
    send: 'form',
    body: { confirm: 'yes' },
    note: 'a funding line that does not exist: allowed callers get the 404 page',
  },

  // --- animators (assignments to the space) ------------------------------------------------------------
  { route: 'GET /spaces/:ref/registry/animators/new', access: 'space', path: `${BASE}/animators/new` },
  {
    route: 'POST /spaces/:ref/registry/animators/new',
    access: 'space',
    path: `${BASE}/animators/new`,
    send: 'form',
    body: (ctx: CallContext) => ({
      name: `Matrix page ${ctx.caller}`,
      ref: `AN-P-${ctx.caller}`,
      role: 'animator',
      fte: '0,5',
      qualified: 'yes',
      startsOn: '2024-01-01',
    }),
  },
  {
    route: 'GET /spaces/:ref/registry/animators/:id',
    access: 'space',
    path: `${BASE}/animators/{assignmentId}`,
  },
  {
    route: 'POST /spaces/:ref/registry/animators/:id',
    access: 'space',
    path: `${BASE}/animators/{assignmentId}`,
    send: 'form',
    body: async (ctx: CallContext) => {
      const [row] = await ctx.sql<Record<string, unknown>>(
        `SELECT role, fte::text AS fte, qualified, starts_on::text AS starts_on, version
         FROM animator_assignments WHERE id = $1`,
        [ctx.fixtures.assignmentId],
      );
      return {
        version: String(row?.version ?? 1),
        role: String(row?.role ?? 'animator'),
        fte: String(row?.fte ?? '0.5'),
        qualified: row?.qualified === false ? 'no' : 'yes',
        startsOn: String(row?.starts_on ?? '2024-01-01'),
      };
    },
  },
  {
    route: 'GET /spaces/:ref/registry/animators/:id/remove',
    access: 'space',
    path: `${BASE}/animators/{assignmentId}/remove`,
    note: 'the question before removing: it removes nothing',
  },
  {
    route: 'POST /spaces/:ref/registry/animators/:id/remove',
    access: 'space',
    path: `${BASE}/animators/{missingId}/remove`,
    send: 'form',
    body: { confirm: 'yes' },
    note: 'an assignment that does not exist: allowed callers get the 404 page',
  },
];
