/**
 * Turns the raw SQL rows into the figures of figures.md: rounding, null/0 rules, municipality names
 * and, for the public audience, small-cell suppression. Pure: unit-tested without a database.
 */
import type { MunicipalityDbRow, NationalVisitsRow, YearRow } from './figures.repository.js';
import { count, ratio, recorded } from './figure-rules.js';
import {
  PROFILE_KEYS,
  PURPOSE_KEYS,
  type Cell,
  type MunicipalityRow,
  type ProfileKey,
  type PurposeKey,
  type ReportAudience,
  type ReportFigures,
  type ReportLanguage,
  type ReportRegion,
  type YearFigures,
} from './figures.types.js';
import {
  nationalPattern,
  type MunicipalityVisits,
  type NationalPattern,
} from './national-suppression.rule.js';
import { isSmall, protectGroup } from './suppression.rule.js';

const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/** Raw counts behind the visitor cells, kept apart so that suppression can look at them. */
export interface VisitorCounts {
  visits: number | null;
  purposes: Record<PurposeKey, number | null>;
  profiles: Record<ProfileKey, { count: number | null; base: number | null }>;
}

export function visitorCounts(row: YearRow): VisitorCounts {
  return {
    visits: num(row.visits),
    purposes: {
      ictLearning: num(row.ict),
      jobSearch: num(row.job),
      leisureCulture: num(row.leisure),
      housingElearning: num(row.housing),
      administrative: num(row.admin),
    },
    profiles: {
      women: { count: num(row.women), base: num(row.women_base) },
      jobSeekers: { count: num(row.job_seekers), base: num(row.job_seekers_base) },
      seniors: { count: num(row.seniors), base: num(row.seniors_base) },
      youth: { count: num(row.youth), base: num(row.youth_base) },
    },
  };
}

/** Each purpose's share of the five; null for all when no purpose was recorded. */
export function purposePct(purposes: Record<PurposeKey, number | null>): Record<PurposeKey, number | null> {
  const values = PURPOSE_KEYS.map((k) => purposes[k]);
  const recordedAny = values.some((v) => v !== null);
  const sum = values.reduce<number>((s, v) => s + (v ?? 0), 0);
  return Object.fromEntries(
    PURPOSE_KEYS.map((k) => [k, recordedAny && sum > 0 ? ratio(purposes[k] ?? 0, sum, 100, 1) : null]),
  ) as Record<PurposeKey, number | null>;
}

export function profilePct(profiles: VisitorCounts['profiles']): Record<ProfileKey, number | null> {
  return Object.fromEntries(
    PROFILE_KEYS.map((k) => [k, ratio(profiles[k].count, profiles[k].base, 100, 1)]),
  ) as Record<ProfileKey, number | null>;
}

export function yearFigures(row: YearRow): YearFigures {
  const counts = visitorCounts(row);
  const spacesActive = count(row.spaces_active);
  const computers = count(row.computers);
  const inhabitants = count(row.inhabitants);
  return {
    spacesActive,
    spacesReporting: count(row.spaces_reporting),
    spacesLabelled: count(row.spaces_labelled),
    municipalitiesCovered: count(row.municipalities_covered),
    municipalitiesTotal: count(row.municipalities_total),
    inhabitants,
    avgWeeklyOpeningHours: recorded(row.avg_open, 1),
    avgWeeklyHoursWithAnimator: recorded(row.avg_with_animator, 1),
    avgAnimatorsPresent: recorded(row.avg_present, 1),
    visits: counts.visits,
    visitPurposePct: purposePct(counts.purposes),
    visitorProfilePct: profilePct(counts.profiles),
    mobileActions: recorded(row.mobile, 0),
    trainingSessions: count(row.sessions),
    trainingHours: recorded(row.training_hours, 2),
    trainingParticipations: recorded(row.participations, 0),
    trainingUsers: recorded(row.training_users, 0),
    computers,
    tablets: count(row.tablets),
    avgComputersPerSpace: ratio(computers, spacesActive, 1, 1),
    animators: count(row.animators),
    animatorFte: recorded(row.fte, 3),
    animatorFtePer10k: ratio(row.fte, inhabitants, 10000, 2),
    avgMunicipalSupportPct: recorded(row.avg_municipal_pct, 1),
    fundingTotalEur: recorded(row.funding_total, 2),
    projectFundingEndingNextYear: count(row.ending),
  };
}

/** The name readers of that language know: bilingual Brussels shows both in English. */
export function municipalityName(
  row: Pick<MunicipalityDbRow, 'name_nl' | 'name_fr' | 'region_code'>,
  language: ReportLanguage,
): string {
  if (language === 'nl') return row.name_nl;
  if (language === 'fr') return row.name_fr;
  if (row.region_code === 'WAL') return row.name_fr;
  if (row.region_code === 'VLA' || row.name_nl === row.name_fr) return row.name_nl;
  return `${row.name_fr} / ${row.name_nl}`;
}

