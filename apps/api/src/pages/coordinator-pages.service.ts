import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import {
  AppException,
  formatCsvProblem,
  translateErrorMessage,
  type FieldError,
  type Language,
  type Principal,
} from '../../../../libs/core/src/index.js';
import {
  addWeeks,
  isoWeekOf,
  lastCompleteWeek,
  weekStart,
  weeksBetween,
} from '../../../../libs/activity/src/index.js';
import { ImportRejectedException, ImportsService } from '../../../../libs/spaces/src/index.js';
import {
  errorSummary,
  fieldErrorsOf,
  fieldId,
  fieldView,
  formValues,
  isDate,
  readDecimal,
  readWhole,
  type FieldSpec,
  type FormValues,
} from './forms.js';
import { formatDate, formatNumber, inputNumber, locale, weekInWords } from './formats.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import {
  AnimatorsService,
  CompletenessService,
  EquipmentService,
  FundingService,
  SpacesService,
  TrainingSessionsService,
  WeeksService,
} from './lib-services.js';
import { spaceNavOf } from './space-nav.js';
import type { PageView } from './page-renderer.js';

export const WEEK_FIELDS = [
  'openingHours',
  'hoursWithAnimator',
  'animatorHours',
  'visits',
  'visitsIctLearning',
  'visitsJobSearch',
  'visitsLeisureCulture',
  'visitsHousingElearning',
  'visitsAdministrative',
  'visitorsWomen',
  'visitorsJobSeekers',
  'visitorsSeniors',
  'visitorsYouth',
  'mobileActions',
] as const;
type WeekField = (typeof WEEK_FIELDS)[number];
const DECIMAL_WEEK_FIELDS: readonly WeekField[] = ['openingHours', 'hoursWithAnimator', 'animatorHours'];
const REQUIRED_WEEK_FIELDS: readonly WeekField[] = ['openingHours', 'visits'];
const WEEK_GROUPS: Array<[keyof Catalogue['week'], readonly WeekField[]]> = [
  ['hoursLegend', ['openingHours', 'hoursWithAnimator', 'animatorHours']],
  ['visitsLegend', ['visits']],
  [
    'purposesLegend',
    [
      'visitsIctLearning',
      'visitsJobSearch',
      'visitsLeisureCulture',
      'visitsHousingElearning',
      'visitsAdministrative',
    ],
  ],
  ['profilesLegend', ['visitorsWomen', 'visitorsJobSeekers', 'visitorsSeniors', 'visitorsYouth']],
  ['otherLegend', ['mobileActions']],
];
const WEEK_PATTERN = /^\d{4}-W\d{2}$/;
const WEEK_CHOICES = 26;
const TRAINING_FIELDS = [
  'ref',
  'date',
  'title',
  'theme',
  'format',
  'durationHours',
  'participants',
  'newParticipants',
  'language',
] as const;
const TRAINING_REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;
export const IMPORT_KINDS = [
  'weekly-activity',
  'training-sessions',
  'animators',
  'equipment',
  'funding',
] as const;

type PutWeek = Parameters<WeeksService['put']>[3];
type CreateSession = Parameters<TrainingSessionsService['create']>[2];

export type WeekSaved = 'created' | 'updated' | 'unchanged';

/** A week string that names a real ISO week, or null. */
export function validWeek(value: unknown): string | null {
  if (typeof value !== 'string' || !WEEK_PATTERN.test(value)) return null;
  try {
    weekStart(value);
    return value;
  } catch {
    return null;
  }
}

/**
 * The coordinator pages: each method calls the lib services the API uses and returns what the
 * page shows. Access to the space has already been checked by the route's @Access.
 */
@Injectable()
export class CoordinatorPagesService {
  constructor(
    private readonly spaces: SpacesService,
    private readonly weeks: WeeksService,
    private readonly completeness: CompletenessService,
    private readonly training: TrainingSessionsService,
    private readonly imports: ImportsService,
    private readonly animators: AnimatorsService,
    private readonly equipment: EquipmentService,
    private readonly funding: FundingService,
  ) {}

