import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { spawnWorker, waitFor, type TestApi, type WorkerProcess } from '../support/test-app.js';
import {
  axeViolations,
  evaluateFromForm,
  horizontalOverflow,
  launchChromium,
  logIn,
  openPage,
  startBrowserTestApi,
} from './browser.js';

// Page globals inside page.evaluate callbacks (the project compiles without the DOM library).
declare const Option: any;

const LANGS = ['nl', 'fr', 'en'] as const;
const BROWSER_TIMEOUT = 180_000;

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('regional staff pages in Chromium', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let worker: WorkerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startBrowserTestApi();
    world = await seedRegistryWorld(t);
    // BRU-B's label ends within 60 days; BRU-A's much later (not on the dashboard): its earlier grant,
    // which ends within 60 days, was since renewed, so it is no label about to end.
    await world.sql(
      `INSERT INTO labels (space_id, scheme, scheme_version, status, valid_from, valid_until, decided_at)
       VALUES ($1, 'brussels-ocr', '2021', 'granted', '2024-01-01', $2, now()),
              ($3, 'brussels-ocr', '2021', 'granted', '2021-01-01', $4, '2021-01-01'),
              ($3, 'brussels-ocr', '2021', 'granted', '2024-01-01', '2030-12-31', now())`,
      [world.spaces.B.id, isoDay(30), world.spaces.A.id, isoDay(20)],
    );
    worker = spawnWorker(t.env);
    await waitFor(async () => worker.output().includes('worker consuming'), 30_000);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  const newPage = (options: { width?: number; height?: number } = {}) =>
    openPage(browser, t.baseUrl, contexts, options);

  /** Starts an evaluation of one space from the form and follows "Check again" until it is done. */
  async function evaluate(page: Page, spaceRef: string): Promise<string> {
    return evaluateFromForm(page, spaceRef);
  }

  it(
    'regional staff see their region on the dashboard, evaluate a space and read the evidence',
    async () => {
      const page = await newPage();
      await logIn(page, 'staff-bru@example.be');
      const response = await page.goto('/staff');
      expect(response?.status()).toBe(200);
      const spaces = await page.$$eval('table tbody th', (cells) =>
        cells.map((c: any) => c.textContent.trim()),
      );
      expect(spaces.some((s) => s.includes('BRU-A'))).toBe(true);
      expect(spaces.some((s) => s.includes('BRU-B'))).toBe(true);
      expect(spaces.some((s) => s.includes('WAL-C'))).toBe(false);
      // No region picker for regional staff, and ?region= cannot widen their view.
      expect(await page.$('#region-select')).toBeNull();
      await page.goto('/staff?region=WAL');
      expect(await page.textContent('table')).not.toContain('WAL-C');
      // BRU-B's label ends within 60 days, BRU-A's does not.
      const expiring = await page.textContent('main');
      expect(expiring).toContain('BRU-B): Brussels OCR label, ends on');
      expect(expiring).not.toContain('brussels-ocr');
      expect(expiring).not.toContain('BRU-A): Brussels OCR label');

      // Last year's reporting, from the link under the table; its week history links keep the year.
      const lastYear =
        Number(
          new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()).slice(0, 4),
        ) - 1;
      await Promise.all([
        page.waitForURL(`**/staff?region=BRU&year=${lastYear}`),
        page.click(`a[href="/staff?region=BRU&year=${lastYear}"]`),
      ]);
      expect(await page.textContent('main h2')).toBe(`Spaces and reporting in ${lastYear}`);
      expect(await page.getAttribute('table tbody th a', 'href')).toMatch(
        new RegExp(`/history\\?year=${lastYear}$`),
      );
      expect(await page.$(`a[href="/staff?region=BRU&year=${lastYear + 1}"]`)).not.toBeNull();
      await page.goto('/staff');

      await Promise.all([
        page.waitForURL('**/staff/evaluations?region=BRU'),
        page.click('a.button[href^="/staff/evaluations"]'),
      ]);
      const runUrl = await evaluate(page, 'BRU-A');
      const runId = runUrl.split('/').pop();
      // Once done, there is nothing left to check again; each space links to its label decision.
      expect(await page.$('a.check-again')).toBeNull();
      expect(await page.getAttribute('section a[href^="/staff/labels/"]', 'href')).toBe(
        '/staff/labels/BRU-A',
      );
      expect(await page.textContent('h2')).toContain('BRU-A');
      const headers = await page.$$eval('table thead th', (cells) =>
        cells.map((c: any) => c.getAttribute('scope')),
      );
      expect(headers).toEqual(['col', 'col', 'col', 'col', 'col']);
      const rows = await page.$$eval('table tbody tr', (trs) =>
        trs.map((tr: any) => Array.from(tr.children).map((c: any) => c.textContent.trim())),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toHaveLength(5);
      expect(rows.map((r) => r[3])).toEqual(
        expect.arrayContaining([expect.stringMatching(/Passed|Not passed|Not enough data/)]),
      );
      // Each rule in the scheme's words, percentages with their sign, no metric codes.
      expect(rows.map((r) => r[0])).toContain('B1: Open at least 15 h a week to all publics');
      for (const row of rows) expect(row[0]).not.toMatch(/_| avg /);
      expect(rows.find((r) => r[0].startsWith('B5:'))?.[2]).toMatch(/^at least [\d.]+ %$/);
      // What the page shows is what the database holds.
      const stored = await world.sql(
        `SELECT r.status, count(e.*)::int AS results, s.ref
         FROM label_evaluation_runs r
         JOIN label_evaluation_results e ON e.run_id = r.id
         JOIN spaces s ON s.id = e.space_id
         WHERE r.id = $1 GROUP BY r.status, s.ref`,
        [runId],
      );
      expect(stored).toEqual([{ status: 'done', results: 1, ref: 'BRU-A' }]);
      const criteria = await world.sql(
        `SELECT jsonb_array_length(criteria) AS n FROM label_evaluation_results WHERE run_id = $1`,
        [runId],
      );
      expect(criteria[0].n).toBe(rows.length);

      // The run is listed among the region's earlier evaluations, and its link leads back to it.
      await page.goto('/staff/evaluations');
      const earlier = await page.$$eval('#evaluations-caption ~ tbody tr', (trs) =>
        trs.map((tr: any) => ({
          href: tr.querySelector('a').getAttribute('href'),
          cells: Array.from(tr.children).map((c: any) => c.textContent.trim()),
        })),
      );
      const listed = earlier.find((r) => r.href === `/staff/evaluations/${runId}`);
      const [result] = await world.sql(
        `SELECT eligible_count AS n FROM label_evaluation_runs WHERE id = $1`,
        [runId],
      );
      expect(listed?.cells[0]).toContain('(BRU-A)');
      expect(listed?.cells.slice(2)).toEqual(['Finished', `${result.n} of 1 meet the rules`]);
      await Promise.all([
        page.waitForURL(`**/staff/evaluations/${runId}`),
        page.click(`a[href="${listed!.href}"]`),
      ]);

      // An evaluation up to an earlier day: a day that does not exist, or one still to come, is refused
      // at the field and nothing is queued; a past day is stored as the run's end.
      const runsBefore = await world.sql(`SELECT count(*)::int AS n FROM label_evaluation_runs`);
      const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10).split('-');
      for (const [typed, message] of [
        ['31/13/2026', 'Write a date as day/month/year'],
        [`${tomorrow[2]}/${tomorrow[1]}/${tomorrow[0]}`, 'Choose today or an earlier day'],
      ]) {
        await page.goto('/staff/evaluations');
        await page.selectOption('#field-target', 'BRU-A');
        await page.fill('#field-until', typed);
        await page.click('form.form button[type=submit]');
        await page.waitForSelector('.error-summary');
        expect(await page.textContent('#field-until-error')).toContain(message);
        expect(await page.getAttribute('.error-summary a', 'href')).toBe('#field-until');
        expect(await page.inputValue('#field-until')).toBe(typed);
      }
      expect(await world.sql(`SELECT count(*)::int AS n FROM label_evaluation_runs`)).toEqual(runsBefore);
      await page.fill('#field-until', '01/06/2025');
      await Promise.all([
        page.waitForURL(/\/staff\/evaluations\/[0-9a-f-]{36}$/),
        page.click('form.form button[type=submit]'),
      ]);
      const [dated] = await world.sql(
        `SELECT until::text AS until FROM label_evaluation_runs WHERE id = $1`,
        [page.url().split('/').pop()],
      );
      expect(dated.until).toBe('2025-06-01');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'an admin picks a region; a coordinator gets the friendly 403 page; WAL staff cannot see a BRU run',
    async () => {
      const admin = await newPage();
      await logIn(admin, 'world-admin@example.be');
      await admin.goto('/staff');
      await admin.selectOption('#region-select', 'WAL');
      await Promise.all([admin.waitForURL('**/staff?region=WAL'), admin.click('form.inline-form button')]);
      expect(await admin.textContent('h1')).toContain('Wallonia');
      expect(await admin.textContent('table')).toContain('WAL-C');
      expect(await admin.textContent('table')).not.toContain('BRU-A');
      // A year chosen with the links stays chosen when the region changes.
      const lastYear =
        Number(
          new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()).slice(0, 4),
        ) - 1;
      await admin.goto(`/staff?region=WAL&year=${lastYear}`);
      await admin.selectOption('#region-select', 'BRU');
      await Promise.all([
        admin.waitForURL(`**/staff?year=${lastYear}&region=BRU`),
        admin.click('form.inline-form button'),
      ]);
      expect(await admin.textContent('main h2')).toBe(`Spaces and reporting in ${lastYear}`);
      expect(await admin.textContent('table')).toContain('BRU-A');

      const coordinator = await newPage();
      await logIn(coordinator, 'coord-a@example.be');
      for (const path of ['/staff', '/staff/evaluations']) {
        const res = await coordinator.goto(path);
        expect(res?.status()).toBe(403);
        expect(await coordinator.textContent('h1')).toBe('No access');
      }

      const bru = await newPage();
      await logIn(bru, 'staff-bru@example.be');
      const runUrl = await evaluate(bru, 'BRU-B');

      // A run still waiting says so and offers "Check again"; it never reloads itself (WCAG 2.2.1).
      const [queued] = await world.sql(
        `INSERT INTO label_evaluation_runs (scheme, scheme_version, region_code, until, window_from, window_to, total, status)
         VALUES ('brussels-ocr', '2021', 'BRU', '2026-11-15', '2025-11-17', '2026-11-15', 2, 'queued') RETURNING id`,
      );
      await bru.goto(`/staff/evaluations/${queued.id}`);
      expect(await bru.$('meta[http-equiv="refresh"]')).toBeNull();
      expect(await bru.getAttribute('a.check-again', 'href')).toBe(`/staff/evaluations/${queued.id}`);
      expect(await bru.textContent('[role=status]')).toContain('Waiting to start');

      const wal = await newPage();
      await logIn(wal, 'staff-wal@example.be');
      const denied = await wal.goto(new URL(runUrl).pathname);
      expect(denied?.status()).toBe(404);
      expect(await wal.textContent('h1')).toBe('Page not found');
      expect(await wal.textContent('main')).not.toContain('BRU-B');
      // Nor is it among the earlier evaluations of the WAL page.
      await wal.goto('/staff/evaluations');
      expect(await wal.$(`a[href="${new URL(runUrl).pathname}"]`)).toBeNull();
      expect(await wal.textContent('main')).toContain('No evaluation has been run for this region yet.');
      const runsBefore = await world.sql(`SELECT count(*)::int AS n FROM label_evaluation_runs`);
      // A forged choice of a BRU space from the WAL form is refused next to the field; nothing is queued.
      await wal.goto('/staff/evaluations');
      await wal.$eval('#field-target', (select: any) => {
        select.add(new Option('forged', 'BRU-A'));
        select.value = 'BRU-A';
      });
      await wal.click('form.form button[type=submit]');
      await wal.waitForSelector('.error-summary');
      expect(await wal.textContent('#field-target-error')).toContain('Choose a space of this region');
      expect(await wal.getAttribute('.error-summary a', 'href')).toBe('#field-target');
      expect(await world.sql(`SELECT count(*)::int AS n FROM label_evaluation_runs`)).toEqual(runsBefore);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'every staff page has no axe violations in NL, FR and EN (with errors too) and no sideways scroll at 320 px',
    async () => {
      const page = await newPage();
      await logIn(page, 'staff-bru@example.be');
      const runUrl = new URL(await evaluate(page, 'BRU-A')).pathname;
      // A run as it looks while it still waits for the worker.
      const [waiting] = await world.sql(
        `INSERT INTO label_evaluation_runs (scheme, scheme_version, region_code, until, window_from, window_to, total, status)
         VALUES ('brussels-ocr', '2021', 'BRU', '2026-11-15', '2025-11-17', '2026-11-15', 2, 'queued') RETURNING id`,
      );
      const narrow = await newPage({ width: 320 });
      await logIn(narrow, 'world-admin@example.be');
      const problems: string[] = [];
      for (const lang of LANGS) {
        for (const p of [page, narrow]) {
          for (const path of [
            `/staff?lang=${lang}`,
            `/staff/evaluations?lang=${lang}`,
            `${runUrl}?lang=${lang}`,
            `/staff/evaluations/${waiting.id}?lang=${lang}`,
          ]) {
            const res = await p.goto(path);
            expect(res?.status()).toBe(200);
            expect(await p.getAttribute('html', 'lang')).toBe(lang);
            problems.push(...(await axeViolations(p)));
            const overflow = await horizontalOverflow(p);
            if (overflow > 0) problems.push(`${p.url()} scrolls sideways by ${overflow}px`);
          }
          // The form as it looks with an error.
          await p.goto(`/staff/evaluations?lang=${lang}`);
          await p.$eval('#field-target', (select: any) => {
            select.add(new Option('forged', 'NOPE-1'));
            select.value = 'NOPE-1';
          });
          await p.click('form.form button[type=submit]');
          await p.waitForSelector('.error-summary');
          expect(await p.getAttribute('#field-target', 'aria-invalid')).toBe('true');
          problems.push(...(await axeViolations(p)));
          const overflow = await horizontalOverflow(p);
          if (overflow > 0) problems.push(`${p.url()} (errors) scrolls sideways by ${overflow}px`);
        }
      }
      expect(problems).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
