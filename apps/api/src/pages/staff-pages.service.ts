import { Injectable } from '@nestjs/common';
import {
  AppException,
  forbidden,
  notFound,
  type FieldError,
  type Language,
  type Principal,
} from '../../../../libs/core/src/index.js';
import { brusselsToday, isoWeekOf } from '../../../../libs/activity/src/index.js';
import { errorSummary, fieldErrorsOf, fieldId, fieldView, formValues, parseDate } from './forms.js';
import {
  criterionText,
  dateTime,
  formatDate,
  formatNumber,
  metricValue,
  runStatusClass,
  schemeName,
  weekInWords,
} from './formats.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import {
  CompletenessService,
  EvaluationsService,
  FundingService,
  LabelSchemesService,
} from './lib-services.js';
import type { PageView } from './page-renderer.js';
import { StaffLabelsRepository } from './staff-labels.repository.js';

export const STAFF_REGIONS = ['BRU', 'WAL', 'VLA'] as const;
export type StaffRegion = (typeof STAFF_REGIONS)[number];
/** The label scheme each region evaluates against (config/labels); a region without one cannot be evaluated. */
const SCHEME_OF_REGION: Partial<Record<StaffRegion, string>> = {
  BRU: 'brussels-ocr',
  WAL: 'wallonia-epn',
};
const EXPIRY_DAYS = 60;
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Outcome = { redirect: string } | { view: PageView };

const isRegion = (value: unknown): value is StaffRegion =>
  typeof value === 'string' && (STAFF_REGIONS as readonly string[]).includes(value);

const number = (value: number, lang: Language) => formatNumber(value, lang, 1);

/**
 * Which region a staff page shows: regional staff always see their own region (a `region` asked for
 * is ignored, so a link cannot widen their view); admins pick one (Brussels by default).
 */
/** The first year the dashboard offers (the registry's activity starts later). */
const FIRST_DASHBOARD_YEAR = 2000;

/**
 * The year of the dashboard's reporting table: the one asked for (2000 up to this year), else this
 * year. A past year runs from its first to its last ISO week; this year up to the current week.
 */
export function dashboardYear(asked: unknown, today: string) {
  const current = Number(today.slice(0, 4));
  const wanted = typeof asked === 'string' && /^\d{4}$/.test(asked) ? Number(asked) : current;
  const year = wanted >= FIRST_DASHBOARD_YEAR && wanted <= current ? wanted : current;
  return {
    year,
    from: `${year}-W01`,
    // 28 December is always in a year's last ISO week.
    to: year === current ? isoWeekOf(today) : isoWeekOf(`${year}-12-28`),
    previous: year > FIRST_DASHBOARD_YEAR ? year - 1 : null,
    next: year < current ? year + 1 : null,
  };
}

export function regionFor(principal: Principal, asked: unknown): StaffRegion {
  if (principal.role === 'admin') return isRegion(asked) ? asked : 'BRU';
  if (principal.role === 'regional_staff' && isRegion(principal.regionCode)) return principal.regionCode;
  throw forbidden();
}

/**
 * The regional staff pages: the region dashboard and label evaluations. Each method calls the lib
 * services the API uses; the routes' @Access has already limited them to staff and admins.
 */
@Injectable()
export class StaffPagesService {
  constructor(
    private readonly completeness: CompletenessService,
    private readonly funding: FundingService,
    private readonly evaluations: EvaluationsService,
    private readonly labels: StaffLabelsRepository,
    private readonly schemes: LabelSchemesService,
  ) {}

