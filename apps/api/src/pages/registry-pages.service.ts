import { Injectable } from '@nestjs/common';
import {
  AppException,
  notFound,
  translateErrorMessage,
  type FieldError,
  type Language,
  type Principal,
} from '../../../../libs/core/src/index.js';
import {
  errorSummary,
  fieldErrorsOf,
  fieldId,
  fieldView,
  formValues,
  labelsOf,
  parseDate,
  parseNumber,
  typedDate,
  type FormValues,
} from './forms.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import { AnimatorsService, EquipmentService, FundingService, SpacesService } from './lib-services.js';
import type { PageView } from './page-renderer.js';
import { spaceNavOf } from './space-nav.js';

export const REGISTRY_KINDS = ['equipment', 'funding', 'animators'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];
type Mode = 'new' | 'edit';
type Messages = Catalogue['registryPages'];

type Input = 'text' | 'date' | 'whole' | 'decimal' | 'choice' | 'yesno' | 'email' | 'tel';

/** One input of a registry form: how it is read, shown, and what its error says. */
export interface RegistryField {
  name: string;
  input: Input;
  required: boolean;
  /** The values of a choice, labelled by `labels`. */
  choices?: readonly string[];
  labels?: Record<string, string>;
  hint?: string;
  error: string;
  /** What to say when a number may be read two ways ("12.500"); else the form's general advice. */
  ambiguousError?: string;
  /** Bounds of a number (inclusive) and its most decimals. */
  min?: number;
  max?: number;
  decimals?: number;
  /** Most characters of a text. */
  maxLength?: number;
  /** What a text must look like. */
  pattern?: RegExp;
}

const WHOLE = /^\d+$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^[0-9+()./ -]{4,40}$/;
const RECORD_REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EQUIPMENT_TYPES = ['desktop', 'laptop', 'tablet', 'printer', '3d_printer', 'other'] as const;
const PROVENANCES = ['purchase', 'regional_programme', 'donation', 'decommissioned_admin', 'other'] as const;
const FUNDING_SOURCES = [
  'municipality',
  'cpas',
  'region',
  'community',
  'federal',
  'eu',
  'private',
  'own_income',
  'other',
] as const;
const FUNDING_KINDS = ['structural', 'project'] as const;
const ROLES = ['animator', 'project_lead', 'volunteer'] as const;
const CONTRACTS = ['employee', 'social_economy', 'volunteer', 'other'] as const;

