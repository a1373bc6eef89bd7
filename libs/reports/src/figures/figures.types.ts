/** Region codes a report may cover: one region, or `BE` for the whole country. */
export const REPORT_REGIONS = ['BRU', 'WAL', 'VLA', 'BE'] as const;
export type ReportRegion = (typeof REPORT_REGIONS)[number];
export const REPORT_AUDIENCES = ['internal', 'public'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];
export const REPORT_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const REPORT_FORMATS = ['html', 'csv', 'xlsx', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A published cell: a number, `null` (not reported), `'<5'` (a small count) or `'withheld'`. */
export type Cell = number | null | '<5' | 'withheld';

export const PURPOSE_KEYS = [
  'ictLearning',
  'jobSearch',
  'leisureCulture',
  'housingElearning',
  'administrative',
] as const;
export type PurposeKey = (typeof PURPOSE_KEYS)[number];
export const PROFILE_KEYS = ['women', 'jobSeekers', 'seniors', 'youth'] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

/** The top-level figures of figures.md (JSON keys are a contract). */
export interface YearFigures {
  spacesActive: number;
  spacesReporting: number;
  spacesLabelled: number;
  municipalitiesCovered: number;
  municipalitiesTotal: number;
  inhabitants: number;
  avgWeeklyOpeningHours: number | null;
  avgWeeklyHoursWithAnimator: number | null;
  avgAnimatorsPresent: number | null;
  visits: Cell;
  visitPurposePct: Record<PurposeKey, Cell>;
  visitorProfilePct: Record<ProfileKey, Cell>;
  mobileActions: number | null;
  trainingSessions: number;
  trainingHours: number | null;
  trainingParticipations: number | null;
  trainingUsers: number | null;
  computers: number;
  tablets: number;
  avgComputersPerSpace: number | null;
  animators: number;
  animatorFte: number | null;
  animatorFtePer10k: number | null;
  avgMunicipalSupportPct: number | null;
  fundingTotalEur: number | null;
  projectFundingEndingNextYear: number;
}

export interface MunicipalityRow {
  nisCode: string;
  name: string;
  inhabitants: number;
  spacesActive: number;
  animatorFte: number | null;
  animatorFtePer10k: number | null;
  visits: Cell;
}

export interface ReportFigures extends YearFigures {
  byMunicipality: MunicipalityRow[];
  previousYear: YearFigures;
}

/** What the renderers show beyond the figures: the funding mix and the spaces at risk. */
export interface ReportAnnex {
  fundingBySource: Array<{ source: string; amountEur: number; pct: number | null }>;
  projectFundingEnding: Array<{ ref: string; name: string; endsOn: string }>;
}
