import ExcelJS from 'exceljs';
import type { ReportAnnex, ReportFigures, ReportLanguage, YearFigures } from '../figures/figures.types.js';
import { renderCsv, renderHtml, renderXlsx, reportFilename } from './report-renderers.js';
import { barChart, formatCell, municipalityColumns } from './report-view.js';

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
    {
      nisCode: '21001',
      name: 'Anderlecht',
      inhabitants: 118000,
      spacesActive: 1,
      animatorFte: null,
      animatorFtePer10k: null,
      visits: 'withheld',
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
    // French typography: a space before the colon.
    expect(barChart('c', 'Motifs', [{ label: 'Emploi', cell: 40 }], 'fr').description).toBe(
      'Motifs (part en pourcentage) : Emploi 40,0 %.',
    );
  });

  it('titles the report with the colon of its language', () => {
    expect(renderHtml(figures, annex, params('fr'))).toContain(
      '<title>Rapport régional des espaces publics numériques : Région de Bruxelles-Capitale 2016</title>',
    );
    expect(renderHtml(figures, annex, params('nl'))).toContain(
      '<title>Regionaal rapport openbare computerruimtes: ',
    );
  });

  it('tells "not reported" from 0 and marks suppressed cells', () => {
    expect(formatCell(null, 'nl')).toBe('niet gemeld');
    expect(formatCell(0, 'en', 1)).toBe('0.0');
    expect(formatCell('withheld', 'fr')).toBe('masqué');
    expect(formatCell(31.25, 'en', 1)).toBe('31.3');
  });

  it('writes the figures and the municipality table as CSV, empty for not reported', () => {
    const csv = renderCsv(figures, { language: 'en' }).toString('utf8');
    expect(csv).toContain('\r\nvisits,1000,800\r\n');
    expect(csv).toContain('\r\navgWeeklyOpeningHours,25.8,\r\n');
    expect(csv).toContain('\r\nvisitorProfilePct.seniors,<5,<5\r\n');
    expect(csv).toContain('\r\n21009,Ixelles,0,0,,,0,\r\n');
  });

  const LANGUAGES: ReportLanguage[] = ['nl', 'fr', 'en'];
  const WITHHELD = { nl: 'afgeschermd', fr: 'masqué', en: 'withheld' };
  const NOT_REPORTED = { nl: 'niet gemeld', fr: 'non communiqué', en: 'not reported' };
  const NO_SPACE_LEGEND = {
    nl: '— geen ruimte in deze gemeente',
    fr: '— aucun espace dans cette commune',
    en: '— no space in this municipality',
  };
  const params = (language: ReportLanguage) =>
    ({ region: 'BRU', year: 2016, audience: 'public', language }) as const;

  it.each(LANGUAGES)(
    'writes withheld cells of the %s CSV in its language, contract names unchanged',
    (lang) => {
      const csv = renderCsv(figures, params(lang)).toString('utf8');
      expect(csv.startsWith('\ufefffigure,value,previous_year\r\n')).toBe(true);
      expect(csv).toContain(
        '\r\nnis_code,municipality,inhabitants,spaces_active,animator_fte,animator_fte_per_10k,fte_gap_to_norm,visits\r\n',
      );
      expect(csv).toContain(`\r\nvisitorProfilePct.youth,${WITHHELD[lang]},${WITHHELD[lang]}\r\n`);
      expect(csv).toContain(`\r\n21001,Anderlecht,118000,1,,,11.8,${WITHHELD[lang]}\r\n`);
      if (lang !== 'en') expect(csv).not.toContain('withheld');
    },
  );

  it.each(LANGUAGES)(
    'names the %s XLSX sheets and headers in its language, as the HTML does',
    async (lang) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await renderXlsx(figures, params(lang))) as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(
        { nl: ['Cijfers', 'Gemeenten'], fr: ['Indicateurs', 'Communes'], en: ['Figures', 'Municipalities'] }[
          lang
        ],
      );
      const [sheet, towns] = book.worksheets;
      const headers = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);
      expect(headers(sheet.getRow(1))).toEqual([
        { nl: 'Sleutel (API)', fr: 'Clé (API)', en: 'Key (API)' }[lang],
        { nl: 'Cijfer', fr: 'Indicateur', en: 'Figure' }[lang],
        '2016',
        '2015',
      ]);
      // The figure keys (the JSON contract) stay in the first column; values stay numbers.
      const byKey = new Map<string, unknown[]>();
      sheet.eachRow((row, n) => {
        if (n > 1) byKey.set(String(row.getCell(1).value), [row.getCell(3).value, row.getCell(4).value]);
      });
      expect(byKey.get('visits')).toEqual([1000, 800]);
      expect(byKey.get('visitorProfilePct.youth')).toEqual([WITHHELD[lang], WITHHELD[lang]]);

      const labels = municipalityColumns(lang).map((c) => c.label);
      expect(headers(towns.getRow(1))).toEqual(labels);
      expect(labels).toContain(
        { nl: 'Animatoren (VTE)', fr: 'Animateurs (ETP)', en: 'Animators (FTE)' }[lang],
      );
      for (const code of ['nisCode', 'name', 'animatorFte', 'fteGapToNorm', 'visits'])
        expect(labels).not.toContain(code);
      // The same labels head the HTML table.
      const html = renderHtml(figures, annex, params(lang));
      expect(html).toContain(labels.map((l) => `<th scope="col">${l}</th>`).join(''));
      expect(towns.getRow(2).getCell(1).value).toBe('21004');
      expect(towns.getRow(2).getCell(5).value).toBe(1.5);
      expect(towns.getRow(4).getCell(8).value).toBe(WITHHELD[lang]);
    },
  );

  it.each(LANGUAGES)('shows a dash, with a legend, for a municipality without any space in %s', (lang) => {
    const html = renderHtml(figures, annex, params(lang));
    const row = (nis: string) => html.split('\n').find((line) => line.startsWith(`<tr><td>${nis}</td>`))!;
    // Ixelles has no space: nothing could be reported; the gap to the norm stays a number.
    const ixelles = row('21009');
    expect(ixelles).not.toContain(NOT_REPORTED[lang]);
    expect(ixelles).toMatch(
      /<td class="num">—<\/td><td class="num">—<\/td><td class="num">0[.,]00<\/td><td class="num">—<\/td><\/tr>$/,
    );
    expect(html).toContain(`<p class="note">${NO_SPACE_LEGEND[lang]}</p>`);
    // Anderlecht has a space that reported no FTE: that is "not reported", not a dash.
    expect(row('21001')).toContain(`<td class="num">${NOT_REPORTED[lang]}</td>`);
    expect(row('21001')).not.toContain('—');
  });

  it('writes no legend when every municipality has a space', () => {
    const html = renderHtml({ ...figures, byMunicipality: [figures.byMunicipality[0]] }, annex, params('en'));
    expect(html).not.toContain(NO_SPACE_LEGEND.en);
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
