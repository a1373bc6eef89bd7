import type { CallContext, MatrixLine } from '../authorization-matrix.js';

/**
 * Matrix lines of the admin pages (concatenated into MATRIX). Only type imports from
 * authorization-matrix.ts here: it imports this file at run time.
 *
 * The job dashboard (bull-board at /admin/queues) is mounted as plain Fastify routes, which the
 * Nest route catalogue does not list: its access is tested in test/e2e/admin-pages.e2e-spec.ts.
 */
export const ADMIN_PAGE_LINES: MatrixLine[] = [
  { route: 'GET /admin', access: 'admin', path: '/admin' },
  { route: 'GET /admin/users', access: 'admin', path: '/admin/users' },
  {
    route: 'POST /admin/users',
    access: 'admin',
    path: '/admin/users',
    send: 'form',
    body: ({ caller }: CallContext) => ({
      email: `matrix-page-${caller.toLowerCase()}@example.be`,
      role: 'coordinator',
      region: '',
      spaces: 'BRU-A',
      password: 'a long enough password',
    }),
  },
  {
    route: 'POST /admin/users/:id/disable',
    access: 'admin',
    path: '/admin/users/{spareUserId}/disable',
    send: 'form',
    body: {},
  },
  {
    route: 'POST /admin/users/:id/enable',
    access: 'admin',
    path: '/admin/users/{spareUserId}/enable',
    send: 'form',
    body: {},
  },
  { route: 'GET /admin/schemes', access: 'admin', path: '/admin/schemes' },
  { route: 'GET /admin/reference', access: 'admin', path: '/admin/reference?region=WAL&page=2' },
];
