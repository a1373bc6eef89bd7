import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { projectRoot } from '../../libs/core/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { type TestApi } from '../support/test-app.js';
import {
  axeViolations,
  horizontalOverflow,
  landedOn,
  launchChromium,
  logIn,
  openPage,
  startBrowserTestApi,
  tabTo,
} from './browser.js';

const LANGS = ['nl', 'fr', 'en'] as const;
const SCREENSHOTS = join(projectRoot(), 'docs/screenshots');
const BROWSER_TIMEOUT = 180_000;

describe('the registry edit pages in Chromium', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let browser: Browser;
  let ids: { equipment: string; funding: string; assignment: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startBrowserTestApi();
    world = await seedRegistryWorld(t);
    browser = await launchChromium();
    // One record of each kind at BRU-A, for the edit forms.
    await world.sql(
      `INSERT INTO equipment (space_id, ref, type, quantity, acquired_on)
       SELECT id, 'PC-SEEDED', 'desktop', 4, '2024-09-01' FROM spaces WHERE ref = 'BRU-A'`,
    );
    const [funding] = await world.sql(
      `INSERT INTO funding (space_id, year, source, amount_eur, kind, programme)
       SELECT id, 2026, 'region', 25000, 'project', 'Appel EPN 2026' FROM spaces WHERE ref = 'BRU-A' RETURNING id`,
    );
    const [animator] = await world.sql(
      `INSERT INTO animators (ref, name) VALUES ('ANIM-SEEDED', 'Sam Peeters') RETURNING id`,
    );
    const [assignment] = await world.sql(
      `INSERT INTO animator_assignments (animator_id, space_id, role, fte, qualified, starts_on)
       SELECT $1, id, 'animator', 0.5, true, '2025-01-06' FROM spaces WHERE ref = 'BRU-A' RETURNING id`,
      [animator.id],
    );
    ids = { equipment: 'PC-SEEDED', funding: funding.id, assignment: assignment.id };
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  const newPage = (options: { width?: number; height?: number } = {}) =>
    openPage(browser, t.baseUrl, contexts, options);

  const forms = () => [
    '/spaces/BRU-A/registry',
    '/spaces/BRU-A/registry/equipment/new',
    `/spaces/BRU-A/registry/equipment/${ids.equipment}`,
    '/spaces/BRU-A/registry/funding/new',
    `/spaces/BRU-A/registry/funding/${ids.funding}`,
    '/spaces/BRU-A/registry/animators/new',
    `/spaces/BRU-A/registry/animators/${ids.assignment}`,
  ];
  /** The questions asked before removing a record: no form fields to get wrong. */
  const questions = () => [
    `/spaces/BRU-A/registry/equipment/${ids.equipment}/remove`,
    `/spaces/BRU-A/registry/funding/${ids.funding}/remove`,
    `/spaces/BRU-A/registry/animators/${ids.assignment}/remove`,
  ];

  it(
    'coord-a adds an equipment batch with the keyboard alone and sees it in the list',
    async () => {
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      await page.goto('/spaces/BRU-A/registry');
      await tabTo(page, 'a[href="/spaces/BRU-A/registry/equipment/new"]', 120);
      await Promise.all([page.waitForURL('**/registry/equipment/new'), page.keyboard.press('Enter')]);
      await tabTo(page, '#field-ref');
      await page.keyboard.type('TAB-2026-01');
      await tabTo(page, '#field-type');
      // The choices: "Choose…", desktop, laptop, tablet: three steps down is a tablet.
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      expect(await page.inputValue('#field-type')).toBe('tablet');
      await tabTo(page, '#field-quantity');
      await page.keyboard.type('8');
      await tabTo(page, '#field-acquiredOn');
      await page.keyboard.type('2026-02-01');
      await tabTo(page, 'form.form button[type=submit]');
      await Promise.all([
        page.waitForURL('**/spaces/BRU-A/registry?saved=equipment#saved'),
        page.keyboard.press('Enter'),
      ]);
      // The list says the change is saved, where a screen reader announces it: the page lands on
      // the message (first in the main content, focused) and the window title starts with it.
      expect(await page.textContent('.flash[role=status]')).toContain('saved');
      expect(await landedOn(page)).toEqual({
        hash: '#saved',
        focused: 'saved',
        target: 'saved',
        inView: true,
      });
      expect(await page.title()).toMatch(/^Your change is saved\. – /);
      const row = page.locator('tr', { hasText: 'TAB-2026-01' });
      expect(await row.textContent()).toContain('Tablet');
      // The list writes dates in words, not as typed in the form.
      expect(await row.textContent()).toContain('1 February 2026');
      const [stored] = await world.sql(`SELECT type, quantity FROM equipment WHERE ref = 'TAB-2026-01'`);
      expect(stored).toEqual({ type: 'tablet', quantity: 8 });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'removing a record asks first: "No, keep it" goes back and keeps it, "Yes, remove it" removes it',
    async () => {
      await world.sql(
        `INSERT INTO equipment (space_id, ref, type, quantity) SELECT id, 'PC-GONE', 'printer', 1 FROM spaces WHERE ref = 'BRU-A'`,
      );
      const count = async () =>
        (await world.sql(`SELECT count(*)::int AS n FROM equipment WHERE ref = 'PC-GONE'`))[0].n;
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      const edit = '/spaces/BRU-A/registry/equipment/PC-GONE';
      await page.goto(`${edit}?lang=en`);
      // One tap on "Remove this record" only opens the question.
      await Promise.all([page.waitForURL(`**${edit}/remove`), page.click('a[href$="/remove"]')]);
      expect(await page.textContent('h1')).toBe('Remove this equipment (PC-GONE, Printer)?');
      expect(await page.textContent('main')).toContain('This cannot be undone.');
      expect(await count()).toBe(1);
      await Promise.all([page.waitForURL(`**${edit}`), page.click('text=No, keep it')]);
      expect(await count()).toBe(1);

      // With the keyboard alone: the link, then the "yes" button.
      await tabTo(page, `a[href="${edit}/remove"]`, 120);
      await Promise.all([page.waitForURL(`**${edit}/remove`), page.keyboard.press('Enter')]);
      await tabTo(page, 'main form button[type=submit]', 120);
      expect(await page.locator(':focus').textContent()).toBe('Yes, remove it');
      await Promise.all([
        page.waitForURL('**/spaces/BRU-A/registry?saved=removed#saved'),
        page.keyboard.press('Enter'),
      ]);
      expect(await landedOn(page)).toEqual({
        hash: '#saved',
        focused: 'saved',
        target: 'saved',
        inView: true,
      });
      expect(await page.textContent('.flash[role=status]')).toContain('removed');
      expect(await count()).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'every new page has no axe violations in NL, FR and EN, plain and with errors, and fits 320 px',
    async () => {
      const page = await newPage();
      await logIn(page, 'coord-a@example.be');
      const problems: string[] = [];
      for (const lang of LANGS) {
        for (const path of forms()) {
          await page.goto(`${path}?lang=${lang}`);
          for (const v of await axeViolations(page)) problems.push(`${lang} ${path}: ${v}`);
          if (!path.endsWith('/registry')) {
            // Send the form with a wrong number and a wrong date: the page comes back with errors.
            const number = page.locator('input[inputmode=numeric], input[inputmode=decimal]').first();
            await number.fill('not a number');
            await page.locator('input[name$=On]').first().fill('2026-02-31');
            await Promise.all([page.waitForLoadState('load'), page.click('form.form button[type=submit]')]);
            expect(await page.locator('.error-summary').count()).toBe(1);
            for (const v of await axeViolations(page)) problems.push(`${lang} ${path} with errors: ${v}`);
          }
        }
      }
      for (const lang of LANGS) {
        for (const path of questions()) {
          await page.goto(`${path}?lang=${lang}`);
          for (const v of await axeViolations(page)) problems.push(`${lang} ${path}: ${v}`);
        }
      }
      expect(problems).toEqual([]);

      const narrow = await newPage({ width: 320 });
      await logIn(narrow, 'coord-a@example.be');
      for (const path of [...forms(), ...questions()]) {
        await narrow.goto(`${path}?lang=fr`);
        expect({ path, overflow: await horizontalOverflow(narrow) }).toEqual({ path, overflow: 0 });
      }
      await narrow.goto(`/spaces/BRU-A/registry/equipment/new?lang=fr`);
      await narrow.fill('#field-quantity', 'dix');
      await Promise.all([narrow.waitForLoadState('load'), narrow.click('form.form button[type=submit]')]);
      expect(await horizontalOverflow(narrow)).toBe(0);

      mkdirSync(SCREENSHOTS, { recursive: true });
      const shot = await newPage({ width: 800 });
      await logIn(shot, 'coord-a@example.be');
      await shot.goto(`/spaces/BRU-A/registry/equipment/${ids.equipment}?lang=en`);
      await shot.fill('#field-quantity', '0');
      await Promise.all([shot.waitForLoadState('load'), shot.click('form.form button[type=submit]')]);
      await shot.screenshot({ path: join(SCREENSHOTS, 'registry-edit.png'), fullPage: true });
    },
    BROWSER_TIMEOUT * 2,
  );
});
