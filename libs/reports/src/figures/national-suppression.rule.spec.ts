import fc from 'fast-check';
import type { Cell } from './figures.types.js';
import { NATIONAL_REGIONS, nationalPattern, type MunicipalityVisits } from './national-suppression.rule.js';

const SEED = 20161;

/** The country as the test sees it: a list of municipality visits per region, in region order. */
type Country = Array<Array<number | null>>;

const rowsOf = (country: Country): MunicipalityVisits[] =>
  country.flatMap((list, r) =>
    list.map((visits, i) => ({
      regionCode: NATIONAL_REGIONS[r],
      nisCode: `${r + 1}${String(i).padStart(4, '0')}`,
      visits,
    })),
  );

const total = (values: Array<number | null>) =>
  values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

/**
 * The reader's attack, written apart from the rule: every equation as Σ ±cells = 0 and the bounds
 * each cell's publication gives ('<5' 1–4, 'withheld' 5 or more, a number itself), narrowed until
 * nothing moves. Returns each cell's possible range.
 */
function attack(cells: Cell[], equations: number[][][]): Array<[number, number]> {
  const lo = cells.map((c) => (c === '<5' ? 1 : c === 'withheld' ? 5 : (c ?? 0)));
  const hi = cells.map((c) => (c === '<5' ? 4 : c === 'withheld' ? Infinity : (c ?? 0)));
  for (let moved = true, n = 0; moved && n < 100; n++) {
    moved = false;
    // [plus, minus]: Σ plus = Σ minus.
    for (const [plus, minus] of equations) {
      for (const [side, other] of [
        [plus, minus],
        [minus, plus],
      ]) {
        for (const x of side) {
          const rest = side.filter((y) => y !== x);
          const min = other.reduce((s, y) => s + lo[y], 0) - rest.reduce((s, y) => s + hi[y], 0);
          const max = other.reduce((s, y) => s + hi[y], 0) - rest.reduce((s, y) => s + lo[y], 0);
          if (min > lo[x]) [lo[x], moved] = [min, true];
          if (max < hi[x]) [hi[x], moved] = [max, true];
        }
      }
    }
  }
  return lo.map((l, i) => [l, hi[i]]);
}

const visits = fc.option(
  fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 300 })),
  { nil: null, freq: 5 },
);
const country = fc.tuple(
  fc.array(visits, { maxLength: 7 }),
  fc.array(visits, { maxLength: 7 }),
  fc.array(visits, { maxLength: 7 }),
);

