import { Injectable } from '@nestjs/common';
import {
  AppException,
  LOCALES,
  type FieldError,
  type Language,
  type Principal,
} from '../../../../libs/core/src/index.js';
import { weeklyHours } from '../../../../libs/spaces/src/index.js';
import {
  errorSummary,
  fieldId,
  fieldView,
  parseDate,
  typedDate,
  type FieldSpec,
  type FormValues,
} from './forms.js';
import {
  MAX_FORM_ROWS,
  NEW_EXCEPTION_ROWS,
  RANGES_PER_DAY,
  WEEKDAYS,
  describeGrid,
  exceptionField,
  exceptionRowsOf,
  expressionFromGrid,
  formFieldNames,
  formValuesOfGrid,
  gridFromExpression,
  rangeField,
  readHoursForm,
  type GridError,
  type HoursGrid,
} from './hours-grid.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import { OpeningHoursService, SpacesService } from './lib-services.js';
import { spaceNavOf } from './space-nav.js';
import type { PageView } from './page-renderer.js';

type Outcome = { redirect: string } | { view: PageView };

interface HoursState {
  values: FormValues;
  exceptionRows: number;
  /** Rows that hold stored exceptions (the others are for new ones). */
  storedRows: number;
  version: number;
  errors: GridError[];
  /** A problem that is not about one input (a stale version, a refusal by the service). */
  formError: string;
  flash: string;
  preview: { grid: HoursGrid; pending: boolean };
  notExact: string;
  status: number;
}

/** The opening-hours editor: a weekly grid and exceptions, saved through the API's opening-hours service. */
/** The id of the hint on how to write times, shared by every from/to field of the week. */
const TIME_HINT = 'hours-time-hint';

@Injectable()
export class HoursPagesService {
  constructor(
    private readonly hours: OpeningHoursService,
    private readonly spaces: SpacesService,
  ) {}

