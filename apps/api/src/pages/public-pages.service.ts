import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isISO8601 } from 'class-validator';
import { ModuleRef } from '@nestjs/core';
import { AppException, type Language } from '../../../../libs/core/src/index.js';
import { WEEKDAYS, brusselsToday } from '../../../../libs/spaces/src/index.js';
import { errorSummary, fieldId, fieldView } from './forms.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import { PublicSpacesService, type PublicSpaceDto } from './lib-services.js';
import { MunicipalityLookupRepository } from './municipality-lookup.repository.js';
import type { PageView } from './page-renderer.js';
import { formatDate as longDate, locale } from './formats.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const RESULTS_PER_PLACE = 50;
/** The day the statement was last reviewed; change it with the statement. */
const STATEMENT_REVIEWED_ON = '2026-11-22';

export interface FindQuery {
  q?: unknown;
  openNow?: unknown;
  /** The moment "open now" is about (as the public API's `at`); default now. */
  at?: unknown;
}

/** The public pages: the finder, a space's page and the accessibility statement. */
@Injectable()
export class PublicPagesService implements OnModuleInit {
  private directory!: PublicSpacesService;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly municipalities: MunicipalityLookupRepository,
  ) {}

  onModuleInit(): void {
    // SpacesModule does not export the directory service yet: take the registry's own instance.
    this.directory = this.moduleRef.get(PublicSpacesService, { strict: false });
  }

  async find(query: FindQuery, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const { q, openNow, at } = searchOf(query);
    // The form sent empty (`?q=`) is a search without a place: say what to type, at the field.
    const errors =
      typeof query.q === 'string' && q === '' ? [{ field: 'q', message: m.find.queryEmpty }] : [];
    const fields = [
      fieldView(
        {
          name: 'q',
          label: m.find.query,
          hint: m.find.queryHint,
          autocomplete: 'postal-code',
          suffix: false,
        },
        { q },
        errors,
        m,
      ),
    ];
    const base = {
      errorSummary: errorSummary(errors, m, { q: fieldId('q') }, fieldId('q')),
      fields,
      detail: false,
      openNowOnly: openNow,
      searched: q !== '',
      results: [],
      message: '',
      showAllHref: '',
      showAllText: '',
      resultsTitle: '',
    };
    if (!q) {
      return {
        template: 'find',
        title: m.find.title,
        section: 'find',
        status: errors.length > 0 ? 400 : 200,
        data: base,
      };
    }

    let spaces: PublicSpaceDto[];
    // How many the search finds: more than are shown where a place has over RESULTS_PER_PLACE.
    let found: number;
    let message = '';
    const postcode = postcodeIn(q);
    if (postcode) {
      const page = await this.directory.list({
        postcode,
        openNow,
        at,
        page: 1,
        pageSize: RESULTS_PER_PLACE,
      } as any);
      spaces = page.items;
      found = page.total;
    } else {
      const nisCodes = await this.municipalities.nisCodesByName(q);
      if (nisCodes.length === 0) message = fill(m.find.unknownPlace, { query: q });
      const pages = await Promise.all(
        nisCodes.map((nisCode) =>
          this.directory.list({ nisCode, openNow, at, page: 1, pageSize: RESULTS_PER_PLACE } as any),
        ),
      );
      spaces = pages.flatMap((p) => p.items);
      found = pages.reduce((sum, p) => sum + p.total, 0);
    }
    let showAll = false;
    if (spaces.length === 0 && !message && openNow) {
      // None open now: say so, and offer the same search without the filter, rather than "not found".
      showAll = (await this.count(q, at)) > 0;
      if (showAll) message = fill(m.find.noneOpen, { query: q });
    }
    if (spaces.length === 0 && !message) message = fill(m.find.none, { query: q });
    const moment = at ? new Date(at) : new Date();
    return {
      template: 'find',
      title: m.find.title,
      section: 'find',
      data: {
        ...base,
        message,
        showAllHref: showAll ? `/find${searchParams({ q, openNow: false, at })}` : '',
        showAllText: showAll ? fill(m.find.showAll, { query: q }) : '',
        resultsTitle: fill(found === 1 ? m.find.resultsOne : m.find.results, { count: found }),
        // Not all of them on one page: say so, and how to see fewer.
        moreThanShown:
          found > spaces.length && spaces.length > 0
            ? fill(m.find.moreThanShown, { shown: spaces.length }) +
              (postcode ? '' : ` ${m.find.narrowByPostcode}`)
            : '',
        results: spaces.map((space) => ({
          name: space.name,
          // The search goes along, so that "Back to the search" comes back to these results.
          href: `/find/${encodeURIComponent(space.ref)}${searchParams({ q, openNow, at })}`,
          ...spaceView(space, m, lang, moment),
        })),
      },
    };
  }

  async space(ref: string, query: FindQuery, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const search = searchOf(query);
    const at = search.at;
    let space: PublicSpaceDto;
    try {
      space = await this.directory.get(ref, at);
    } catch (error) {
      if (!(error instanceof AppException) || error.status !== 404) throw error;
      const closed = await this.directory.closed(ref, at);
      if (!closed) throw error;
      // A visitor who kept its address learns that it closed, and where to look instead.
      return {
        template: 'find-closed',
        title: closed.name,
        section: 'find',
        status: 410,
        data: {
          text: m.find.closedForGood,
          findHref: closed.postcode ? `/find?q=${encodeURIComponent(closed.postcode)}` : '/find',
          findText: closed.postcode
            ? fill(m.find.findOtherIn, { postcode: closed.postcode })
            : m.find.findOther,
        },
      };
    }
    const languageNames = new Intl.DisplayNames([locale(lang)], { type: 'language' });
    return {
      template: 'find-space',
      title: space.name,
      section: 'find',
      data: {
        detail: true,
        backHref: `/find${search.q ? searchParams(search) : ''}`,
        space: {
          ...spaceView(space, m, lang, at ? new Date(at) : new Date()),
          services: space.services.map((s) => (m.find.servicesList as Record<string, string>)[s] ?? s),
          languages: space.languages.map((code) => languageNames.of(code) ?? code).join(', '),
          stepFree:
            space.stepFreeAccess === null
              ? ''
              : space.stepFreeAccess
                ? m.find.stepFreeYes
                : m.find.stepFreeNo,
        },
      },
    };
  }

  /** How many active spaces a search finds, open or not. */
  private async count(q: string, at: string | undefined): Promise<number> {
    const postcode = postcodeIn(q);
    const nisCodes = postcode ? [null] : await this.municipalities.nisCodesByName(q);
    const pages = await Promise.all(
      nisCodes.map((nisCode) =>
        this.directory.list({
          ...(nisCode === null ? { postcode } : { nisCode }),
          at,
          page: 1,
          pageSize: 1,
        } as any),
      ),
    );
    return pages.reduce((sum, p) => sum + p.total, 0);
  }

  accessibility(lang: Language): PageView {
    const m = CATALOGUES[lang];
    const reviewed = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${STATEMENT_REVIEWED_ON}T00:00:00Z`),
    );
    return {
      template: 'accessibility',
      title: m.accessibility.title,
      section: 'accessibility',
      data: { updated: fill(m.accessibility.updated, { date: reviewed }) },
    };
  }
}

/** What a visitor reads about a space, in their language: open now, label, address and hours. */
export function spaceView(space: PublicSpaceDto, m: Catalogue, lang: Language, now: Date) {
  const municipality = lang === 'fr' ? space.municipality.nameFr : space.municipality.nameNl;
  const address = [space.address, [space.postcode, municipality].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const scheme = space.label
    ? ((m.find.schemes as Record<string, string>)[space.label.scheme] ?? space.label.scheme)
    : '';
  const label = space.label
    ? [
        fill(m.find.label, { scheme }),
        space.label.validUntil
          ? fill(m.find.labelUntil, { date: longDate(space.label.validUntil, lang) })
          : '',
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  const open = space.openNow;
  const openState = open
    ? {
        className: open.open ? 'badge-open' : 'badge-closed',
        text: open.open ? m.find.openNow : m.find.closedNow,
      }
    : { className: 'badge-closed', text: m.find.hoursUnknown };
  const opensAt =
    open && !open.open && open.nextOpening
      ? fill(m.find.opensAt, { when: when(new Date(open.nextOpening), lang, now) })
      : '';
  const dayName = weekdayNames(lang);
  const hours = space.openingHours
    ? WEEKDAYS.map((day, index) => ({
        day: dayName[index],
        times: space
          .openingHours!.ranges.filter((r) => r.day === day)
          .map((r) => `${r.from}–${r.to}${r.animator ? ` (${m.find.animator})` : ''}`)
          .join(', '),
      })).filter((d) => d.times !== '')
    : [];
  // Closures that are over are no news to a visitor; only today's and later ones are shown.
  const today = brusselsToday(now);
  const closures = (space.openingHours?.exceptions ?? [])
    .filter((e) => e.to >= today)
    .map((e) =>
      e.from === e.to ? longDate(e.from, lang) : `${longDate(e.from, lang)} – ${longDate(e.to, lang)}`,
    )
    .join('; ');
  // `PH off` (the OpenStreetMap word for public holidays) is not in the weekly list: say it in words.
  const closedOnHolidays = /;\s*PH\s+(off|closed)\s*(;|$)/.test(space.openingHours?.expression ?? '')
    ? m.find.closedOnHolidays
    : '';
  return { ref: space.ref, address, label, openState, opensAt, hours, closures, closedOnHolidays };
}

/** What a search asked, read safely from the address. */
function searchOf(query: FindQuery): { q: string; openNow: boolean; at: string | undefined } {
  return {
    q: typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '',
    openNow: query.openNow === 'true',
    at: instantOf(query.at),
  };
}

/** The query string of a search (`?q=1000&openNow=true`), empty when there is nothing to carry. */
function searchParams(search: { q: string; openNow: boolean; at: string | undefined }): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.openNow) params.set('openNow', 'true');
  if (search.at) params.set('at', search.at);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The postcode in what was typed: 4 digits alone, or with the place or a country mark around them
 * ("1000 Brussel", "B-1000"), as people write an address. Null when it holds no or other digits.
 */
export function postcodeIn(q: string): string | null {
  const numbers = q.match(/\d+/g);
  return numbers?.length === 1 && numbers[0].length === 4 ? numbers[0] : null;
}

/**
 * A moment given as `at` (as the public API's `at`): ISO 8601 with Z or an offset, and a date and time
 * that exist (no 30 February, no 25:00). Anything else is ignored: the page then speaks of now.
 */
export function instantOf(value: unknown): string | undefined {
  return typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true })
    ? value
    : undefined;
}

function weekdayNames(lang: Language): string[] {
  const format = new Intl.DateTimeFormat(locale(lang), { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** "Monday 9:00" in Brussels time (with the date when it is more than a week away). */
function when(moment: Date, lang: Language, now: Date): string {
  const far = moment.getTime() - now.getTime() > 6 * 24 * 3600 * 1000;
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'long',
    ...(far ? { day: 'numeric', month: 'long' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  }).format(moment);
}
