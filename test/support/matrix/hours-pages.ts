import type { MatrixLine } from '../authorization-matrix.js';

/**
 * Matrix lines of the hours pages (concatenated into MATRIX). Only type imports from
 * authorization-matrix.ts here: it imports this file at run time.
 */
export const HOURS_PAGE_LINES: MatrixLine[] = [];
