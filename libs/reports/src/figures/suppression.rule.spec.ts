import fc from 'fast-check';
import type { MunicipalityDbRow, YearRow } from './figures.repository.js';
import { assembleFigures } from './figures.assembler.js';
import { PROFILE_KEYS, PURPOSE_KEYS, type Cell } from './figures.types.js';
import { protectCount, protectGroup } from './suppression.rule.js';

/**
 * The reader's attack, written independently of the rule: knowing the published cells, the total,
 * that '<5' holds 1–4 and 'withheld' 5 or more, which values can each hidden small cell take?
 */
function possibleValues(cells: Cell[], total: number | null, index: number): number[] {
  if (total === null) return [1, 2, 3, 4];
  const known = cells.reduce<number>((s, c) => s + (typeof c === 'number' ? c : 0), 0);
  const others = cells.filter((c, i) => i !== index && (c === '<5' || c === 'withheld'));
  const othersMin = others.reduce<number>((s, c) => s + (c === '<5' ? 1 : 5), 0);
  const othersMax = others.some((c) => c === 'withheld') ? Infinity : others.length * 4;
  const values: number[] = [];
  for (let v = 1; v <= 4; v++) {
    const rest = total - known - v;
    if (rest >= othersMin && rest <= othersMax) values.push(v);
  }
  return values;
}

const counts = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), {
  minLength: 1,
  maxLength: 12,
});
const SEED = 20161;

