import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Environment,
  LANGUAGES,
  isLanguage,
  negotiateLanguage,
  type AuthenticatedRequest,
  type Language,
} from '../../../../libs/core/src/index.js';
import { CATALOGUES, fill, type Catalogue } from './i18n/catalogues.js';

export const LANGUAGE_COOKIE = 'ocr_lang';
const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

type PageRequest = AuthenticatedRequest & {
  cookies?: Record<string, string | undefined>;
};
type PageReply = FastifyReply & {
  generateCsrf(): string;
  viewAsync(page: string, data: object): Promise<string>;
};

/** What a page handler hands to the renderer: its template, its title and its own data. */
export interface PageView {
  template: string;
  title: string;
  /** Which menu entry is the current page. */
  section?:
    'find' | 'mySpaces' | 'staff' | 'reports' | 'admin' | 'imports' | 'accessibility' | 'login' | null;
  status?: number;
  data?: Record<string, unknown>;
}

export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'tooMany' | 'generic';

/**
 * Renders pages inside the shared layout: language (a `?lang=` choice, remembered in a cookie,
 * else the browser's Accept-Language), the language switch, the menu, the signed-in user and the
 * CSRF token every form carries.
 */
@Injectable()
export class PageRenderer {
  constructor(private readonly env: Environment) {}

  /** The visitor's language; a `?lang=` choice is remembered for a year. */
  language(req: FastifyRequest, reply: FastifyReply): Language {
    const asked = (req.query as { lang?: unknown } | undefined)?.lang;
    if (isLanguage(asked)) {
      void reply.setCookie(LANGUAGE_COOKIE, asked, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: this.env.cookieSecure,
        maxAge: ONE_YEAR_SECONDS,
      });
      return asked;
    }
    const remembered = (req as PageRequest).cookies?.[LANGUAGE_COOKIE];
    if (isLanguage(remembered)) return remembered;
    return negotiateLanguage(req.headers['accept-language'], 'nl');
  }

  messages(lang: Language): Catalogue {
    return CATALOGUES[lang];
  }

  async render(req: FastifyRequest, reply: FastifyReply, view: PageView, lang?: Language): Promise<void> {
    const language = lang ?? this.language(req, reply);
    const m = CATALOGUES[language];
    const principal = (req as PageRequest).principal ?? null;
    const page = reply as PageReply;
    const html = await page.viewAsync(view.template, {
      ...(view.data ?? {}),
      lang: language,
      m,
      title: view.title,
      headTitle: headTitle(view, m),
      csrfToken: page.generateCsrf(),
      user: principal ? { signedInAs: fill(m.site.signedInAs, { email: principal.email }) } : null,
      languages: LANGUAGES.map((code) => ({
        code,
        name: LANGUAGE_NAMES[code],
        href: withLanguage(req.url, code),
        current: code === language,
      })),
      nav: this.nav(m, principal, view.section ?? null),
    });
    await reply
      .status(view.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(html);
  }

  async renderError(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    kind: ErrorKind,
  ): Promise<void> {
    const lang = this.language(req, reply);
    const m = CATALOGUES[lang].errors;
    const texts: Record<ErrorKind, [string, string]> = {
      notFound: [m.notFoundTitle, m.notFound],
      forbidden: [m.forbiddenTitle, m.forbidden],
      csrf: [m.csrfTitle, m.csrf],
      tooMany: [m.tooManyTitle, m.tooMany],
      generic: [m.title, m.generic],
    };
    const [title, text] = texts[kind];
    await this.render(req, reply, { template: 'error', title, status, data: { text } }, lang);
  }

  /** The same menu on every page for the same user (WCAG 3.2.3); staff also get their region's pages. */
  private nav(m: Catalogue, principal: { role: string } | null, section: PageView['section']) {
    const staff = principal?.role === 'regional_staff' || principal?.role === 'admin';
    const entries: Array<{ key: NonNullable<PageView['section']>; href: string; label: string }> = [
      { key: 'find', href: '/find', label: m.nav.find },
      ...(principal
        ? [
            { key: 'mySpaces' as const, href: '/my-spaces', label: m.nav.mySpaces },
            ...(staff
              ? [
                  { key: 'staff' as const, href: '/staff', label: m.staff.navLabel },
                  { key: 'reports' as const, href: '/staff/reports', label: m.nav.reports },
                ]
              : []),
            ...(principal.role === 'admin'
              ? [{ key: 'admin' as const, href: '/admin', label: m.nav.admin }]
              : []),
            { key: 'imports' as const, href: '/imports', label: m.nav.imports },
          ]
        : []),
      { key: 'accessibility', href: '/accessibility', label: m.nav.accessibility },
    ];
    return entries.map((entry) => ({ ...entry, current: entry.key === section }));
  }
}

/**
 * The window title starts with what just happened, the first thing a screen reader reads of a
 * page: "Error: …" when the form came back with problems, the saved message after a save.
 */
function headTitle(view: PageView, m: Catalogue): string {
  const data = view.data ?? {};
  const failed = Boolean(data.errorSummary || data.rejected || data.formError);
  const flash = typeof data.flash === 'string' ? data.flash.trim() : '';
  const outcome = failed ? `${m.form.errorPrefix} ` : flash ? `${flash} – ` : '';
  return `${outcome}${view.title} – ${m.site.name}`;
}

/** The same address in another language (a POST's address shows its form again, by GET). */
export function withLanguage(url: string, lang: Language): string {
  const parsed = new URL(url, 'http://page.invalid');
  parsed.searchParams.delete('_csrf');
  parsed.searchParams.set('lang', lang);
  return `${parsed.pathname}${parsed.search}`;
}
