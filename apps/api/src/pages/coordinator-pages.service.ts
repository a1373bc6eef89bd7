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
import { addWeeks, isoWeekOf, lastCompleteWeek, weeksBetween } from '../../../../libs/activity/src/index.js';
import { ImportRejectedException, ImportsService } from '../../../../libs/spaces/src/index.js';
import {
  errorSummary,
  fieldErrorsOf,
  fieldId,
  fieldView,
  formValues,
  labelsOf,
  parseDate,
  readDecimal,
  readWhole,
  type FieldSpec,
  type FormValues,
} from './forms.js';
import { formatDate, formatNumber, inputNumber, locale, validWeek, weekInWords } from './formats.js';
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
import { ReminderPagesService } from './reminder-pages.service.js';

/** Rows to correct shown on the import page; the API's answer lists them all. */
const PAGE_LISTED_ERRORS = 1000;

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
    private readonly reminders: ReminderPagesService,
  ) {}

  /** The user's home: what they still have to do (their reminders), then their spaces. */
  async mySpaces(principal: Principal, lang: Language, hidden = false): Promise<PageView> {
    const m = CATALOGUES[lang];
    const [page, reminders] = await Promise.all([
      this.spaces.list(principal, { page: 1, pageSize: 100 } as Parameters<SpacesService['list']>[1]),
      this.reminders.forMySpaces(principal, lang, hidden),
    ]);
    // An antenna names its main space as people know it: by name, when that space is in the list too.
    const names = new Map(page.items.map((space) => [space.ref, space.name]));
    const parentOf = (ref: string) => (names.has(ref) ? `${names.get(ref)} (${ref})` : ref);
    const spaces = page.items.map((space) => {
      const base = `/spaces/${encodeURIComponent(space.ref)}`;
      return {
        ref: space.ref,
        name: space.name,
        antennaOf: space.parentRef ? fill(m.mySpaces.antennaOf, { parent: parentOf(space.parentRef) }) : '',
        weekHref: `${base}/week`,
        historyHref: `${base}/history`,
        trainingHref: `${base}/training`,
        registryHref: `${base}/registry`,
        hoursHref: `${base}/hours`,
        labelHref: `${base}/label`,
      };
    });
    return {
      template: 'my-spaces',
      title: m.mySpaces.title,
      section: 'mySpaces',
      data: { spaces, ...reminders },
    };
  }

  // ---- This week -------------------------------------------------------------------------------

  async weekForm(ref: string, weekParam: unknown, saved: unknown, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const week = validWeek(weekParam) ?? lastCompleteWeek(new Date());
    const { values, note, version } = await this.storedOrPrefilled(ref, week, lang);
    const flash =
      saved === 'created' || saved === 'updated'
        ? fill(m.week.saved, { week: weekInWords(week, lang, lang !== 'fr') })
        : saved === 'unchanged'
          ? fill(m.week.unchanged, { week: weekInWords(week, lang, false) })
          : '';
    return this.weekView(ref, week, values, [], note, flash, lang, { version });
  }

  /**
   * What the week's form starts with, and the note that says where it comes from: the figures
   * already sent, or the hours the opening hours give (only when the space has opening hours). With
   * the version the form carries: the stored week's, or 0 ("there was no week"), so that a save made
   * by someone else after the form was opened is not overwritten without a word.
   */
  private async storedOrPrefilled(
    ref: string,
    week: string,
    lang: Language,
  ): Promise<{ values: FormValues; note: string; from: 'stored' | 'schedule' | 'nothing'; version: string }> {
    const m = CATALOGUES[lang];
    try {
      const stored = await this.weeks.get(ref, week, lang);
      const values = Object.fromEntries(
        WEEK_FIELDS.map((f) => [f, stored[f] === null ? '' : inputNumber(Number(stored[f]), lang)]),
      );
      return { values, note: m.week.stored, from: 'stored', version: String(stored.version) };
    } catch (error) {
      if (!(error instanceof AppException) || error.status !== 404 || error.code === 'SPACES.NOT_FOUND')
        throw error;
    }
    const prefill = await this.weeks.prefill(ref, week, lang);
    const values: FormValues = Object.fromEntries(WEEK_FIELDS.map((f) => [f, '']));
    if (!prefill.fromSchedule) return { values, note: m.week.noSchedule, from: 'nothing', version: '0' };
    values.openingHours = inputNumber(prefill.openingHours, lang);
    values.hoursWithAnimator = inputNumber(prefill.hoursWithAnimator, lang);
    return { values, note: m.week.prefilled, from: 'schedule', version: '0' };
  }

  /** Saves the week; answers where to go next, or the form again with every problem named. */
  async submitWeek(
    principal: Principal,
    ref: string,
    body: unknown,
    lang: Language,
  ): Promise<{ redirect: string } | { view: PageView }> {
    const m = CATALOGUES[lang];
    // A form always names its week; without one (a tampered or truncated post) nothing is saved, rather
    // than the figures landing on whichever week is the default.
    const named = validWeek((body as { week?: unknown } | null)?.week);
    const week = named ?? lastCompleteWeek(new Date());
    const values = formValues(body, WEEK_FIELDS);
    const version = formValues(body, ['version']).version;
    const errors: FieldError[] = named ? [] : [{ field: 'week', message: m.week.weekUnknown }];
    const figures: Record<string, number | null> = {};
    for (const field of WEEK_FIELDS) {
      const read = DECIMAL_WEEK_FIELDS.includes(field) ? readDecimal : readWhole;
      figures[field] = read(values[field], field, m, errors);
      if (values[field] === '' && REQUIRED_WEEK_FIELDS.includes(field)) {
        errors.push({ field, message: m.form.requiredField });
      }
    }
    let conflict = false;
    if (errors.length === 0) {
      try {
        // The version the form was opened with (0: there was no week then); a stale one answers 409. A
        // form without one (opened before forms carried it) replaces the week, as before. One that is not
        // a whole number was tampered with: -1 matches no week, so it is told to check and save again.
        const read = version === '' ? undefined : /^\d{1,9}$/.test(version) ? Number(version) : -1;
        const dto = { ...figures, ...(read !== undefined && { version: read }) };
        const result = await this.weeks.put(principal, ref, week, dto as unknown as PutWeek, lang);
        return {
          redirect: `/spaces/${encodeURIComponent(ref)}/week?week=${week}&saved=${result.outcome}#saved`,
        };
      } catch (error) {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors) errors.push(...fieldErrors);
        else if (error instanceof AppException && error.code === 'ACTIVITY.VERSION_CONFLICT') conflict = true;
        else throw error;
      }
    }
    const start = await this.storedOrPrefilled(ref, week, lang);
    if (conflict) {
      // Someone else saved the week after this form was opened. What was typed stays in the form, what
      // is stored now is shown beside it, and the form takes the current version: saving again after
      // checking replaces the other save, knowingly.
      errors.push({ field: 'version', message: m.week.conflict });
      const storedNow =
        start.from === 'stored'
          ? WEEK_FIELDS.filter((f) => start.values[f] !== '').map((f) => ({
              label: m.week.fields[f],
              value: start.values[f],
            }))
          : [];
      const view = await this.weekView(ref, week, values, errors, '', '', lang, {
        version: start.version,
        storedNow,
      });
      return { view: { ...view, status: 409 } };
    }
    // The form shows what was typed, so "the hours come from your opening hours" is no longer true. It
    // keeps the version it was opened with: correcting a typing error does not hide someone else's save.
    const note = start.from === 'schedule' ? '' : start.note;
    const view = await this.weekView(ref, week, values, errors, note, '', lang, { version });
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
    concurrency: { version: string; storedNow?: Array<{ label: string; value: string }> },
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
    const storedNow = concurrency.storedNow ?? [];
    anchors.version = storedNow.length > 0 ? 'stored-now' : fieldId('openingHours');
    return {
      template: 'week',
      title: m.week.title,
      section: 'mySpaces',
      data: {
        ...spaceNavOf(space, 'week', m),
        formAction: `/spaces/${encodeURIComponent(ref)}/week`,
        week,
        version: concurrency.version,
        storedNow,
        weekHeading: weekLabel(week),
        weekOptions: choices.map((w) => ({ value: w, label: weekLabel(w), selected: w === week })),
        note,
        flash,
        weekError: errors.find((e) => e.field === 'week')?.message ?? '',
        errorSummary: errorSummary(errors, m, anchors, fieldId('openingHours'), {
          ...m.week.fields,
          week: m.week.chooseWeek,
        }),
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
    // Closed all week by its hours (a summer closure): nothing to report, though it still may be.
    const closed = new Set(row?.closedWeeks ?? []);
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
          status: found
            ? m.history.reported
            : isMissing
              ? m.history.missing
              : closed.has(week)
                ? m.history.closedWeek
                : m.history.notExpected,
          hours: found ? formatNumber(Number(found.openingHours), lang) : '',
          visits: found ? formatNumber(found.visits, lang) : '',
          action: found
            ? fill(m.history.correct, { week: named })
            : isMissing || closed.has(week)
              ? fill(m.history.enter, { week: named })
              : '',
          actionHref: found || isMissing || closed.has(week) ? href : '',
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
    state: { values?: FormValues; errors?: FieldError[]; savedRef?: unknown; year?: unknown } = {},
  ): Promise<PageView> {
    const m = CATALOGUES[lang];
    const space = await this.spaces.get(ref);
    const all = (await this.training.list(ref)).slice().sort((a, b) => b.date.localeCompare(a.date));
    const values = state.values ?? formValues({}, TRAINING_FIELDS);
    const errors = state.errors ?? [];
    const saved = all.find((s) => s.ref === state.savedRef);
    // One year at a time (the one asked, else the saved session's, else this year): after a few
    // years the whole list would be metres long on a phone.
    const yearOf = (s: { date: string }) => s.date.slice(0, 4);
    const thisYear = String(new Date().getFullYear());
    const years = [...new Set([thisYear, ...all.map(yearOf)])].sort().reverse();
    const asked = typeof state.year === 'string' && years.includes(state.year) ? state.year : null;
    const year = asked ?? (saved ? yearOf(saved) : thisYear);
    const sessions = all.filter((s) => yearOf(s) === year);
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
      { name: 'ref', label: t.fields.ref, hint: t.hints.ref },
    ];
    const anchors = Object.fromEntries(TRAINING_FIELDS.map((f) => [f, fieldId(f)]));
    const fields = specs.map((spec) => fieldView(spec, values, errors, m));
    return {
      template: 'training',
      title: t.title,
      section: 'mySpaces',
      status: errors.length ? 400 : 200,
      data: {
        ...spaceNavOf(space, 'training', m),
        formAction: `/spaces/${encodeURIComponent(ref)}/training`,
        flash: saved ? fill(t.saved, { title: saved.title }) : '',
        errorSummary: errorSummary(errors, m, anchors, fieldId('title'), labelsOf(fields)),
        yearTitle: fill(t.yearTitle, { year }),
        yearOptions: years.length > 1 ? years.map((y) => ({ value: y, selected: y === year })) : [],
        sessions: sessions.map((s) => ({
          date: formatDate(s.date, lang),
          title: s.title,
          theme: (t.themes as Record<string, string>)[s.theme] ?? s.theme,
          format: (t.formats as Record<string, string>)[s.format] ?? s.format,
          hours: formatNumber(s.durationHours, lang),
          participants: `${s.participants} (${fill(m.form.summaryItem, {
            label: t.fields.newParticipants.toLowerCase(),
            message: String(s.newParticipants),
          })})`,
        })),
        fields,
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
    const date = parseDate(values.date);
    if (!date) errors.push({ field: 'date', message: values.date ? m.form.date : m.form.requiredField });
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
    if (values.ref !== '' && !TRAINING_REF.test(values.ref)) {
      errors.push({ field: 'ref', message: t.refInvalid });
    }
    // Left empty, the reference is made from the date: 2026-11-18-1, then -2 for a second session that day.
    const madeRef =
      errors.length === 0 && values.ref === '' && date ? await this.freeTrainingRef(ref, date) : null;
    if (errors.length === 0) {
      const sessionRef = madeRef ?? values.ref;
      const dto: CreateSession = {
        ref: sessionRef,
        date: date as string,
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
          redirect: `/spaces/${encodeURIComponent(ref)}/training?saved=${encodeURIComponent(sessionRef)}#saved`,
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

  /** The first reference `<date>-<n>` no session of this space has yet. */
  private async freeTrainingRef(ref: string, date: string): Promise<string> {
    const taken = new Set((await this.training.list(ref)).map((s) => s.ref));
    let n = 1;
    while (taken.has(`${date}-${n}`)) n++;
    return `${date}-${n}`;
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

  /**
   * The upload page, also as the answer of a saved upload (after its redirect): the counts in the
   * address say what was saved. Counts that are not whole numbers, or an unknown kind, show no message.
   */
  importPage(lang: Language, query: Record<string, unknown>): PageView {
    const m = CATALOGUES[lang];
    const kind = IMPORT_KINDS.find((k) => k === query.kind);
    const counts: Record<string, string> = {};
    for (const name of ['created', 'updated', 'unchanged']) {
      const value = query[name];
      if (typeof value === 'string' && /^\d{1,9}$/.test(value)) counts[name] = String(Number(value));
    }
    const reported = kind !== undefined && Object.keys(counts).length === 3;
    return this.importForm(lang, {
      kind,
      flash: reported ? fill(query.checked === 'true' ? m.imports.checked : m.imports.done, counts) : '',
    });
  }

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
        // Where to get a file with the right columns: the export of each kind, with the separator
        // a spreadsheet in the reader's locale opens in columns (Belgian Excel: a semicolon).
        downloads: IMPORT_KINDS.map((value) => ({
          href: `/api/v1/exports/${value}${lang === 'en' ? '' : '?separator=%3B'}`,
          text: fill(m.imports.download, { kind: m.imports.kinds[value] }),
        })),
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
  async submitImport(
    principal: Principal,
    upload: CsvUpload | null,
    lang: Language,
  ): Promise<{ redirect: string } | { view: PageView }> {
    const m = CATALOGUES[lang];
    const kind =
      upload?.kind && (IMPORT_KINDS as readonly string[]).includes(upload.kind) ? upload.kind : null;
    const dryRun = upload?.dryRun ?? false;
    if (!upload || !upload.hasFile || !kind) {
      upload?.file?.resume();
      const errors: FieldError[] = [];
      if (!kind) errors.push({ field: 'kind', message: m.form.requiredField });
      if (!upload?.hasFile) errors.push({ field: 'file', message: m.imports.noFile });
      return { view: this.importForm(lang, { errors, kind: kind ?? undefined, dryRun, status: 400 }) };
    }
    try {
      const result = await this.imports.import(kind, upload.file as Readable, { principal, dryRun });
      // Post/redirect/get: reloading the answer must not send the file again, and the form's address
      // (which carries its CSRF token) leaves the address bar.
      const done = new URLSearchParams({
        kind,
        created: String(result.created),
        updated: String(result.updated),
        unchanged: String(result.unchanged),
      });
      if (dryRun) done.set('checked', 'true');
      return { redirect: `/imports?${done.toString()}#saved` };
    } catch (error) {
      upload.file?.resume();
      if (error instanceof ImportRejectedException) {
        return {
          view: this.importForm(lang, {
            kind,
            dryRun,
            status: 422,
            rejected: {
              intro: fill(error.errorCount === 1 ? m.imports.rejectedIntroOne : m.imports.rejectedIntro, {
                count: formatNumber(error.errorCount, lang),
              }),
              // A page of a few thousand rows is already more than anyone reads: the first ones, and how
              // many there are (the API lists them all).
              more:
                error.errors.length > PAGE_LISTED_ERRORS
                  ? fill(m.imports.firstListed, { shown: formatNumber(PAGE_LISTED_ERRORS, lang) })
                  : '',
              // Line and column have columns of their own: the problem cell says only what is wrong.
              rows: error.errors.slice(0, PAGE_LISTED_ERRORS).map((e) => ({
                line: String(e.line),
                column: e.column ?? '',
                message: formatCsvProblem(e, lang, error.messages),
              })),
            },
          }),
        };
      }
      if (error instanceof AppException && error.status < 500) {
        const reason = translateErrorMessage(error.code, lang) ?? error.message;
        return {
          view: this.importForm(lang, {
            kind,
            dryRun,
            status: error.status,
            errors: [{ field: 'file', message: fill(m.imports.failed, { reason }) }],
          }),
        };
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
  rejected?: {
    intro: string;
    /** Said when not every row to correct is shown. */
    more: string;
    rows: Array<{ line: string; column: string; message: string }>;
  } | null;
}