  async mySpaces(principal: Principal, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const page = await this.spaces.list(principal, { page: 1, pageSize: 100 } as Parameters<
      SpacesService['list']
    >[1]);
    const spaces = page.items.map((space) => {
      const base = `/spaces/${encodeURIComponent(space.ref)}`;
      return {
        ref: space.ref,
        name: space.name,
        antennaOf: space.parentRef ? fill(m.mySpaces.antennaOf, { parent: space.parentRef }) : '',
        weekHref: `${base}/week`,
        historyHref: `${base}/history`,
        trainingHref: `${base}/training`,
        registryHref: `${base}/registry`,
        hoursHref: `${base}/hours`,
        labelHref: `${base}/label`,
      };
    });
    return { template: 'my-spaces', title: m.mySpaces.title, section: 'mySpaces', data: { spaces } };
  }

  // ---- This week -------------------------------------------------------------------------------

  async weekForm(ref: string, weekParam: unknown, saved: unknown, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const week = validWeek(weekParam) ?? lastCompleteWeek(new Date());
    const { values, note } = await this.storedOrPrefilled(ref, week, lang);
    const flash =
      saved === 'created' || saved === 'updated'
        ? fill(m.week.saved, { week: weekInWords(week, lang, lang !== 'fr') })
        : saved === 'unchanged'
          ? fill(m.week.unchanged, { week: weekInWords(week, lang, false) })
          : '';
    return this.weekView(ref, week, values, [], note, flash, lang);
  }

  /**
   * What the week's form starts with, and the note that says where it comes from: the figures
   * already sent, or the hours the opening hours give (only when the space has opening hours).
   */
  private async storedOrPrefilled(
    ref: string,
    week: string,
    lang: Language,
  ): Promise<{ values: FormValues; note: string; from: 'stored' | 'schedule' | 'nothing' }> {
    const m = CATALOGUES[lang];
    try {
      const stored = await this.weeks.get(ref, week, lang);
      const values = Object.fromEntries(
        WEEK_FIELDS.map((f) => [f, stored[f] === null ? '' : inputNumber(Number(stored[f]), lang)]),
      );
      return { values, note: m.week.stored, from: 'stored' };
    } catch (error) {
      if (!(error instanceof AppException) || error.status !== 404 || error.code === 'SPACES.NOT_FOUND')
        throw error;
    }
    const prefill = await this.weeks.prefill(ref, week, lang);
    const values: FormValues = Object.fromEntries(WEEK_FIELDS.map((f) => [f, '']));
    if (!prefill.fromSchedule) return { values, note: m.week.noSchedule, from: 'nothing' };
    values.openingHours = inputNumber(prefill.openingHours, lang);
    values.hoursWithAnimator = inputNumber(prefill.hoursWithAnimator, lang);
    return { values, note: m.week.prefilled, from: 'schedule' };
  }

  /** Saves the week; answers where to go next, or the form again with every problem named. */
  async submitWeek(
    principal: Principal,
    ref: string,
    body: unknown,
    lang: Language,
  ): Promise<{ redirect: string } | { view: PageView }> {
    const m = CATALOGUES[lang];
    const week = validWeek((body as { week?: unknown } | null)?.week) ?? lastCompleteWeek(new Date());
    const values = formValues(body, WEEK_FIELDS);
    const errors: FieldError[] = [];
    const figures: Record<string, number | null> = {};
    for (const field of WEEK_FIELDS) {
      const read = DECIMAL_WEEK_FIELDS.includes(field) ? readDecimal : readWhole;
      figures[field] = read(values[field], field, m, errors);
      if (values[field] === '' && REQUIRED_WEEK_FIELDS.includes(field)) {
        errors.push({ field, message: m.form.requiredField });
      }
    }
    if (errors.length === 0) {
      try {
        const result = await this.weeks.put(principal, ref, week, figures as unknown as PutWeek, lang);
        return {
          redirect: `/spaces/${encodeURIComponent(ref)}/week?week=${week}&saved=${result.outcome}`,
        };
      } catch (error) {
        const fieldErrors = fieldErrorsOf(error);
        if (!fieldErrors) throw error;
        errors.push(...fieldErrors);
      }
    }
    // The form shows what was typed, so "the hours come from your opening hours" is no longer true.
    const start = await this.storedOrPrefilled(ref, week, lang);
    const note = start.from === 'schedule' ? '' : start.note;
    const view = await this.weekView(ref, week, values, errors, note, '', lang);
    return { view: { ...view, status: 400 } };
  }

