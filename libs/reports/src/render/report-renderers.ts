import Handlebars from 'handlebars';
import { stringify } from 'csv-stringify/sync';
import { fteGapToNorm } from '../figures/figure-rules.js';
import type {
  Cell,
  ReportAnnex,
  ReportFigures,
  ReportFormat,
  ReportLanguage,
} from '../figures/figures.types.js';
import { FIGURE_LABELS, TEXTS } from './report-texts.js';
import {
  flattenFigures,
  municipalityColumns,
  reportView,
  type MunicipalityColumn,
  type ReportParams,
} from './report-view.js';
import { REPORT_TEMPLATE } from './report.template.js';

/** Compiled once, strict (a missing field is an error, not an empty string), escaped by default. */
const renderTemplate = Handlebars.compile(REPORT_TEMPLATE, { strict: true, noEscape: false });

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/** e.g. `report-BRU-2016-en.xlsx`; the public edition says so in its name. */
export function reportFilename(params: ReportParams, format: ReportFormat): string {
  const suffix = params.audience === 'public' ? '-public' : '';
  return `report-${params.region}-${params.year}-${params.language}${suffix}.${format}`;
}

export function renderHtml(figures: ReportFigures, annex: ReportAnnex, params: ReportParams): string {
  return renderTemplate(reportView(figures, annex, params));
}

/**
 * A suppressed cell as written in the CSV and XLSX: `withheld` in the report's language. figures.md
 * documents `<5` as the shown value ("is shown as `<5`") but "withheld" only as what happens to a figure,
 * not as a cell value; csv.md defines the import/export record files, not the report CSV. So `withheld`
 * is no contract value there (the JSON keeps its `'withheld'`), and a NL or FR reader gets their word.
 * Without a language (an older caller), the JSON value is written.
 */
function withheldText(language: ReportLanguage | undefined): string {
  return language ? TEXTS.withheld[language] : 'withheld';
}

/** Spreadsheet cells keep numbers as numbers and '<5'; null is an empty cell; withheld is translated. */
const sheetValue = (cell: Cell, language?: ReportLanguage): string | number | null =>
  cell === 'withheld' ? withheldText(language) : cell;

export function renderJson(figures: ReportFigures, params: ReportParams): Buffer {
  return Buffer.from(JSON.stringify({ ...params, figures }, null, 2), 'utf8');
}

/** RFC 4180 line ends, as spreadsheet programs expect. */
const CSV_OPTIONS = { record_delimiter: 'windows' } as const;

/**
 * Two blocks: the figures (`figure,value,previous_year`), a blank line, then the municipality table.
 * Header names and figure keys are a contract and stay as they are in every language; the one word
 * in a cell, `withheld`, is written in the report's language (see `withheldText`).
 * Empty cells are "not reported"; a UTF-8 BOM so that spreadsheet programs read accents correctly.
 */
export function renderCsv(figures: ReportFigures, params: Pick<ReportParams, 'language'>): Buffer {
  const csvValue = (cell: Cell | undefined) => sheetValue(cell ?? null, params.language) ?? '';
  const previous = new Map(flattenFigures(figures.previousYear));
  const figureRows = flattenFigures(figures).map(([key, cell]) => [
    key,
    csvValue(cell),
    csvValue(previous.get(key)),
  ]);
  const municipalityRows = figures.byMunicipality.map((m) => [
    m.nisCode,
    m.name,
    m.inhabitants,
    m.spacesActive,
    csvValue(m.animatorFte),
    csvValue(m.animatorFtePer10k),
    fteGapToNorm(m.inhabitants, m.animatorFte),
    csvValue(m.visits),
  ]);
  const text =
    stringify([['figure', 'value', 'previous_year'], ...figureRows], CSV_OPTIONS) +
    '\r\n' +
    stringify(
      [
        [
          'nis_code',
          'municipality',
          'inhabitants',
          'spaces_active',
          'animator_fte',
          'animator_fte_per_10k',
          'fte_gap_to_norm',
          'visits',
        ],
        ...municipalityRows,
      ],
      CSV_OPTIONS,
    );
  return Buffer.from('\ufeff' + text, 'utf8');
}

/**
 * A figures sheet (key, label, value, previous year) and a municipalities sheet, with sheet names and
 * headers in the report's language. No XLSX layout is a contract (figures.md only says the figures
 * render as XLSX; csv.md defines no report file), so nothing in it needs to be a code word; the figure
 * keys stay in the first column (the JSON keys, a contract) so that a sheet can be matched to the API.
 * The municipality headers are the HTML table's (`municipalityColumns`): one label source for both.
 */
export async function renderXlsx(figures: ReportFigures, params: ReportParams): Promise<Buffer> {
  // Loaded on first use: only the worker renders workbooks, and the API should not carry the library.
  const { default: ExcelJS } = await import('exceljs');
  const lang = params.language;
  const book = new ExcelJS.Workbook();
  book.creator = 'OCR Register';
  const sheet = book.addWorksheet(TEXTS.figuresSheet[lang]);
  sheet.columns = [
    { header: TEXTS.figureKey[lang], key: 'figure', width: 36 },
    { header: TEXTS.figure[lang], key: 'label', width: 50 },
    { header: String(params.year), key: 'value', width: 16 },
    { header: String(params.year - 1), key: 'previous', width: 16 },
  ];
  const previous = new Map(flattenFigures(figures.previousYear));
  for (const [key, cell] of flattenFigures(figures)) {
    sheet.addRow({
      figure: key,
      label: FIGURE_LABELS[key]?.[lang] ?? key,
      value: sheetValue(cell, lang),
      previous: sheetValue(previous.get(key) ?? null, lang),
    });
  }
  const towns = book.addWorksheet(TEXTS.municipalitiesSheet[lang]);
  const widths: Record<MunicipalityColumn, number> = {
    nisCode: 12,
    name: 36,
    inhabitants: 14,
    spacesActive: 14,
    animatorFte: 16,
    animatorFtePer10k: 24,
    gap: 24,
    visits: 16,
  };
  towns.columns = municipalityColumns(lang).map(({ key, label }) => ({
    header: label,
    key,
    width: widths[key],
  }));
  for (const m of figures.byMunicipality) {
    towns.addRow({
      ...m,
      animatorFte: sheetValue(m.animatorFte, lang),
      animatorFtePer10k: sheetValue(m.animatorFtePer10k, lang),
      visits: sheetValue(m.visits, lang),
      gap: fteGapToNorm(m.inhabitants, m.animatorFte),
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