/** The fields of each form, in the order shown. Pure: the same rules as the API's DTOs, in plain words. */
export function registryFields(kind: RegistryKind, mode: Mode, m: Catalogue): RegistryField[] {
  const t = m.registryPages;
  const date = (name: string, required = false, hint = required ? t.hints.requiredDate : t.hints.date) => ({
    name,
    input: 'date' as const,
    required,
    hint,
    error: m.form.date,
  });
  const choice = (
    name: string,
    choices: readonly string[],
    labels: Record<string, string>,
    required = true,
  ) => ({
    name,
    input: 'choice' as const,
    required,
    choices,
    labels,
    error: t.errors.choose,
  });
  if (kind === 'equipment') {
    return [
      ...(mode === 'new'
        ? [
            {
              name: 'ref',
              input: 'text' as const,
              required: true,
              hint: t.hints.equipmentRef,
              error: t.errors.ref,
              // "in-service" names the API's counts route, so no batch may take it.
              pattern: /^(?!in-service$)[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
            },
          ]
        : []),
      choice('type', EQUIPMENT_TYPES, m.registry.types),
      {
        name: 'quantity',
        input: 'whole',
        required: true,
        error: t.errors.quantity,
        min: 1,
        max: 100000,
      },
      date('acquiredOn'),
      date('retiredOn'),
      choice('provenance', PROVENANCES, t.provenances, false),
      { name: 'freeSoftware', input: 'yesno', required: false, error: t.errors.choose },
    ];
  }
  if (kind === 'funding') {
    return [
      { name: 'year', input: 'whole', required: true, error: t.errors.year, min: 1990, max: 2100 },
      choice('source', FUNDING_SOURCES, m.registry.sources),
      choice('kind', FUNDING_KINDS, m.registry.kinds),
      {
        name: 'amountEur',
        input: 'decimal',
        required: true,
        hint: t.hints.amountEur,
        error: t.errors.amountEur,
        ambiguousError: t.errors.ambiguousAmount,
        min: 0,
        max: 999_999_999_999.99,
        decimals: 2,
      },
      {
        name: 'programme',
        input: 'text',
        required: false,
        hint: t.hints.programme,
        error: t.errors.programme,
        maxLength: 200,
      },
      date('endsOn', false, t.hints.endsOn),
    ];
  }
  return [
    ...(mode === 'new'
      ? [
          {
            name: 'name',
            input: 'text' as const,
            required: true,
            error: t.errors.name,
            maxLength: 200,
          },
          {
            name: 'ref',
            input: 'text' as const,
            required: true,
            hint: t.hints.animatorRef,
            error: t.errors.animatorRef,
            pattern: RECORD_REF,
          },
          {
            name: 'email',
            input: 'email' as const,
            required: false,
            error: t.errors.email,
            maxLength: 254,
            pattern: EMAIL,
          },
          { name: 'phone', input: 'tel' as const, required: false, error: t.errors.phone, pattern: PHONE },
        ]
      : []),
    choice('role', ROLES, t.roles),
    choice('contract', CONTRACTS, t.contracts, false),
    {
      name: 'fte',
      input: 'decimal',
      required: true,
      hint: t.hints.fte,
      error: t.errors.fte,
      min: 0,
      max: 1,
      decimals: 3,
    },
    { name: 'qualified', input: 'yesno', required: true, error: t.errors.choose },
    date('startsOn', true),
    date('endsOn', false, t.hints.endsOn),
  ];
}

/**
 * Reads one typed value by the rules of the API's DTO for that field (the same bounds, patterns and
 * choices): numbers as numbers (also "12.500,50" or "€ 12.500,50"), dates as `YYYY-MM-DD` (also typed
 * 18/11/2026), yes/no as booleans, an empty optional field as null. 'ambiguous' for a number that may
 * be read two ways ("12.500"). Pure.
 */
export function readField(field: RegistryField, typed: string): { value: unknown } | 'ambiguous' | null {
  if (typed === '') return field.required ? null : { value: null };
  switch (field.input) {
    case 'whole':
    case 'decimal': {
      const read =
        field.input === 'whole' ? (WHOLE.test(typed) ? parseNumber(typed) : null) : parseNumber(typed);
      if (read === null || read === 'ambiguous') return read;
      const { value, decimals } = read;
      if (decimals > (field.decimals ?? 0)) return null;
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
        return null;
      }
      return { value };
    }
    case 'date': {
      const date = parseDate(typed);
      return date ? { value: date } : null;
    }
    case 'choice':
      return field.choices?.includes(typed) ? { value: typed } : null;
    case 'yesno':
      return typed === 'yes' ? { value: true } : typed === 'no' ? { value: false } : null;
    default:
      if (typed.length > (field.maxLength ?? 200)) return null;
      return !field.pattern || field.pattern.test(typed) ? { value: typed } : null;
  }
}

/** A stored value as the form shows it (decimals with a comma in Dutch and French). */
export function typedValue(field: RegistryField, stored: unknown, lang: Language): string {
  if (stored === null || stored === undefined) return '';
  if (field.input === 'yesno') return stored ? 'yes' : 'no';
  if (field.input === 'decimal' && lang !== 'en') return String(stored).replace('.', ',');
  if (field.input === 'date') return typedDate(String(stored));
  return String(stored);
}

/** Field errors raised by the services about the order of two dates, in plain words. */
const ORDER_ERRORS: Partial<Record<RegistryKind, Record<string, keyof Messages['errors']>>> = {
  equipment: { retiredOn: 'retiredBeforeAcquired' },
  animators: { endsOn: 'endsBeforeStart' },
};

/** Refusals of a whole record that are about one field, shown next to it. */
const FIELD_OF_CODE: Record<string, string> = {
  'EQUIPMENT.REF_TAKEN': 'ref',
  'ANIMATORS.REF_TAKEN': 'ref',
  'FUNDING.DUPLICATE': 'source',
  'ANIMATORS.ASSIGNMENT_EXISTS': 'startsOn',
};

