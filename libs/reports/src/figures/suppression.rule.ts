/**
 * Small-cell suppression for the public audience (figures.md): a visitor, purpose or profile count
 * between 1 and 4 is published as '<5', and any cell from which it could be recomputed is withheld.
 *
 * The reader is assumed to know every published number, that a '<5' cell holds 1–4, that a
 * 'withheld' cell holds 5 or more (0 is always published as 0), and the group's total. A hidden cell
 * is safe when those facts leave it more than one possible value.
 */
import type { Cell } from './figures.types.js';

export const isSmall = (n: number): boolean => n >= 1 && n <= 4;

/** The range each hidden cell of an additive group can take, given what is published. */
export function feasibleRanges(published: Cell[], total: number | null): Array<[number, number] | null> {
  const bounds = published.map((c): [number, number] | null =>
    c === '<5' ? [1, 4] : c === 'withheld' ? [5, Infinity] : null,
  );
  if (total === null) {
    return bounds;
  }
  const known = published.reduce<number>((s, c) => s + (typeof c === 'number' ? c : 0), 0);
  const hidden = total - known;
  const minSum = bounds.reduce((s, b) => s + (b ? b[0] : 0), 0);
  const maxSum = bounds.reduce((s, b) => s + (b ? b[1] : 0), 0);
  return bounds.map((b) => {
    if (!b) return null;
    const othersMin = minSum - b[0];
    const othersMax = maxSum - b[1];
    return [Math.max(b[0], hidden - othersMax), Math.min(b[1], hidden - othersMin)];
  });
}

const determined = (ranges: Array<[number, number] | null>) =>
  ranges.some((r) => r !== null && r[0] === r[1]);

/**
 * Protects an additive group whose total is published: small parts become '<5'; then the smallest
 * other non-zero parts are withheld one by one until no hidden part has a single possible value.
 * Returns the cells and whether the total itself must be withheld (when even that is not enough).
 */
export function protectGroup(
  parts: Array<number | null>,
  total: number | null,
): { cells: Cell[]; withholdTotal: boolean } {
  const cells: Cell[] = parts.map((p) => (p !== null && isSmall(p) ? '<5' : p));
  const exposed = () => total !== null && determined(feasibleRanges(cells, total));
  if (!cells.includes('<5')) return { cells, withholdTotal: false };
  const candidates = parts
    .map((p, i) => ({ p, i }))
    .filter((c): c is { p: number; i: number } => c.p !== null && c.p >= 5)
    .sort((a, b) => a.p - b.p);
  for (const { i } of candidates) {
    if (!exposed()) break;
    cells[i] = 'withheld';
  }
  return { cells, withholdTotal: exposed() };
}

/** A single published count (not part of a published group). */
export function protectCount(value: number | null): Cell {
  return value !== null && isSmall(value) ? '<5' : value;
}
