/**
 * One public suppression pattern of the visits per year for the whole country (figures.md, public
 * audience). The visit cells of all public reports of a year form one hierarchy of sums:
 *
 *   BE total = BRU + WAL + VLA totals;  each region total = Σ its municipalities' visits.
 *
 * A reader may combine every published report of the year (a region's report, the others' and BE's),
 * so a pattern chosen per report leaks: BRU could withhold {3, 6} of [3, 6, 100] while BE withholds
 * {3, 5} and publishes the 6, giving 109 − 100 − 6 = 3. Hence one pattern, computed from the whole
 * country's data the same way whichever report is asked for; each report shows its part of it.
 *
 * The reader is assumed to know every published number, every equation above, that '<5' holds 1–4,
 * that 'withheld' holds 5 or more, and that 0 and "not reported" (null) are always published. The
 * pattern is safe when no hidden cell has a single possible value under those facts. Two rules get
 * there, each withholding the smallest published cell of 5 or more that helps (a part before a total):
 * - no equation may have exactly one hidden cell (it would be the remainder of the others);
 * - no hidden cell may be pinned by the bounds (1 + 5 = 6 leaves '<5' = 1 and 'withheld' = 5 only).
 * One pin no withholding can lift remains: a '<5' total whose cells below it hold exactly four
 * non-zero counts (each must then be 1). Pure and deterministic: unit-tested without a database.
 */
import type { Cell } from './figures.types.js';
import { isSmall } from './suppression.rule.js';

/** The regions under BE, in the order the pattern visits them (it only matters for ties). */
export const NATIONAL_REGIONS = ['BRU', 'WAL', 'VLA'] as const;

/** One municipality's visits in ISO year Y (a leaf of the hierarchy); null when nothing was recorded. */
export interface MunicipalityVisits {
  regionCode: string;
  nisCode: string;
  visits: number | null;
}

export interface NationalPattern {
  total: Cell;
  regions: ReadonlyMap<string, Cell>;
  municipalities: ReadonlyMap<string, Cell>;
}

/** A tree of additive cells: every node with children is their sum. Node 0 is the root. */
export interface Hierarchy {
  values: Array<number | null>;
  children: number[][];
}

type Range = [number, number];
interface Equation {
  total: number;
  parts: number[];
}

const hidden = (c: Cell) => c === '<5' || c === 'withheld';

function equationsOf(h: Hierarchy): Equation[] {
  return h.children.flatMap((parts, total) => (parts.length ? [{ total, parts }] : []));
}

/**
 * What a reader can infer: the range of every cell, by bounds propagation over the sums. On a tree of
 * sums (each cell in at most two equations, no cycles) the ranges it settles on are exact.
 */
export function inferredRanges(h: Hierarchy, cells: Cell[]): Range[] {
  const lo = cells.map((c) => (c === '<5' ? 1 : c === 'withheld' ? 5 : (c ?? 0)));
  const hi = cells.map((c) => (c === '<5' ? 4 : c === 'withheld' ? Infinity : (c ?? 0)));
  const equations = equationsOf(h);
  let changed = true;
  // A tree of depth d settles in about 2d passes; the cap only guards against a bug.
  for (let pass = 0; changed && pass < 50; pass++) {
    changed = false;
    const tighten = (i: number, low: number, high: number) => {
      if (low > lo[i]) [lo[i], changed] = [low, true];
      if (high < hi[i]) [hi[i], changed] = [high, true];
    };
    for (const { total, parts } of equations) {
      const sumLo = parts.reduce((s, p) => s + lo[p], 0);
      const infinite = parts.filter((p) => hi[p] === Infinity).length;
      const finiteHi = parts.reduce((s, p) => s + (hi[p] === Infinity ? 0 : hi[p]), 0);
      tighten(total, sumLo, infinite ? Infinity : finiteHi);
      for (const p of parts) {
        const othersLo = sumLo - lo[p];
        const othersHi =
          infinite - (hi[p] === Infinity ? 1 : 0) > 0
            ? Infinity
            : finiteHi - (hi[p] === Infinity ? 0 : hi[p]);
        tighten(p, lo[total] - othersHi, hi[total] - othersLo);
      }
    }
  }
  return lo.map((l, i) => [l, hi[i]]);
}

const pinned = (cells: Cell[], ranges: Range[], i: number) =>
  hidden(cells[i]) && ranges[i][0] === ranges[i][1];

/**
 * Protects a hierarchy of visit counts: 1–4 is '<5' wherever it stands (a total too), and published
 * cells of 5 or more are withheld, smallest first, until the rules of the file comment hold.
 */