  private async weekView(
    ref: string,
    week: string,
    values: FormValues,
    errors: FieldError[],
    note: string,
    flash: string,
    lang: Language,
  ): Promise<PageView> {
    const m = CATALOGUES[lang];
    const space = await this.spaces.get(ref);
    const last = lastCompleteWeek(new Date());
    const choices = Array.from({ length: WEEK_CHOICES }, (_, i) => addWeeks(last, -i));
    if (!choices.includes(week)) choices.unshift(week);
    const weekLabel = (w: string) => weekInWords(w, lang);
    const optionalGroup = (name: WeekField) =>
      !WEEK_GROUPS[0][1].includes(name) && !REQUIRED_WEEK_FIELDS.includes(name);
    const field = (name: WeekField) =>
      fieldView(
        {
          name,
          suffix: !optionalGroup(name),
          label: m.week.fields[name],
          hint: m.week.hints[name],
          required: REQUIRED_WEEK_FIELDS.includes(name),
          inputmode: DECIMAL_WEEK_FIELDS.includes(name) ? 'decimal' : 'numeric',
          narrow: true,
        },
        values,
        errors,
        m,
      );
    const anchors: Record<string, string> = Object.fromEntries(WEEK_FIELDS.map((f) => [f, fieldId(f)]));
    anchors.week = 'week-select';
    return {
      template: 'week',
      title: m.week.title,
      section: 'mySpaces',
      data: {
        ...spaceNavOf(space, 'week', m),
        formAction: `/spaces/${encodeURIComponent(ref)}/week`,
        week,
        weekHeading: weekLabel(week),
        weekOptions: choices.map((w) => ({ value: w, label: weekLabel(w), selected: w === week })),
        note,
        flash,
        weekError: errors.find((e) => e.field === 'week')?.message ?? '',
        errorSummary: errorSummary(errors, m, anchors, fieldId('openingHours')),
        fieldsets: WEEK_GROUPS.map(([legend, fields]) => ({
          legend: m.week[legend] as string,
          fields: fields.map(field),
        })),
      },
    };
  }

  // ---- Week history ----------------------------------------------------------------------------

  async history(ref: string, yearParam: unknown, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const space = await this.spaces.get(ref);
    const last = lastCompleteWeek(new Date());
    const currentYear = Number(last.slice(0, 4));
    const firstYear = Math.min(Number(space.openedOn.slice(0, 4)), currentYear);
    const asked = Number(yearParam);
    const year = Number.isInteger(asked) && asked >= firstYear && asked <= currentYear ? asked : currentYear;
    const from = `${year}-W01`;
    const lastOfYear = isoWeekOf(`${year}-12-28`);
    const to = lastOfYear < last ? lastOfYear : last;
    const [completeness, stored] = await Promise.all([
      this.completeness.forSpace(ref, from, to),
      this.weeks.range(ref, from, to, lang),
    ]);
    const row = completeness.spaces[0];
    const missing = new Set(row?.missingWeeks ?? []);
    const byWeek = new Map(stored.map((w) => [w.week, w]));
    const rows = weeksBetween(from, to)
      .reverse()
      .map((week) => {
        const found = byWeek.get(week);
        const isMissing = missing.has(week);
        const href = `/spaces/${encodeURIComponent(ref)}/week?week=${week}`;
        const named = weekInWords(week, lang, lang === 'nl');
        return {
          week: weekInWords(week, lang),
          rowClass: isMissing ? 'row-missing' : '',
          statusClass: found ? 'status-reported' : isMissing ? 'status-missing' : '',
          status: found ? m.history.reported : isMissing ? m.history.missing : m.history.notExpected,
          hours: found ? formatNumber(Number(found.openingHours), lang) : '',
          visits: found ? formatNumber(found.visits, lang) : '',
          action: found
            ? fill(m.history.correct, { week: named })
            : isMissing
              ? fill(m.history.enter, { week: named })
              : '',
          actionHref: found || isMissing ? href : '',
        };
      });
    const expected = row?.expectedWeeks ?? 0;
    const reported = row?.reportedWeeks ?? 0;
    return {
      template: 'history',
      title: m.history.title,
      section: 'mySpaces',
      data: {
        ...spaceNavOf(space, 'history', m),
        formAction: `/spaces/${encodeURIComponent(ref)}/history`,
        yearOptions: Array.from({ length: currentYear - firstYear + 1 }, (_, i) => currentYear - i).map(
          (y) => ({
            value: String(y),
            selected: y === year,
          }),
        ),
        summary:
          expected > 0 && reported >= expected
            ? m.history.allDone
            : fill(m.history.summary, { reported, expected }),
        caption: fill(m.history.caption, { year }),
        rows,
      },
    };
  }