  async dashboard(
    principal: Principal,
    askedRegion: unknown,
    lang: Language,
    now = new Date(),
    askedYear?: unknown,
  ) {
    const m = CATALOGUES[lang];
    const region = regionFor(principal, askedRegion);
    const today = brusselsToday(now);
    const { year, from, to, previous, next } = dashboardYear(askedYear, today);
    const yearAsked = year !== Number(today.slice(0, 4));
    const yearHref = (y: number) => `/staff?region=${region}&year=${y}`;
    const [completeness, funding, expiring] = await Promise.all([
      this.completeness.forRegion(region, from, to, now),
      this.funding.warnings(principal, { region, asOf: today }),
      this.labels.expiring(
        region,
        today,
        new Date(Date.parse(today) + EXPIRY_DAYS * DAY_MS).toISOString().slice(0, 10),
      ),
    ]);
    const regionName = m.staff.regionNames[region];
    const view: PageView = {
      template: 'staff-dashboard',
      title: m.staff.dashboardTitle,
      data: {
        // Another region, the same year: the picker keeps a year chosen with the links below.
        regionPicker: this.regionPicker(principal, region, m, '/staff', yearAsked ? { year } : {}),
        regionName,
        // "Region dashboard: Brussels", with a space before the colon in French.
        heading: fill(m.form.summaryItem, { label: m.staff.dashboardTitle, message: regionName }),
        spacesTitle: fill(m.staff.spacesTitle, { year }),
        // The reporting of other years: the one before, and the one after up to this year.
        years: [previous, next]
          .filter((y): y is number => y !== null)
          .map((y) => ({ href: yearHref(y), text: fill(m.staff.otherYear, { year: y }) })),
        spacesCaption: fill(m.staff.spacesCaption, { region: regionName, year }),
        spaces: completeness.spaces.map((s) => ({
          ref: s.spaceRef,
          name: s.name,
          expected: s.expectedWeeks,
          reported: s.reportedWeeks,
          completeness: s.completenessPct === null ? m.staff.noData : `${number(s.completenessPct, lang)} %`,
          missing: s.missingWeeks.length,
          historyHref: `/spaces/${encodeURIComponent(s.spaceRef)}/history?year=${year}`,
          historyLabel: m.staff.spaceHistory,
        })),
        expiring: expiring.map((l) => ({
          text: fill(m.staff.expiringItem, {
            space: `${l.spaceName} (${l.spaceRef})`,
            scheme: schemeName(l.scheme, m),
            date: formatDate(l.validUntil, lang),
          }),
          href: `/staff/labels/${encodeURIComponent(l.spaceRef)}`,
        })),
        funding: funding.items.map((f) => ({
          text: fill(f.monthsLeft === 1 ? m.staff.fundingItemOne : m.staff.fundingItem, {
            space: `${f.name} (${f.ref})`,
            months: f.monthsLeft,
          }),
          href: `/spaces/${encodeURIComponent(f.ref)}/registry`,
        })),
        evaluateHref: `/staff/evaluations?region=${region}`,
      },
    };
    return view;
  }

  async evaluationForm(
    principal: Principal,
    askedRegion: unknown,
    lang: Language,
    state: { values?: Record<string, string>; errors?: FieldError[]; space?: unknown } = {},
    now = new Date(),
  ): Promise<PageView> {
    const m = CATALOGUES[lang];
    const region = regionFor(principal, askedRegion);
    const today = brusselsToday(now);
    const year = today.slice(0, 4);
    const [{ spaces }, recent] = await Promise.all([
      this.completeness.forRegion(region, `${year}-W01`, isoWeekOf(today), now),
      this.labels.recentEvaluations(region),
    ]);
    const errors = state.errors ?? [];
    const preselected = spaces.some((s) => s.spaceRef === state.space) ? String(state.space) : '';
    const values = { target: preselected, ...(state.values ?? {}) };
    const scheme = SCHEME_OF_REGION[region];
    return {
      template: 'staff-evaluations',
      title: m.staff.evaluationsTitle,
      status: errors.length > 0 ? 400 : 200,
      data: {
        regionPicker: this.regionPicker(principal, region, m, '/staff/evaluations'),
        region,
        hasScheme: scheme !== undefined,
        // The region's earlier runs, so that a result can be found again without its address.
        recent: recent.map((run) => ({
          href: `/staff/evaluations/${run.id}`,
          what: run.spaceRef ? `${run.spaceName} (${run.spaceRef})` : m.staff.wholeRegion,
          started: dateTime(run.createdAt, lang),
          status: (m.staff.recentStatus as Record<string, string>)[run.status] ?? run.status,
          statusClass: runStatusClass(run.status),
          result:
            run.status === 'done' && run.eligibleCount !== null
              ? fill(m.staff.recentResult, { eligible: run.eligibleCount, total: run.total })
              : '',
        })),
        errorSummary: errorSummary(
          errors,
          m,
          { target: fieldId('target'), until: fieldId('until') },
          fieldId('target'),
          { target: m.staff.target, until: m.staff.until },
        ),
        untilField: fieldView(
          { name: 'until', label: m.staff.until, hint: m.staff.untilHint, narrow: true },
          values,
          errors,
          m,
        ),
        field: fieldView(
          {
            name: 'target',
            label: m.staff.target,
            hint: m.staff.targetHint,
            required: true,
            options: [
              { value: '', label: m.staff.wholeRegion },
              ...spaces.map((s) => ({ value: s.spaceRef, label: `${s.name} (${s.spaceRef})` })),
            ],
          },
          values,
          errors,
          m,
        ),
      },
    };
  }