interface FormState {
  values: FormValues;
  errors: FieldError[];
  version: string;
  status: number;
}

type Outcome = { redirect: string } | { view: PageView };

/** The record an edit form is about, read through the lib services. */
interface LoadedRecord {
  stored: Record<string, unknown>;
  version: number;
  /** What names the record in the title. */
  label: string;
  /** Only for assignments: the animator whose assignment it is. */
  animatorRef?: string;
}

/**
 * The registry edit pages: forms for a space's equipment, funding and animator assignments. Every
 * read and write goes through the lib services the JSON API uses; the input is checked first by the
 * rules of the API's DTOs (`readField`, in plain words), then by the services' own rules.
 * Access to the space has been checked by the route; each record is then looked up within that space,
 * so another space's record answers 404 and is never changed.
 */
@Injectable()
export class RegistryPagesService {
  constructor(
    private readonly spaces: SpacesService,
    private readonly equipment: EquipmentService,
    private readonly funding: FundingService,
    private readonly animators: AnimatorsService,
  ) {}

  async form(kind: RegistryKind, ref: string, id: string | null, lang: Language): Promise<PageView> {
    const fields = registryFields(kind, id ? 'edit' : 'new', CATALOGUES[lang]);
    const record = id ? await this.load(kind, ref, id) : null;
    const values = Object.fromEntries(
      fields.map((f) => [f.name, record ? typedValue(f, record.stored[f.name], lang) : '']),
    );
    if (!record && kind === 'funding') values.year = String(new Date().getUTCFullYear());
    return this.view(kind, ref, id, record, lang, {
      values,
      errors: [],
      version: record ? String(record.version) : '',
      status: 200,
    });
  }

  async submit(
    principal: Principal,
    kind: RegistryKind,
    ref: string,
    id: string | null,
    body: unknown,
    lang: Language,
  ): Promise<Outcome> {
    const m = CATALOGUES[lang];
    const mode: Mode = id ? 'edit' : 'new';
    const fields = registryFields(kind, mode, m);
    // The record must be in this space (a 404 wins over a 400), whatever the form says.
    const record = id ? await this.load(kind, ref, id) : await this.spaces.get(ref).then(() => null);
    const values = formValues(body, [...fields.map((f) => f.name), 'version']);
    const state: FormState = { values, errors: [], version: values.version, status: 400 };
    const dto: Record<string, unknown> = {};
    for (const field of fields) {
      const read = readField(field, values[field.name]);
      if (read === 'ambiguous') {
        state.errors.push({ field: field.name, message: field.ambiguousError ?? m.form.ambiguousNumber });
      } else if (read) dto[field.name] = read.value;
      else state.errors.push({ field: field.name, message: field.error });
    }
    if (mode === 'edit') {
      // A version that is not one (a form tampered with) is a stale form: the service answers 409.
      dto.version = WHOLE.test(values.version) && Number(values.version) >= 1 ? Number(values.version) : 1;
      if (!WHOLE.test(values.version))
        state.errors.push({ field: '_form', message: m.registryPages.conflict });
    }
    if (kind === 'animators' && mode === 'new') dto.spaceRef = ref;
    if (state.errors.length > 0) return { view: await this.view(kind, ref, id, record, lang, state) };
    const byName = new Map(fields.map((f) => [f.name, f]));
    const messageOf = (field: string) => {
      const key = ORDER_ERRORS[kind]?.[field];
      return key ? m.registryPages.errors[key] : (byName.get(field)?.error ?? m.registryPages.conflict);
    };
    try {
      await this.save(principal, kind, ref, id, record, dto);
      return { redirect: `/spaces/${encodeURIComponent(ref)}/registry?saved=${kind}#saved` };
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (fieldErrors) {
        // Rules only the service checks (dates in order), named next to their field.
        for (const e of fieldErrors) {
          const field = byName.has(e.field) ? e.field : '_form';
          if (!state.errors.some((known) => known.field === field)) {
            state.errors.push({ field, message: messageOf(field) });
          }
        }
      } else if (
        error instanceof AppException &&
        error.status === 409 &&
        error.code.endsWith('.VERSION_CONFLICT')
      ) {
        // What was typed stays; the form now carries the current version, so saving again replaces the other change.
        const current = (error.details as { currentVersion?: unknown } | undefined)?.currentVersion;
        state.version = typeof current === 'number' ? String(current) : state.version;
        state.errors.push({ field: '_form', message: m.registryPages.conflict });
        state.status = 409;
      } else if (error instanceof AppException && FIELD_OF_CODE[error.code]) {
        state.errors.push({
          field: FIELD_OF_CODE[error.code],
          message: translateErrorMessage(error.code, lang) ?? error.message,
        });
      } else throw error;
      return { view: await this.view(kind, ref, id, record, lang, state) };
    }
  }

