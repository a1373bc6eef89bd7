import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Language } from '../../../../libs/core/src/index.js';
import { WEEKDAYS } from '../../../../libs/spaces/src/index.js';
import { fieldView } from './forms.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';
import { PublicSpacesService, type PublicSpaceDto } from './lib-services.js';
import { MunicipalityLookupRepository } from './municipality-lookup.repository.js';
import type { PageView } from './page-renderer.js';
import { formatDate as longDate, locale } from './formats.js';

const POSTCODE = /^\d{4}$/;
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
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const openNow = query.openNow === 'true';
    const at =
      typeof query.at === 'string' && INSTANT.test(query.at) && !Number.isNaN(Date.parse(query.at))
        ? query.at
        : undefined;
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
        [],
        m,
      ),
    ];
    const base = {
      fields,
      detail: false,
      openNowOnly: openNow,
      searched: q !== '',
      results: [],
      message: '',
      resultsTitle: '',
    };
    if (!q) return { template: 'find', title: m.find.title, section: 'find', data: base };

    let spaces: PublicSpaceDto[];
    let message = '';
    if (POSTCODE.test(q)) {
      spaces = (
        await this.directory.list({ postcode: q, openNow, at, page: 1, pageSize: RESULTS_PER_PLACE } as any)
      ).items;
    } else {
      const nisCodes = await this.municipalities.nisCodesByName(q);
      if (nisCodes.length === 0) message = fill(m.find.unknownPlace, { query: q });
      const pages = await Promise.all(
        nisCodes.map((nisCode) =>
          this.directory.list({ nisCode, openNow, at, page: 1, pageSize: RESULTS_PER_PLACE } as any),
        ),
      );
      spaces = pages.flatMap((p) => p.items);
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
        resultsTitle: fill(spaces.length === 1 ? m.find.resultsOne : m.find.results, {
          count: spaces.length,
        }),
        results: spaces.map((space) => ({
          name: space.name,
          href: `/find/${encodeURIComponent(space.ref)}${at ? `?at=${encodeURIComponent(at)}` : ''}`,
          ...spaceView(space, m, lang, moment),
        })),
      },
    };
  }

  async space(ref: string, atParam: unknown, lang: Language): Promise<PageView> {
    const m = CATALOGUES[lang];
    const at = typeof atParam === 'string' && INSTANT.test(atParam) ? atParam : undefined;
    const space = await this.directory.get(ref, at);
    const languageNames = new Intl.DisplayNames([locale(lang)], { type: 'language' });
    return {
      template: 'find-space',
      title: space.name,
      section: 'find',
      data: {
        detail: true,
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
  const closures = (space.openingHours?.exceptions ?? [])
    .map((e) =>
      e.from === e.to ? longDate(e.from, lang) : `${longDate(e.from, lang)} – ${longDate(e.to, lang)}`,
    )
    .join('; ');
  return { ref: space.ref, address, label, openState, opensAt, hours, closures };
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