describe('small-cell suppression', () => {
  it('shows 1–4 as "<5" and leaves 0 and 5+ alone when nothing can be recomputed', () => {
    expect(protectCount(3)).toBe('<5');
    expect(protectCount(0)).toBe(0);
    expect(protectCount(5)).toBe(5);
    expect(protectCount(null)).toBeNull();
    expect(protectGroup([2, 40, 50], 92)).toEqual({ cells: ['<5', 'withheld', 50], withholdTotal: false });
    expect(protectGroup([0, 40, 50], 90)).toEqual({ cells: [0, 40, 50], withholdTotal: false });
  });

  it('withholds more when the first withheld cell would still pin the small one down', () => {
    // 1 + 5 = 6: with 1–4 and ≥ 5, only 1 + 5 adds up to 6, so a second cell is withheld.
    expect(protectGroup([1, 5, 7, 30], 43).cells).toEqual(['<5', 'withheld', 'withheld', 30]);
    // Two small cells of 1 alone: the only split of 2 is 1 + 1, so the total goes.
    expect(protectGroup([1, 1], 2)).toEqual({ cells: ['<5', '<5'], withholdTotal: true });
  });

  it('property: no published cell is 1–4 and no hidden small cell can be recomputed from the total', () => {
    fc.assert(
      fc.property(counts, (parts) => {
        const total = parts.reduce((s, v) => s + v, 0);
        const { cells, withholdTotal } = protectGroup(parts, total);
        const publishedTotal = withholdTotal ? null : total;
        cells.forEach((cell, i) => {
          if (typeof cell === 'number') expect(cell === 0 || cell >= 5).toBe(true);
          if (typeof cell === 'number') expect(cell).toBe(parts[i]);
          if (cell === '<5') {
            expect(parts[i]).toBeGreaterThanOrEqual(1);
            expect(parts[i]).toBeLessThanOrEqual(4);
            const possible = possibleValues(cells, publishedTotal, i);
            expect(possible).toContain(parts[i]);
            expect(possible.length).toBeGreaterThan(1);
          }
          if (cell === 'withheld') expect(parts[i]).toBeGreaterThanOrEqual(5);
        });
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('property: the public figures never publish a visitor, purpose or profile cell from a count of 1–4', () => {
    const optionalCount = fc.option(fc.integer({ min: 0, max: 30 }), { nil: null });
    const yearRow = fc
      .record({
        ict: optionalCount,
        job: optionalCount,
        leisure: optionalCount,
        housing: optionalCount,
        admin: optionalCount,
        women: optionalCount,
        job_seekers: optionalCount,
        seniors: optionalCount,
        youth: optionalCount,
        extra: fc.integer({ min: 0, max: 30 }),
      })
      .map((r) => {
        const purposes = [r.ict, r.job, r.leisure, r.housing, r.admin];
        const visits = purposes.reduce<number>((s, v) => s + (v ?? 0), 0) + r.extra;
        const profile = (v: number | null) => (v === null ? null : Math.min(v, visits));
        const s = (v: number | null) => (v === null ? null : String(v));
        const [women, jobSeekers, seniors, youth] = [r.women, r.job_seekers, r.seniors, r.youth].map(profile);
        return {
          raw: { visits, purposes, profiles: [women, jobSeekers, seniors, youth] },
          row: {
            spaces_active: 1,
            spaces_reporting: 1,
            spaces_labelled: 0,
            municipalities_covered: 1,
            municipalities_total: 1,
            inhabitants: '1000',
            avg_open: '10',
            avg_with_animator: null,
            avg_present: null,
            visits: String(visits),
            ict: s(r.ict),
            job: s(r.job),
            leisure: s(r.leisure),
            housing: s(r.housing),
            admin: s(r.admin),
            women: s(women),
            women_base: women === null ? null : String(visits),
            job_seekers: s(jobSeekers),
            job_seekers_base: jobSeekers === null ? null : String(visits),
            seniors: s(seniors),
            seniors_base: seniors === null ? null : String(visits),
            youth: s(youth),
            youth_base: youth === null ? null : String(visits),
            mobile: null,
            sessions: 0,
            training_hours: null,
            participations: null,
            training_users: null,
            computers: null,
            tablets: null,
            animators: 0,
            fte: null,
            funding_total: null,
            avg_municipal_pct: null,
            ending: 0,
          } satisfies YearRow,
        };
      });
    const split = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(yearRow, split, (year, weights) => {
        // Spread the year's visits over municipalities; some get none (null), as in the coverage gap.
        const totalWeight = weights.reduce((s, w) => s + w, 0) || 1;
        const shares = weights.map((w) => Math.floor((year.raw.visits * w) / totalWeight));
        shares[0] += year.raw.visits - shares.reduce((s, v) => s + v, 0);
        const municipalities: MunicipalityDbRow[] = shares.map((v, i) => ({
          nis_code: String(10000 + i),
          name_nl: 'x',
          name_fr: 'x',
          region_code: 'BRU',
          inhabitants: 1000,
          spaces_active: 1,
          fte: null,
          visits: weights[i] === 0 && v === 0 ? null : String(v),
        }));
        // The whole country is this one region: the national pattern is then the region's.
        const nationalVisits = municipalities.map((m) => ({
          nis_code: m.nis_code,
          region_code: 'BRU',
          visits: m.visits,
        }));
        const f = assembleFigures({
          current: year.row,
          previous: year.row,
          municipalities,
          audience: 'public',
          language: 'en',
          national: { region: 'BRU', current: nationalVisits, previous: nationalVisits },
        });
        // Visits: the total and each municipality.
        if (typeof f.visits === 'number') expect(f.visits === 0 || f.visits >= 5).toBe(true);
        const cells = f.byMunicipality.map((m) => m.visits);
        cells.forEach((c) => typeof c === 'number' && expect(c === 0 || c >= 5).toBe(true));
        const parts = municipalities.map((m) => (m.visits === null ? 0 : Number(m.visits)));
        const total = typeof f.visits === 'number' ? f.visits : null;
        cells.forEach((c, i) => {
          if (c === '<5')
            expect(
              possibleValues(
                cells.map((x) => x ?? 0),
                total,
                i,
              ).length,
            ).toBeGreaterThan(1);
          if (c === '<5') expect(parts[i]).toBeLessThan(5);
        });
        // Purposes: a published share never comes from 1–4 visits; hidden ones cannot be recomputed
        // even by a reader who knows the total of the five purposes.
        const purposeCells = PURPOSE_KEYS.map((k, i) => {
          const v = f.visitPurposePct[k];
          const count = year.raw.purposes[i];
          if (typeof v === 'number') expect(count === null || count === 0 || count >= 5).toBe(true);
          return typeof v === 'number' || v === null ? (count ?? 0) : v;
        });
        const purposeTotal = year.raw.purposes.reduce<number>((s, v) => s + (v ?? 0), 0);
        const allWithheld = purposeCells.every((c) => c === 'withheld');
        purposeCells.forEach((c, i) => {
          if (c === '<5' && !allWithheld) {
            expect(possibleValues(purposeCells, purposeTotal, i).length).toBeGreaterThan(1);
          }
        });
        // Profiles: each share times the visits gives its count back, so 1–4 is never published.
        PROFILE_KEYS.forEach((k, i) => {
          const count = year.raw.profiles[i];
          if (typeof f.visitorProfilePct[k] === 'number')
            expect(count === null || count === 0 || count >= 5).toBe(true);
        });
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
