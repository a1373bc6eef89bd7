import type { MatrixLine } from '../authorization-matrix.js';

/**
 * Matrix lines of the label pages (concatenated into MATRIX). Only type imports from
 * authorization-matrix.ts here: it imports this file at run time.
 */
export const LABEL_PAGE_LINES: MatrixLine[] = [];