  // ---- Training sessions -----------------------------------------------------------------------

  async trainingPage(
    ref: string,
    lang: Language,
    state: { values?: FormValues; errors?: FieldError[]; savedRef?: unknown } = {},
  ): Promise<PageView> {
    const m = CATALOGUES[lang];
    const space = await this.spaces.get(ref);
    const sessions = (await this.training.list(ref)).slice().sort((a, b) => b.date.localeCompare(a.date));
    const values = state.values ?? formValues({}, TRAINING_FIELDS);
    const errors = state.errors ?? [];
    const saved = sessions.find((s) => s.ref === state.savedRef);
    const t = m.training;
    const choose = { value: '', label: t.chooseOne };
    const specs: FieldSpec[] = [
      { name: 'title', label: t.fields.title, required: true },
      { name: 'date', label: t.fields.date, hint: t.hints.date, required: true, narrow: true },
      {
        name: 'theme',
        label: t.fields.theme,
        required: true,
        options: [choose, ...Object.entries(t.themes).map(([value, label]) => ({ value, label }))],
      },
      {
        name: 'format',
        label: t.fields.format,
        required: true,
        options: [choose, ...Object.entries(t.formats).map(([value, label]) => ({ value, label }))],
      },
      {
        name: 'durationHours',
        label: t.fields.durationHours,
        hint: t.hints.durationHours,
        required: true,
        inputmode: 'decimal',
        narrow: true,
      },
      {
        name: 'participants',
        label: t.fields.participants,
        required: true,
        inputmode: 'numeric',
        narrow: true,
      },
      {
        name: 'newParticipants',
        label: t.fields.newParticipants,
        hint: t.hints.newParticipants,
        required: true,
        inputmode: 'numeric',
        narrow: true,
      },
      {
        name: 'language',
        label: t.fields.language,
        options: [choose, ...Object.entries(t.languages).map(([value, label]) => ({ value, label }))],
      },
      { name: 'ref', label: t.fields.ref, hint: t.hints.ref, required: true },
    ];
    const anchors = Object.fromEntries(TRAINING_FIELDS.map((f) => [f, fieldId(f)]));
    return {
      template: 'training',
      title: t.title,
      section: 'mySpaces',
      status: errors.length ? 400 : 200,
      data: {
        ...spaceNavOf(space, 'training', m),
        formAction: `/spaces/${encodeURIComponent(ref)}/training`,
        flash: saved ? fill(t.saved, { title: saved.title }) : '',
        errorSummary: errorSummary(errors, m, anchors, fieldId('title')),
        sessions: sessions.map((s) => ({
          date: formatDate(s.date, lang),
          title: s.title,
          theme: (t.themes as Record<string, string>)[s.theme] ?? s.theme,
          format: (t.formats as Record<string, string>)[s.format] ?? s.format,
          hours: formatNumber(s.durationHours, lang),
          participants: `${s.participants} (${t.fields.newParticipants.toLowerCase()}: ${s.newParticipants})`,
        })),
        fields: specs.map((spec) => fieldView(spec, values, errors, m)),
      },
    };
  }

