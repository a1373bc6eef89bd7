import { Injectable } from '@nestjs/common';
import {
  AppException,
  AuthService,
  REGIONS,
  ROLES,
  notFound,
  passwordPolicyProblem,
  type FieldError,
  type Language,
  type Principal,
  type RegionCode,
  type Role,
} from '../../../../libs/core/src/index.js';
import { AdminPagesRepository } from './admin-pages.repository.js';
import { errorSummary, fieldErrorsOf, fieldId, fieldView, formValues, type FormValues } from './forms.js';
import { locale, metricName } from './formats.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import { LabelSchemesService } from './lib-services.js';
import type { PageView } from './page-renderer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The same rules as the JSON API's CreateUserDto. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const EMAIL_MAX = 254;
const SPACE_REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MAX_SPACES = 500;
const USER_FIELDS = ['email', 'role', 'region', 'spaces', 'password'] as const;
export const MUNICIPALITIES_PER_PAGE = 50;

type Outcome = { redirect: string } | { view: PageView };
type Done = 'created' | 'disabled' | 'enabled';

export interface NewUser {
  email: string;
  role: Role;
  region: RegionCode | null;
  spaceRefs: string[];
  password: string;
}

const number = (value: number, lang: Language) => new Intl.NumberFormat(locale(lang)).format(value);

/**
 * Reads the create-user form into the lib's input, or says what is wrong with each field, in the
 * visitor's language (the lib's own messages are English only). Pure, so it is unit-tested.
 */
export function readNewUser(values: FormValues, m: Catalogue): { user: NewUser } | { errors: FieldError[] } {
  const t = m.adminPages;
  const errors: FieldError[] = [];
  const email = values.email ?? '';
  if (!EMAIL.test(email) || email.length > EMAIL_MAX)
    errors.push({ field: 'email', message: t.emailInvalid });
  const role = (ROLES as readonly string[]).includes(values.role ?? '') ? (values.role as Role) : null;
  if (!role) errors.push({ field: 'role', message: t.roleInvalid });
  const region = (REGIONS as readonly string[]).includes(values.region ?? '')
    ? (values.region as RegionCode)
    : null;
  if (role === 'regional_staff' && !region) errors.push({ field: 'region', message: t.regionNeeded });
  if (role && role !== 'regional_staff' && values.region)
    errors.push({ field: 'region', message: t.regionNotAllowed });
  const spaceRefs = [
    ...new Set(
      (values.spaces ?? '')
        .split(/[\s,;]+/)
        .map((ref) => ref.trim())
        .filter(Boolean),
    ),
  ];
  if (spaceRefs.length > 0 && role && role !== 'coordinator')
    errors.push({ field: 'spaces', message: t.spacesNotAllowed });
  else if (spaceRefs.length > MAX_SPACES || spaceRefs.some((ref) => !SPACE_REF.test(ref)))
    errors.push({ field: 'spaces', message: t.spacesInvalid });
  const password = values.password ?? '';
  if (passwordPolicyProblem(password)) {
    errors.push({ field: 'password', message: [...password].length < 12 ? t.passwordShort : t.passwordLong });
  }
  if (errors.length > 0 || !role) return { errors };
  return { user: { email, role, region, spaceRefs, password } };
}

/**
 * The admin pages: users, label schemes, reference data. Each method calls the lib services the
 * JSON API uses (AuthService for users, LabelSchemesService for schemes); the routes' @Access has
 * already limited them to admins.
 */
@Injectable()
export class AdminPagesService {
  constructor(
    private readonly auth: AuthService,
    private readonly schemesService: LabelSchemesService,
    private readonly repo: AdminPagesRepository,
  ) {}

  index(lang: Language): PageView {
    const t = CATALOGUES[lang].adminPages;
    return {
      template: 'admin-index',
      title: t.indexTitle,
      section: 'admin',
      data: {
        links: [
          { href: '/admin/users', label: t.usersLink, text: t.usersText },
          { href: '/admin/schemes', label: t.schemesLink, text: t.schemesText },
          { href: '/admin/reference', label: t.referenceLink, text: t.referenceText },
          { href: '/admin/queues', label: t.queuesLink, text: t.queuesText, hreflang: 'en' },
        ],
      },
    };
  }

