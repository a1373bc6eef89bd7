import { Injectable } from '@nestjs/common';
import {
  AppException,
  forbidden,
  notFound,
  type FieldError,
  type Language,
  type Principal,
} from '../../../../libs/core/src/index.js';
import { brusselsToday } from '../../../../libs/activity/src/index.js';
import { errorSummary, fieldId, fieldView, formValues, labelsOf, type FormValues } from './forms.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import { ReportsService, type CreateReportDto } from './lib-services.js';
import type { PageView } from './page-renderer.js';
import { ReportPagesRepository } from './report-pages.repository.js';
import { dateTime, locale, runStatusClass } from './formats.js';

type Region = CreateReportDto['region'];
type Audience = NonNullable<CreateReportDto['audience']>;
type ReportLanguage = NonNullable<CreateReportDto['language']>;
type Format = Parameters<ReportsService['download']>[2];
type Status = 'queued' | 'running' | 'done' | 'failed';

/** The values CreateReportDto accepts (the lib's index exports no lists; the types keep them in step). */
const KINDS: ReadonlyArray<CreateReportDto['type']> = ['regional'];
const REGIONS: readonly Region[] = ['BRU', 'WAL', 'VLA', 'BE'];
const AUDIENCES: readonly Audience[] = ['internal', 'public'];
const REPORT_LANGUAGES: readonly ReportLanguage[] = ['nl', 'fr', 'en'];
/** In the order the download links are shown. */
export const REPORT_PAGE_FORMATS: readonly Format[] = ['html', 'pdf', 'xlsx', 'csv', 'json'];
const FIRST_YEAR = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = ['type', 'region', 'year', 'audience', 'language'] as const;

type Outcome = { redirect: string } | { view: PageView };
export type DownloadOutcome =
  { redirect: string } | { file: { content: Buffer; contentType: string; filename: string } };

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

function size(bytes: number, lang: Language): string {
  const kb = Math.max(1, Math.ceil(bytes / 1024));
  // French writes kilo-octets as "ko".
  return `${new Intl.NumberFormat(locale(lang)).format(kb)} ${lang === 'fr' ? 'ko' : 'kB'}`;
}

/** The region a caller's reports cover: admins choose (null: any), regional staff are fixed to theirs. */
export function ownRegion(principal: Principal): Region | null {
  if (principal.role === 'admin') return null;
  const region = principal.regionCode?.trim();
  if (principal.role === 'regional_staff' && oneOf(REGIONS, region) && region !== 'BE') return region;
  throw forbidden();
}

/**
 * Reads the report form. Pure: returns the request for ReportsService, or the field errors to
 * show. Regional staff never choose a region (theirs is used, whatever the body says).
 */
export function readReportForm(
  values: FormValues,
  fixedRegion: Region | null,
  m: Catalogue,
  currentYear: number,
): { dto: CreateReportDto; errors: [] } | { dto: null; errors: FieldError[] } {
  const t = m.reportPages;
  const errors: FieldError[] = [];
  if (!oneOf(KINDS, values.type)) errors.push({ field: 'type', message: t.kindInvalid });
  const region = fixedRegion ?? values.region;
  if (!oneOf(REGIONS, region)) errors.push({ field: 'region', message: t.regionInvalid });
  const year = /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
  if (!(year >= FIRST_YEAR && year <= currentYear)) {
    errors.push({
      field: 'year',
      message: fill(t.yearInvalid, { first: FIRST_YEAR, last: currentYear, example: currentYear - 1 }),
    });
  }
  if (!oneOf(AUDIENCES, values.audience)) errors.push({ field: 'audience', message: t.audienceInvalid });
  if (!oneOf(REPORT_LANGUAGES, values.language)) {
    errors.push({ field: 'language', message: t.languageInvalid });
  }
  if (errors.length > 0) return { dto: null, errors };
  return {
    dto: {
      type: values.type as CreateReportDto['type'],
      region: region as Region,
      year,
      audience: values.audience as Audience,
      language: values.language as ReportLanguage,
    },
    errors: [],
  };
}

/**
 * The report pages: ask for a regional report, follow it while the worker makes it, download its
 * files. Asking, reading and downloading all go through ReportsService, as the JSON API does, so the
 * region rule and the audit of downloads are the same.
 */
@Injectable()
export class ReportPagesService {
  constructor(
    private readonly reports: ReportsService,
    private readonly runs: ReportPagesRepository,
  ) {}

