import type { CallContext, MatrixLine } from '../authorization-matrix.js';

/**
 * Matrix lines of the hours pages (concatenated into MATRIX). Only type imports from
 * authorization-matrix.ts here: it imports this file at run time.
 */
export const HOURS_PAGE_LINES: MatrixLine[] = [
  { route: 'GET /spaces/:ref/hours', access: 'space', path: '/spaces/BRU-A/hours' },
  {
    route: 'POST /spaces/:ref/hours',
    access: 'space',
    path: '/spaces/BRU-A/hours',
    send: 'form',
    // The current version, read at call time: every allowed save bumps it. The hours are BRU-A's seeded ones.
    body: async (ctx: CallContext) => ({
      version: String(
        (await ctx.sql<{ version: number }>(`SELECT version FROM spaces WHERE ref = 'BRU-A'`))[0]?.version ??
          1,
      ),
      action: 'save',
      'mo-1-from': '09:00',
      'mo-1-to': '12:00',
      'mo-1-animator': 'true',
      'tu-1-from': '09:00',
      'tu-1-to': '12:00',
      'tu-1-animator': 'true',
      'we-1-from': '09:00',
      'we-1-to': '12:00',
      'we-1-animator': 'true',
      'th-1-from': '09:00',
      'th-1-to': '12:00',
      'th-1-animator': 'true',
      'fr-1-from': '09:00',
      'fr-1-to': '12:00',
      'fr-1-animator': 'true',
      'sa-1-from': '10:00',
      'sa-1-to': '12:00',
    }),
  },
];
