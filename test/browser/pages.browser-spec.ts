import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lastCompleteWeek, weekInWords } from '../../libs/activity/src/index.js';
import { projectRoot } from '../../libs/core/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, type TestApi } from '../support/test-app.js';
import {
  axeViolations,
  brokenWords,
  horizontalOverflow,
  landedOn,
  launchChromium,
  logIn,
  openPage,
  startBrowserTestApi,
  tabTo,
} from './browser.js';

// Page globals inside page.evaluate callbacks (the project compiles without the DOM library).
declare const document: any;

const PASSWORD = 'a long enough password';
const LANGS = ['nl', 'fr', 'en'] as const;
// Monday 23 November 2026, 10:30 in Brussels: BRU-A (Mo-Fr 09:00-12:00) is open.
const MONDAY_MORNING = '2026-11-23T09:30:00Z';
// Sunday 22 November 2026, 10:30 in Brussels: it is closed.
const SUNDAY_MORNING = '2026-11-22T09:30:00Z';
const SCREENSHOTS = join(projectRoot(), 'docs/screenshots');
const BROWSER_TIMEOUT = 180_000;

/** Sends a weekly-activity CSV file through the import page's form, as a coordinator would. */
async function uploadWeeks(page: Page, csv: string): Promise<void> {
  await page.setInputFiles('#field-file', {
    name: 'weeks.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.click('form.form button[type=submit]');
}

describe('web pages in Chromium', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startBrowserTestApi();
    world = await seedRegistryWorld(t);
    // A space that closed for good: its old address tells the visitor so.
    await world.sql(
      `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, closed_on, postcode)
       VALUES ('WAL-GONE', 'EPN fermé', '62063', 'WAL', 'library', '2015-01-05', '2021-06-30', '4000')`,
    );
    const [label] = await world.sql<{ id: string }>(
      `INSERT INTO labels (space_id, scheme, scheme_version, status, valid_from, valid_until)
       VALUES ($1, 'brussels-ocr', '2024', 'granted', '2026-01-01', '2028-12-31') RETURNING id`,
      [world.spaces.A.id],
    );
    // Coordinator A's reminders, as the jobs record them: the label ends, a week is missing.
    await world.sql(
      `INSERT INTO reminders (user_id, kind, subject, space_id, details) VALUES
         ($1, 'label_expiry', 'BRU-A/label/' || $3, $2,
          jsonb_build_object('labelId', $3::text, 'spaceRef', 'BRU-A', 'scheme', 'brussels-ocr', 'validUntil', '2028-12-31')),
         ($1, 'missing_week', 'BRU-A/2025-W46', $2, '{"week": "2025-W46", "spaceRef": "BRU-A"}')`,
      [world.users.coordA, world.spaces.A.id, label.id],
    );
    const imports: Array<[string, string]> = [
      [
        'equipment',
        'space_ref,ref,type,quantity,free_software\nBRU-A,PC-1,desktop,6,yes\nBRU-A,TAB-1,tablet,4,no\n',
      ],
      [
        'funding',
        'space_ref,year,source,amount_eur,kind,programme\nBRU-A,2026,region,25000,project,Digital inclusion\n',
      ],
      [
        'animators',
        'ref,name,email,space_ref,role,fte,starts_on\nAN-1,Sam Peeters,sam@bru-a.example.be,BRU-A,animator,0.8,2024-01-01\n',
      ],
    ];
    for (const [kind, csv] of imports) {
      const res = await api(t.baseUrl, 'POST', `/api/v1/imports/${kind}`, {
        token: world.tokens.coordA,
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      if (res.status !== 200) throw new Error(`seeding ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  const newPage = (options: { width?: number; height?: number; lang?: string } = {}) =>
    openPage(browser, t.baseUrl, contexts, { ...options, locale: options.lang });

  const storedWeek = (ref: string, week: string) =>
    world.sql(
      `SELECT wa.opening_hours::float AS "openingHours", wa.hours_with_animator::float AS "hoursWithAnimator",
              wa.visits, wa.visitors_women AS "visitorsWomen"
       FROM weekly_activity wa JOIN spaces s ON s.id = wa.space_id
       WHERE s.ref = $1 AND wa.week = $2`,
      [ref, week],
    );

  it(
    'a coordinator submits a week, sees an error next to the field and in the summary, fixes it, and the week is stored',
    async () => {
      const week = lastCompleteWeek(new Date());
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      await Promise.all([
        page.waitForURL('**/spaces/BRU-A/week'),
        page.click('a[href="/spaces/BRU-A/week"]'),
      ]);
      expect(await page.inputValue('#week-select')).toBe(week);
      // Prefilled from the schedule (17 h a week, 15 with an animator, less any public holiday).
      expect(Number(await page.inputValue('#field-openingHours'))).toBeGreaterThan(0);

      await page.fill('#field-visits', '25');
      await page.fill('#field-hoursWithAnimator', '99');
      await page.click('form.form button[type=submit]');
      await page.waitForSelector('.error-summary');
      expect(await page.textContent('#field-hoursWithAnimator-error')).toContain('99');
      expect(await page.getAttribute('#field-hoursWithAnimator', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('.error-summary a', 'href')).toBe('#field-hoursWithAnimator');
      expect(await page.inputValue('#field-visits')).toBe('25');
      expect(await storedWeek('BRU-A', week)).toEqual([]);

      await page.fill('#field-hoursWithAnimator', '10');
      await page.fill('#field-openingHours', '12,5');
      await page.click('form.form button[type=submit]');
      await page.waitForSelector('.flash');
      // The week in words, not its ISO code: "Thank you. Week 47 (16–22 November 2026) is saved."
      expect(await page.textContent('.flash')).toContain(`Thank you. ${weekInWords(week, 'en')} is saved.`);
      expect(await page.textContent('h2')).toBe(weekInWords(week, 'en'));
      expect(await page.$('.error-summary')).toBeNull();
      expect(await storedWeek('BRU-A', week)).toEqual([
        { openingHours: 12.5, hoursWithAnimator: 10, visits: 25, visitorsWomen: null },
      ]);
      // The form now shows the stored week, ready to be corrected.
      expect(await page.inputValue('#field-openingHours')).toBe('12.5');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the same journey works with the keyboard alone',
    async () => {
      const week = lastCompleteWeek(new Date());
      const page = await newPage({ lang: 'nl-BE' });
      await page.goto('/login?lang=nl');
      await tabTo(page, '#field-email');
      await page.keyboard.type('coord-b@example.be');
      await tabTo(page, '#field-password');
      await page.keyboard.type(PASSWORD);
      await Promise.all([page.waitForURL('**/my-spaces'), page.keyboard.press('Enter')]);

      await tabTo(page, 'a[href="/spaces/BRU-B/week"]');
      await Promise.all([page.waitForURL('**/spaces/BRU-B/week'), page.keyboard.press('Enter')]);
      await tabTo(page, '#field-visits');
      await page.keyboard.type('30');
      await tabTo(page, '#field-visitorsWomen');
      await page.keyboard.type('40');
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.waitForSelector('.error-summary');
      // The summary takes the focus, so a screen reader reads it first.
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(
        true,
      );
      expect(await page.textContent('#field-visitorsWomen-error')).toContain('40');

      // From the summary, straight to the field.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
        '#field-visitorsWomen',
      );
      await page.keyboard.press('Enter');
      await tabTo(page, '#field-visitorsWomen');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12');
      await Promise.all([page.waitForURL('**saved=created#saved'), page.keyboard.press('Enter')]);
      await page.waitForSelector('.flash');
      expect(await page.textContent('.flash')).toContain(`Dank u. ${weekInWords(week, 'nl')} is bewaard.`);
      // The page lands on the message, which has the focus: the next Tab goes on from there.
      expect(await landedOn(page)).toEqual({
        hash: '#saved',
        focused: 'saved',
        target: 'saved',
        inView: true,
      });
      expect(await page.title()).toMatch(/^Dank u\. .* is bewaard\. – Een week doorgeven – /);
      const [stored] = await storedWeek('BRU-B', week);
      expect(stored).toMatchObject({ visits: 30, visitorsWomen: 12 });
      // Hours are shown back with a decimal comma in Dutch.
      await world.sql(
        `UPDATE weekly_activity SET opening_hours = 7.5, hours_with_animator = 2.5
         WHERE week = $1 AND space_id = (SELECT id FROM spaces WHERE ref = 'BRU-B')`,
        [week],
      );
      await page.reload();
      expect(await page.inputValue('#field-openingHours')).toBe('7,5');
      expect(await page.inputValue('#field-hoursWithAnimator')).toBe('2,5');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the public finder by postcode shows the seeded space, open now, with its label and hours',
    async () => {
      const page = await newPage({ lang: 'fr-BE' });
      await page.goto('/find?lang=fr');
      await page.fill('#field-q', '1000');
      await Promise.all([page.waitForURL('**/find?q=1000**'), page.press('#field-q', 'Enter')]);
      const card = page.locator('.card', { hasText: 'EPN Bruxelles-Centre' });
      expect(await card.count()).toBe(1);
      expect(await page.locator('.card', { hasText: 'OCR Elsene' }).count()).toBe(1);
      expect(await page.locator('.card', { hasText: 'EPN de Liège' }).count()).toBe(0);

      await page.goto(`/find?q=1000&at=${MONDAY_MORNING}`);
      const open = page.locator('.card', { hasText: 'EPN Bruxelles-Centre' });
      expect(await open.locator('.badge-open').textContent()).toBe('Ouvert maintenant');
      expect(await open.locator('.badge-label').textContent()).toContain('Label EPN bruxellois');
      expect(await open.locator('.hours').textContent()).toContain('lundi');
      expect(await open.locator('.hours').textContent()).toContain('09:00–12:00 (avec un animateur)');

      await page.goto(`/find?q=1000&at=${SUNDAY_MORNING}&openNow=true`);
      expect(await page.locator('.card').count()).toBe(0);
      await page.goto(`/find?q=1000&at=${MONDAY_MORNING}&openNow=true`);
      expect(await page.locator('.card', { hasText: 'EPN Bruxelles-Centre' }).count()).toBe(1);

      // By municipality name, in either language.
      await page.goto('/find?q=Li%C3%A8ge');
      expect(await page.locator('.card', { hasText: 'EPN de Liège' }).count()).toBe(1);
      await page.goto('/find?q=Elsene');
      expect(await page.locator('.card', { hasText: 'OCR Elsene' }).count()).toBe(1);

      await Promise.all([page.waitForURL('**/find/BRU-B**'), page.click('.card a[href^="/find/BRU-B"]')]);
      expect(await page.textContent('h1')).toBe('OCR Elsene');
    },
    BROWSER_TIMEOUT,
  );

  /** Every page built, in the state a visitor can see it: after an error too. */
  async function visitEveryPage(page: Page, lang: string, visit: (name: string) => Promise<void>) {
    const go = async (name: string, path: string) => {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      await visit(name);
    };
    await go('find', '/find');
    await go('find-results', `/find?q=1000&at=${MONDAY_MORNING}`);
    await go('find-none', '/find?q=Atlantis');
    await go('space-detail', `/find/BRU-A?at=${MONDAY_MORNING}`);
    await go('not-found', '/find/NOPE');
    await go('find-empty', '/find?q=');
    await go('find-none-open', `/find?q=1000&openNow=true&at=${SUNDAY_MORNING}`);
    await go('space-closed', '/find/WAL-GONE');
    await go('unknown-address', '/no/such/page');
    await go('accessibility', '/accessibility');
    await go('login', '/login');
    await page.fill('#field-email', 'coord-a@example.be');
    await page.fill('#field-password', 'not the password');
    await page.click('form.form button[type=submit]');
    await page.waitForSelector('.error-summary');
    await visit('login-error');

    await logIn(page, 'coord-a@example.be', lang);
    await visit('my-spaces');
    await go('week', '/spaces/BRU-A/week');
    await page.fill('#field-visits', '-3');
    await page.fill('#field-hoursWithAnimator', '200');
    await page.fill('#field-visitorsYouth', '7');
    await page.click('form.form button[type=submit]');
    await page.waitForSelector('.error-summary');
    await visit('week-errors');
    await go('week-history', '/spaces/BRU-A/history');
    await go('training', '/spaces/BRU-A/training');
    await page.fill('#field-title', 'Atelier e-mail');
    await page.fill('#field-participants', '3');
    await page.fill('#field-newParticipants', '5');
    await page.click('form.form button[type=submit]');
    await page.waitForSelector('.error-summary');
    await visit('training-errors');
    await go('registry', '/spaces/BRU-A/registry');
    await go('imports', '/imports');
    await uploadWeeks(
      page,
      'space_ref,week,opening_hours,visits\nBRU-A,2026-W05,200,10\nBRU-B,2026-W05,10,x\n',
    );
    await page.waitForSelector('.rejected');
    await visit('imports-rejected');
    await go('forbidden', '/spaces/WAL-C/week');
  }

  it(
    'axe finds no WCAG 2.1 A/AA violation on any page, in NL, FR and EN, and nothing scrolls sideways at 320 px',
    async () => {
      // The checker itself must see a violation where there is one.
      const probe = await newPage();
      await probe.setContent('<html><body><img src="x.png"><input type="text"></body></html>');
      expect((await axeViolations(probe)).length).toBeGreaterThan(0);

      const violations: string[] = [];
      const overflowing: string[] = [];
      const visited: string[] = [];
      for (const lang of LANGS) {
        const page = await newPage({ width: 320, height: 640, lang });
        await visitEveryPage(page, lang, async (name) => {
          visited.push(`${lang}:${name}`);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          violations.push(...(await axeViolations(page)));
          const overflow = await horizontalOverflow(page);
          if (overflow > 0) overflowing.push(`${lang}:${name} is ${overflow}px too wide`);
        });
      }
      expect(visited).toHaveLength(3 * 22);
      expect(violations).toEqual([]);
      expect(overflowing).toEqual([]);
    },
    BROWSER_TIMEOUT * 2,
  );

  it(
    'the rejected rows of an upload are listed as a table, and the import wrote nothing',
    async () => {
      const before = await world.sql(`SELECT count(*)::int AS n FROM weekly_activity`);
      const page = await newPage({ width: 320, height: 640 });
      await logIn(page, 'coord-a@example.be');
      await page.goto('/imports');
      await uploadWeeks(
        page,
        'space_ref,week,opening_hours,visits\nBRU-A,2026-W02,10,5\nBRU-A,2026-W03,200,10\n',
      );
      // Like a form's error summary: announced, focused, on screen, and the title says it first.
      const summary = page.locator('.rejected .error-summary');
      expect(await summary.getAttribute('role')).toBe('alert');
      expect(await summary.textContent()).toContain('The file was not saved');
      expect(await landedOn(page)).toMatchObject({ focused: 'rejected', target: '', inView: true });
      expect(await page.title()).toMatch(/^Error: Upload a file – /);
      const rows = await page.locator('.rejected tbody tr').allTextContents();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('3');
      expect(rows[0]).toContain('opening_hours');
      expect(await world.sql(`SELECT count(*)::int AS n FROM weekly_activity`)).toEqual(before);

      await uploadWeeks(
        page,
        'space_ref,week,opening_hours,visits\nBRU-A,2026-W02,10,5\nBRU-A,2026-W03,20,10\n',
      );
      await page.waitForSelector('.flash');
      expect(await page.textContent('.flash')).toContain('2 new');
      expect(await landedOn(page)).toEqual({
        hash: '#saved',
        focused: 'saved',
        target: 'saved',
        inView: true,
      });
      expect(await page.title()).toMatch(/^The file is saved: 2 new, .* – Upload a file – /);
      expect(await storedWeek('BRU-A', '2026-W03')).toEqual([
        { openingHours: 20, hoursWithAnimator: null, visits: 10, visitorsWomen: null },
      ]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a coordinator adds a training session',
    async () => {
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      await page.goto('/spaces/BRU-A/training');
      await page.fill('#field-title', 'Online banking, step by step');
      await page.fill('#field-date', '2026-11-18');
      await page.selectOption('#field-theme', 'e_administration');
      await page.selectOption('#field-format', 'workshop');
      await page.fill('#field-durationHours', '2,5');
      await page.fill('#field-participants', '8');
      await page.fill('#field-newParticipants', '3');
      await page.fill('#field-ref', 'WS-2026-42');
      await page.click('form.form button[type=submit]');
      await page.waitForSelector('.flash');
      expect(await page.locator('tbody tr', { hasText: 'Online banking, step by step' }).count()).toBe(1);
      expect(await page.title()).toMatch(
        /^The training session "Online banking, step by step" is saved\. – /,
      );
      expect(
        await world.sql(
          `SELECT ts.title, ts.duration_hours::float AS hours FROM training_sessions ts
           JOIN spaces s ON s.id = ts.space_id WHERE s.ref = 'BRU-A' AND ts.ref = 'WS-2026-42'`,
        ),
      ).toEqual([{ title: 'Online banking, step by step', hours: 2.5 }]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'on a phone the training form comes first, a save lands on its message, and the list shows one year',
    async () => {
      const thisYear = new Date().getFullYear();
      const page = await newPage({ width: 320, height: 640 });
      await logIn(page, 'coord-a@example.be');
      await page.goto('/spaces/BRU-A/training');
      const before = (a: string, b: string) =>
        page.evaluate(
          ([x, y]) =>
            Boolean(document.querySelector(x).compareDocumentPosition(document.querySelector(y)) & 4),
          [a, b],
        );
      expect(await before('form.form', '#training-title')).toBe(true);
      expect(await page.textContent('#training-title')).toBe(`Sessions of ${thisYear}`);

      // A session of an earlier year: the page lands on the message, then shows that year.
      await page.fill('#field-title', 'Smartphone basics');
      await page.fill('#field-date', '2024-06-26');
      await page.selectOption('#field-theme', 'e_administration');
      await page.selectOption('#field-format', 'workshop');
      await page.fill('#field-durationHours', '10,75');
      await page.fill('#field-participants', '6');
      await page.fill('#field-newParticipants', '2');
      await page.fill('#field-ref', 'WS-2024-07');
      await Promise.all([
        page.waitForURL('**/training?saved=WS-2024-07#saved'),
        page.click('form.form button[type=submit]'),
      ]);
      expect(await landedOn(page)).toEqual({
        hash: '#saved',
        focused: 'saved',
        target: 'saved',
        inView: true,
      });
      expect(await page.evaluate(() => document.querySelector('main').firstElementChild?.id)).toBe('saved');
      expect(await page.getAttribute('#saved', 'role')).toBe('status');
      expect(await page.textContent('#training-title')).toBe('Sessions of 2024');
      expect(await page.locator('tbody tr').allTextContents()).toEqual([
        expect.stringContaining('Smartphone basics'),
      ]);
      expect(await page.locator('#year-select option').allTextContents()).toContain(String(thisYear));

      // This year's list leaves it out; the year choice brings it back.
      await page.goto('/spaces/BRU-A/training');
      expect(await page.locator('tbody tr', { hasText: 'Smartphone basics' }).count()).toBe(0);
      await page.selectOption('#year-select', '2024');
      await Promise.all([page.waitForURL('**/training?year=2024'), page.click('form.inline-form button')]);
      expect(await page.locator('tbody tr', { hasText: 'Smartphone basics' }).count()).toBe(1);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'at 320 px table cells keep whole words and numbers and scroll in their box; headings break between words',
    async () => {
      const res = await api(t.baseUrl, 'POST', '/api/v1/spaces/BRU-A/training-sessions', {
        token: world.tokens.coordA,
        body: {
          ref: 'WS-WIDTH-1',
          date: `${new Date().getFullYear()}-06-26`,
          title: 'Digitale vaardigheden voor werkzoekenden',
          theme: 'e_administration',
          format: 'workshop',
          durationHours: 10.75,
          participants: 12,
          newParticipants: 4,
          language: 'nl',
        },
      });
      expect(res.status).toBe(201);
      const page = await newPage({ width: 320, height: 640, lang: 'nl-BE' });
      await logIn(page, 'coord-a@example.be', 'nl');
      const cells = '.table-wrap th, .table-wrap td';

      // The checker itself must see a split word where there is one (the cells as they were).
      await page.goto('/spaces/BRU-A/registry');
      await page.$$eval(cells, (els: any[]) => els.forEach((el) => (el.style.overflowWrap = 'anywhere')));
      expect(await brokenWords(page, cells)).toContain('Naam');

      const pages = [
        '/spaces/BRU-A/registry',
        `/spaces/BRU-A/history?year=${new Date().getFullYear()}`,
        '/spaces/BRU-A/training',
      ];
      for (const path of pages) {
        await page.goto(path);
        expect([path, await brokenWords(page, cells)]).toEqual([path, []]);
        expect([path, await brokenWords(page, 'h1, h2')]).toEqual([path, []]);
        expect([path, await horizontalOverflow(page)]).toEqual([path, 0]);
      }
      // The registry's tables are wider than the phone: they scroll in their focusable, named box.
      await page.goto('/spaces/BRU-A/registry');
      const wraps = await page.$$eval('.table-wrap', (els: any[]) =>
        els.map((el) => ({
          scrolls: el.scrollWidth > el.clientWidth,
          tabindex: el.getAttribute('tabindex'),
          name: document.getElementById(el.getAttribute('aria-labelledby'))?.textContent ?? '',
        })),
      );
      expect(wraps[0]).toEqual({ scrolls: true, tabindex: '0', name: 'Animatoren' });
      await page.goto('/spaces/BRU-A/training');
      expect(await page.locator('tbody tr', { hasText: '10,75' }).count()).toBe(1);

      await page.goto('/imports');
      await uploadWeeks(
        page,
        'space_ref,week,opening_hours,visits\nBRU-A,2026-W05,200,10\nBRU-A,2026-W06,10,ten\n',
      );
      await page.waitForSelector('.rejected');
      expect(await brokenWords(page, cells)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lists the animators, equipment and funding of a space, read only',
    async () => {
      const page = await newPage({ lang: 'nl-BE' });
      await logIn(page, 'coord-a@example.be', 'nl');
      await Promise.all([page.waitForURL('**/registry'), page.click('a[href="/spaces/BRU-A/registry"]')]);
      const tables = await page.locator('table').allTextContents();
      expect(tables).toHaveLength(3);
      expect(tables[0]).toContain('Sam Peeters');
      expect(tables[1]).toContain('Vaste computer');
      expect(tables[1]).toContain('6');
      expect(tables[2]).toContain('Gewest');
      expect(tables[2]).toMatch(/€\s?25\.000,00/);
      expect(await page.locator('form.form').count()).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'saves screenshots of the main pages',
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const page = await newPage({ width: 1024, height: 768 });
      const shot = (name: string) =>
        page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      await page.goto(`/find?q=1000&at=${MONDAY_MORNING}&lang=en`);
      await shot('public-finder');
      await page.goto(`/find/BRU-A?at=${MONDAY_MORNING}`);
      await shot('public-space');
      await page.goto('/login');
      await shot('login');
      await logIn(page, 'coord-a@example.be');
      await shot('my-spaces');
      await page.goto('/spaces/BRU-A/week');
      await shot('week-form');
      await page.fill('#field-visits', '12');
      await page.fill('#field-visitorsSeniors', '15');
      await page.click('form.form button[type=submit]');
      await page.waitForSelector('.error-summary');
      await shot('week-form-errors');
      await page.goto('/spaces/BRU-A/history');
      await shot('week-history');
      await page.goto('/spaces/BRU-A/training');
      await shot('training-sessions');
      await page.goto('/spaces/BRU-A/registry');
      await shot('animators-equipment-funding');
      await page.goto('/imports');
      await uploadWeeks(
        page,
        'space_ref,week,opening_hours,visits\nBRU-A,2026-W05,200,10\nBRU-A,2026-W06,10,ten\n',
      );
      await page.waitForSelector('.rejected');
      await shot('csv-upload-rejected');

      const phone = await newPage({ width: 360, height: 740, lang: 'fr-BE' });
      await logIn(phone, 'coord-a@example.be', 'fr');
      await phone.goto('/spaces/BRU-A/week');
      await phone.screenshot({ path: join(SCREENSHOTS, 'week-form-phone-fr.png'), fullPage: true });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a week saved by someone else after the form was opened is not overwritten: the form says so and shows both',
    async () => {
      const week = '2026-W10';
      const page = await newPage({ lang: 'fr-BE' });
      await logIn(page, 'coord-a@example.be', 'fr');
      await page.goto(`/spaces/BRU-A/week?week=${week}`);
      expect(await page.inputValue('input[name=version]')).toBe('0');
      const colleague = await api(t.baseUrl, 'PUT', `/api/v1/spaces/BRU-A/weeks/${week}`, {
        token: world.tokens.staffBRU,
        body: { openingHours: 15, visits: 44 },
      });
      expect(colleague.status).toBe(201);

      await page.fill('#field-openingHours', '16,5');
      await page.fill('#field-visits', '50');
      await page.click('form.form button[type=submit]');
      await page.waitForSelector('.error-summary');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(
        true,
      );
      expect(await page.textContent('.error-summary')).toContain(
        'a enregistré cette semaine pendant que vous la remplissiez',
      );
      expect(await page.getAttribute('.error-summary a', 'href')).toBe('#stored-now');
      expect(await page.textContent('#stored-now')).toMatch(/Visites\s*44/);
      // What was typed stays in the form; nothing of it was stored.
      expect(await page.inputValue('#field-openingHours')).toBe('16,5');
      expect(await page.inputValue('#field-visits')).toBe('50');
      expect(await storedWeek('BRU-A', week)).toMatchObject([{ openingHours: 15, visits: 44 }]);
      expect(await axeViolations(page)).toEqual([]);

      // Having seen the other save, saving again replaces it.
      await Promise.all([
        page.waitForURL('**saved=updated#saved'),
        page.click('form.form button[type=submit]'),
      ]);
      expect(await storedWeek('BRU-A', week)).toMatchObject([{ openingHours: 16.5, visits: 50 }]);
    },
    BROWSER_TIMEOUT,
  );

  describe('error summary, dates and codes of the training form', () => {
    it(
      'names the wrong fields in the summary, takes 18/11/2026 and makes the reference itself',
      async () => {
        const page = await newPage({ lang: 'nl-BE' });
        await logIn(page, 'coord-a@example.be', 'nl');
        await page.goto('/spaces/BRU-A/training');
        expect(await page.getAttribute('#field-ref', 'required')).toBeNull();
        await page.fill('#field-title', 'Veilig online bankieren');
        await page.fill('#field-date', '18/11/2026');
        await page.fill('#field-durationHours', '2');
        await page.fill('#field-participants', '6');
        await page.click('form.form button[type=submit]');
        await page.waitForSelector('.error-summary');
        const links = await page.$$eval('.error-summary a', (as) => as.map((a: any) => a.textContent.trim()));
        expect(links).toEqual([
          'Thema: Vul dit veld in.',
          'Vorm: Vul dit veld in.',
          'Nieuwe deelnemers: Vul dit veld in.',
        ]);
        expect(new Set(links).size).toBe(links.length);
        // The field keeps the date as typed; its own message stays short.
        expect(await page.inputValue('#field-date')).toBe('18/11/2026');
        expect(await page.textContent('#field-theme-error')).toContain('Vul dit veld in.');
        expect(await axeViolations(page)).toEqual([]);

        await page.selectOption('#field-theme', 'online_safety');
        await page.selectOption('#field-format', 'workshop');
        await page.fill('#field-newParticipants', '2');
        await page.click('form.form button[type=submit]');
        await page.waitForSelector('.flash');
        expect(
          await page.locator('tbody tr', { hasText: 'Veilig online bankieren' }).textContent(),
        ).toContain('18 november 2026');
        expect(
          await world.sql(
            `SELECT ts.ref, ts.date::text AS date FROM training_sessions ts JOIN spaces s ON s.id = ts.space_id
             WHERE s.ref = 'BRU-A' AND ts.title = 'Veilig online bankieren'`,
          ),
        ).toEqual([{ ref: '2026-11-18-1', date: '2026-11-18' }]);
      },
      BROWSER_TIMEOUT,
    );
  });

  it(
    'a coordinator sees what to do first on their home, follows the link to the week, and hides a reminder',
    async () => {
      const page = await newPage({ width: 320, height: 640 });
      await logIn(page, 'coord-a@example.be');
      const reminders = page.locator('#reminders li.reminder');
      expect(await reminders.allTextContents()).toEqual([
        expect.stringContaining(
          'Your label for EPN Bruxelles-Centre ends on 31 December 2028: ask your region to renew it.',
        ),
        expect.stringContaining(
          'Week 46 (10–16 November 2025) of EPN Bruxelles-Centre has not been reported yet.',
        ),
      ]);
      await Promise.all([
        page.waitForURL('**/spaces/BRU-A/week?week=2025-W46'),
        page.click('a[href="/spaces/BRU-A/week?week=2025-W46"]'),
      ]);
      expect(await page.inputValue('#week-select')).toBe('2025-W46');
      await page.goto('/my-spaces');
      const week = reminders.filter({ hasText: 'Week 46' });
      await Promise.all([page.waitForURL('**/my-spaces?hidden=1#saved'), week.locator('button').click()]);
      expect(await page.textContent('#saved')).toContain('The reminder is hidden.');
      expect(await reminders.count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
    },
    BROWSER_TIMEOUT,
  );
});
