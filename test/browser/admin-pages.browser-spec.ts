import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../../libs/core/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { type TestApi } from '../support/test-app.js';
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
const BROWSER_TIMEOUT = 360_000;
const SCREENSHOTS = join(projectRoot(), 'docs/screenshots');
const PAGES = [
  '/admin',
  '/admin/users',
  '/admin/schemes',
  '/admin/reference',
  '/admin/reference?region=VLA&page=2',
];

describe('admin pages in Chromium', () => {
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

  const newPage = (options: { width?: number; height?: number } = {}) =>
    openPage(browser, t.baseUrl, contexts, options);

  const withLang = (path: string, lang: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

  it(
    'every admin page has no axe violations in NL, FR and EN (with errors too) and no sideways scroll at 320 px',
    async () => {
      const wide = await newPage();
      await logIn(wide, 'world-admin@example.be');
      const narrow = await newPage({ width: 320 });
      await logIn(narrow, 'world-admin@example.be');
      const problems: string[] = [];
      // Axe once per page and language (at 1024 px); the 320 px window checks reflow.
      const check = async (p: Page, what: string) => {
        if (p === wide) problems.push(...(await axeViolations(p)));
        const overflow = await horizontalOverflow(p);
        if (overflow > 0) problems.push(`${what} scrolls sideways by ${overflow}px`);
      };
      for (const lang of LANGS) {
        for (const p of [wide, narrow]) {
          for (const path of PAGES) {
            const res = await p.goto(withLang(path, lang));
            expect(res?.status()).toBe(200);
            expect(await p.getAttribute('html', 'lang')).toBe(lang);
            await check(p, `${p.url()} at ${p.viewportSize()?.width}px`);
          }
          // The create form as it looks with every kind of error.
          await p.goto(withLang('/admin/users', lang));
          await p.fill('#field-email', 'not an address');
          await p.selectOption('#field-role', 'regional_staff');
          await p.fill('#field-spaces', 'BRU-A');
          await p.fill('#field-password', 'short');
          await p.click('form.form button[type=submit]');
          await p.waitForSelector('.error-summary');
          expect(await p.$$eval('.error-summary li', (items) => items.length)).toBe(4);
          for (const field of ['email', 'region', 'spaces', 'password']) {
            expect(await p.getAttribute(`#field-${field}`, 'aria-invalid')).toBe('true');
          }
          expect(await p.inputValue('#field-password')).toBe('');
          await check(p, `${p.url()} (errors, ${lang}) at ${p.viewportSize()?.width}px`);
        }
      }
      expect(problems).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a keyboard user adds a coordinator and turns them off; the list says so',
    async () => {
      const page = await newPage();
      await logIn(page, 'world-admin@example.be');
      await page.goto('/admin?lang=en');
      await tabTo(page, 'a[href="/admin/users"]');
      await Promise.all([page.waitForURL('**/admin/users'), page.keyboard.press('Enter')]);
      await tabTo(page, '#field-email');
      await page.keyboard.type('keyboard-user@example.be');
      await tabTo(page, '#field-role');
      await page.selectOption('#field-role', 'coordinator');
      await tabTo(page, '#field-spaces');
      await page.keyboard.type('BRU-B');
      await tabTo(page, '#field-password');
      await page.keyboard.type('typed with the keyboard only');
      await tabTo(page, 'form.form button[type=submit]');
      await Promise.all([page.waitForURL(/done=created/), page.keyboard.press('Enter')]);
      expect(await page.textContent('.flash')).toContain('User keyboard-user@example.be was added.');

      const turnOff = 'button[aria-label="Turn off keyboard-user@example.be"]';
      await tabTo(page, turnOff, 200);
      await Promise.all([page.waitForURL(/done=disabled/), page.keyboard.press('Enter')]);
      expect(await page.textContent('.flash')).toContain(
        'keyboard-user@example.be is turned off and signed out.',
      );
      expect(await page.$('button[aria-label="Turn on keyboard-user@example.be"]')).not.toBeNull();
      expect(
        await world.sql(
          `SELECT disabled_at IS NOT NULL AS off FROM users WHERE email = 'keyboard-user@example.be'`,
        ),
      ).toEqual([{ off: true }]);

      await page.goto('/admin/users?lang=en');
      await page.setViewportSize({ width: 1024, height: 900 });
      await page.screenshot({ path: join(SCREENSHOTS, 'admin-users.png'), fullPage: true });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the job dashboard (bull-board, third-party: not checked with axe) loads for an admin under the site CSP',
    async () => {
      const page = await newPage();
      await logIn(page, 'world-admin@example.be');
      const refused: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) refused.push(msg.text());
      });
      const res = await page.goto('/admin/queues');
      expect(res?.status()).toBe(200);
      // The app itself runs (its scripts are same-origin files) and lists the catalogue's queues.
      await page.waitForFunction(
        () => /system/.test(document.querySelector('#root')?.textContent ?? ''),
        null,
        {
          timeout: 30_000,
        },
      );
      const text = await page.textContent('#root');
      for (const queue of ['system', 'activity', 'reports', 'labels']) expect(text).toContain(queue);
      // Only cosmetic things are refused by the CSP (inline styles, web fonts), never a script.
      expect(refused.filter((r) => /script/i.test(r) && !/style/i.test(r))).toEqual([]);

      const staff = await newPage();
      await logIn(staff, 'staff-bru@example.be');
      const denied = await staff.goto('/admin/queues');
      expect(denied?.status()).toBe(403);
      expect(await staff.textContent('h1')).toBe('No access');
    },
    BROWSER_TIMEOUT,
  );
});
