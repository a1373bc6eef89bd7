/**
 * The view model of the HTML report: every number already formatted for the language, every chart
 * already laid out. Pure, so the template stays logic-free and the layout is testable.
 */
import { changeFrom, fteGapToNorm } from '../figures/figure-rules.js';
import {
  PROFILE_KEYS,
  PURPOSE_KEYS,
  type Cell,
  type ReportAnnex,
  type ReportAudience,
  type ReportFigures,
  type ReportLanguage,
  type YearFigures,
} from '../figures/figures.types.js';
import {
  COLON,
  FIGURE_LABELS,
  FUNDING_SOURCE_LABELS,
  LOCALES,
  PROFILE_LABELS,
  PURPOSE_LABELS,
  REGION_NAMES,
  TEXTS,
} from './report-texts.js';

export interface ReportParams {
  region: string;
  year: number;
  audience: ReportAudience;
  language: ReportLanguage;
}

/** Decimals each figure is published with (figures.md). */
export const FIGURE_DECIMALS: Record<string, number> = {
  avgWeeklyOpeningHours: 1,
  avgWeeklyHoursWithAnimator: 1,
  avgAnimatorsPresent: 1,
  avgComputersPerSpace: 1,
  avgMunicipalSupportPct: 1,
  animatorFtePer10k: 2,
  animatorFte: 3,
  trainingHours: 2,
  fundingTotalEur: 2,
};

/** The top-level figures as flat `key → cell` pairs, nested shares as `visitPurposePct.jobSearch`. */
export function flattenFigures(figures: YearFigures): Array<[string, Cell]> {
  const out: Array<[string, Cell]> = [];
  for (const [key, value] of Object.entries(figures)) {
    if (key === 'byMunicipality' || key === 'previousYear') continue;
    if (value !== null && typeof value === 'object') {
      for (const [sub, cell] of Object.entries(value as Record<string, Cell>))
        out.push([`${key}.${sub}`, cell]);
    } else {
      out.push([key, value as Cell]);
    }
  }
  return out;
}

export function formatCell(cell: Cell, language: ReportLanguage, decimals = 0): string {
  if (cell === null) return TEXTS.notReported[language];
  if (cell === '<5') return '<5';
  if (cell === 'withheld') return TEXTS.withheld[language];
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(cell);
}

/** Shown, in every language, for a figure of a municipality without any space (see `noSpaceLegend`). */
export const NO_SPACE_MARK = '—';

/** The municipality table's columns, in order: JSON key (or `gap`) and its label in the language. */
export type MunicipalityColumn =
  | 'nisCode'
  | 'name'
  | 'inhabitants'
  | 'spacesActive'
  | 'animatorFte'
  | 'animatorFtePer10k'
  | 'gap'
  | 'visits';

/** One label source for the HTML (and so PDF) table and the XLSX sheet. */
export function municipalityColumns(
  language: ReportLanguage,
): Array<{ key: MunicipalityColumn; label: string }> {
  return [
    { key: 'nisCode', label: TEXTS.nisCode[language] },
    { key: 'name', label: TEXTS.municipality[language] },
    { key: 'inhabitants', label: FIGURE_LABELS.inhabitants[language] },
    { key: 'spacesActive', label: FIGURE_LABELS.spacesActive[language] },
    { key: 'animatorFte', label: FIGURE_LABELS.animatorFte[language] },
    { key: 'animatorFtePer10k', label: FIGURE_LABELS.animatorFtePer10k[language] },
    { key: 'gap', label: TEXTS.gap[language] },
    { key: 'visits', label: FIGURE_LABELS.visits[language] },
  ];
}

const decimalsOf = (key: string) => (key.includes('Pct') ? 1 : (FIGURE_DECIMALS[key] ?? 0));

interface Bar {
  label: string;
  valueText: string;
  y: number;
  textY: number;
  width: number;
}

export interface ChartView {
  id: string;
  title: string;
  description: string;
  height: number;
  bars: Bar[];
}

