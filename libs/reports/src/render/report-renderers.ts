import Handlebars from 'handlebars';
import { stringify } from 'csv-stringify/sync';
import { fteGapToNorm } from '../figures/figure-rules.js';
import type { Cell, ReportAnnex, ReportFigures, ReportFormat } from '../figures/figures.types.js';
import { FIGURE_LABELS, TEXTS } from './report-texts.js';
import { flattenFigures, reportView, type ReportParams } from './report-view.js';
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

/** Spreadsheet cells keep numbers as numbers; '<5', 'withheld' and null (empty) stay as they are. */
const sheetValue = (cell: Cell): string | number | null => cell;

export function renderJson(figures: ReportFigures, params: ReportParams): Buffer {
  return Buffer.from(JSON.stringify({ ...params, figures }, null, 2), 'utf8');
}

/** RFC 4180 line ends, as spreadsheet programs expect. */
const CSV_OPTIONS = { record_delimiter: 'windows' } as const;

/**
 * Two blocks: the figures (`figure,value,previous_year`), a blank line, then the municipality table.
 * Empty cells are "not reported"; a UTF-8 BOM so that spreadsheet programs read accents correctly.
 */
export function renderCsv(figures: ReportFigures): Buffer {
  const previous = new Map(flattenFigures(figures.previousYear));
  const figureRows = flattenFigures(figures).map(([key, cell]) => [key, cell ?? '', previous.get(key) ?? '']);
  const municipalityRows = figures.byMunicipality.map((m) => [
    m.nisCode,
    m.name,
    m.inhabitants,
    m.spacesActive,
    m.animatorFte ?? '',
    m.animatorFtePer10k ?? '',
    fteGapToNorm(m.inhabitants, m.animatorFte),
    m.visits ?? '',
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

/** A Figures sheet (key, label, value, previous year) and a Municipalities sheet. */
export async function renderXlsx(figures: ReportFigures, params: ReportParams): Promise<Buffer> {
  // Loaded on first use: only the worker renders workbooks, and the API should not carry the library.
  const { default: ExcelJS } = await import('exceljs');
  const lang = params.language;
  const book = new ExcelJS.Workbook();
  book.creator = 'OCR Register';
  const sheet = book.addWorksheet('Figures');
  sheet.columns = [
    { header: 'figure', key: 'figure', width: 36 },
    { header: TEXTS.figure[lang], key: 'label', width: 50 },
    { header: String(params.year), key: 'value', width: 16 },
    { header: String(params.year - 1), key: 'previous', width: 16 },
  ];
  const previous = new Map(flattenFigures(figures.previousYear));
  for (const [key, cell] of flattenFigures(figures)) {
    sheet.addRow({
      figure: key,
      label: FIGURE_LABELS[key]?.[lang] ?? key,
      value: sheetValue(cell),
      previous: sheetValue(previous.get(key) ?? null),
    });
  }
  const towns = book.addWorksheet('Municipalities');
  towns.columns = [
    { header: 'nisCode', key: 'nisCode', width: 10 },
    { header: 'name', key: 'name', width: 36 },
    { header: 'inhabitants', key: 'inhabitants', width: 14 },
    { header: 'spacesActive', key: 'spacesActive', width: 14 },
    { header: 'animatorFte', key: 'animatorFte', width: 14 },
    { header: 'animatorFtePer10k', key: 'animatorFtePer10k', width: 18 },
    { header: 'fteGapToNorm', key: 'gap', width: 14 },
    { header: 'visits', key: 'visits', width: 12 },
  ];
  for (const m of figures.byMunicipality) {
    towns.addRow({ ...m, visits: sheetValue(m.visits), gap: fteGapToNorm(m.inhabitants, m.animatorFte) });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
