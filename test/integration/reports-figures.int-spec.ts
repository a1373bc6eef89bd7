import { FiguresService } from '../../libs/reports/src/index.js';
import {
  BE_2020_TOP,
  BRU_2020,
  BRU_2020_MUNICIPALITIES,
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
    expect(empty.every((m) => m.visits === null && m.animatorFte === null)).toBe(true);
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
    expect(previousYear.spacesActive).toBe(5);
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
    // BRU 2019: Anderlecht (BRU-E) had 2 visits; Brussels city 40, Ixelles 50, total 92.
    const { figures: f } = await compute('BRU', 2019, 'public');
    const rows = new Map(f.byMunicipality.map((m) => [m.nisCode, m.visits]));
    expect(rows.get('21001')).toBe('<5');
    expect(rows.get('21004')).toBe('withheld');
    expect(rows.get('21009')).toBe(50);
    expect(f.visits).toBe(92);
    const internal = (await compute('BRU', 2019)).figures;
    expect(new Map(internal.byMunicipality.map((m) => [m.nisCode, m.visits])).get('21001')).toBe(2);
  });
});