  async users(
    principal: Principal,
    lang: Language,
    state: { values?: FormValues; errors?: FieldError[]; done?: unknown; userId?: unknown } = {},
  ): Promise<PageView> {
    const m = CATALOGUES[lang];
    const t = m.adminPages;
    const [users, links] = await Promise.all([this.auth.listUsers(), this.repo.spaceRefsByUser()]);
    const errors = state.errors ?? [];
    // The password is never shown again, even after an error.
    const values = { ...(state.values ?? {}), password: '' };
    const doneUser = typeof state.userId === 'string' ? users.find((u) => u.id === state.userId) : undefined;
    const flashes: Record<Done, string> = {
      created: t.created,
      disabled: t.disabledDone,
      enabled: t.enabledDone,
    };
    const flash =
      doneUser && typeof state.done === 'string' && Object.hasOwn(flashes, state.done)
        ? fill(flashes[state.done as Done], { email: doneUser.email })
        : '';
    const anchors = Object.fromEntries(USER_FIELDS.map((f) => [f, fieldId(f)]));
    return {
      template: 'admin-users',
      title: t.usersTitle,
      section: 'admin',
      status: errors.length > 0 ? 400 : 200,
      data: {
        flash,
        errorSummary: errorSummary(errors, m, { ...anchors, account: 'users-title' }, fieldId('email')),
        fields: [
          fieldView(
            { name: 'email', label: t.email, required: true, type: 'email', inputmode: 'email' },
            values,
            errors,
            m,
          ),
          fieldView(
            {
              name: 'role',
              label: t.role,
              hint: t.roleHint,
              required: true,
              options: [
                { value: '', label: t.chooseRole },
                ...ROLES.map((role) => ({ value: role, label: t.roleNames[role] })),
              ],
            },
            values,
            errors,
            m,
          ),
          fieldView(
            {
              name: 'region',
              label: t.region,
              hint: t.regionHint,
              options: [
                { value: '', label: t.noRegion },
                ...REGIONS.map((code) => ({ value: code, label: m.staff.regionNames[code] })),
              ],
            },
            values,
            errors,
            m,
          ),
          fieldView({ name: 'spaces', label: t.spaces, hint: t.spacesHint }, values, errors, m),
          fieldView(
            {
              name: 'password',
              label: t.password,
              hint: t.passwordHint,
              required: true,
              type: 'password',
              autocomplete: 'new-password',
            },
            values,
            errors,
            m,
          ),
        ],
        caption: fill(t.listCaption, { count: users.length }),
        users: users.map((u) => {
          const refs = links.get(u.id) ?? [];
          const disabled = u.disabledAt !== null;
          return {
            id: u.id,
            email: u.email,
            role: t.roleNames[u.role] ?? u.role,
            region: u.regionCode ? (m.staff.regionNames[u.regionCode] ?? u.regionCode) : t.none,
            spaces: refs.length > 0 ? refs.join(', ') : t.none,
            statusText: disabled ? t.disabled : t.active,
            statusClass: disabled ? 'status-missing' : 'status-reported',
            self: u.id === principal.userId,
            action: disabled ? 'enable' : 'disable',
            actionText: disabled ? t.enable : t.disable,
            actionLabel: fill(disabled ? t.enableLabel : t.disableLabel, { email: u.email }),
          };
        }),
      },
    };
  }

  async createUser(principal: Principal, body: unknown, lang: Language): Promise<Outcome> {
    const m = CATALOGUES[lang];
    const t = m.adminPages;
    const values = formValues(body, USER_FIELDS);
    const read = readNewUser(values, m);
    const again = async (errors: FieldError[]) => ({
      view: await this.users(principal, lang, { values, errors }),
    });
    if ('errors' in read) return again(read.errors);
    const { user } = read;
    try {
      const created = await this.auth.createUser({
        email: user.email,
        password: user.password,
        role: user.role,
        region: user.region,
        spaceRefs: user.spaceRefs,
      });
      return { redirect: `/admin/users?done=created&user=${created.id}` };
    } catch (error) {
      if (error instanceof AppException && error.code === 'USERS.EMAIL_TAKEN') {
        return again([{ field: 'email', message: t.emailTaken }]);
      }
      const fieldErrors = fieldErrorsOf(error);
      if (fieldErrors?.some((e) => e.field === 'spaceRefs')) {
        // The lib names the unknown refs after a colon ("…: BRU-9, X-1."); keep those the admin typed.
        const named = new Set(
          fieldErrors.flatMap((e) => (e.message.split(': ')[1] ?? '').replace(/\.$/, '').split(', ')),
        );
        const unknown = user.spaceRefs.filter((ref) => named.has(ref));
        return again([
          {
            field: 'spaces',
            message: fill(t.spacesMissing, { refs: (unknown.length ? unknown : user.spaceRefs).join(', ') }),
          },
        ]);
      }
      throw error;
    }
  }

  async setDisabled(principal: Principal, id: string, disabled: boolean, lang: Language): Promise<Outcome> {
    if (!UUID.test(id)) throw notFound('USERS.NOT_FOUND', 'No such user.');
    if (disabled && id === principal.userId) {
      // Turning off one's own account would end this session with no admin to undo it.
      const t = CATALOGUES[lang].adminPages;
      return {
        view: await this.users(principal, lang, { errors: [{ field: 'account', message: t.selfDisable }] }),
      };
    }
    await this.auth.setDisabled(id, disabled);
    return { redirect: `/admin/users?done=${disabled ? 'disabled' : 'enabled'}&user=${id}` };
  }