  /**
   * The question asked before a record is removed (WCAG 3.3.4: a removal cannot be undone): what
   * will go, that it cannot be undone, a form that removes it (with `confirm=yes`) and a link back
   * that keeps it. A record not in this space answers 404, as its edit form does.
   */
  async confirmRemoval(kind: RegistryKind, ref: string, id: string, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const t = m.registryPages;
    const record = await this.load(kind, ref, id);
    const space = await this.spaces.get(ref);
    const editHref = `/spaces/${encodeURIComponent(space.ref)}/registry/${kind}/${encodeURIComponent(id)}`;
    return {
      template: 'registry-remove',
      title: fill(t.removeQuestion[kind], { name: removalName(kind, record, m) }),
      section: 'mySpaces',
      data: { ...spaceNavOf(space, 'registry', m), removeAction: `${editHref}/remove`, keepHref: editHref },
    };
  }

  /** Removes the record: only the confirmation form's "yes" (`confirm=yes`) gets here. */
  async remove(
    principal: Principal,
    kind: RegistryKind,
    ref: string,
    id: string,
  ): Promise<{ redirect: string }> {
    const record = await this.load(kind, ref, id);
    if (kind === 'equipment') await this.equipment.remove(principal, ref, id);
    else if (kind === 'funding') await this.funding.remove(principal, ref, id);
    else await this.animators.removeAssignment(principal, record.animatorRef as string, id);
    return { redirect: `/spaces/${encodeURIComponent(ref)}/registry?saved=removed#saved` };
  }

  private async save(
    principal: Principal,
    kind: RegistryKind,
    ref: string,
    id: string | null,
    record: LoadedRecord | null,
    dto: Record<string, unknown>,
  ): Promise<void> {
    if (kind === 'equipment') {
      if (id) await this.equipment.update(principal, ref, id, dto as never);
      else await this.equipment.create(principal, ref, dto as never);
    } else if (kind === 'funding') {
      if (id) await this.funding.update(principal, ref, id, dto as never);
      else await this.funding.create(principal, ref, dto as never);
    } else if (id && record) {
      await this.animators.updateAssignment(principal, record.animatorRef as string, id, dto as never);
    } else {
      await this.animators.create(principal, dto as never);
    }
  }

  /** The record of this space named in the address, or 404 (also for another space's record). */
  private async load(kind: RegistryKind, ref: string, id: string): Promise<LoadedRecord> {
    const missing = () => notFound('REGISTRY_PAGES.NOT_FOUND', 'No such record at this space.');
    if (kind === 'equipment') {
      if (!RECORD_REF.test(id)) throw missing();
      const item = await this.equipment.get(ref, id);
      return { stored: { ...item }, version: item.version, label: item.ref };
    }
    if (!UUID.test(id)) throw missing();
    if (kind === 'funding') {
      const pageSize = 500;
      for (let page = 1; ; page++) {
        const found = await this.funding.list(ref, { page, pageSize } as Parameters<
          FundingService['list']
        >[1]);
        const line = found.items.find((f) => f.id === id);
        if (line) return { stored: { ...line }, version: line.version, label: String(line.year) };
        if (page * pageSize >= found.total) throw missing();
      }
    }
    const assignment = (await this.animators.atSpace(ref, undefined)).items.find((a) => a.id === id);
    if (!assignment) throw missing();
    return {
      stored: { ...assignment },
      version: assignment.version,
      label: assignment.animatorName ?? assignment.animatorRef,
      animatorRef: assignment.animatorRef,
    };
  }