export function protectHierarchy(h: Hierarchy): Cell[] {
  const cells: Cell[] = h.values.map((v) => (v !== null && isSmall(v) ? '<5' : v));
  const equations = equationsOf(h);
  const parentEquation = new Map<number, Equation>();
  const childEquation = new Map<number, Equation>();
  for (const eq of equations) {
    childEquation.set(eq.total, eq);
    for (const p of eq.parts) parentEquation.set(p, eq);
  }
  /** Cells that may still be withheld: published, 5 or more; parts smallest first, then the total. */
  const candidates = (eq: Equation): number[] => {
    const open = (i: number) => typeof cells[i] === 'number' && (cells[i] as number) >= 5;
    const parts = eq.parts.filter(open).sort((a, b) => (cells[a] as number) - (cells[b] as number) || a - b);
    return open(eq.total) ? [...parts, eq.total] : parts;
  };
  /** The equations of a cell, the one that pins it (its own sum leaves it one value) first. */
  const equationsAround = (i: number, ranges: Range[]): Equation[] => {
    const around = [parentEquation.get(i), childEquation.get(i)].filter((e): e is Equation => !!e);
    const own: Range = cells[i] === '<5' ? [1, 4] : [5, Infinity];
    const add = (a: Range, b: Range): Range => [a[0] + b[0], a[1] + b[1]];
    const pinsIt = (eq: Equation) => {
      let local: Range;
      if (eq.total === i) {
        local = eq.parts.map((p) => ranges[p]).reduce(add, [0, 0]);
      } else {
        const others = eq.parts
          .filter((p) => p !== i)
          .map((p) => ranges[p])
          .reduce(add, [0, 0]);
        const total = ranges[eq.total];
        local = [total[0] - others[1], total[1] - others[0]];
      }
      return Math.max(own[0], local[0]) === Math.min(own[1], local[1]);
    };
    return [...around.filter(pinsIt), ...around.filter((eq) => !pinsIt(eq))];
  };
  const withholding = (i: number) => cells.map((c, j) => (j === i ? 'withheld' : c));

  // Each round withholds one more cell, so at most one round per cell.
  for (let round = 0; round <= cells.length; round++) {
    const lone = equations.find((eq) => [eq.total, ...eq.parts].filter((i) => hidden(cells[i])).length === 1);
    if (lone) {
      // A sum with one hidden cell always has an open one: a hidden part makes the total ≥ 5 or
      // '<5' itself, and a hidden total of 5 or more has a part of 5 or more.
      const [first] = candidates(lone);
      if (first === undefined) throw new Error('suppression: a sum with one hidden cell and none to add');
      cells[first] = 'withheld';
      continue;
    }
    const ranges = inferredRanges(h, cells);
    const pins = cells.map((_, i) => i).filter((i) => pinned(cells, ranges, i));
    if (!pins.length) break;
    // The cheapest fix first: one cell next to a pinned one whose withholding frees it.
    let fix: number | undefined;
    for (const x of pins) {
      for (const eq of equationsAround(x, ranges)) {
        fix = candidates(eq).find((c) => !pinned(cells, inferredRanges(h, withholding(c)), x));
        if (fix !== undefined) break;
      }
      if (fix !== undefined) break;
    }
    if (fix === undefined) {
      // Otherwise a first step for a pin that withholding everything would lift (a total withheld
      // moves the problem one level up, where the next round finds it); the others are unavoidable.
      const everything = cells.map((c) => (typeof c === 'number' && c >= 5 ? 'withheld' : c));
      const loose = inferredRanges(h, everything);
      for (const x of pins) {
        if (loose[x][0] === loose[x][1]) continue;
        fix = equationsAround(x, ranges).flatMap(candidates)[0];
        if (fix !== undefined) break;
      }
    }
    if (fix === undefined) break;
    cells[fix] = 'withheld';
  }
  return cells;
}

/**
 * The year's pattern for the whole country: BE, then the regions, then their municipalities (by NIS
 * code). Region and BE totals are the sums of the municipalities' visits, null when none recorded.
 */
export function nationalPattern(rows: MunicipalityVisits[]): NationalPattern {
  const sum = (values: Array<number | null>) =>
    values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
  const byRegion = NATIONAL_REGIONS.map((region) =>
    rows.filter((r) => r.regionCode === region).sort((a, b) => a.nisCode.localeCompare(b.nisCode)),
  );
  const unknown = rows.find((r) => !(NATIONAL_REGIONS as readonly string[]).includes(r.regionCode));
  if (unknown) throw new Error(`suppression: municipality ${unknown.nisCode} in no region`);
  const leaves = byRegion.flat();
  const regionTotals = byRegion.map((list) => sum(list.map((r) => r.visits)));
  const values = [sum(regionTotals), ...regionTotals, ...leaves.map((r) => r.visits)];
  const children: number[][] = [NATIONAL_REGIONS.map((_, i) => 1 + i)];
  let next = 1 + NATIONAL_REGIONS.length;
  for (const list of byRegion) {
    children.push(list.map((_, i) => next + i));
    next += list.length;
  }
  for (let i = 0; i < leaves.length; i++) children.push([]);
  const cells = protectHierarchy({ values, children });
  return {
    total: cells[0],
    regions: new Map(NATIONAL_REGIONS.map((region, i) => [region, cells[1 + i]])),
    municipalities: new Map(leaves.map((r, i) => [r.nisCode, cells[1 + NATIONAL_REGIONS.length + i]])),
  };
}
