import type { ReportAnnex, ReportFigures, YearFigures } from '../figures/figures.types.js';
import { renderCsv, renderHtml, reportFilename } from './report-renderers.js';
import { barChart, formatCell } from './report-view.js';

const year: YearFigures = {
  spacesActive: 2,
  spacesReporting: 1,
  spacesLabelled: 0,
  municipalitiesCovered: 1,
  municipalitiesTotal: 2,
  inhabitants: 20000,
  avgWeeklyOpeningHours: 25.8,
  avgWeeklyHoursWithAnimator: 23.8,
  avgAnimatorsPresent: 1.7,
  visits: 1000,
  visitPurposePct: {
    ictLearning: 40,
    jobSearch: 35,
    leisureCulture: 10,
    housingElearning: 10,
    administrative: 5,
  },
  visitorProfilePct: { women: 52.5, jobSeekers: null, seniors: '<5', youth: 'withheld' },
  mobileActions: null,
  trainingSessions: 3,
  trainingHours: 6.5,
  trainingParticipations: 12,
  trainingUsers: 4,
  computers: 19,
  tablets: 2,
  avgComputersPerSpace: 9.5,
  animators: 2,
  animatorFte: 1.5,
  animatorFtePer10k: 0.75,
  avgMunicipalSupportPct: 66,
  fundingTotalEur: 1234.5,
  projectFundingEndingNextYear: 1,
};
const figures: ReportFigures = {
  ...year,
  byMunicipality: [
    {
      nisCode: '21004',
      name: '<script>alert(1)</script>',
      inhabitants: 20000,
      spacesActive: 2,
      animatorFte: 1.5,
      animatorFtePer10k: 0.75,
      visits: 1000,
    },
    {
      nisCode: '21009',
      name: 'Ixelles',
      inhabitants: 0,
      spacesActive: 0,
      animatorFte: null,
      animatorFtePer10k: null,
      visits: null,
    },
  ],
  previousYear: { ...year, visits: 800, avgWeeklyOpeningHours: null },
};
const annex: ReportAnnex = {
  fundingBySource: [{ source: 'municipality', amountEur: 1234.5, pct: 100 }],
  projectFundingEnding: [{ ref: 'BRU-B', name: 'O"CR & co', endsOn: '2017-06-30' }],
};

describe('report rendering', () => {
  it('escapes every value and writes the page in the report language', () => {
    const html = renderHtml(figures, annex, {
      region: 'BRU',
      year: 2016,
      audience: 'internal',
      language: 'fr',
    });
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('O&quot;CR &amp; co');
    expect(html).toContain('Région de Bruxelles-Capitale 2016');
    // Headline with the change from the previous year (1,000 vs 800).
    expect(html).toMatch(
      /Accès individuels<\/th><td class="num">1\s000<\/td><td class="num">800<\/td><td class="num">\+200<\/td>/,
    );
  });

  it('draws each chart with a title and a text alternative listing every value', () => {
    const chart = barChart(
      'c',
      'Visit purposes',
      [
        { label: 'ICT learning', cell: 40 },
        { label: 'Job search', cell: '<5' },
      ],
      'en',
    );
    expect(chart.description).toBe('Visit purposes (share in per cent): ICT learning 40.0 %; Job search <5.');
    expect(chart.bars.map((b) => b.width)).toEqual([104, 0]);
  });

  it('tells "not reported" from 0 and marks suppressed cells', () => {
    expect(formatCell(null, 'nl')).toBe('niet gemeld');
    expect(formatCell(0, 'en', 1)).toBe('0.0');
    expect(formatCell('withheld', 'fr')).toBe('masqué');
    expect(formatCell(31.25, 'en', 1)).toBe('31.3');
  });

  it('writes the figures and the municipality table as CSV, empty for not reported', () => {
    const csv = renderCsv(figures).toString('utf8');
    expect(csv).toContain('\r\nvisits,1000,800\r\n');
    expect(csv).toContain('\r\navgWeeklyOpeningHours,25.8,\r\n');
    expect(csv).toContain('\r\nvisitorProfilePct.seniors,<5,<5\r\n');
    expect(csv).toContain('\r\n21009,Ixelles,0,0,,,0,\r\n');
  });

  it('names files after region, year, language and audience', () => {
    expect(reportFilename({ region: 'BRU', year: 2016, audience: 'internal', language: 'en' }, 'xlsx')).toBe(
      'report-BRU-2016-en.xlsx',
    );
    expect(reportFilename({ region: 'BE', year: 2020, audience: 'public', language: 'nl' }, 'pdf')).toBe(
      'report-BE-2020-nl-public.pdf',
    );
  });
});
