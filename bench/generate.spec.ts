import { readFileSync, readdirSync } from 'node:fs';
import { planLabels, planSpaces, weeklyRows, type MunicipalityRow, type WorldOptions } from './generate.js';
import { weekMonday, weeksInIsoYear } from './iso-weeks.js';
import { Prng } from './prng.js';

const MUNICIPALITIES: MunicipalityRow[] = [
  { nisCode: '21004', regionCode: 'BRU', inhabitants: 185_000, postcode: '1000', nameNl: 'Brussel' },
  { nisCode: '11002', regionCode: 'VLA', inhabitants: 530_000, postcode: '2000', nameNl: 'Antwerpen' },
  { nisCode: '92094', regionCode: 'WAL', inhabitants: 110_000, postcode: '5000', nameNl: 'Namen' },
  { nisCode: '63023', regionCode: 'WAL', inhabitants: 1_000, postcode: '4000', nameNl: 'Klein' },
];
const OPTIONS: WorldOptions = { seed: 42, spaces: 120, fromYear: 2019, toYear: 2021, today: '2026-11-01' };

describe('bench generator', () => {
  it('gives the same world for the same seed, and another for another seed', () => {
    const a = planSpaces(MUNICIPALITIES, OPTIONS);
    const b = planSpaces(MUNICIPALITIES, OPTIONS);
    expect(b).toEqual(a);
    const digest = (spaces: typeof a) =>
      [...weeklyRows(spaces, 2019, 2021, OPTIONS)].map(
        (r) => `${r.space.ref} ${r.year}-${r.week} ${JSON.stringify(r.figures)}`,
      );
    expect(digest(b)).toEqual(digest(a));
    const c = planSpaces(MUNICIPALITIES, { ...OPTIONS, seed: 43 });
    expect(c.map((s) => s.id)).not.toEqual(a.map((s) => s.id));
  });

  it('spreads spaces like the population, over the three regions, with unique refs and ids', () => {
    const spaces = planSpaces(MUNICIPALITIES, OPTIONS);
    const count = (nis: string) => spaces.filter((s) => s.nisCode === nis).length;
    expect(count('11002')).toBeGreaterThan(count('21004'));
    expect(count('21004')).toBeGreaterThan(count('63023'));
    expect(new Set(spaces.map((s) => s.regionCode))).toEqual(new Set(['BRU', 'VLA', 'WAL']));
    expect(new Set(spaces.map((s) => s.ref)).size).toBe(spaces.length);
    expect(new Set(spaces.map((s) => s.id)).size).toBe(spaces.length);
    for (const s of spaces.filter((x) => x.parentId)) {
      const parent = spaces.find((p) => p.id === s.parentId)!;
      expect(parent.regionCode).toBe(s.regionCode);
      expect(parent.parentId).toBeNull();
    }
  });

  it('grants only the label schemes of config/labels, each in its own region, with checkable codes', () => {
    const schemes = readdirSync('config/labels').map((file) => {
      const { scheme, version, region } = JSON.parse(readFileSync(`config/labels/${file}`, 'utf8'));
      return { scheme, version, region };
    });
    const spaces = planSpaces(MUNICIPALITIES, OPTIONS);
    const labels = planLabels(spaces, OPTIONS);
    expect(labels.length).toBeGreaterThan(10);
    const regionOf = new Map(spaces.map((s) => [s.id, s.regionCode]));
    for (const [spaceId, scheme, version, status, decision, , , , code] of labels) {
      expect(schemes).toContainEqual({ scheme, version, region: regionOf.get(spaceId as string) });
      expect([status, decision]).toEqual(['granted', 'grant']);
      // As newVerificationCode makes them, so /verify finds them.
      expect(code).toMatch(
        /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}(-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}){3}$/,
      );
    }
    expect(new Set(labels.map((l) => l[8])).size).toBe(labels.length);
    expect(planLabels(spaces, OPTIONS)).toEqual(labels);
  });

  it('knows the ISO years of 53 weeks', () => {
    expect([2015, 2019, 2020, 2021, 2026].map(weeksInIsoYear)).toEqual([53, 52, 53, 52, 53]);
    expect(weekMonday(2020, 53).toISOString().slice(0, 10)).toBe('2020-12-28');
    expect(weekMonday(2021, 1).toISOString().slice(0, 10)).toBe('2021-01-04');
  });

  it('writes weeks only while a space is open and before today, with gaps and week 53', () => {
    const spaces = planSpaces(MUNICIPALITIES, OPTIONS);
    const rows = [...weeklyRows(spaces, 2019, 2021, OPTIONS)];
    const today = new Date('2026-11-01T00:00:00Z');
    // One expectation over all rows (one per row makes Jest crawl).
    const misplaced = rows.filter((r) => {
      const sunday = new Date(r.monday.getTime() + 6 * 86_400_000);
      const closed = r.space.closedOn !== null && r.monday > r.space.closedOn;
      return sunday < r.space.openedOn || sunday >= today || closed;
    });
    expect(misplaced).toEqual([]);
    expect(rows.some((r) => r.year === 2020 && r.week === 53)).toBe(true);
    const openAllYear = spaces.filter((s) => s.openedOn < new Date('2019-01-01') && s.closedOn === null);
    const full = openAllYear.length * (52 + 53 + 52);
    const written = rows.filter((r) => openAllYear.includes(r.space)).length;
    expect(written).toBeLessThan(full); // gaps and summer breaks
    expect(written).toBeGreaterThan(full * 0.85);
  });

  it('keeps every figure within the rules the database checks', () => {
    const rows = [...weeklyRows(planSpaces(MUNICIPALITIES, OPTIONS), 2019, 2021, OPTIONS)];
    const broken = rows
      .map((r) => r.figures)
      .filter((f) => {
        const purposes =
          (f.visits_ict_learning ?? 0) +
          (f.visits_job_search ?? 0) +
          (f.visits_leisure_culture ?? 0) +
          (f.visits_housing_elearning ?? 0) +
          (f.visits_administrative ?? 0);
        const profiles = [f.visitors_women, f.visitors_job_seekers, f.visitors_seniors, f.visitors_youth];
        return (
          f.opening_hours! < 0 ||
          f.opening_hours! > 168 ||
          f.hours_with_animator! > f.opening_hours! ||
          purposes > f.visits! ||
          profiles.some((p) => (p ?? 0) > f.visits!) ||
          !Number.isInteger(f.visits)
        );
      });
    expect(rows.length).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it('draws reproducible numbers in [0, 1) and well-formed UUIDs', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const draws = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(draws);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(new Prng(1).uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
