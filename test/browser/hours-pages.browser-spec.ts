import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { projectRoot } from '../../libs/core/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, type TestApi } from '../support/test-app.js';
import {
  axeViolations,
  horizontalOverflow,
  launchChromium,
  logIn,
  openPage,
  startBrowserTestApi,
  tabTo,
} from './browser.js';

// Page globals inside page.evaluate callbacks (the project compiles without the DOM library).
declare const document: any;

const LANGS = ['nl', 'fr', 'en'] as const;
const SCREENSHOTS = join(projectRoot(), 'docs/screenshots');
const BROWSER_TIMEOUT = 180_000;
const SEEDED = 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00';

describe('the opening-hours editor in Chromium', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startBrowserTestApi();
    world = await seedRegistryWorld(t);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  const newPage = (options: { width?: number; lang?: string } = {}) =>
    openPage(browser, t.baseUrl, contexts, {
      width: options.width,
      locale: options.lang === 'fr' ? 'fr-BE' : options.lang === 'nl' ? 'nl-BE' : 'en-GB',
    });

  const storedHours = async (ref = 'BRU-A') =>
    (
      await world.sql<{ opening_hours: string; version: number }>(
        `SELECT opening_hours, version FROM spaces WHERE ref = $1`,
        [ref],
      )
    )[0];

  const resetHours = () =>
    world.sql(
      `UPDATE spaces SET opening_hours = $1, scheduled_weekly_hours = 17, scheduled_hours_with_animator = 15
       WHERE ref = 'BRU-A'`,
      [SEEDED],
    );

  it(
    'a coordinator adds a time slot with an animator and an exception, saves, and sees them after a reload',
    async () => {
      await resetHours();
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      await page.goto('/spaces/BRU-A/hours');
      // Prefilled from the stored hours.
      expect(await page.inputValue('#field-mo-1-from')).toBe('09:00');
      expect(await page.isChecked('#field-mo-1-animator')).toBe(true);
      expect(await page.inputValue('#field-sa-1-from')).toBe('10:00');
      expect(await page.isChecked('#field-sa-1-animator')).toBe(false);
      expect(await page.textContent('.hours-editor-preview')).toContain(
        'Monday: 09:00–12:00 (with an animator)',
      );

      await page.fill('#field-we-2-from', '13:30');
      await page.fill('#field-we-2-to', '17:00');
      await page.check('#field-we-2-animator');
      await page.fill('#field-ex-1-from', '24/12/2026');
      await page.fill('#field-ex-1-to', '26-12-2026');
      await page.fill('#field-ex-1-note', 'Christmas');
      await page.check('#field-publicHolidaysClosed');
      await Promise.all([
        page.waitForURL('**/spaces/BRU-A/hours?saved=1#saved'),
        page.click('button[value=save]'),
      ]);
      expect(await page.textContent('.flash')).toContain('The opening hours are saved.');

      await page.reload();
      expect(await page.inputValue('#field-we-2-from')).toBe('13:30');
      expect(await page.inputValue('#field-we-2-to')).toBe('17:00');
      expect(await page.isChecked('#field-we-2-animator')).toBe(true);
      expect(await page.inputValue('#field-ex-1-from')).toBe('24/12/2026');
      expect(await page.inputValue('#field-ex-1-to')).toBe('26/12/2026');
      expect(await page.inputValue('#field-ex-1-note')).toBe('Christmas');
      expect(await page.isChecked('#field-publicHolidaysClosed')).toBe(true);
      const preview = await page.textContent('.hours-editor-preview');
      expect(preview).toContain(
        'Wednesday: 09:00–12:00 (with an animator) and 13:30–17:00 (with an animator)',
      );
      expect(preview).toContain(
        'Closed from Thursday, 24 December 2026 to Saturday, 26 December 2026 (Christmas)',
      );
      expect(preview).toContain('Closed on public holidays');

      // The database and the JSON API hold the new hours.
      const stored = await storedHours();
      expect(stored.opening_hours).toBe(
        'Mo,Tu,Th,Fr 09:00-12:00 "animator"; We 09:00-12:00,13:30-17:00 "animator"; Sa 10:00-12:00; ' +
          '2026 Dec 24-2026 Dec 26 off "Christmas"; PH off',
      );
      const res = await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-A/opening-hours', {
        token: world.tokens.coordA,
      });
      expect(res.status).toBe(200);
      expect(res.body.expression).toBe(stored.opening_hours);
      expect(res.body.version).toBe(stored.version);
      expect(res.body.weeklyHours).toEqual({ openingHours: 20.5, hoursWithAnimator: 18.5 });

      // Removing the exception takes it out again.
      await page.check('#field-ex-1-remove');
      await Promise.all([page.waitForURL('**?saved=1#saved'), page.click('button[value=save]')]);
      expect((await storedHours()).opening_hours).not.toContain('Dec 24');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'reversed and overlapping slots get field errors and a summary, and nothing is stored',
    async () => {
      await resetHours();
      const before = await storedHours();
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      await page.goto('/spaces/BRU-A/hours');
      await page.fill('#field-mo-1-from', '12:00');
      await page.fill('#field-mo-1-to', '09:00');
      await page.fill('#field-tu-2-from', '11:00');
      await page.fill('#field-tu-2-to', '13:00');
      await page.fill('#field-ex-1-from', '2026-02-30');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.click('button[value=save]'),
      ]);
      expect(response.status()).toBe(400);
      const summary = await page.textContent('.error-summary');
      expect(summary).toContain('Monday, time slot 1: The closing time must be after the opening time.');
      expect(summary).toContain('Tuesday, time slot 2: This time slot overlaps another one on the same day.');
      expect(summary).toContain('New exception 1: Write a date as day/month/year, for example 24/12/2026.');
      expect(await page.textContent('#field-mo-1-to-error')).toContain(
        'The closing time must be after the opening time.',
      );
      expect(await page.getAttribute('#field-tu-2-from', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#field-tu-2-from', 'aria-describedby')).toContain(
        'field-tu-2-from-error',
      );
      // What was typed is shown again.
      expect(await page.inputValue('#field-mo-1-from')).toBe('12:00');
      expect(await storedHours()).toEqual(before);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a stale version gets a clear message and keeps what was typed; saving again then works',
    async () => {
      await resetHours();
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      await page.goto('/spaces/BRU-A/hours');
      // Someone else saves in between.
      await world.sql(`UPDATE spaces SET version = version + 1 WHERE ref = 'BRU-A'`);
      const before = await storedHours();
      await page.fill('#field-su-1-from', '14:00');
      await page.fill('#field-su-1-to', '16:00');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.click('button[value=save]'),
      ]);
      expect(response.status()).toBe(409);
      expect(await page.textContent('.error-summary')).toContain('Someone else changed these opening hours');
      expect(await page.inputValue('#field-su-1-from')).toBe('14:00');
      expect(await storedHours()).toEqual(before);
      await Promise.all([page.waitForURL('**?saved=1#saved'), page.click('button[value=save]')]);
      expect((await storedHours()).opening_hours).toContain('Su 14:00-16:00');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the whole edit can be done with the keyboard alone, with a preview first',
    async () => {
      await resetHours();
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      await page.goto('/spaces/BRU-A/hours');
      await tabTo(page, '#field-th-2-from', 200);
      await page.keyboard.type('14:00');
      await tabTo(page, '#field-th-2-to');
      await page.keyboard.type('16:00');
      await tabTo(page, '#field-th-2-animator');
      await page.keyboard.press('Space');
      await tabTo(page, '#field-ex-1-from', 200);
      await page.keyboard.type('2026-12-31');
      await tabTo(page, '#field-ex-1-kind');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, '#field-ex-1-opens');
      await page.keyboard.type('10:00');
      await tabTo(page, '#field-ex-1-closes');
      await page.keyboard.type('14:00');
      await tabTo(page, 'button[value=preview]', 200);
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.waitForSelector('.hours-editor-preview .note');
      const preview = await page.textContent('.hours-editor-preview');
      expect(preview).toContain(
        'Thursday: 09:00–12:00 (with an animator) and 14:00–16:00 (with an animator)',
      );
      expect(preview).toContain('Thursday, 31 December 2026: open 10:00–14:00');
      expect((await storedHours()).opening_hours).toBe(SEEDED);
      // Enter in a field sends the form with its first button: save.
      await tabTo(page, '#field-th-2-to', 200);
      await Promise.all([page.waitForURL('**?saved=1#saved'), page.keyboard.press('Enter')]);
      expect((await storedHours()).opening_hours).toBe(
        'Mo-We,Fr 09:00-12:00 "animator"; Th 09:00-12:00,14:00-16:00 "animator"; Sa 10:00-12:00; 2026 Dec 31 10:00-14:00',
      );
    },
    BROWSER_TIMEOUT,
  );

  it(
    'another space’s coordinator gets the friendly refusal page, and nothing changes',
    async () => {
      const before = await storedHours();
      const page = await newPage();
      await logIn(page, 'coord-b@example.be');
      const response = await page.goto('/spaces/BRU-A/hours');
      expect([403, 404]).toContain(response?.status());
      expect(await page.$('form.hours-editor')).toBeNull();
      expect(await page.textContent('h1')).toBeTruthy();
      expect(await storedHours()).toEqual(before);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'axe finds no WCAG 2.1 A/AA violation in NL, FR and EN, with and without errors, and nothing scrolls sideways at 320 px',
    async () => {
      await resetHours();
      const problems: string[] = [];
      for (const lang of LANGS) {
        for (const width of [1024, 320]) {
          const page = await newPage({ width, lang });
          await logIn(page, 'coord-a@example.be', lang);
          await page.goto(`/spaces/BRU-A/hours?lang=${lang}`);
          problems.push(...(await axeViolations(page)));
          const overflow = await horizontalOverflow(page);
          if (overflow > 0) problems.push(`${lang} ${width}px: ${overflow}px sideways`);
          await page.fill('#field-mo-1-to', '08:00');
          await page.fill('#field-ex-1-from', 'tomorrow');
          await page.click('button[value=save]');
          await page.waitForSelector('.error-summary');
          problems.push(...(await axeViolations(page)).map((v) => `errors ${v}`));
          const errorOverflow = await horizontalOverflow(page);
          if (errorOverflow > 0) problems.push(`${lang} ${width}px with errors: ${errorOverflow}px sideways`);
          if (lang === 'en' && width === 1024) {
            mkdirSync(SCREENSHOTS, { recursive: true });
            await page.goto('/spaces/BRU-A/hours');
            await page.screenshot({ path: join(SCREENSHOTS, 'opening-hours-editor.png'), fullPage: true });
          }
          if (lang === 'fr' && width === 320) {
            // The phone layout: one day per block, the time slot's fields stacked.
            const boxes = await page.evaluate(() =>
              ['#field-mo-1-from', '#field-mo-1-to'].map(
                (sel) => document.querySelector(sel).getBoundingClientRect().top,
              ),
            );
            expect(boxes[1]).toBeGreaterThanOrEqual(boxes[0]);
          }
        }
      }
      expect(problems).toEqual([]);
      expect((await storedHours()).opening_hours).toBe(SEEDED);
    },
    BROWSER_TIMEOUT * 2,
  );
});