describe('one national suppression pattern per year', () => {
  it('gives every report of the year the same cells: the reviewer’s BRU [3, 6, 100] and WAL 5', () => {
    // BRU alone would withhold 3 and 6; BE alone 3 and the Walloon 5, publishing the 6: 109 − 100 − 6.
    const pattern = nationalPattern(rowsOf([[3, 6, 100], [5, 40], []]));
    expect([...pattern.municipalities.values()]).toEqual(['<5', 'withheld', 100, 5, 40]);
    expect(pattern.regions.get('BRU')).toBe(109);
    expect(pattern.regions.get('WAL')).toBe(45);
    expect(pattern.regions.get('VLA')).toBeNull();
    expect(pattern.total).toBe(154);
  });

  it('withholds a region total, and the BE total with it, when they would give small counts away', () => {
    // Two BRU municipalities with 4 each: 8 published would make both 4. Withheld, BE (= BRU) too.
    const pattern = nationalPattern(rowsOf([[4, 4], [], []]));
    expect([...pattern.municipalities.values()]).toEqual(['<5', '<5']);
    expect(pattern.regions.get('BRU')).toBe('withheld');
    expect(pattern.total).toBe('withheld');
  });

  it('withholds a second region total rather than let BE − BRU give VLA’s', () => {
    // VLA 4 + 4 = 8 is withheld; then 100 − 92 would be VLA's: BRU's 92 (the smaller) is withheld too.
    const pattern = nationalPattern(rowsOf([[2, 40, 50], [], [4, 4]]));
    expect(pattern.regions.get('VLA')).toBe('withheld');
    expect(pattern.regions.get('BRU')).toBe('withheld');
    expect(pattern.total).toBe(100);
    expect([...pattern.municipalities.values()]).toEqual(['<5', 'withheld', 50, '<5', '<5']);
  });

  it('shows a total of 1–4 as "<5", never as withheld', () => {
    const pattern = nationalPattern(rowsOf([[1, 1], [], []]));
    expect(pattern.regions.get('BRU')).toBe('<5');
    expect(pattern.total).toBe('<5');
    expect([...pattern.municipalities.values()]).toEqual(['<5', '<5']);
  });

  it('withholds a second cell when 1 + 5 = 6 would pin both', () => {
    const pattern = nationalPattern(rowsOf([[1, 5, 7, 30], [], []]));
    // The 5 goes first (the 1 alone would be 43 − 42); 1 + 5 = 6 then leaves only 1 and 5, so the 7
    // goes too: 1 + 5 + 7 = 13 leaves the '<5' anything from 1 to 3.
    expect([...pattern.municipalities.values()]).toEqual(['<5', 'withheld', 'withheld', 30]);
    expect(pattern.regions.get('BRU')).toBe(43);
  });

  it('property: every group equation has 0 or ≥ 2 hidden cells, 1–4 is always "<5", nothing hidden can be recomputed', () => {
    fc.assert(
      fc.property(country, (data) => {
        const pattern = nationalPattern(rowsOf(data));
        const regionTotals = data.map(total);
        const actual = [total(regionTotals), ...regionTotals, ...data.flat()];
        const cells: Cell[] = [
          pattern.total,
          ...NATIONAL_REGIONS.map((r) => pattern.regions.get(r) as Cell),
          ...rowsOf(data).map((r) => pattern.municipalities.get(r.nisCode) as Cell),
        ];
        // Each cell: a number is the true one and never 1–4; '<5' exactly the counts 1–4.
        cells.forEach((cell, i) => {
          const v = actual[i];
          if (typeof cell === 'number' || cell === null) expect(cell).toBe(v);
          if (v !== null && v >= 1 && v <= 4) expect(cell).toBe('<5');
          if (cell === 'withheld') expect(v).toBeGreaterThanOrEqual(5);
        });
        // The equations: BE = Σ regions, each region = Σ its municipalities.
        let next = 1 + NATIONAL_REGIONS.length;
        const equations: number[][][] = [[[0], NATIONAL_REGIONS.map((_, r) => 1 + r)]];
        data.forEach((list, r) => {
          if (list.length) equations.push([[1 + r], list.map((_, i) => next + i)]);
          next += list.length;
        });
        const isHidden = (i: number) => cells[i] === '<5' || cells[i] === 'withheld';
        for (const [plus, minus] of equations) {
          const unknowns = [...plus, ...minus].filter(isHidden).length;
          expect(unknowns === 0 || unknowns >= 2).toBe(true);
        }
        // No hidden cell has a single possible value, but in the one case nothing can help: a '<5'
        // total over exactly four non-zero counts (each is then 1).
        const ranges = attack(cells, equations);
        const leavesUnder = (i: number): number[] =>
          i === 0
            ? [1, 2, 3].flatMap(leavesUnder)
            : i <= 3
              ? (equations.find((e) => e[0][0] === i)?.[1] ?? [])
              : [i];
        const ancestors = (i: number): number[] => {
          if (i === 0) return [0];
          if (i <= 3) return [i, 0];
          const region = equations.find((e) => e[0][0] !== 0 && e[1].includes(i))![0][0];
          return [i, region, 0];
        };
        const unavoidable = (i: number) =>
          ancestors(i).some(
            (a) => cells[a] === '<5' && leavesUnder(a).filter((l) => (actual[l] ?? 0) > 0).length === 4,
          );
        cells.forEach((cell, i) => {
          if (!isHidden(i)) return;
          expect(ranges[i][0]).toBeLessThanOrEqual(actual[i]!);
          expect(ranges[i][1]).toBeGreaterThanOrEqual(actual[i]!);
          if (!unavoidable(i))
            expect({ i, cells, free: ranges[i][1] > ranges[i][0] }).toEqual({ i, cells, free: true });
        });
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('property: the pattern depends on the data only, not on the order the rows come in', () => {
    fc.assert(
      fc.property(country, fc.integer(), (data, shift) => {
        const rows = rowsOf(data);
        const k = rows.length ? Math.abs(shift) % rows.length : 0;
        const shuffled = [...rows.slice(k), ...rows.slice(0, k)].reverse();
        const a = nationalPattern(rows);
        const b = nationalPattern(shuffled);
        expect(b.total).toEqual(a.total);
        expect([...b.regions.entries()].sort()).toEqual([...a.regions.entries()].sort());
        expect([...b.municipalities.entries()].sort()).toEqual([...a.municipalities.entries()].sort());
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
