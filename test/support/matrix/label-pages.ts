import type { CallContext, MatrixLine } from '../authorization-matrix.js';

/**
 * Matrix lines of the label pages (concatenated into MATRIX). Only type imports from
 * authorization-matrix.ts here: it imports this file at run time.
 */
export const LABEL_PAGE_LINES: MatrixLine[] = [
  {
    route: 'GET /staff/labels/:ref',
    access: 'space-staff',
    path: '/staff/labels/BRU-A',
    note: 'as POST /api/v1/labels/:ref/decisions: staff of the space region and admins, never coordinators',
  },
  {
    route: 'POST /staff/labels/:ref/decisions',
    access: 'space-staff',
    path: '/staff/labels/BRU-A/decisions',
    send: 'form',
    body: async (ctx: CallContext) => {
      const [current] = await ctx.sql<{ id: string }>(
        `SELECT id FROM labels WHERE space_id = (SELECT id FROM spaces WHERE ref = 'BRU-A')
         ORDER BY decided_at DESC, id DESC LIMIT 1`,
      );
      return {
        decision: 'refuse',
        evaluationId: ctx.fixtures.evaluationId,
        currentDecisionId: current?.id ?? '',
        justification: 'authorization matrix',
      };
    },
    note: 'the fixture evaluation has not run (no worker): allowed callers get the form back with an error',
  },
  { route: 'GET /spaces/:ref/label', access: 'space', path: '/spaces/BRU-A/label' },
  { route: 'GET /verify', access: 'public', path: '/verify?code=ABCD-EFGH-JKMN-PQRS' },
];