  async submitTraining(
    principal: Principal,
    ref: string,
    body: unknown,
    lang: Language,
  ): Promise<{ redirect: string } | { view: PageView }> {
    const m = CATALOGUES[lang];
    const values = formValues(body, TRAINING_FIELDS);
    const errors: FieldError[] = [];
    const t = m.training;
    if (!values.title) errors.push({ field: 'title', message: m.form.requiredField });
    else if (values.title.length > 200) errors.push({ field: 'title', message: t.titleTooLong });
    if (!isDate(values.date)) errors.push({ field: 'date', message: m.form.date });
    if (!Object.hasOwn(t.themes, values.theme))
      errors.push({ field: 'theme', message: m.form.requiredField });
    if (!Object.hasOwn(t.formats, values.format))
      errors.push({ field: 'format', message: m.form.requiredField });
    const durationHours = readDecimal(values.durationHours, 'durationHours', m, errors);
    const participants = readWhole(values.participants, 'participants', m, errors);
    const newParticipants = readWhole(values.newParticipants, 'newParticipants', m, errors);
    for (const [field, value] of [
      ['durationHours', values.durationHours],
      ['participants', values.participants],
      ['newParticipants', values.newParticipants],
    ] as const) {
      if (value === '') errors.push({ field, message: m.form.requiredField });
    }
    if (values.language !== '' && !Object.hasOwn(t.languages, values.language)) {
      errors.push({ field: 'language', message: t.chooseFromList });
    }
    if (!TRAINING_REF.test(values.ref)) errors.push({ field: 'ref', message: t.hints.ref });
    if (errors.length === 0) {
      const dto: CreateSession = {
        ref: values.ref,
        date: values.date,
        title: values.title,
        theme: values.theme,
        format: values.format,
        durationHours: durationHours as number,
        participants: participants as number,
        newParticipants: newParticipants as number,
        language: values.language || null,
      };
      try {
        await this.training.create(principal, ref, dto, lang);
        return {
          redirect: `/spaces/${encodeURIComponent(ref)}/training?saved=${encodeURIComponent(values.ref)}`,
        };
      } catch (error) {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors) errors.push(...fieldErrors);
        else if (error instanceof AppException && error.code === 'TRAINING.REF_TAKEN') {
          errors.push({ field: 'ref', message: t.refTaken });
        } else throw error;
      }
    }
    return { view: await this.trainingPage(ref, lang, { values, errors }) };
  }

  // ---- Animators, equipment and funding (read only) --------------------------------------------

  async registry(principal: Principal, ref: string, lang: Language, saved?: unknown): Promise<PageView> {
    const m = CATALOGUES[lang];
    const r = m.registry;
    const e = m.registryPages;
    const space = await this.spaces.get(ref);
    const all = { page: 1, pageSize: 500 };
    const [animators, assignments, equipment, funding] = await Promise.all([
      this.animators.list(principal, { ...all, spaceRef: ref } as Parameters<AnimatorsService['list']>[1]),
      this.animators.atSpace(ref, undefined),
      this.equipment.list(ref, all as Parameters<EquipmentService['list']>[1]),
      this.funding.list(ref, all as Parameters<FundingService['list']>[1]),
    ]);
    const euros = new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' });
    const decimal = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 3 });
    const date = (value: string | null | undefined) => formatDate(value, lang);
    const yesNo = (value: boolean | null) => (value === null ? '' : value ? r.yes : r.no);
    const base = `/spaces/${encodeURIComponent(ref)}/registry`;
    const emails = new Map(animators.items.map((a) => [a.ref, a.email ?? '']));
    return {
      template: 'registry',
      title: r.title,
      section: 'mySpaces',
      data: {
        ...spaceNavOf(space, 'registry', m),
        flash: saved === 'removed' ? e.removed : typeof saved === 'string' && saved !== '' ? e.saved : '',
        addAnimatorHref: `${base}/animators/new`,
        addEquipmentHref: `${base}/equipment/new`,
        addFundingHref: `${base}/funding/new`,
        animators: assignments.items.map((a) => ({
          name: a.animatorName ?? r.anonymised,
          ref: a.animatorRef,
          email: emails.get(a.animatorRef) ?? '',
          role: (e.roles as Record<string, string>)[a.role] ?? a.role,
          fte: decimal.format(a.fte),
          startsOn: date(a.startsOn),
          endsOn: date(a.endsOn),
          editHref: `${base}/animators/${encodeURIComponent(a.id)}`,
          editWhat: a.animatorName ?? a.animatorRef,
        })),
        equipment: equipment.items.map((item) => ({
          type: (r.types as Record<string, string>)[item.type] ?? item.type,
          ref: item.ref,
          quantity: formatNumber(item.quantity, lang),
          acquiredOn: date(item.acquiredOn),
          retiredOn: date(item.retiredOn),
          freeSoftware: yesNo(item.freeSoftware),
          editHref: `${base}/equipment/${encodeURIComponent(item.ref)}`,
          editWhat: item.ref,
        })),
        funding: funding.items
          .slice()
          .sort((a, b) => b.year - a.year)
          .map((f) => {
            const source = (r.sources as Record<string, string>)[f.source] ?? f.source;
            return {
              year: String(f.year),
              source,
              amount: euros.format(Number(f.amountEur)),
              kind: (r.kinds as Record<string, string>)[f.kind] ?? f.kind,
              programme: f.programme ?? '',
              endsOn: date(f.endsOn),
              editHref: `${base}/funding/${encodeURIComponent(f.id)}`,
              editWhat: `${f.year} ${source}`,
            };
          }),
      },
    };
  }

  // ---- CSV upload ------------------------------------------------------------------------------

  importForm(lang: Language, state: ImportState = {}): PageView {
    const m = CATALOGUES[lang];
    const errors = state.errors ?? [];
    const kind = fieldView(
      {
        name: 'kind',
        label: m.imports.kind,
        required: true,
        options: IMPORT_KINDS.map((value) => ({ value, label: m.imports.kinds[value] })),
      },
      { kind: state.kind ?? 'weekly-activity' },
      errors,
      m,
    );
    return {
      template: 'imports',
      title: m.imports.title,
      section: 'imports',
      status: state.status ?? 200,
      data: {
        fields: [kind],
        dryRun: state.dryRun ?? false,
        flash: state.flash ?? '',
        fileError: errors.find((e) => e.field === 'file')?.message ?? '',
        errorSummary: errorSummary(
          errors,
          m,
          { kind: fieldId('kind'), file: fieldId('file') },
          fieldId('file'),
        ),
        rejected: state.rejected ?? null,
      },
    };
  }

  /** Imports the uploaded file with the same pipeline as the API; a rejected file lists every bad row. */
  async submitImport(principal: Principal, upload: CsvUpload | null, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const kind =
      upload?.kind && (IMPORT_KINDS as readonly string[]).includes(upload.kind) ? upload.kind : null;
    const dryRun = upload?.dryRun ?? false;
    if (!upload || !upload.hasFile || !kind) {
      upload?.file?.resume();
      const errors: FieldError[] = [];
      if (!kind) errors.push({ field: 'kind', message: m.form.requiredField });
      if (!upload?.hasFile) errors.push({ field: 'file', message: m.imports.noFile });
      return this.importForm(lang, { errors, kind: kind ?? undefined, dryRun, status: 400 });
    }
    try {
      const result = await this.imports.import(kind, upload.file as Readable, { principal, dryRun });
      const counts = { created: result.created, updated: result.updated, unchanged: result.unchanged };
      return this.importForm(lang, {
        kind,
        flash: fill(dryRun ? m.imports.checked : m.imports.done, counts),
      });
    } catch (error) {
      upload.file?.resume();
      if (error instanceof ImportRejectedException) {
        return this.importForm(lang, {
          kind,
          dryRun,
          status: 422,
          rejected: {
            intro: fill(error.errorCount === 1 ? m.imports.rejectedIntroOne : m.imports.rejectedIntro, {
              count: error.errorCount,
            }),
            // Line and column have columns of their own: the problem cell says only what is wrong.
            rows: error.errors.map((e) => ({
              line: String(e.line),
              column: e.column ?? '',
              message: formatCsvProblem(e, lang, error.messages),
            })),
          },
        });
      }
      if (error instanceof AppException && error.status < 500) {
        const reason = translateErrorMessage(error.code, lang) ?? error.message;
        return this.importForm(lang, {
          kind,
          dryRun,
          status: error.status,
          errors: [{ field: 'file', message: fill(m.imports.failed, { reason }) }],
        });
      }
      throw error;
    }
  }
}

export interface CsvUpload {
  kind: string | null;
  dryRun: boolean;
  hasFile: boolean;
  file: Readable | null;
}

interface ImportState {
  errors?: FieldError[];
  kind?: string;
  dryRun?: boolean;
  flash?: string;
  status?: number;
  rejected?: { intro: string; rows: Array<{ line: string; column: string; message: string }> } | null;
}
