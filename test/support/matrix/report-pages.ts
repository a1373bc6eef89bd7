import type { MatrixLine } from '../authorization-matrix.js';

/**
 * Matrix lines of the report pages (concatenated into MATRIX). Only type imports from
 * authorization-matrix.ts here: it imports this file at run time.
 */
export const REPORT_PAGE_LINES: MatrixLine[] = [
  { route: 'GET /staff/reports', access: 'staff', path: '/staff/reports' },
  {
    route: 'POST /staff/reports',
    access: 'staff',
    path: '/staff/reports',
    send: 'form',
    body: { type: 'regional', region: 'BRU', year: '2016', audience: 'internal', language: 'en' },
    note: 'regional staff never choose the region: WAL staff get a WAL report queued, not a BRU one',
  },
  {
    route: 'GET /staff/reports/:id',
    access: 'staff-of-region',
    path: '/staff/reports/{reportId}',
    note: '{reportId} is a BRU 2016 run: WAL staff get the 403 page',
  },
  {
    route: 'GET /staff/reports/:id/download',
    access: 'staff-of-region',
    path: '/staff/reports/{reportId}/download?format=csv',
    note: 'no worker runs in the matrix, so the run is not ready and allowed callers are sent back to its page (303)',
  },
];
