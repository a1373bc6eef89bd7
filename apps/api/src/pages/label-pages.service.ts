import { Injectable } from '@nestjs/common';
import {
  AppException,
  LOCALES,
  formatLongDate,
  notFound,
  type FieldError,
  type Language,
  type Principal,
} from '../../../../libs/core/src/index.js';
import { allowedDecisions, normaliseCertificateCode } from '../../../../libs/labels/src/index.js';
import { errorSummary, fieldErrorsOf, fieldId, fieldView, formValues, type FormValues } from './forms.js';
import { metricName, metricValue, weekInWords } from './formats.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import { LabelPagesRepository, type LabelPageSpace } from './label-pages.repository.js';
import {
  CertificatesService,
  EvaluationsService,
  LABEL_DECISIONS,
  LabelDecisionsService,
  LabelSchemesService,
  type CreateDecisionDto,
  type LabelDecision,
} from './lib-services.js';
import { spaceNavOf } from './space-nav.js';
import type { PageView } from './page-renderer.js';
import { ReminderPagesService } from './reminder-pages.service.js';

type Outcome = { redirect: string } | { view: PageView };
type Texts = Catalogue['labelPages'];
type LabelStatus = keyof Texts['statusNames'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JUSTIFICATION_MAX = 4000;
const DECISION_FIELDS = ['decision', 'justification', 'evaluationId', 'currentDecisionId'];
const ANCHORS = {
  decision: fieldId('decision'),
  justification: fieldId('justification'),
};

/** A calendar date in words ("1 December 2026"). */
export const longDate = formatLongDate;

/** The Brussels day of an instant (a decision at 23:30 UTC in winter is taken the next day there). */
export function dayOf(instant: Date | string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(new Date(instant));
}

/** The decisions that fit the current label, by the lib's own rule (the service checks again). */
export function decisionsFor(currentStatus: string): LabelDecision[] {
  return allowedDecisions(currentStatus);
}

/** Why a decision against the evaluation needs a reason, in the words of that decision. */
const reasonNeeded = (t: Texts, decision: LabelDecision) =>
  ({
    grant: t.errReasonGrant,
    renew: t.errReasonRenew,
    refuse: t.errReasonRefuse,
    suspend: t.errReasonSuspend,
    withdraw: t.errReasonWithdraw,
  })[decision];

const statusName = (t: Texts, status: string) => t.statusNames[status as LabelStatus] ?? status;

/**
 * The label pages: staff decide on a space's label, the coordinator reads it with its evidence, and
 * anyone checks a certificate. Every call goes to the labels lib services the JSON API uses; the
 * routes' @Access has already limited who gets here.
 */
@Injectable()
export class LabelPagesService {
  constructor(
    private readonly repo: LabelPagesRepository,
    private readonly decisions: LabelDecisionsService,
    private readonly evaluations: EvaluationsService,
    private readonly certificates: CertificatesService,
    private readonly schemes: LabelSchemesService,
    private readonly reminders: ReminderPagesService,
  ) {}

  /** The staff page: current label, latest evidence and the decision form. */
  async decisionPage(
    principal: Principal,
    ref: string,
    lang: Language,
    state: { values?: FormValues; errors?: FieldError[]; saved?: unknown; status?: number } = {},
  ): Promise<PageView> {
    const m = CATALOGUES[lang];
    const t = m.labelPages;
    const space = await this.space(ref);
    const [current, evidence, decided] = await Promise.all([
      this.current(space, lang),
      this.evidence(principal, space, lang, true),
      this.decisions.history(space.ref),
    ]);
    const errors = state.errors ?? [];
    const values = state.values ?? {};
    const currentStatus = current?.status ?? 'none';
    const years = evidence ? await this.validityYears(evidence.scheme, evidence.schemeVersion) : null;
    const decisionHint = fill(t.decisionHint, { years: years ?? 3 });
    const base = `/staff/labels/${encodeURIComponent(space.ref)}`;
    return {
      template: 'label-decision',
      title: t.decideTitle,
      section: 'staff',
      status: state.status ?? (errors.length > 0 ? 400 : 200),
      data: {
        space: { ref: space.ref, name: space.name },
        flash:
          state.saved === '1' && errors.length === 0
            ? fill(t.saved, { status: current ? current.statusText : t.noLabel })
            : '',
        current,
        evidence,
        // What was decided before, and why: the staff member deciding now reads it first.
        history: decided.map((d) => ({
          decidedOn: dayOf(d.decidedAt, lang),
          decision: d.decision
            ? ((t.decisionsDone as Record<string, string>)[d.decision] ?? d.decision)
            : statusName(t, d.status),
          validity: d.validUntil ? this.validity(d.validFrom, d.validUntil, lang) : '',
          justification: d.justification ?? '',
        })),
        errorSummary: errorSummary(errors, m, ANCHORS, ANCHORS.decision),
        form: evidence
          ? {
              action: `${base}/decisions`,
              evaluationId: evidence.runId,
              currentDecisionId: current?.id ?? '',
              decision: fieldView(
                {
                  name: 'decision',
                  label: t.decision,
                  hint: decisionHint,
                  required: true,
                  options: [
                    { value: '', label: t.chooseDecision },
                    ...decisionsFor(currentStatus).map((d) => ({ value: d, label: t.decisions[d] })),
                  ],
                },
                values,
                errors,
                m,
              ),
              justification: fieldView(
                { name: 'justification', label: t.justificationLabel, hint: t.justificationHint },
                values,
                errors,
                m,
              ),
            }
          : null,
        evaluateHref: `/staff/evaluations?space=${encodeURIComponent(space.ref)}`,
        statusHref: `/spaces/${encodeURIComponent(space.ref)}/label`,
      },
    };
  }

  /** Checks the form like the API's DTO would, then decides through the lib service. */
  async submitDecision(principal: Principal, ref: string, body: unknown, lang: Language): Promise<Outcome> {
    const t = CATALOGUES[lang].labelPages;
    const values = formValues(body, DECISION_FIELDS);
    const again = async (errors: FieldError[], status?: number) => ({
      view: await this.decisionPage(principal, ref, lang, {
        values: { decision: values.decision, justification: values.justification },
        errors,
        status,
      }),
    });
    const errors: FieldError[] = [];
    if (!(LABEL_DECISIONS as readonly string[]).includes(values.decision)) {
      errors.push({ field: 'decision', message: t.errChooseDecision });
    }
    if (values.justification.length > JUSTIFICATION_MAX) {
      errors.push({ field: 'justification', message: t.errReasonTooLong });
    }
    if (!UUID.test(values.evaluationId)) errors.push({ field: 'evaluationId', message: t.errEvaluation });
    if (values.currentDecisionId !== '' && !UUID.test(values.currentDecisionId)) {
      errors.push({ field: 'decision', message: t.errConflict });
    }
    if (errors.length > 0) return again(errors);
    const decision = values.decision as LabelDecision;
    const dto: CreateDecisionDto = {
      decision,
      evaluationId: values.evaluationId,
      justification: values.justification || undefined,
      currentDecisionId: values.currentDecisionId || null,
    };
    try {
      await this.decisions.decide(principal, ref, dto);
      return { redirect: `/staff/labels/${encodeURIComponent(ref)}?saved=1` };
    } catch (error) {
      if (error instanceof AppException && error.code === 'LABELS.DECISION_CONFLICT') {
        return again([{ field: 'decision', message: t.errConflict }], 409);
      }
      const problems = fieldErrorsOf(error);
      if (!problems) throw error;
      const current = (await this.decisions.history(ref))[0];
      // The lib's messages are English and technical: say the same in the visitor's words.
      return again(
        problems.map((p) => ({
          field: p.field,
          message:
            p.field === 'justification'
              ? reasonNeeded(t, decision)
              : p.field === 'decision'
                ? fill(t.errDecisionNotPossible, { status: statusName(t, current?.status ?? 'none') })
                : t.errEvaluation,
        })),
      );
    }
  }

  /** The coordinator's page: the label in force, its certificate, and the evidence in plain words. */
  async statusPage(principal: Principal, ref: string, lang: Language, hidden = false): Promise<PageView> {
    const t = CATALOGUES[lang].labelPages;
    const space = await this.space(ref);
    const [current, evidence, reminder] = await Promise.all([
      this.current(space, lang),
      this.evidence(principal, space, lang, false),
      this.reminders.labelNotice(principal, space.ref, lang),
    ]);
    const m = CATALOGUES[lang];
    const staff = principal.role === 'regional_staff' || principal.role === 'admin';
    return {
      template: 'label-status',
      title: t.statusTitle,
      section: 'mySpaces',
      data: {
        ...spaceNavOf(space, 'label', m),
        explained: t.explained[(current?.status ?? 'none') as keyof Texts['explained']] ?? '',
        // The unread warning that this label ends soon (the daily expiry job records it), and the
        // message after "Done, hide this".
        reminder,
        flash: hidden ? m.reminders.hidden : '',
        current,
        evidence,
        decideHref: staff ? `/staff/labels/${encodeURIComponent(space.ref)}` : null,
      },
    };
  }

  /** The public check of a certificate code: the form, and the answer when a code was given. */
  async verifyPage(code: unknown, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const t = m.labelPages;
    const asked = typeof code === 'string';
    const typed = asked ? code.trim() : '';
    const errors: FieldError[] = [];
    let result: { title: string; text: string; valid: boolean; details: unknown } | null = null;
    if (asked) {
      const normalised = normaliseCertificateCode(typed);
      if (typed === '') errors.push({ field: 'code', message: t.errCodeEmpty });
      else if (!normalised) errors.push({ field: 'code', message: t.errCodeMalformed });
      else result = await this.verification(normalised, lang);
    }
    return {
      template: 'label-verify',
      title: t.verifyTitle,
      status: errors.length > 0 ? 400 : 200,
      data: {
        errorSummary: errorSummary(errors, m, { code: fieldId('code') }, fieldId('code')),
        field: fieldView(
          {
            name: 'code',
            label: t.codeLabel,
            hint: t.codeHint,
            required: true,
            autocomplete: 'off',
            narrow: false,
          },
          { code: typed },
          errors,
          m,
        ),
        result,
      },
    };
  }

  private async verification(code: string, lang: Language) {
    const t = CATALOGUES[lang].labelPages;
    const title = fill(t.resultTitle, { code });
    try {
      const found = await this.certificates.verify(code);
      const notYet = found.status === 'granted' && !found.valid && found.validFrom;
      const text = found.valid
        ? t.resultValid
        : found.spaceClosedOn
          ? fill(t.resultSpaceClosed, { date: longDate(found.spaceClosedOn, lang) })
          : notYet
            ? fill(t.resultNotYet, { date: longDate(found.validFrom!, lang) })
            : found.status === 'expired'
              ? t.resultExpired
              : fill(t.resultNoLonger, { status: statusName(t, found.status) });
      return {
        title,
        text,
        valid: found.valid,
        details: {
          space: `${found.spaceName} (${found.spaceRef})`,
          scheme: await this.schemeTitle(found.scheme, found.schemeVersion, lang),
          validity: this.validity(found.validFrom, found.validUntil, lang),
        },
      };
    } catch (error) {
      if (error instanceof AppException && error.status === 404) {
        return { title, text: t.resultUnknown, valid: false, details: null };
      }
      throw error;
    }
  }

  private async space(ref: string): Promise<LabelPageSpace> {
    const space = await this.repo.space(ref);
    if (!space) throw notFound('SPACES.NOT_FOUND', `There is no space ${ref}.`);
    return space;
  }

  /** The decision in force (the newest), as the pages show it. */
  private async current(space: LabelPageSpace, lang: Language) {
    const t = CATALOGUES[lang].labelPages;
    const [label] = await this.decisions.history(space.ref);
    if (!label) return null;
    const granted = label.status === 'granted' && label.verificationCode !== null;
    return {
      id: label.id,
      status: label.status,
      statusText: statusName(t, label.status),
      statusClass: label.status === 'granted' ? 'status-reported' : 'status-missing',
      scheme: await this.schemeTitle(label.scheme, label.schemeVersion, lang),
      validity:
        label.status === 'granted' || label.status === 'expired'
          ? this.validity(label.validFrom, label.validUntil, lang)
          : null,
      decidedOn: dayOf(label.decidedAt, lang),
      justification: label.justification,
      code: granted ? label.verificationCode : null,
      verifyHref: granted ? `/verify?code=${encodeURIComponent(label.verificationCode!)}` : null,
      certificateHref: granted
        ? `/api/v1/labels/${encodeURIComponent(space.ref)}/certificate?lang=${lang}`
        : null,
    };
  }

  /** The space's result in its latest evaluation, per criterion, in the scheme's own words. */
  private async evidence(principal: Principal, space: LabelPageSpace, lang: Language, staff: boolean) {
    const t = CATALOGUES[lang].labelPages;
    const runId = await this.repo.latestEvaluationId(space.id);
    if (!runId) return null;
    const run = await this.evaluations.get(principal, runId);
    const result = run.spaces.find((s) => s.spaceRef === space.ref);
    if (!result) return null;
    const criteria = await this.schemes
      .get(run.scheme, run.schemeVersion)
      .then((s) => s.definition.criteria)
      .catch(() => []);
    const words = { yes: t.yes, no: t.no, none: t.noData };
    const shown = (value: number | boolean | null, metric: string) => metricValue(value, metric, lang, words);
    return {
      runId: run.id,
      scheme: run.scheme,
      schemeVersion: run.schemeVersion,
      runHref: staff ? `/staff/evaluations/${run.id}` : null,
      evaluatedOn: fill(t.evaluatedOn, {
        date: dayOf(result.evaluatedAt, lang),
        // Weeks by number and dates ("week 47 (17–23 November 2025)"), never as ISO codes.
        first: weekInWords(run.window.firstWeek, lang, false),
        last: weekInWords(run.window.lastWeek, lang, false),
      }),
      eligibleText: result.eligible ? t.eligible : t.notEligible,
      eligibleClass: result.eligible ? 'status-reported' : 'status-missing',
      caption: fill(t.evidenceCaption, { space: space.name }),
      criteria: result.criteria.map((c) => ({
        rule:
          criteria.find((d) => d.id === c.criterion)?.label[lang] ?? metricName(c.metric, CATALOGUES[lang]),
        measured: shown(c.measured, c.metric),
        needed: c.operator === 'is_true' ? t.yes : fill(t.atLeast, { value: shown(c.threshold, c.metric) }),
        outcome: t.outcomes[c.outcome as keyof Texts['outcomes']] ?? c.outcome,
        outcomeClass: c.outcome === 'pass' ? 'status-reported' : 'status-missing',
        mandatory: c.mandatory ? t.yes : t.no,
      })),
    };
  }

  private async validityYears(scheme: string, version: string): Promise<number | null> {
    return this.schemes
      .get(scheme, version)
      .then((s) => s.definition.validityYears)
      .catch(() => null);
  }

  private async schemeTitle(scheme: string, version: string, lang: Language): Promise<string> {
    return this.schemes
      .get(scheme, version)
      .then((s) => `${s.definition.title[lang]} (${version})`)
      .catch(() => `${scheme} (${version})`);
  }

  private validity(from: string | null, until: string | null, lang: Language): string | null {
    const t = CATALOGUES[lang].labelPages;
    if (!from) return null;
    return until
      ? fill(t.validFromUntil, { from: longDate(from, lang), until: longDate(until, lang) })
      : fill(t.validFromOnly, { from: longDate(from, lang) });
  }
}

/** The providers of the label pages, registered by PagesModule. */
export const LABEL_PAGES_PROVIDERS = [LabelPagesService, LabelPagesRepository];