  async requestEvaluation(principal: Principal, body: unknown, lang: Language): Promise<Outcome> {
    const m = CATALOGUES[lang];
    const values = formValues(body, ['region', 'target', 'until']);
    const region = regionFor(principal, values.region);
    const scheme = SCHEME_OF_REGION[region];
    const again = async (errors: FieldError[]) => ({
      view: await this.evaluationForm(principal, region, lang, { values, errors }),
    });
    const invalid = () => again([{ field: 'target', message: m.staff.targetInvalid }]);
    if (!scheme) return invalid();
    // Empty: up to today. A later day has no complete weeks to measure yet.
    const until = values.until ? parseDate(values.until) : undefined;
    if (until === null) return again([{ field: 'until', message: m.form.date }]);
    if (until !== undefined && until > brusselsToday(new Date())) {
      return again([{ field: 'until', message: m.staff.untilInFuture }]);
    }
    try {
      const run = await this.evaluations.request(
        principal,
        values.target ? { scheme, spaceRef: values.target, until } : { scheme, region, until },
      );
      return { redirect: `/staff/evaluations/${run.id}` };
    } catch (error) {
      // An unknown space, or a space of another region, is a wrong choice in the list, not a broken page.
      const problems = fieldErrorsOf(error);
      // The day can pass midnight between the check above and the service's own.
      if (problems?.some((p) => p.field === 'until')) {
        return again([{ field: 'until', message: m.staff.untilInFuture }]);
      }
      if (problems) return invalid();
      if (error instanceof AppException && (error.status === 404 || error.status === 403)) {
        if (error.code === 'SPACES.NOT_FOUND' || values.target) return invalid();
      }
      throw error;
    }
  }

  async evaluationRun(principal: Principal, id: string, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    if (!UUID.test(id)) throw notFound('LABELS.EVALUATION_NOT_FOUND', 'There is no such evaluation.');
    const run = await this.evaluations.get(principal, id);
    const running = run.status === 'queued' || run.status === 'running';
    const statusText = {
      queued: m.staff.statusQueued,
      running: fill(m.staff.statusRunning, { ...run.progress }),
      done: fill(m.staff.statusDone, { eligible: run.eligibleCount ?? 0, total: run.progress.total }),
      failed: m.staff.statusFailed,
    }[run.status as 'queued' | 'running' | 'done' | 'failed'];
    const outcomes: Record<string, string> = {
      pass: m.staff.outcomePass,
      fail: m.staff.outcomeFail,
      insufficient_data: m.staff.outcomeInsufficient,
    };
    const words = { yes: m.staff.yes, no: m.staff.no, none: m.staff.noValue };
    // The scheme's own words for each rule; a scheme that cannot be read falls back to the metric in words.
    const definitions = await this.schemes
      .get(run.scheme, run.schemeVersion)
      .then((s) => s.definition.criteria)
      .catch(() => []);
    return {
      template: 'staff-evaluation-run',
      title: m.staff.runTitle,
      data: {
        // No automatic reload (WCAG 2.2.1, axe meta-refresh): while it runs, the reader checks again.
        checkHref: running ? `/staff/evaluations/${run.id}` : null,
        intro: fill(m.staff.runIntro, {
          scheme: schemeName(run.scheme, m),
          version: run.schemeVersion,
          first: weekInWords(run.window.firstWeek, lang, false),
          last: weekInWords(run.window.lastWeek, lang, false),
        }),
        statusText,
        statusClass: runStatusClass(run.status),
        backHref: `/staff?region=${run.region}`,
        spaces: run.spaces.map((s, index) => ({
          headingId: `space-${index}`,
          decideHref: `/staff/labels/${encodeURIComponent(s.spaceRef)}`,
          title: `${s.spaceName} (${s.spaceRef})`,
          eligibleText: s.eligible ? m.staff.eligible : m.staff.notEligible,
          eligibleClass: s.eligible ? 'status-reported' : 'status-missing',
          weeksText: fill(m.staff.weeksWithData, { weeks: s.weeksWithData }),
          caption: fill(m.staff.criteriaCaption, { space: s.spaceName }),
          criteria: s.criteria.map((c) => ({
            criterion: criterionText(definitions, c.criterion, c.metric, lang, m),
            measured: metricValue(c.measured, c.metric, lang, words),
            threshold:
              c.operator === 'is_true'
                ? m.staff.mustBeTrue
                : fill(m.staff.atLeast, { value: metricValue(c.threshold, c.metric, lang, words) }),
            outcome: outcomes[c.outcome] ?? c.outcome,
            outcomeClass: c.outcome === 'pass' ? 'status-reported' : 'status-missing',
            mandatory: c.mandatory ? m.staff.yes : m.staff.no,
          })),
        })),
      },
    };
  }

  /**
   * Admins choose the region; regional staff see theirs, without a picker. `keep`: the page's other
   * choices, sent along as hidden fields so that choosing a region does not undo them.
   */
  private regionPicker(
    principal: Principal,
    region: StaffRegion,
    m: Catalogue,
    action = '/staff',
    keep: Record<string, string | number> = {},
  ) {
    if (principal.role !== 'admin') return null;
    return {
      action,
      hidden: Object.entries(keep).map(([name, value]) => ({ name, value })),
      options: STAFF_REGIONS.map((code) => ({
        value: code,
        label: m.staff.regionNames[code],
        selected: code === region,
      })),
    };
  }
}