  async schemes(lang: Language): Promise<PageView> {
    const t = CATALOGUES[lang].adminPages;
    const schemes = await this.schemesService.list();
    const shown = (value: number | boolean) =>
      typeof value === 'boolean' ? (value ? t.yes : t.no) : number(value, lang);
    return {
      template: 'admin-schemes',
      title: t.schemesTitle,
      section: 'admin',
      data: {
        schemes: schemes.map((s, index) => {
          const d = s.definition;
          return {
            headingId: `scheme-${index}`,
            title: d.title[lang] ?? d.title.en ?? s.scheme,
            meta: fill(t.schemeMeta, {
              scheme: s.scheme,
              version: s.version,
              region:
                (CATALOGUES[lang].staff.regionNames as Record<string, string>)[s.regionCode.trim()] ??
                s.regionCode,
            }),
            rules: fill(t.schemeRules, {
              years: s.validityYears,
              weeks: d.windowWeeks,
              minWeeks: d.minWeeksOfData,
            }),
            source: d.source ? fill(t.schemeSource, { source: d.source }) : '',
            caption: fill(t.criteriaCaption, { scheme: s.scheme, version: s.version }),
            criteria: d.criteria.map((c) => ({
              id: c.id,
              // "B1: …", or "B1 : …" in French.
              label: fill(CATALOGUES[lang].form.summaryItem, {
                label: c.id,
                message: c.label[lang] ?? c.label.en,
              }),
              metric: metricName(c.metric, CATALOGUES[lang]),
              threshold:
                c.operator === 'is_true' ? t.mustBeTrue : fill(t.atLeast, { value: shown(c.threshold) }),
              mandatory: c.mandatory ? t.yes : t.no,
              thresholdSource: c.thresholdSource === 'charter' ? t.fromCharter : t.fromUs,
            })),
          };
        }),
      },
    };
  }

  async reference(askedRegion: unknown, askedPage: unknown, lang: Language): Promise<PageView> {
    const t = CATALOGUES[lang].adminPages;
    const regions = await this.repo.regions();
    const nameOf = (r: (typeof regions)[number]) => ({ nl: r.nameNl, fr: r.nameFr, en: r.nameEn })[lang];
    const region = regions.find((r) => r.code === askedRegion) ?? regions[0];
    const pageNumber = typeof askedPage === 'string' && /^\d{1,6}$/.test(askedPage) ? Number(askedPage) : 1;
    const first = region
      ? await this.repo.municipalities(region.code, 0, MUNICIPALITIES_PER_PAGE)
      : { total: 0, rows: [] };
    const pages = Math.max(1, Math.ceil(first.total / MUNICIPALITIES_PER_PAGE));
    const page = Math.min(Math.max(pageNumber, 1), pages);
    const list =
      page === 1 || !region
        ? first
        : await this.repo.municipalities(
            region.code,
            (page - 1) * MUNICIPALITIES_PER_PAGE,
            MUNICIPALITIES_PER_PAGE,
          );
    const href = (p: number) => `/admin/reference?region=${region?.code ?? ''}&page=${p}`;
    const years = [...new Set(regions.map((r) => r.referenceYear).filter((y) => y !== null))];
    const regionName = region ? nameOf(region) : '';
    return {
      template: 'admin-reference',
      title: t.referenceTitle,
      section: 'admin',
      data: {
        regions: regions.map((r) => ({
          code: r.code,
          name: nameOf(r),
          municipalities: number(r.municipalities, lang),
          inhabitants: number(r.inhabitants, lang),
          year: r.referenceYear ?? t.none,
        })),
        source: fill(t.referenceSource, { year: years.join(', ') }),
        picker: regions.map((r) => ({ value: r.code, label: nameOf(r), selected: r.code === region?.code })),
        municipalitiesTitle: fill(t.municipalitiesTitle, { region: regionName }),
        caption: fill(t.municipalitiesCaption, { region: regionName, page, pages }),
        municipalities: list.rows.map((mu) => ({
          nisCode: mu.nisCode,
          name: mu.nameNl === mu.nameFr ? mu.nameNl : `${mu.nameNl} / ${mu.nameFr}`,
          province: mu.province ?? t.none,
          postcode: mu.postcode,
          inhabitants: number(mu.inhabitants, lang),
        })),
        previousHref: page > 1 ? href(page - 1) : null,
        nextHref: page < pages ? href(page + 1) : null,
        paginated: pages > 1,
      },
    };
  }
}

/** The providers of the admin pages, registered by PagesModule. */
export const ADMIN_PAGES_PROVIDERS = [AdminPagesService, AdminPagesRepository];