  async page(ref: string, saved: unknown, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang].hoursPages;
    const stored = await this.hours.get(ref);
    const { grid, exact } = gridFromExpression(stored.expression);
    const rows = grid.exceptions.length + NEW_EXCEPTION_ROWS;
    return this.view(ref, lang, {
      values: withTypedDates(formValuesOfGrid(grid), rows),
      exceptionRows: rows,
      storedRows: grid.exceptions.length,
      version: stored.version,
      errors: [],
      formError: '',
      flash: saved === '1' ? m.saved : '',
      preview: { grid, pending: false },
      notExact: exact ? '' : (stored.expression ?? ''),
      status: 200,
    });
  }

  /** Checks the form; previews or saves it, or shows it again with every problem named. Nothing changes on error. */
  async submit(principal: Principal, ref: string, input: unknown, lang: Language): Promise<Outcome> {
    const m = CATALOGUES[lang].hoursPages;
    const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
    const rows = Math.min(Math.max(exceptionRowsOf(body), NEW_EXCEPTION_ROWS), MAX_FORM_ROWS + 1);
    const values = Object.fromEntries(
      formFieldNames(rows).map((name) => [
        name,
        typeof body[name] === 'string' ? String(body[name]).trim() : '',
      ]),
    );
    const version = Number(body.version);
    const storedRows = Math.min(Number(body.storedRows) || 0, rows);
    // Dates typed as 24/12/2026 are read as 2026-12-24; the form shows them again as typed.
    const { grid, errors } = readHoursForm({ ...body, ...isoDates(values, rows) });
    const state: HoursState = {
      values,
      exceptionRows: rows,
      storedRows,
      version,
      errors,
      formError: '',
      flash: '',
      preview: { grid, pending: true },
      notExact: '',
      status: 400,
    };
    // The space must exist (and a 404 wins over a 400), whatever the form says.
    await this.spaces.get(ref);
    if (errors.length > 0) return { view: await this.view(ref, lang, state) };
    if (body.action === 'preview') return { view: await this.view(ref, lang, { ...state, status: 200 }) };
    try {
      const dto = { version, expression: expressionFromGrid(grid) } as Parameters<
        OpeningHoursService['put']
      >[2];
      await this.hours.put(principal, ref, dto);
      return { redirect: `/spaces/${encodeURIComponent(ref)}/hours?saved=1#saved` };
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.status === 409) {
        // The form keeps what was typed and takes the current version: saving again replaces the other change.
        const current = await this.hours.get(ref);
        return {
          view: await this.view(ref, lang, {
            ...state,
            version: current.version,
            formError: m.errors.version,
            status: 409,
          }),
        };
      }
      if (error.status !== 400) throw error;
      return { view: await this.view(ref, lang, { ...state, formError: m.errors.invalid }) };
    }
  }

  private async view(ref: string, lang: Language, state: HoursState): Promise<PageView> {
    const catalogue = CATALOGUES[lang];
    const m = catalogue.hoursPages;
    const space = await this.spaces.get(ref);
    const base = `/spaces/${encodeURIComponent(space.ref)}`;
    const messages: FieldError[] = state.errors.map((e) => ({ field: e.field, message: m.errors[e.code] }));
    const field = (spec: FieldSpec) =>
      fieldView({ suffix: false, ...spec }, state.values, messages, catalogue);
    const where = new Map<string, string>();

    const days = WEEKDAYS.map((day) => ({
      id: `hours-day-${day}`,
      name: m.days[day],
      rows: Array.from({ length: RANGES_PER_DAY }, (_, i) => {
        const n = i + 1;
        const legend = fill(m.rowLabel, { day: m.days[day], n });
        for (const part of ['from', 'to'] as const) where.set(rangeField(day, n, part), legend);
        return {
          legend,
          from: field({
            name: rangeField(day, n, 'from'),
            label: m.from,
            narrow: true,
            sharedHintId: TIME_HINT,
          }),
          to: field({ name: rangeField(day, n, 'to'), label: m.to, narrow: true, sharedHintId: TIME_HINT }),
          animator: this.checkbox(rangeField(day, n, 'animator'), m.animator, state.values),
        };
      }),
    }));

    const exceptions = Array.from({ length: state.exceptionRows }, (_, i) => {
      const n = i + 1;
      const isNew = n > state.storedRows;
      const legend = isNew
        ? fill(m.newExceptionLegend, { n: n - state.storedRows })
        : fill(m.exceptionLegend, { n });
      for (const part of ['from', 'to', 'opens', 'closes', 'note'] as const) {
        where.set(exceptionField(n, part), legend);
      }
      return {
        legend,
        fields: [
          field({ name: exceptionField(n, 'from'), label: m.exFrom, hint: m.exFromHint, narrow: true }),
          field({ name: exceptionField(n, 'to'), label: m.exTo, hint: m.exToHint, narrow: true }),
          field({
            name: exceptionField(n, 'kind'),
            label: m.exKind,
            options: [
              { value: 'closed', label: m.kindClosed },
              { value: 'hours', label: m.kindHours },
            ],
          }),
          field({ name: exceptionField(n, 'opens'), label: m.exOpens, hint: m.exHoursHint, narrow: true }),
          field({ name: exceptionField(n, 'closes'), label: m.exCloses, hint: m.exHoursHint, narrow: true }),
          field({ name: exceptionField(n, 'note'), label: m.exNote, hint: m.exNoteHint }),
        ],
        remove: isNew ? null : this.checkbox(exceptionField(n, 'remove'), m.exRemove, state.values),
      };
    });

    // The summary says where each problem is (the field's own message sits next to it).
    const summaryErrors: FieldError[] = messages.map((e) => ({
      field: e.field,
      message: where.has(e.field)
        ? fill(catalogue.form.summaryItem, { label: where.get(e.field) ?? '', message: e.message })
        : e.message,
    }));
    if (state.formError) summaryErrors.unshift({ field: 'form', message: state.formError });
    const anchors = Object.fromEntries(summaryErrors.map((e) => [e.field, fieldId(e.field)]));
    anchors.form = fieldId(rangeField('mo', 1, 'from'));

    return {
      template: 'hours-editor',
      title: m.title,
      section: 'mySpaces',
      status: state.status,
      data: {
        ...spaceNavOf(space, 'hours', catalogue),
        formAction: `${base}/hours`,
        flash: state.flash,
        errorSummary: errorSummary(summaryErrors, catalogue, anchors, anchors.form),
        // The plain-language preview says what the hours are; the stored code is only for experts.
        notExact: state.notExact ? { text: m.notExact, code: state.notExact } : null,
        version: Number.isFinite(state.version) ? String(state.version) : '',
        storedRows: String(state.storedRows),
        days,
        exceptions,
        publicHolidays: this.checkbox('publicHolidaysClosed', m.publicHolidays, state.values),
        // A form with errors has no resulting week to preview.
        preview:
          state.errors.length > 0
            ? null
            : this.preview(state.preview.grid, state.preview.pending, lang, catalogue),
      },
    };
  }

  private checkbox(name: string, label: string, values: FormValues) {
    return { id: fieldId(name), name, label, checked: values[name] === 'true' || values[name] === 'on' };
  }

  private preview(grid: HoursGrid, pending: boolean, lang: Language, catalogue: Catalogue) {
    const m = catalogue.hoursPages;
    const dates = new Intl.DateTimeFormat(LOCALES[lang], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const said = describeGrid(grid, {
      dayNames: m.days,
      dayLine: catalogue.form.summaryItem.replace('{label}', '{day}').replace('{message}', '{hours}'),
      closed: m.closed,
      range: m.range,
      withAnimator: m.withAnimator,
      and: m.and,
      closedOn: m.closedOn,
      closedFromTo: m.closedFromTo,
      specialOn: m.specialOn,
      specialFromTo: m.specialFromTo,
      publicHolidays: m.publicHolidaysPreview,
      formatDate: (date) => dates.format(new Date(`${date}T00:00:00Z`)),
    });
    const numbers = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 });
    const total = weeklyHours(expressionFromGrid(grid));
    return {
      pending: pending ? m.previewPending : '',
      days: said.days,
      exceptions: said.exceptions,
      total: fill(m.weeklyTotal, {
        hours: numbers.format(total.openingHours),
        animator: numbers.format(total.hoursWithAnimator),
      }),
    };
  }
}

/** The exception dates of the form that read as dates, written 2026-12-24 as the grid reads them. */
function isoDates(values: FormValues, rows: number): FormValues {
  const dates: FormValues = {};
  for (let n = 1; n <= rows; n++) {
    for (const part of ['from', 'to'] as const) {
      const name = exceptionField(n, part);
      const date = values[name] ? parseDate(values[name]) : null;
      if (date) dates[name] = date;
    }
  }
  return dates;
}

/** Stored exception dates (2026-12-24) as the form asks to type them (24/12/2026). */
function withTypedDates(values: FormValues, rows: number): FormValues {
  const typed = { ...values };
  for (let n = 1; n <= rows; n++) {
    for (const part of ['from', 'to'] as const) {
      const name = exceptionField(n, part);
      if (typed[name]) typed[name] = typedDate(typed[name]);
    }
  }
  return typed;
}

/** The providers of the hours pages, registered by PagesModule. */
export const HOURS_PAGES_PROVIDERS = [HoursPagesService];
