/**
 * The authorization matrix: one line per route of the API app, saying who may call it and how to
 * call it against the test world (test/support/registry-world.ts plus the fixtures of
 * test/e2e/authz-matrix.e2e-spec.ts). The spec checks this list against the router both ways, so a
 * new route without a line here fails the suite, and so does a line for a route that is gone.
 */

import { ADMIN_PAGE_LINES } from './matrix/admin-pages.js';
import { HOURS_PAGE_LINES } from './matrix/hours-pages.js';
import { LABEL_PAGE_LINES } from './matrix/label-pages.js';
import { REGISTRY_PAGE_LINES } from './matrix/registry-pages.js';
import { REPORT_PAGE_LINES } from './matrix/report-pages.js';

export const CALLERS = [
  'anonymous',
  'disabled',
  'coordA',
  'coordB',
  'staffBRU',
  'staffWAL',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Short upper-case codes, for refs and e-mail addresses made unique per caller. */
export const CALLER_CODE: Record<Caller, string> = {
  anonymous: 'ANON',
  disabled: 'DIS',
  coordA: 'CA',
  coordB: 'CB',
  staffBRU: 'SB',
  staffWAL: 'SW',
  admin: 'AD',
};

/**
 * Who may call a route. The world's resources all live in BRU-A (region BRU), so "the space" is
 * BRU-A, "the region" is BRU, and coordB / staffWAL are the callers from elsewhere.
 */
export type AccessClass =
  /** Anyone, signed in or not. */
  | 'public'
  /** Any signed-in role; the answer is filtered to the caller's scope. */
  | 'signed-in'
  | 'admin'
  /** Regional staff of any region, and admins. */
  | 'staff'
  /** Regional staff of the region named in the path, query or body (BRU), and admins. */
  | 'staff-of-region'
  /** The space's coordinator (or its parent's), staff of its region, admins. */
  | 'space'
  /** Staff of the space's region and admins; never coordinators. */
  | 'space-staff'
  /** An animator assigned to a space the caller may see (BRU-A). */
  | 'animator'
  /** The same, staff only. */
  | 'animator-staff'
  /** Only the user the resource belongs to (coordA's reminder), whatever their role. */
  | 'own-user';

export type Verdict = 'allow' | 'unauthenticated' | 'forbidden';

const ALLOWED: Record<AccessClass, readonly Caller[]> = {
  public: CALLERS,
  'signed-in': ['coordA', 'coordB', 'staffBRU', 'staffWAL', 'admin'],
  admin: ['admin'],
  staff: ['staffBRU', 'staffWAL', 'admin'],
  'staff-of-region': ['staffBRU', 'admin'],
  space: ['coordA', 'staffBRU', 'admin'],
  'space-staff': ['staffBRU', 'admin'],
  animator: ['coordA', 'staffBRU', 'admin'],
  'animator-staff': ['staffBRU', 'admin'],
  'own-user': ['coordA'],
};

export function verdictOf(access: AccessClass, caller: Caller): Verdict {
  if (ALLOWED[access].includes(caller)) return 'allow';
  // A disabled user's token no longer authenticates: to the server they are anonymous.
  if (caller === 'anonymous' || caller === 'disabled') return 'unauthenticated';
  return 'forbidden';
}

/** Ids of the resources the fixtures create, substituted for `{name}` in paths and bodies. */
export interface MatrixFixtures {
  fundingId: string;
  assignmentId: string;
  evaluationId: string;
  reportId: string;
  queueProbeId: string;
  reminderId: string;
  coordAUserId: string;
  spareUserId: string;
  /** A uuid nothing in the database has. */
  missingId: string;
}

export interface CallContext {
  caller: Caller;
  fixtures: MatrixFixtures;
  sql<T = any>(query: string, params?: unknown[]): Promise<T[]>;
}

export type BodySpec = unknown | ((ctx: CallContext) => unknown | Promise<unknown>);

export interface MatrixLine {
  /** `METHOD /path/:param`, exactly as the router has it. */
  route: string;
  access: AccessClass;
  /** The concrete path to call, `{name}` replaced by the fixture of that name. */
  path: string;
  /** json (default), csv (text/csv), form (urlencoded page form with its CSRF token), multipart. */
  send?: 'json' | 'csv' | 'form' | 'multipart';
  body?: BodySpec;
  /**
   * The status a signed-in caller outside the scope gets when it is not 403: 404 where the route
   * hides resources out of scope, 422 where an import refuses the rows of someone else's space.
   */
  outOfScope?: 404 | 422;
  /** The call ends the caller's session: allowed callers sign in afresh for it. */
  freshSession?: boolean;
  /** Statuses an allowed caller may get although they are ≥ 500 (a readiness probe's 503). */
  alsoAllowed?: number[];
  note?: string;
}

/** Server-rendered pages: everything outside /api and /health. */
export const isPageRoute = (route: string) => !/^[A-Z]+ \/(api|health)(\/|$)/.test(route);

const version = (table: string, where: string) => async (ctx: CallContext) =>
  (await ctx.sql<{ version: number }>(`SELECT version FROM ${table} WHERE ${where}`))[0]?.version ?? 1;

const SPACE_A = `id = (SELECT id FROM spaces WHERE ref = 'BRU-A')`;
const IN_SPACE_A = `space_id = (SELECT id FROM spaces WHERE ref = 'BRU-A')`;
const PASSWORD = 'a long enough password';

export const MATRIX: MatrixLine[] = [
  // --- health and auth -------------------------------------------------------------------------------
  { route: 'GET /health/live', access: 'public', path: '/health/live' },
  {
    route: 'GET /health/ready',
    access: 'public',
    path: '/health/ready',
    alsoAllowed: [503],
    note: 'no worker runs in this test, so readiness may answer 503 by design',
  },
  {
    route: 'POST /api/v1/auth/login',
    access: 'public',
    path: '/api/v1/auth/login',
    body: { email: 'login-probe-api@example.be', password: PASSWORD },
  },
  { route: 'POST /api/v1/auth/logout', access: 'signed-in', path: '/api/v1/auth/logout', freshSession: true },
  { route: 'GET /api/v1/auth/me', access: 'signed-in', path: '/api/v1/auth/me' },

  // --- users ----------------------------------------------------------------------------------------
  { route: 'GET /api/v1/users', access: 'admin', path: '/api/v1/users' },
  {
    route: 'POST /api/v1/users',
    access: 'admin',
    path: '/api/v1/users',
    body: ({ caller }: CallContext) => ({
      email: `matrix-${CALLER_CODE[caller].toLowerCase()}@example.be`,
      password: PASSWORD,
      role: 'coordinator',
      spaceRefs: ['BRU-A'],
    }),
  },
  { route: 'GET /api/v1/users/:id', access: 'admin', path: '/api/v1/users/{coordAUserId}' },
  { route: 'POST /api/v1/users/:id/disable', access: 'admin', path: '/api/v1/users/{spareUserId}/disable' },
  { route: 'POST /api/v1/users/:id/enable', access: 'admin', path: '/api/v1/users/{spareUserId}/enable' },
  {
    route: 'PUT /api/v1/users/:id/spaces',
    access: 'admin',
    path: '/api/v1/users/{spareUserId}/spaces',
    body: { spaceRefs: ['BRU-A'] },
  },

  // --- system ---------------------------------------------------------------------------------------
  { route: 'POST /api/v1/system/queue-probes', access: 'admin', path: '/api/v1/system/queue-probes' },
  {
    route: 'GET /api/v1/system/queue-probes/:id',
    access: 'admin',
    path: '/api/v1/system/queue-probes/{queueProbeId}',
  },

  // --- spaces ---------------------------------------------------------------------------------------
  { route: 'GET /api/v1/spaces', access: 'signed-in', path: '/api/v1/spaces' },
  {
    route: 'POST /api/v1/spaces',
    access: 'staff-of-region',
    path: '/api/v1/spaces',
    body: ({ caller }: CallContext) => ({
      ref: `BRU-N-${CALLER_CODE[caller]}`,
      name: `Matrix space ${caller}`,
      nisCode: '21004',
      operatorType: 'association',
      openedOn: '2020-01-01',
    }),
    note: 'a Brussels municipality (NIS 21004): WAL staff may not create it',
  },
  { route: 'GET /api/v1/spaces/:ref', access: 'space', path: '/api/v1/spaces/BRU-A' },
  {
    route: 'PATCH /api/v1/spaces/:ref',
    access: 'space',
    path: '/api/v1/spaces/BRU-A',
    body: async (ctx: CallContext) => ({
      version: await version('spaces', SPACE_A)(ctx),
      phone: `+32 2 555 00 ${String(10 + Object.keys(CALLER_CODE).indexOf(ctx.caller))}`,
    }),
  },
  {
    route: 'DELETE /api/v1/spaces/:ref',
    access: 'space-staff',
    path: '/api/v1/spaces/BRU-A',
    note: 'BRU-A has an antenna and records, so an allowed delete answers 409 and keeps it',
  },
  {
    route: 'PUT /api/v1/spaces/:ref/opening-hours',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/opening-hours',
    body: async (ctx: CallContext) => ({
      version: await version('spaces', SPACE_A)(ctx),
      expression: 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
    }),
  },
  {
    route: 'GET /api/v1/spaces/:ref/opening-hours',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/opening-hours',
  },
  { route: 'GET /api/v1/spaces/:ref/animators', access: 'space', path: '/api/v1/spaces/BRU-A/animators' },
  {
    route: 'GET /api/v1/spaces/:ref/completeness',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/completeness?from=2024-W01&to=2024-W20',
  },
  { route: 'GET /api/v1/public/spaces', access: 'public', path: '/api/v1/public/spaces' },
  { route: 'GET /api/v1/public/spaces/:ref', access: 'public', path: '/api/v1/public/spaces/BRU-A' },

  // --- equipment ------------------------------------------------------------------------------------
  { route: 'GET /api/v1/spaces/:ref/equipment', access: 'space', path: '/api/v1/spaces/BRU-A/equipment' },
  {
    route: 'POST /api/v1/spaces/:ref/equipment',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/equipment',
    body: ({ caller }: CallContext) => ({ ref: `EQ-${CALLER_CODE[caller]}`, type: 'laptop', quantity: 2 }),
  },
  {
    route: 'GET /api/v1/spaces/:ref/equipment/in-service',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/equipment/in-service',
  },
  {
    route: 'GET /api/v1/spaces/:ref/equipment/:equipmentRef',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/equipment/EQ-A-1',
  },
  {
    route: 'PATCH /api/v1/spaces/:ref/equipment/:equipmentRef',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/equipment/EQ-A-1',
    body: async (ctx: CallContext) => ({
      version: await version('equipment', `ref = 'EQ-A-1' AND ${IN_SPACE_A}`)(ctx),
      quantity: 5,
    }),
  },
  {
    route: 'DELETE /api/v1/spaces/:ref/equipment/:equipmentRef',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/equipment/EQ-MISSING',
    note: 'an item that does not exist: allowed callers get 404, nothing is lost',
  },

  // --- funding --------------------------------------------------------------------------------------
  { route: 'GET /api/v1/spaces/:ref/funding', access: 'space', path: '/api/v1/spaces/BRU-A/funding' },
  {
    route: 'GET /api/v1/spaces/:ref/funding/summary',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/funding/summary?year=2024',
  },
  {
    route: 'POST /api/v1/spaces/:ref/funding',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/funding',
    body: ({ caller }: CallContext) => ({
      year: 2024,
      source: 'region',
      amountEur: 1000,
      kind: 'project',
      programme: `Matrix ${CALLER_CODE[caller]}`,
      endsOn: '2025-12-31',
    }),
  },
  {
    route: 'PATCH /api/v1/spaces/:ref/funding/:id',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/funding/{fundingId}',
    body: async (ctx: CallContext) => ({
      version: await version('funding', `id = '${ctx.fixtures.fundingId}'`)(ctx),
      amountEur: 2500,
    }),
  },
  {
    route: 'DELETE /api/v1/spaces/:ref/funding/:id',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/funding/{missingId}',
    note: 'a funding line that does not exist: allowed callers get 404',
  },
  { route: 'GET /api/v1/funding/warnings', access: 'signed-in', path: '/api/v1/funding/warnings' },

  // --- animators ------------------------------------------------------------------------------------
  { route: 'GET /api/v1/animators', access: 'space', path: '/api/v1/animators?spaceRef=BRU-A' },
  {
    route: 'POST /api/v1/animators',
    access: 'space',
    path: '/api/v1/animators',
    body: ({ caller }: CallContext) => ({
      ref: `AN-NEW-${CALLER_CODE[caller]}`,
      name: 'Matrix Animator',
      spaceRef: 'BRU-A',
      role: 'animator',
      contract: 'employee',
      fte: 0.5,
      qualified: true,
      startsOn: '2024-01-08',
    }),
    note: 'scoped by the spaceRef of the body',
  },
  { route: 'GET /api/v1/animators/:ref', access: 'animator', path: '/api/v1/animators/AN-A' },
  {
    route: 'PATCH /api/v1/animators/:ref',
    access: 'animator',
    path: '/api/v1/animators/AN-A',
    body: async (ctx: CallContext) => ({
      version: await version('animators', `ref = 'AN-A'`)(ctx),
      phone: '+32 2 555 01 99',
    }),
  },
  {
    route: 'GET /api/v1/animators/:ref/export',
    access: 'animator-staff',
    path: '/api/v1/animators/AN-A/export',
  },
  {
    route: 'POST /api/v1/animators/:ref/anonymise',
    access: 'animator-staff',
    path: '/api/v1/animators/AN-FORGET/anonymise',
    note: 'a dedicated animator, so anonymising it leaves the others intact',
  },
  {
    route: 'POST /api/v1/animators/:ref/assignments',
    access: 'animator',
    path: '/api/v1/animators/AN-A/assignments',
    body: ({ caller }: CallContext) => ({
      spaceRef: 'BRU-A1',
      role: 'volunteer',
      contract: 'volunteer',
      fte: 0.1,
      qualified: false,
      startsOn: `2023-0${1 + Object.keys(CALLER_CODE).indexOf(caller)}-01`,
      endsOn: `2023-0${1 + Object.keys(CALLER_CODE).indexOf(caller)}-20`,
    }),
  },
  {
    route: 'PATCH /api/v1/animators/:ref/assignments/:id',
    access: 'animator',
    path: '/api/v1/animators/AN-A/assignments/{assignmentId}',
    body: async (ctx: CallContext) => ({
      version: await version('animator_assignments', `id = '${ctx.fixtures.assignmentId}'`)(ctx),
      fte: 0.6,
    }),
  },
  {
    route: 'DELETE /api/v1/animators/:ref/assignments/:id',
    access: 'animator',
    path: '/api/v1/animators/AN-A/assignments/{missingId}',
    note: 'an assignment that does not exist: allowed callers get 404',
  },

  // --- activity -------------------------------------------------------------------------------------
  {
    route: 'GET /api/v1/spaces/:ref/weeks',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/weeks?from=2024-W01&to=2024-W20',
  },
  {
    route: 'GET /api/v1/spaces/:ref/weeks/:week',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/weeks/2024-W10',
  },
  {
    route: 'GET /api/v1/spaces/:ref/weeks/:week/prefill',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/weeks/2024-W11/prefill',
  },
  {
    route: 'PUT /api/v1/spaces/:ref/weeks/:week',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/weeks/2024-W12',
    body: { openingHours: 20, hoursWithAnimator: 15, visits: 40 },
  },
  {
    route: 'GET /api/v1/spaces/:ref/training-sessions',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/training-sessions',
  },
  {
    route: 'POST /api/v1/spaces/:ref/training-sessions',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/training-sessions',
    body: ({ caller }: CallContext) => ({
      ref: `TS-${CALLER_CODE[caller]}`,
      date: '2024-03-05',
      title: 'Matrix workshop',
      theme: 'online_safety',
      format: 'workshop',
      durationHours: 2,
      participants: 8,
      newParticipants: 3,
    }),
  },
  {
    route: 'GET /api/v1/spaces/:ref/training-sessions/:sessionRef',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/training-sessions/TS-A-1',
  },
  {
    route: 'PATCH /api/v1/spaces/:ref/training-sessions/:sessionRef',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/training-sessions/TS-A-1',
    body: async (ctx: CallContext) => ({
      version: await version('training_sessions', `ref = 'TS-A-1' AND ${IN_SPACE_A}`)(ctx),
      participants: 9,
    }),
  },
  {
    route: 'DELETE /api/v1/spaces/:ref/training-sessions/:sessionRef',
    access: 'space',
    path: '/api/v1/spaces/BRU-A/training-sessions/TS-MISSING',
    note: 'a session that does not exist: allowed callers get 404',
  },
  {
    route: 'GET /api/v1/activity/completeness',
    access: 'staff-of-region',
    path: '/api/v1/activity/completeness?region=BRU&from=2024-W01&to=2024-W20',
  },
  { route: 'GET /api/v1/reminders', access: 'signed-in', path: '/api/v1/reminders' },
  {
    route: 'POST /api/v1/reminders/:id/read',
    access: 'own-user',
    path: '/api/v1/reminders/{reminderId}/read',
    outOfScope: 404,
    note: "someone else's reminder is not found",
  },
  { route: 'POST /api/v1/activity/reminders/run', access: 'admin', path: '/api/v1/activity/reminders/run' },

  // --- imports and exports --------------------------------------------------------------------------
  {
    route: 'POST /api/v1/imports/:kind',
    access: 'space',
    path: '/api/v1/imports/equipment',
    send: 'csv',
    body: 'space_ref,ref,type,quantity\nBRU-A,EQ-IMPORTED,desktop,3\n',
    outOfScope: 422,
    note: 'the route is open to every role; rows of a space outside the caller are refused as invalid rows',
  },
  { route: 'GET /api/v1/exports/:kind', access: 'signed-in', path: '/api/v1/exports/equipment' },

  // --- audit ----------------------------------------------------------------------------------------
  { route: 'GET /api/v1/audit', access: 'staff', path: '/api/v1/audit' },

  // --- labels ---------------------------------------------------------------------------------------
  { route: 'GET /api/v1/label-schemes', access: 'staff', path: '/api/v1/label-schemes' },
  {
    route: 'GET /api/v1/label-schemes/:scheme/:version',
    access: 'staff',
    path: '/api/v1/label-schemes/brussels-ocr/2021',
  },
  {
    route: 'POST /api/v1/label-evaluations',
    access: 'staff-of-region',
    path: '/api/v1/label-evaluations',
    body: { scheme: 'brussels-ocr', spaceRef: 'BRU-A' },
  },
  {
    route: 'GET /api/v1/label-evaluations/:id',
    access: 'space',
    path: '/api/v1/label-evaluations/{evaluationId}',
    outOfScope: 404,
    note: 'an evaluation of a space the caller may not see is not found',
  },
  { route: 'GET /api/v1/labels/:ref', access: 'space', path: '/api/v1/labels/BRU-A' },
  { route: 'GET /api/v1/labels/:ref/certificate', access: 'space', path: '/api/v1/labels/BRU-A/certificate' },
  {
    route: 'POST /api/v1/labels/:ref/decisions',
    access: 'space-staff',
    path: '/api/v1/labels/BRU-A/decisions',
    body: (ctx: CallContext) => ({
      decision: 'refuse',
      evaluationId: ctx.fixtures.evaluationId,
      justification: 'authorization matrix',
    }),
  },
  {
    route: 'GET /api/v1/public/certificates/:code',
    access: 'public',
    path: '/api/v1/public/certificates/NO-SUCH-CODE',
  },

  // --- reports --------------------------------------------------------------------------------------
  {
    route: 'POST /api/v1/reports',
    access: 'staff-of-region',
    path: '/api/v1/reports',
    body: { type: 'regional', region: 'BRU', year: 2016 },
  },
  { route: 'GET /api/v1/reports/:id', access: 'staff-of-region', path: '/api/v1/reports/{reportId}' },
  {
    route: 'GET /api/v1/reports/:id/download',
    access: 'staff-of-region',
    path: '/api/v1/reports/{reportId}/download?format=html',
  },
  {
    route: 'GET /api/v1/public/reports',
    access: 'public',
    path: '/api/v1/public/reports?region=BRU&year=2016',
  },
  {
    route: 'GET /api/v1/public/reports/:id',
    access: 'public',
    path: '/api/v1/public/reports/{reportId}',
    note: 'the fixture run is internal: 404 for everyone, signed in or not',
  },
  {
    route: 'GET /api/v1/public/reports/:id/download',
    access: 'public',
    path: '/api/v1/public/reports/{reportId}/download?format=html',
    note: 'the fixture run is internal: 404 for everyone, signed in or not',
  },

  // --- pages ----------------------------------------------------------------------------------------
  { route: 'GET /', access: 'public', path: '/' },
  { route: 'GET /accessibility', access: 'public', path: '/accessibility' },
  { route: 'GET /find', access: 'public', path: '/find' },
  { route: 'GET /find/:ref', access: 'public', path: '/find/BRU-A' },
  { route: 'GET /login', access: 'public', path: '/login' },
  {
    route: 'POST /login',
    access: 'public',
    path: '/login',
    send: 'form',
    body: { email: 'login-probe-page@example.be', password: PASSWORD },
  },
  { route: 'POST /logout', access: 'signed-in', path: '/logout', send: 'form', body: {}, freshSession: true },
  { route: 'GET /my-spaces', access: 'signed-in', path: '/my-spaces' },
  {
    route: 'POST /reminders/:id/read',
    access: 'own-user',
    path: '/reminders/{reminderId}/read',
    send: 'form',
    body: {},
    outOfScope: 404,
    note: '"Done, hide this": someone else\'s reminder is the not-found page',
  },
  { route: 'GET /imports', access: 'signed-in', path: '/imports' },
  {
    route: 'POST /imports',
    access: 'signed-in',
    path: '/imports',
    send: 'multipart',
    body: { kind: 'equipment', csv: 'space_ref,ref,type,quantity\nBRU-A,EQ-PAGE,tablet,1\n' },
    note: 'open to every role; rows outside the caller are refused on the page',
  },
  { route: 'GET /staff', access: 'staff', path: '/staff' },
  { route: 'GET /staff/evaluations', access: 'staff', path: '/staff/evaluations' },
  {
    route: 'POST /staff/evaluations',
    access: 'staff',
    path: '/staff/evaluations',
    send: 'form',
    body: { region: 'BRU', target: 'BRU-A' },
    note: 'WAL staff get the form back with an error on target: BRU-A is not in their region',
  },
  {
    route: 'GET /staff/evaluations/:id',
    access: 'staff',
    path: '/staff/evaluations/{evaluationId}',
    note: 'WAL staff get the not-found page for a BRU run',
  },
  { route: 'GET /spaces/:ref/week', access: 'space', path: '/spaces/BRU-A/week' },
  {
    route: 'POST /spaces/:ref/week',
    access: 'space',
    path: '/spaces/BRU-A/week',
    send: 'form',
    body: { week: '2024-W13', openingHours: '20', hoursWithAnimator: '10', visits: '30' },
  },
  { route: 'GET /spaces/:ref/history', access: 'space', path: '/spaces/BRU-A/history' },
  { route: 'GET /spaces/:ref/registry', access: 'space', path: '/spaces/BRU-A/registry' },
  { route: 'GET /spaces/:ref/training', access: 'space', path: '/spaces/BRU-A/training' },
  {
    route: 'POST /spaces/:ref/training',
    access: 'space',
    path: '/spaces/BRU-A/training',
    send: 'form',
    body: ({ caller }: CallContext) => ({
      ref: `TP-${CALLER_CODE[caller]}`,
      date: '2024-03-06',
      title: 'Matrix page workshop',
      theme: 'office',
      format: 'workshop',
      durationHours: '2',
      participants: '6',
      newParticipants: '2',
      language: 'fr',
    }),
  },
  ...LABEL_PAGE_LINES,
  ...REPORT_PAGE_LINES,
  ...ADMIN_PAGE_LINES,
  ...HOURS_PAGE_LINES,
  ...REGISTRY_PAGE_LINES,
];

/** Replaces `{name}` by the fixture of that name. */
export function resolvePath(path: string, fixtures: MatrixFixtures): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (fixtures as unknown as Record<string, string | undefined>)[name];
    if (!value) throw new Error(`matrix: no fixture named ${name}`);
    return value;
  });
}