  private async view(
    kind: RegistryKind,
    ref: string,
    id: string | null,
    record: LoadedRecord | null,
    lang: Language,
    state: FormState,
  ): Promise<PageView> {
    const m = CATALOGUES[lang];
    const t = m.registryPages;
    const space = await this.spaces.get(ref);
    const fields = registryFields(kind, id ? 'edit' : 'new', m);
    const base = `/spaces/${encodeURIComponent(space.ref)}/registry`;
    const action = id ? `${base}/${kind}/${encodeURIComponent(id)}` : `${base}/${kind}/new`;
    const titles = {
      equipment: id ? fill(t.equipmentEditTitle, { ref: record?.label ?? '' }) : t.equipmentNewTitle,
      funding: id ? fill(t.fundingEditTitle, { year: record?.label ?? '' }) : t.fundingNewTitle,
      animators: id ? fill(t.animatorEditTitle, { name: record?.label ?? '' }) : t.animatorNewTitle,
    };
    const intro =
      kind === 'equipment'
        ? t.equipmentIntro
        : kind === 'funding'
          ? t.fundingIntro
          : id
            ? t.animatorEditIntro
            : t.animatorNewIntro;
    const anchors = Object.fromEntries(fields.map((f) => [f.name, fieldId(f.name)]));
    const views = fields.map((f) => fieldView(this.spec(f, m), state.values, state.errors, m));
    return {
      template: 'registry-form',
      title: titles[kind],
      section: 'mySpaces',
      status: state.status,
      data: {
        ...spaceNavOf(space, 'registry', m),
        intro,
        formAction: action,
        version: id ? state.version : null,
        errorSummary: errorSummary(state.errors, m, anchors, fieldId(fields[0].name), labelsOf(views)),
        fields: views,
        backHref: base,
        // A link to the question, not a removal: one tap must not remove a record (WCAG 3.3.4).
        removeHref: id ? `${action}/remove` : null,
      },
    };
  }

  private spec(f: RegistryField, m: Catalogue) {
    const t = m.registryPages;
    const label = (t.fields as Record<string, string>)[f.name];
    const base = { name: f.name, label, hint: f.hint, required: f.required };
    switch (f.input) {
      case 'choice':
        return {
          ...base,
          options: [
            { value: '', label: f.required ? t.chooseOne : t.unknown },
            ...(f.choices ?? []).map((value) => ({ value, label: f.labels?.[value] ?? value })),
          ],
        };
      case 'yesno':
        return {
          ...base,
          options: [
            { value: '', label: f.required ? t.chooseOne : t.unknown },
            { value: 'yes', label: t.yes },
            { value: 'no', label: t.no },
          ],
        };
      case 'whole':
        return { ...base, inputmode: 'numeric' as const, narrow: true };
      case 'decimal':
        return { ...base, inputmode: 'decimal' as const, narrow: true };
      case 'date':
        return { ...base, narrow: true };
      case 'email':
        return { ...base, type: 'email', inputmode: 'email' as const };
      case 'tel':
        return { ...base, type: 'tel' };
      default:
        return base;
    }
  }
}

/**
 * What names a record in the question before removing it: the reference and type of equipment, the
 * year, source and programme of funding (several lines may share a year), the animator's name.
 */
function removalName(kind: RegistryKind, record: LoadedRecord, m: Catalogue): string {
  const { stored } = record;
  const named = (labels: Record<string, string>, value: unknown) =>
    typeof value === 'string' ? (labels[value] ?? value) : '';
  const parts =
    kind === 'equipment'
      ? [record.label, named(m.registry.types, stored.type)]
      : kind === 'funding'
        ? [record.label, named(m.registry.sources, stored.source), stored.programme]
        : [record.label];
  return parts.filter((part) => typeof part === 'string' && part !== '').join(', ');
}

/** The providers of the registry edit pages, registered by PagesModule. */
export const REGISTRY_PAGES_PROVIDERS = [RegistryPagesService];
