import { Injectable } from '@nestjs/common';
import { formatLongDate, notFound, type Language, type Principal } from '../../../../libs/core/src/index.js';
import { MISSING_WEEK, RemindersService } from '../../../../libs/activity/src/index.js';
import { LABEL_EXPIRY } from '../../../../libs/labels/src/index.js';
import { validWeek, weekInWords } from './formats.js';
import { CATALOGUES, fill } from './i18n/catalogues.js';
import { ReminderPagesRepository } from './reminder-pages.repository.js';

/** One reminder as the pages show it: a sentence, a link to where it is done, and the "hide" form. */
export interface ReminderNotice {
  id: string;
  kind: string;
  spaceRef: string;
  spaceName: string;
  text: string;
  linkHref: string;
  linkText: string;
  hideAction: string;
  /** Where the form brings the user back to ('' for /my-spaces). */
  back: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The one other page with a "hide" button: a space's label page. */
const LABEL_PAGE = /^\/spaces\/[^/?#\\]+\/label$/;
/** A short list: the rest shows once the first ones are done and hidden. */
export const NOTICES_SHOWN = 8;
/** A label that ends comes before missing weeks: it is rarer, and more is at stake. */
const ORDER: Record<string, number> = { [LABEL_EXPIRY]: 0, [MISSING_WEEK]: 1 };

/** Where "Done, hide this" lands: the page's message that it is hidden (the layout's #saved). */
export const HIDDEN_REDIRECT = '/my-spaces?hidden=1#saved';

/**
 * The reminders the jobs record (a week not reported, a label about to end), on the pages: without
 * SMTP they are the only way the user hears of them. Reading and marking read go through the
 * reminders lib service the API uses, so only the owner sees or hides a reminder.
 */
@Injectable()
export class ReminderPagesService {
  constructor(
    private readonly reminders: RemindersService,
    private readonly repo: ReminderPagesRepository,
  ) {}

  /** The user's unread reminders that are still true, in their language; labels first, then newest. */
  async notices(principal: Principal, lang: Language): Promise<ReminderNotice[]> {
    const unread = await this.reminders.list(principal.userId, true);
    const due = await this.repo.stillDue(unread.map((r) => r.id));
    const t = CATALOGUES[lang].reminders;
    const notices: ReminderNotice[] = [];
    for (const r of unread) {
      const spaceName = due.get(r.id);
      const ref = r.spaceRef ?? (typeof r.details.spaceRef === 'string' ? r.details.spaceRef : null);
      if (spaceName === undefined || !ref) continue;
      const base = `/spaces/${encodeURIComponent(ref)}`;
      const common = {
        id: r.id,
        kind: r.kind,
        spaceRef: ref,
        spaceName,
        hideAction: `/reminders/${r.id}/read`,
        back: '',
      };
      if (r.kind === MISSING_WEEK) {
        const week = validWeek(r.details.week);
        if (!week) continue;
        // "Week 46 (…)" starts the Dutch and English sentence; French says "La semaine 46 (…)".
        const words = weekInWords(week, lang, lang !== 'fr');
        notices.push({
          ...common,
          text: fill(t.weekMissing, { week: words, space: spaceName }),
          linkHref: `${base}/week?week=${week}`,
          linkText: t.weekLink,
        });
      } else if (r.kind === LABEL_EXPIRY) {
        const until = r.details.validUntil;
        if (typeof until !== 'string' || !DATE.test(until)) continue;
        // Coordinators ask their region; regional staff (and admins) are the ones who renew.
        const text = principal.role === 'coordinator' ? t.labelEnds : t.labelEndsStaff;
        notices.push({
          ...common,
          text: fill(text, { space: spaceName, date: formatLongDate(until, lang) }),
          linkHref: `${base}/label`,
          linkText: t.labelLink,
        });
      }
    }
    return notices.sort((a, b) => (ORDER[a.kind] ?? 9) - (ORDER[b.kind] ?? 9));
  }

  /** What /my-spaces shows: the first few notices, how many more there are, and "it is hidden". */
  async forMySpaces(principal: Principal, lang: Language, hidden: boolean) {
    const t = CATALOGUES[lang].reminders;
    const all = await this.notices(principal, lang);
    const more = all.length - NOTICES_SHOWN;
    return {
      reminders: all.slice(0, NOTICES_SHOWN),
      remindersMore: more > 0 ? fill(t.more, { count: more }) : '',
      flash: hidden ? t.hidden : '',
    };
  }

  /** The unread warning that the label of this space ends, for its label page; null when there is none. */
  async labelNotice(principal: Principal, ref: string, lang: Language): Promise<ReminderNotice | null> {
    const notices = await this.notices(principal, lang);
    const notice = notices.find((n) => n.kind === LABEL_EXPIRY && n.spaceRef === ref);
    return notice ? { ...notice, back: `/spaces/${encodeURIComponent(ref)}/label` } : null;
  }

  /**
   * Marks the caller's own reminder read, with the service of POST /api/v1/reminders/{id}/read: a
   * reminder of someone else, or none at all, is not found (and stays as it was).
   */
  async markRead(principal: Principal, id: string, back: unknown): Promise<string> {
    if (!UUID.test(id)) throw notFound('REMINDERS.NOT_FOUND', 'No such reminder.');
    await this.reminders.markRead(id, principal.userId);
    // Hidden from a label page, the user stays on it; anywhere else, back to their home.
    return typeof back === 'string' && LABEL_PAGE.test(back) ? `${back}?hidden=1#saved` : HIDDEN_REDIRECT;
  }
}

/** The providers of the reminder notices, registered by PagesModule. */
export const REMINDER_PAGES_PROVIDERS = [ReminderPagesService, ReminderPagesRepository];