/** A horizontal bar chart of shares (0–100 %), laid out on a 600-unit-wide canvas. */
export function barChart(
  id: string,
  title: string,
  items: Array<{ label: string; cell: Cell }>,
  language: ReportLanguage,
): ChartView {
  const rowHeight = 28;
  const bars = items.map((item, i) => {
    const valueText =
      typeof item.cell === 'number'
        ? `${formatCell(item.cell, language, 1)} %`
        : formatCell(item.cell, language);
    return {
      label: item.label,
      valueText,
      y: i * rowHeight + 6,
      textY: i * rowHeight + 21,
      width: typeof item.cell === 'number' ? Math.round(item.cell * 2.6 * 10) / 10 : 0,
    };
  });
  const description = `${title} (${TEXTS.chartShare[language]})${COLON[language]}${bars.map((b) => `${b.label} ${b.valueText}`).join('; ')}.`;
  return { id, title, description, height: items.length * rowHeight + 10, bars };
}

export function reportView(figures: ReportFigures, annex: ReportAnnex, params: ReportParams) {
  const lang = params.language;
  const t = Object.fromEntries(Object.entries(TEXTS).map(([k, v]) => [k, v[lang]])) as Record<
    keyof typeof TEXTS,
    string
  >;
  const previous = new Map(flattenFigures(figures.previousYear));
  const headline = flattenFigures(figures)
    .filter(([key]) => !key.startsWith('visitPurposePct.') && !key.startsWith('visitorProfilePct.'))
    .map(([key, cell]) => {
      const decimals = decimalsOf(key);
      const before = previous.get(key) ?? null;
      const change = changeFrom(cell, before);
      return {
        label: FIGURE_LABELS[key]?.[lang] ?? key,
        value: formatCell(cell, lang, decimals),
        previous: formatCell(before, lang, decimals),
        change: change === null ? '–' : `${change > 0 ? '+' : ''}${formatCell(change, lang, decimals)}`,
      };
    });
  const purposes = barChart(
    'chart-purposes',
    t.purposesChart,
    PURPOSE_KEYS.map((k) => ({ label: PURPOSE_LABELS[k][lang], cell: figures.visitPurposePct[k] })),
    lang,
  );
  const profile = barChart(
    'chart-profile',
    t.profileChart,
    PROFILE_KEYS.map((k) => ({ label: PROFILE_LABELS[k][lang], cell: figures.visitorProfilePct[k] })),
    lang,
  );
  const municipalities = figures.byMunicipality.map((m) => {
    // No space, so nothing could be reported: a dash (with a legend), not "not reported". The gap to
    // the norm stays a number: such a municipality is the coverage gap itself.
    const noSpace = m.spacesActive === 0;
    const cell = (value: Cell, decimals = 0) =>
      noSpace && value === null ? NO_SPACE_MARK : formatCell(value, lang, decimals);
    return {
      nisCode: m.nisCode,
      name: m.name,
      inhabitants: formatCell(m.inhabitants, lang),
      spacesActive: formatCell(m.spacesActive, lang),
      animatorFte: cell(m.animatorFte, 3),
      animatorFtePer10k: cell(m.animatorFtePer10k, 2),
      gap: formatCell(fteGapToNorm(m.inhabitants, m.animatorFte), lang, 2),
      visits: cell(m.visits),
    };
  });
  const columns = municipalityColumns(lang);
  const funding = annex.fundingBySource.map((f) => ({
    source: FUNDING_SOURCE_LABELS[f.source]?.[lang] ?? f.source,
    amount: formatCell(f.amountEur, lang, 2),
    share: formatCell(f.pct, lang, 1),
  }));
  return {
    lang,
    t,
    title: `${t.title}${COLON[lang]}${REGION_NAMES[params.region][lang]} ${params.year}`,
    regionName: REGION_NAMES[params.region][lang],
    year: params.year,
    previousYear: params.year - 1,
    audienceNote: params.audience === 'public' ? t.audiencePublic : t.audienceInternal,
    isPublic: params.audience === 'public',
    headline,
    charts: [purposes, profile],
    municipalities,
    municipalityHeaders: columns.map((c) => c.label),
    hasNoSpace: municipalities.some((m) =>
      [m.animatorFte, m.animatorFtePer10k, m.visits].includes(NO_SPACE_MARK),
    ),
    funding,
    hasFunding: funding.length > 0,
    ending: annex.projectFundingEnding,
    hasEnding: annex.projectFundingEnding.length > 0,
  };
}