export function municipalityRows(rows: MunicipalityDbRow[], language: ReportLanguage): MunicipalityRow[] {
  return rows.map((r) => ({
    nisCode: r.nis_code,
    name: municipalityName(r, language),
    inhabitants: Number(r.inhabitants),
    spacesActive: count(r.spaces_active),
    animatorFte: recorded(r.fte, 3),
    animatorFtePer10k: ratio(r.fte, r.inhabitants, 10000, 2),
    visits: num(r.visits),
  }));
}

/**
 * Public audience, one year's top-level figures. Visitor cells: the visits total (whose cell comes from
 * the year's national pattern, see national-suppression.rule.ts), the purpose shares (an additive
 * group: they sum to 100 and the reader may know the total of purposes) and the profile shares (each
 * one recomputable from the visits). A share whose count is 1–4 is published as '<5'; cells that would
 * give it away are 'withheld'.
 */
export function suppressYear(figures: YearFigures, counts: VisitorCounts, visits: Cell): YearFigures {
  const purposeParts = PURPOSE_KEYS.map((k) => counts.purposes[k]);
  const purposeTotal = purposeParts.reduce<number>((s, v) => s + (v ?? 0), 0);
  const purposes = protectGroup(purposeParts, purposeTotal);
  // When no choice of cells protects a small purpose (e.g. a single purpose with 1–4 visits, 100 %),
  // the whole breakdown is withheld.
  const visitPurposePct = Object.fromEntries(
    PURPOSE_KEYS.map((k, i) => {
      const cell = purposes.withholdTotal ? 'withheld' : purposes.cells[i];
      return [k, typeof cell === 'number' || cell === null ? figures.visitPurposePct[k] : cell];
    }),
  ) as Record<PurposeKey, Cell>;
  const visitorProfilePct = Object.fromEntries(
    PROFILE_KEYS.map((k) => {
      const c = counts.profiles[k].count;
      return [k, c !== null && isSmall(c) ? '<5' : figures.visitorProfilePct[k]];
    }),
  ) as Record<ProfileKey, Cell>;
  return { ...figures, visits, visitPurposePct, visitorProfilePct };
}

/** The whole country's visits per municipality for Y and Y−1: what the public pattern is made of. */
export interface NationalVisits {
  region: ReportRegion;
  current: NationalVisitsRow[];
  previous: NationalVisitsRow[];
}

const leaves = (rows: NationalVisitsRow[]): MunicipalityVisits[] =>
  rows.map((r) => ({ regionCode: r.region_code, nisCode: r.nis_code, visits: num(r.visits) }));

/**
 * The report's visits cell in the national pattern. The pattern is built from the same weekly sums as
 * the report, so they must agree; if they ever did not, publishing would be unsafe: the run fails.
 */
function visitsCell(pattern: NationalPattern, region: ReportRegion, visits: number | null): Cell {
  const cell = region === 'BE' ? pattern.total : (pattern.regions.get(region) ?? null);
  if (typeof cell === 'number' || cell === null ? cell !== visits : visits === null) {
    throw new Error(`public figures: the ${region} visits disagree with the national pattern`);
  }
  return cell;
}

export function assembleFigures(input: {
  current: YearRow;
  previous: YearRow;
  municipalities: MunicipalityDbRow[];
  audience: ReportAudience;
  language: ReportLanguage;
  /** Required for the public audience: its suppression pattern covers the whole country. */
  national?: NationalVisits;
}): ReportFigures {
  let current = yearFigures(input.current);
  let previous = yearFigures(input.previous);
  let byMunicipality = municipalityRows(input.municipalities, input.language);
  if (input.audience === 'public') {
    const national = input.national;
    if (!national) throw new Error('public figures need the national visits');
    // One pattern per year for every public report, so that no combination of them gives a small
    // count away; Y−1 (previousYear) is shown exactly as the Y−1 report shows it.
    const now = nationalPattern(leaves(national.current));
    const before = nationalPattern(leaves(national.previous));
    const counts = visitorCounts(input.current);
    const previousCounts = visitorCounts(input.previous);
    current = suppressYear(current, counts, visitsCell(now, national.region, counts.visits));
    previous = suppressYear(
      previous,
      previousCounts,
      visitsCell(before, national.region, previousCounts.visits),
    );
    byMunicipality = byMunicipality.map((m) => {
      const cell = now.municipalities.get(m.nisCode) ?? null;
      if ((typeof cell === 'number' || cell === null) && cell !== m.visits) {
        throw new Error(`public figures: municipality ${m.nisCode} disagrees with the national pattern`);
      }
      return { ...m, visits: cell };
    });
  }
  return { ...current, byMunicipality, previousYear: previous };
}
