import { DataSource } from 'typeorm';
import { FiguresService, inReportTransaction } from '../../libs/reports/src/index.js';
import {
  BE_2020_TOP,
  BRU_2020,
  BRU_2020_MUNICIPALITIES,
  PUBLIC_2019,
  WAL_2020,
} from '../fixtures/reports/expected-figures.js';
import { seedReportFixture } from '../fixtures/reports/regional-fixture.js';
import { seedRegistryWorld } from '../support/registry-world.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

/** Every figure of figures.md against values worked out by hand on the fixture. */
describe('regional report figures (real PostgreSQL, hand-computed fixture)', () => {
  let t: TestApi;
  let figures: FiguresService;

  beforeAll(async () => {
    t = await startTestApi();
    await seedReportFixture(await seedRegistryWorld(t));
    figures = t.app.get(FiguresService);
  });
  afterAll(() => t?.close());

  const compute = (
    region: 'BRU' | 'WAL' | 'VLA' | 'BE',
    year: number,
    audience: 'internal' | 'public' = 'internal',
  ) => figures.compute({ region, year, audience, language: 'en' });

  it('computes every top-level figure of BRU 2020 and of its previous year', async () => {
    const { figures: f } = await compute('BRU', 2020);
    const { byMunicipality, ...top } = f;
    expect(top).toEqual(BRU_2020);
    // The JSON keys are a contract: exactly these, no more.
    expect(Object.keys(f).sort()).toEqual([...Object.keys(BRU_2020), 'byMunicipality'].sort());
    expect(Object.keys(f.previousYear)).not.toContain('byMunicipality');
    expect(byMunicipality).toHaveLength(19);
  });

  it('lists every municipality of the region, those without a space too', async () => {
    const { figures: f } = await compute('BRU', 2020);
    const rows = new Map(f.byMunicipality.map((m) => [m.nisCode, m]));
    for (const [nis, expected] of Object.entries(BRU_2020_MUNICIPALITIES)) {
      expect(rows.get(nis)).toMatchObject(expected);
    }
    expect(rows.get('21004')?.name).toBe('Bruxelles / Brussel');
    const empty = f.byMunicipality.filter((m) => m.spacesActive === 0);
    expect(empty).toHaveLength(17);
    expect(empty.every((m) => m.animatorFte === null)).toBe(true);
    // Schaerbeek has no active space but the 2020-W53 record of BRU-F (opened 2 January 2021).
    expect(empty.filter((m) => m.visits !== null).map((m) => [m.nisCode, m.visits])).toEqual([['21015', 40]]);
    expect(f.byMunicipality.map((m) => m.nisCode)).toEqual(
      [...f.byMunicipality.map((m) => m.nisCode)].sort(),
    );
  });

  it('gives null, not 0, for a region without funding, and 0 for counts of nothing', async () => {
    const { figures: f } = await compute('WAL', 2020);
    const { byMunicipality, previousYear, ...top } = f;
    expect(top).toEqual(WAL_2020);
    expect(byMunicipality).toHaveLength(262);
    expect(byMunicipality.find((m) => m.nisCode === '62063')).toMatchObject({
      spacesActive: 1,
      animatorFte: 1,
      visits: 20,
    });
    expect(previousYear.visits).toBeNull();
    const vla = (await compute('VLA', 2020)).figures;
    expect(vla).toMatchObject({
      spacesActive: 0,
      visits: null,
      avgWeeklyOpeningHours: null,
      computers: 0,
      animatorFte: null,
      avgComputersPerSpace: null,
      municipalitiesTotal: 300,
    });
  });

  it('covers the whole country for BE', async () => {
    const { figures: f } = await compute('BE', 2020);
    const { byMunicipality, previousYear, ...top } = f;
    expect(top).toEqual(BE_2020_TOP);
    expect(byMunicipality).toHaveLength(581);
    // 2019: A, A1, B, E, WAL-C and VLA-G, VLA-H (closed at the end of 2019).
    expect(previousYear.spacesActive).toBe(7);
  });

  it('counts every weekly record of ISO year Y, of spaces not active in Y too, in the sums only', async () => {
    // BRU-F opened on 2 January 2021 and reported 2020-W53 (40 visits): in the sums of 2020 (BRU and
    // BE), not among the reporting spaces nor in the averages.
    const { figures: f } = await compute('BRU', 2020);
    expect([f.visits, f.mobileActions, f.spacesReporting, f.avgWeeklyOpeningHours]).toEqual([203, 5, 2, 16]);
    expect(f.byMunicipality.find((m) => m.nisCode === '21015')).toMatchObject({
      spacesActive: 0,
      visits: 40,
    });
    expect((await compute('BE', 2020)).figures.visits).toBe(223);
  });

  it('divides animator hours by all opening hours of the space, weeks without animator hours too', async () => {
    // BRU-A1: 10 h open (no animator hours) and 10 h open with 20 animator hours → 1.0, not 2.0;
    // with BRU-A's 1.5 → 1.25 → 1.3. BRU-E (2019) never gave animator hours: no ratio, not 0.
    expect((await compute('BRU', 2020)).figures.avgAnimatorsPresent).toBe(1.3);
    expect((await compute('BRU', 2019)).figures.avgAnimatorsPresent).toBe(1);
  });

  it('gives the funding mix and the spaces whose project funding ends next year', async () => {
    const { annex } = await compute('BRU', 2020);
    expect(annex.fundingBySource).toEqual([
      { source: 'municipality', amountEur: 35000, pct: 53.8 },
      { source: 'region', amountEur: 30000, pct: 46.2 },
    ]);
    expect(annex.projectFundingEnding).toEqual([{ ref: 'BRU-B', name: 'OCR Elsene', endsOn: '2021-12-31' }]);
  });

  it('suppresses small visitor counts for the public, and what would give them away', async () => {
    // BRU 2019: Anderlecht (BRU-E) had 2 visits; Brussels city 40, Ixelles 50, total 92 (withheld: see
    // PUBLIC_2019, VLA's 8 would otherwise be BE − BRU).
    const { figures: f } = await compute('BRU', 2019, 'public');
    const rows = new Map(f.byMunicipality.map((m) => [m.nisCode, m.visits]));
    expect(rows.get('21001')).toBe('<5');
    expect(rows.get('21004')).toBe('withheld');
    expect(rows.get('21009')).toBe(50);
    expect(f.visits).toBe('withheld');
    const internal = (await compute('BRU', 2019)).figures;
    expect(new Map(internal.byMunicipality.map((m) => [m.nisCode, m.visits])).get('21001')).toBe(2);
    expect(internal.visits).toBe(92);
  });

  it('publishes every public report of a year from one national pattern (2019)', async () => {
    const reports = {} as Record<keyof typeof PUBLIC_2019, Awaited<ReturnType<typeof compute>>['figures']>;
    for (const region of ['BRU', 'WAL', 'VLA', 'BE'] as const) {
      reports[region] = (await compute(region, 2019, 'public')).figures;
      const expected = PUBLIC_2019[region];
      expect(reports[region].visits).toBe(expected.visits);
      const cells = new Map(reports[region].byMunicipality.map((m) => [m.nisCode, m.visits]));
      for (const [nis, cell] of Object.entries(expected.byMunicipality))
        expect([nis, cells.get(nis)]).toEqual([nis, cell]);
    }
    // Each municipality is shown in BE exactly as in its region's report.
    const be = new Map(reports.BE.byMunicipality.map((m) => [m.nisCode, m.visits]));
    for (const region of ['BRU', 'WAL', 'VLA'] as const) {
      for (const m of reports[region].byMunicipality)
        expect([m.nisCode, be.get(m.nisCode)]).toEqual([m.nisCode, m.visits]);
    }
    // BE = BRU + WAL + VLA: two of them hidden, so neither is BE minus the others.
    const totals = [reports.BRU.visits, reports.WAL.visits, reports.VLA.visits];
    expect(totals.filter((v) => typeof v !== 'number' && v !== null)).toHaveLength(2);
  });

  it('shows previousYear exactly as the public report of Y−1 shows its year', async () => {
    for (const region of ['BRU', 'VLA', 'BE'] as const) {
      const {
        byMunicipality: _m,
        previousYear: _p,
        ...y2019
      } = (await compute(region, 2019, 'public')).figures;
      const { previousYear: shown } = (await compute(region, 2020, 'public')).figures;
      expect([region, shown]).toEqual([region, y2019]);
    }
    // Two Flemish municipalities with 4 visits each: 8 published would make both 4.
    expect((await compute('VLA', 2020, 'public')).figures.previousYear.visits).toBe('withheld');
    expect((await compute('BRU', 2020, 'public')).figures.previousYear.visits).toBe('withheld');
  });

  it('shows a public total of 1–4 as "<5", never as withheld', async () => {
    // VLA 2019 alone: 4 + 4 = 8 is withheld; a VLA-only week of 3 visits in 2018 is a total of 3.
    const [g] = await t.app.get(DataSource).query(`SELECT id FROM spaces WHERE ref = 'VLA-G'`);
    await t.app.get(DataSource).query(
      `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, visits)
       VALUES ($1, '2018-W10', 2018, '2018-03-05', 10, 3)`,
      [g.id],
    );
    const { figures: f } = await compute('VLA', 2018, 'public');
    expect(f.visits).toBe('<5');
    expect(f.byMunicipality.find((m) => m.nisCode === '11002')?.visits).toBe('<5');
    expect((await compute('BE', 2018, 'public')).figures.visits).toBe('<5');
  });

  it('runs the year statements with room for their aggregates and no parallel workers, in their transaction only', async () => {
    const dataSource = t.app.get(DataSource);
    const settings = `SELECT current_setting('work_mem') AS "workMem",
                             current_setting('max_parallel_workers_per_gather') AS "parallelWorkers"`;
    const [defaults] = await dataSource.query(settings);
    expect(defaults).not.toEqual({ workMem: '64MB', parallelWorkers: '0' });
    const inside = await inReportTransaction(dataSource, (m) => m.query(settings));
    expect(inside).toEqual([{ workMem: '64MB', parallelWorkers: '0' }]);
    // Pooled connections keep the server's defaults afterwards: ten reads at once use every connection.
    const after = await Promise.all(Array.from({ length: 10 }, () => dataSource.query(settings)));
    for (const [row] of after) expect(row).toEqual(defaults);
  });
});
