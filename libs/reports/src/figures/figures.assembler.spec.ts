import fc from 'fast-check';
import type { MunicipalityDbRow, NationalVisitsRow, YearRow } from './figures.repository.js';
import { assembleFigures } from './figures.assembler.js';
import type { Cell, ReportFigures, ReportRegion } from './figures.types.js';

/** A year row with only visits (no purposes, profiles or anything else recorded). */
const yearRow = (visits: number | null): YearRow => ({
  spaces_active: 1,
  spaces_reporting: 1,
  spaces_labelled: 0,
  municipalities_covered: 1,
  municipalities_total: 1,
  inhabitants: '1000',
  avg_open: '10',
  avg_with_animator: null,
  avg_present: null,
  visits: visits === null ? null : String(visits),
  ict: null,
  job: null,
  leisure: null,
  housing: null,
  admin: null,
  women: null,
  women_base: null,
  job_seekers: null,
  job_seekers_base: null,
  seniors: null,
  seniors_base: null,
  youth: null,
  youth_base: null,
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
});

/** The country as municipality visits per region: `{ BRU: { '21001': 3, … }, … }`. */
type Country = Partial<Record<'BRU' | 'WAL' | 'VLA', Record<string, number | null>>>;

const nationalRows = (country: Country): NationalVisitsRow[] =>
  Object.entries(country).flatMap(([region, towns]) =>
    Object.entries(towns ?? {}).map(([nis, visits]) => ({
      nis_code: nis,
      region_code: region,
      visits: visits === null ? null : String(visits),
    })),
  );

const sum = (values: Array<number | null>) =>
  values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

/** One report of the country, as FiguresService would assemble it from the repository rows. */
function report(
  region: ReportRegion,
  now: Country,
  before: Country,
  audience: 'public' | 'internal' = 'public',
): ReportFigures {
  const inRegion = (c: Country) =>
    Object.entries(c).filter(([r]) => region === 'BE' || r === region) as Array<
      [string, Record<string, number | null>]
    >;
  const total = (c: Country) => sum(inRegion(c).flatMap(([, towns]) => Object.values(towns)));
  const municipalities: MunicipalityDbRow[] = inRegion(now).flatMap(([r, towns]) =>
    Object.entries(towns).map(([nis, visits]) => ({
      nis_code: nis,
      name_nl: nis,
      name_fr: nis,
      region_code: r,
      inhabitants: 1000,
      spaces_active: 1,
      fte: null,
      visits: visits === null ? null : String(visits),
    })),
  );
  return assembleFigures({
    current: yearRow(total(now)),
    previous: yearRow(total(before)),
    municipalities,
    audience,
    language: 'en',
    national: { region, current: nationalRows(now), previous: nationalRows(before) },
  });
}

const cells = (f: ReportFigures) => Object.fromEntries(f.byMunicipality.map((m) => [m.nisCode, m.visits]));

describe('public figures: one national pattern per year', () => {
  it('protects previousYear exactly as the Y−1 report does (two BRU municipalities with 4 each)', () => {
    const y2019: Country = { BRU: { '21001': 4, '21004': 4 } };
    const y2020: Country = { BRU: { '21001': 100, '21004': 60 } };
    // 2019: 4 + 4 = 8 published would make both 4: the total is withheld (and BE = BRU with it).
    const bru2019 = report('BRU', y2019, {});
    expect(bru2019.visits).toBe('withheld');
    expect(cells(bru2019)).toEqual({ '21001': '<5', '21004': '<5' });
    const bru2020 = report('BRU', y2020, y2019);
    expect(bru2020.visits).toBe(160);
    expect(bru2020.previousYear.visits).toBe('withheld');
    expect(report('BE', y2020, y2019).previousYear.visits).toBe('withheld');
  });

  it('publishes the same cells in the region’s and in the BE report (BRU [3, 6, 100], WAL [5, 40])', () => {
    const now: Country = { BRU: { '21001': 3, '21004': 6, '21009': 100 }, WAL: { '62063': 5, '92094': 40 } };
    const bru = report('BRU', now, {});
    const wal = report('WAL', now, {});
    const be = report('BE', now, {});
    expect(cells(bru)).toEqual({ '21001': '<5', '21004': 'withheld', '21009': 100 });
    expect(cells(wal)).toEqual({ '62063': 5, '92094': 40 });
    expect(cells(be)).toEqual({ ...cells(bru), ...cells(wal) });
    expect([bru.visits, wal.visits, be.visits]).toEqual([109, 45, 154]);
  });

  it('shows a small total as "<5", never as withheld', () => {
    const now: Country = { BRU: { '21001': 1, '21004': 1 } };
    const bru = report('BRU', now, now);
    expect(bru.visits).toBe('<5');
    expect(bru.previousYear.visits).toBe('<5');
    expect(report('BE', now, now).visits).toBe('<5');
    expect(cells(bru)).toEqual({ '21001': '<5', '21004': '<5' });
  });

  it('leaves the internal figures alone', () => {
    const now: Country = { BRU: { '21001': 3, '21004': 6 } };
    const f = report('BRU', now, now, 'internal');
    expect(f.visits).toBe(9);
    expect(cells(f)).toEqual({ '21001': 3, '21004': 6 });
  });

  it('property: every report of a year shows each cell as the others do, previousYear as Y−1’s own report', () => {
    const towns = fc.dictionary(
      fc.stringMatching(/^[0-9]{5}$/),
      fc.option(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), {
        nil: null,
        freq: 5,
      }),
      { maxKeys: 5 },
    );
    // Distinct NIS codes across regions, as in the reference data.
    const country = fc.tuple(towns, towns, towns).map(([bru, wal, vla]): Country => ({
      BRU: Object.fromEntries(Object.entries(bru).map(([k, v]) => [`1${k.slice(1)}`, v])),
      WAL: Object.fromEntries(Object.entries(wal).map(([k, v]) => [`2${k.slice(1)}`, v])),
      VLA: Object.fromEntries(Object.entries(vla).map(([k, v]) => [`3${k.slice(1)}`, v])),
    }));
    fc.assert(
      fc.property(country, country, (now, before) => {
        const reports = (['BRU', 'WAL', 'VLA', 'BE'] as const).map((r) => report(r, now, before));
        const previousReports = (['BRU', 'WAL', 'VLA', 'BE'] as const).map((r) => report(r, before, {}));
        const be = reports[3];
        const shown = new Map<string, Cell>(be.byMunicipality.map((m) => [m.nisCode, m.visits]));
        for (const f of reports.slice(0, 3)) {
          for (const m of f.byMunicipality) expect(m.visits).toEqual(shown.get(m.nisCode));
        }
        reports.forEach((f, i) => {
          expect(f.previousYear.visits).toEqual(previousReports[i].visits);
          for (const cell of [f.visits, ...f.byMunicipality.map((m) => m.visits)]) {
            if (typeof cell === 'number') expect(cell === 0 || cell >= 5).toBe(true);
          }
        });
      }),
      { seed: 20161, numRuns: 300 },
    );
  });
});