  async form(
    principal: Principal,
    lang: Language,
    state: { values?: FormValues; errors?: FieldError[] } = {},
    now = new Date(),
  ): Promise<PageView> {
    const m = CATALOGUES[lang];
    const t = m.reportPages;
    const fixed = ownRegion(principal);
    const currentYear = Number(brusselsToday(now).slice(0, 4));
    const errors = state.errors ?? [];
    const values: FormValues = {
      type: 'regional',
      region: 'BRU',
      year: String(currentYear - 1),
      audience: 'internal',
      language: lang,
      ...(state.values ?? {}),
    };
    const field = (spec: Parameters<typeof fieldView>[0]) => fieldView(spec, values, errors, m);
    const recent = await this.runs.recent(fixed);
    const anchors = Object.fromEntries(FIELDS.map((f) => [f, fieldId(f)]));
    const fields = [
      field({
        name: 'type',
        label: t.kind,
        required: true,
        options: KINDS.map((k) => ({ value: k, label: t.kindNames[k] })),
      }),
      ...(fixed
        ? []
        : [
            field({
              name: 'region',
              label: t.region,
              hint: t.regionHint,
              required: true,
              options: REGIONS.map((r) => ({ value: r, label: t.regionNames[r] })),
            }),
          ]),
      field({
        name: 'year',
        label: t.year,
        hint: fill(t.yearHint, { example: currentYear - 1 }),
        required: true,
        inputmode: 'numeric',
        narrow: true,
      }),
      field({
        name: 'audience',
        label: t.audience,
        hint: t.audienceHint,
        required: true,
        options: AUDIENCES.map((a) => ({ value: a, label: t.audienceNames[a] })),
      }),
      field({
        name: 'language',
        label: t.language,
        required: true,
        options: REPORT_LANGUAGES.map((l) => ({ value: l, label: t.languageNames[l] })),
      }),
    ];
    return {
      template: 'report-form',
      title: t.title,
      section: 'reports',
      status: errors.length > 0 ? 400 : 200,
      data: {
        errorSummary: errorSummary(errors, m, anchors, fieldId('type'), labelsOf(fields)),
        fixedRegion: fixed ? fill(t.regionFixed, { region: t.regionNames[fixed] }) : null,
        fields,
        recent: recent.map((r) => ({
          href: `/staff/reports/${r.id}`,
          name: fill(t.reportName, {
            region: t.regionNames[r.regionCode as Region] ?? r.regionCode,
            year: r.year,
          }),
          audience: t.audienceShort[r.audience as Audience] ?? r.audience,
          language: t.languageNames[r.language as ReportLanguage] ?? r.language,
          status: t.statusNames[r.status as Status] ?? r.status,
          statusClass: runStatusClass(r.status),
          requested: dateTime(r.createdAt, lang),
        })),
      },
    };
  }

  async request(principal: Principal, body: unknown, lang: Language, now = new Date()): Promise<Outcome> {
    const m = CATALOGUES[lang];
    const values = formValues(body, FIELDS);
    const fixed = ownRegion(principal);
    const currentYear = Number(brusselsToday(now).slice(0, 4));
    const read = readReportForm(values, fixed, m, currentYear);
    if (!read.dto) return { view: await this.form(principal, lang, { values, errors: read.errors }, now) };
    const run = await this.reports.request(principal, read.dto);
    return { redirect: `/staff/reports/${run.id}` };
  }

  async run(principal: Principal, id: string, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const t = m.reportPages;
    if (!UUID.test(id)) throw notFound('REPORTS.NOT_FOUND', 'No such report.');
    // The service checks the region; the parameters and files are read only after it allowed the caller.
    const run = await this.reports.get(principal, id);
    const [params, artifacts] = await Promise.all([
      this.runs.params(id),
      run.status === 'done' ? this.runs.artifacts(id) : Promise.resolve([]),
    ]);
    if (!params) throw notFound('REPORTS.NOT_FOUND', 'No such report.');
    const status = run.status as Status;
    const running = status === 'queued' || status === 'running';
    const regionName = t.regionNames[params.regionCode as Region] ?? params.regionCode;
    const sizes = new Map(artifacts.map((a) => [a.format, a.bytes]));
    return {
      template: 'report-run',
      title: fill(t.runTitle, { region: regionName, year: params.year }),
      section: 'reports',
      data: {
        // No <meta http-equiv=refresh>: an automatic reload is a WCAG 2.2.1 failure (F41, axe
        // meta-refresh) and the site has no script, so the reader checks again with a link.
        running,
        checkHref: `/staff/reports/${id}`,
        details: [
          { label: t.kind, value: t.kindNames.regional },
          { label: t.region, value: regionName },
          { label: t.year, value: String(params.year) },
          { label: t.audience, value: t.audienceShort[params.audience as Audience] ?? params.audience },
          { label: t.language, value: t.languageNames[params.language as ReportLanguage] ?? params.language },
        ],
        statusText: {
          queued: t.statusQueued,
          running: fill(t.statusRunning, { progress: run.progress }),
          done: t.statusDone,
          failed: t.statusFailed,
        }[status],
        statusClass: runStatusClass(status),
        done: status === 'done',
        failed: status === 'failed',
        downloads: REPORT_PAGE_FORMATS.filter((f) => sizes.has(f)).map((format) => ({
          format,
          href: `/staff/reports/${id}/download?format=${format}`,
          text: fill(t.downloadAs, { format: t.formatNames[format] }),
          size: size(sizes.get(format)!, lang),
        })),
      },
    };
  }

  /** The file, through ReportsService.download (which audits it); a run not ready yet sends back to its page. */
  async download(principal: Principal, id: string, format: unknown): Promise<DownloadOutcome> {
    if (!UUID.test(id)) throw notFound('REPORTS.NOT_FOUND', 'No such report.');
    if (!oneOf(REPORT_PAGE_FORMATS, format)) {
      throw notFound('REPORTS.FORMAT_UNAVAILABLE', 'This report has no file in this format.');
    }
    try {
      return { file: await this.reports.download(principal, id, format) };
    } catch (error) {
      if (error instanceof AppException && error.code === 'REPORTS.NOT_READY') {
        return { redirect: `/staff/reports/${id}` };
      }
      throw error;
    }
  }
}

/** The providers of the report pages, registered by PagesModule. */
export const REPORT_PAGES_PROVIDERS = [ReportPagesService, ReportPagesRepository];
