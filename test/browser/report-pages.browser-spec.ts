import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../../libs/core/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, spawnWorker, waitFor, type TestApi, type WorkerProcess } from '../support/test-app.js';
import {
  axeViolations,
  horizontalOverflow,
  launchChromium,
  logIn,
  openPage,
  startBrowserTestApi,
} from './browser.js';

// Page globals inside page.evaluate callbacks (the project compiles without the DOM library).
declare const Option: any;

const LANGS = ['nl', 'fr', 'en'] as const;
const BROWSER_TIMEOUT = 240_000;
const RUN_URL = /\/staff\/reports\/[0-9a-f-]{36}$/;
const SCREENSHOTS = join(projectRoot(), 'docs/screenshots');
const YEAR = 2025;

/** The weeks seeded for the report year: two BRU spaces report, WAL-C too (not in a BRU report). */
const WEEKS: Array<[string, string, { openingHours: number; visits: number }]> = [
  ['BRU-A', `${YEAR}-W10`, { openingHours: 20, visits: 35 }],
  ['BRU-A', `${YEAR}-W11`, { openingHours: 24, visits: 41 }],
  ['BRU-B', `${YEAR}-W10`, { openingHours: 12, visits: 17 }],
  ['WAL-C', `${YEAR}-W10`, { openingHours: 30, visits: 99 }],
];

describe('report pages in Chromium', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let worker: WorkerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startBrowserTestApi();
    world = await seedRegistryWorld(t);
    // Through the API, as coordinators would: every write is audited, so the report sees new data.
    for (const [ref, week, body] of WEEKS) {
      const res = await api(t.baseUrl, 'PUT', `/api/v1/spaces/${ref}/weeks/${week}`, {
        token: world.tokens.admin,
        body,
      });
      if (res.status >= 300)
        throw new Error(`seeding ${ref} ${week}: ${res.status} ${JSON.stringify(res.body)}`);
    }
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

  const newPage = (options: { width?: number } = {}) =>
    openPage(browser, t.baseUrl, contexts, { ...options, acceptDownloads: true });

  /** Asks for a report from the form and waits, by the page's own refresh, until it is done. */
  async function requestReport(page: Page, fields: { region?: string; year: number }): Promise<string> {
    await page.goto('/staff/reports');
    if (fields.region) await page.selectOption('#field-region', fields.region);
    await page.fill('#field-year', String(fields.year));
    await page.selectOption('#field-audience', 'internal');
    await page.selectOption('#field-language', 'en');
    await Promise.all([page.waitForURL(RUN_URL), page.click('form.form button[type=submit]')]);
    const url = page.url();
    // No automatic reload (WCAG 2.2.1): the reader follows "Check again" until the run is done.
    await waitFor(
      async () => {
        if (await page.$('.status-done')) return true;
        expect(await page.$('meta[http-equiv="refresh"]')).toBeNull();
        await page.waitForTimeout(500);
        await page.click('a.report-check');
        await page.waitForLoadState();
        return false;
      },
      120_000,
      0,
    );
    expect(page.url()).toBe(url);
    return url;
  }

  /** A run that stays where it is (no job queued for it), to show the progress page. */
  async function storedRun(status: 'queued' | 'running', progress: number, region = 'BRU'): Promise<string> {
    const [row] = await world.sql<{ id: string }>(
      `INSERT INTO report_runs (type, region_code, year, audience, language, cache_key, data_version, status, progress)
       VALUES ('regional', $1, 2024, 'internal', 'en', $2, 'test', $3, $4) RETURNING id`,
      [region, `test:${status}:${Math.random()}`, status, progress],
    );
    return row.id;
  }

  it(
    'an admin downloads a report',
    async () => {
      const page = await newPage();
      await logIn(page, 'world-admin@example.be');
      const res = await page.goto('/staff/reports');
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('a[aria-current="page"]', 'href')).toBe('/staff/reports');

      const runUrl = await requestReport(page, { region: 'BRU', year: YEAR });
      const runId = runUrl.split('/').pop()!;
      // Done: the page stops refreshing and says so in its live region.
      expect(await page.$('meta[http-equiv="refresh"]')).toBeNull();
      expect(await page.textContent('[role=status]')).toContain('The report is ready');
      expect(await page.textContent('h1')).toBe(`Report: Brussels, ${YEAR}`);
      const formats = await page.$$eval('a[data-format]', (links) =>
        links.map((a: any) => a.getAttribute('data-format')),
      );
      expect(formats).toEqual(expect.arrayContaining(['html', 'csv', 'xlsx', 'json']));
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'report-download.png'), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format=csv]')]);
      expect(download.suggestedFilename()).toBe(`report-BRU-${YEAR}-en.csv`);
      const csv = readFileSync((await download.path())!, 'utf8');
      const lines = csv.replace(/^\ufeff/, '').split('\r\n');
      expect(lines[0]).toBe('figure,value,previous_year');
      const value = (figure: string) => lines.find((l) => l.startsWith(`${figure},`))?.split(',')[1];
      // What the file says is what the database holds (BRU spaces only, weeks of the year).
      const [db] = await world.sql<{ visits: number; spaces: number }>(
        `SELECT sum(w.visits)::int AS visits, count(DISTINCT w.space_id)::int AS spaces
         FROM weekly_activity w JOIN spaces s ON s.id = w.space_id
         WHERE s.region_code = 'BRU' AND w.iso_year = $1`,
        [YEAR],
      );
      expect(db).toEqual({ visits: 35 + 41 + 17, spaces: 2 });
      expect(value('visits')).toBe(String(db.visits));
      expect(value('spacesReporting')).toBe(String(db.spaces));

      // The download went through ReportsService, so it is in the audit trail, by this admin.
      const audit = await world.sql(
        `SELECT action, actor_user_id AS actor, trim(region_code) AS region, after->>'format' AS format
         FROM audit_log WHERE entity = 'report_run' AND entity_id = $1 AND action = 'read'`,
        [runId],
      );
      expect(audit).toEqual([{ action: 'read', actor: world.users.admin, region: 'BRU', format: 'csv' }]);

      // The list of recent reports links to it.
      await page.goto('/staff/reports');
      expect(await page.getAttribute(`a[href="/staff/reports/${runId}"]`, 'href')).toBe(
        `/staff/reports/${runId}`,
      );
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the form shows field errors for bad input and queues nothing',
    async () => {
      const page = await newPage();
      await logIn(page, 'world-admin@example.be');
      const before = await world.sql(`SELECT count(*)::int AS n FROM report_runs`);
      await page.goto('/staff/reports');
      await page.fill('#field-year', '20x6');
      await page.$eval('#field-region', (select: any) => {
        select.add(new Option('forged', 'XXX'));
        select.value = 'XXX';
      });
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.click('form.form button[type=submit]'),
      ]);
      expect(response.status()).toBe(400);
      await page.waitForSelector('.error-summary');
      expect(await page.textContent('#field-year-error')).toContain(`Write a year from 2000 to`);
      expect(await page.textContent('#field-region-error')).toContain('Choose a region from the list.');
      expect(await page.getAttribute('#field-year', 'aria-invalid')).toBe('true');
      expect(await page.inputValue('#field-year')).toBe('20x6');
      const links = await page.$$eval('.error-summary a', (as) => as.map((a: any) => a.getAttribute('href')));
      expect(links).toEqual(['#field-region', '#field-year']);
      expect(await world.sql(`SELECT count(*)::int AS n FROM report_runs`)).toEqual(before);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'WAL staff cannot open or download a BRU report; a coordinator gets the 403 page',
    async () => {
      const bruRun = await storedRun('queued', 0, 'BRU');
      const wal = await newPage();
      await logIn(wal, 'staff-wal@example.be');
      // Their region is fixed: no region list, a sentence instead.
      await wal.goto('/staff/reports');
      expect(await wal.$('#field-region')).toBeNull();
      expect(await wal.textContent('form.form')).toContain('Region: Wallonia.');
      expect(await wal.textContent('main')).not.toContain('Brussels');

      const denied = await wal.goto(`/staff/reports/${bruRun}`);
      expect(denied?.status()).toBe(403);
      expect(await wal.textContent('h1')).toBe('No access');
      const file = await wal.request.get(`/staff/reports/${bruRun}/download?format=csv`, { maxRedirects: 0 });
      expect(file.status()).toBe(403);
      expect(await file.text()).toContain('No access');
      const unknown = await wal.goto('/staff/reports/not-a-report');
      expect(unknown?.status()).toBe(404);
      expect(await wal.textContent('h1')).toBe('Page not found');

      // Asking with a forged BRU region still asks for WAL.
      await wal.goto('/staff/reports');
      await wal.$eval('form.form', (form: any) => {
        const input = form.ownerDocument.createElement('input');
        input.type = 'hidden';
        input.name = 'region';
        input.value = 'BRU';
        form.appendChild(input);
      });
      await wal.fill('#field-year', '2024');
      await Promise.all([wal.waitForURL(RUN_URL), wal.click('form.form button[type=submit]')]);
      const [run] = await world.sql(`SELECT trim(region_code) AS region FROM report_runs WHERE id = $1`, [
        wal.url().split('/').pop(),
      ]);
      expect(run).toEqual({ region: 'WAL' });

      const coordinator = await newPage();
      await logIn(coordinator, 'coord-a@example.be');
      for (const path of ['/staff/reports', `/staff/reports/${bruRun}`]) {
        const res = await coordinator.goto(path);
        expect(res?.status()).toBe(403);
        expect(await coordinator.textContent('h1')).toBe('No access');
      }
    },
    BROWSER_TIMEOUT,
  );

  it(
    'every report page has no axe violations in NL, FR and EN (with errors too) and no sideways scroll at 320 px',
    async () => {
      const page = await newPage();
      await logIn(page, 'world-admin@example.be');
      const doneUrl = new URL(await requestReport(page, { region: 'BRU', year: YEAR })).pathname;
      const queued = `/staff/reports/${await storedRun('queued', 0)}`;
      const running = `/staff/reports/${await storedRun('running', 40)}`;
      const narrow = await newPage({ width: 320 });
      await logIn(narrow, 'world-admin@example.be');
      const staff = await newPage({ width: 320 });
      await logIn(staff, 'staff-bru@example.be');
      const problems: string[] = [];
      const check = async (p: Page, label: string) => {
        problems.push(...(await axeViolations(p)));
        const overflow = await horizontalOverflow(p);
        if (overflow > 0) problems.push(`${p.url()} (${label}) scrolls sideways by ${overflow}px`);
      };
      for (const lang of LANGS) {
        for (const p of [page, narrow, staff]) {
          for (const path of ['/staff/reports', queued, running, doneUrl]) {
            const res = await p.goto(`${path}?lang=${lang}`);
            expect(res?.status()).toBe(200);
            expect(await p.getAttribute('html', 'lang')).toBe(lang);
            await check(p, path);
          }
          // The form as it looks with errors.
          await p.goto(`/staff/reports?lang=${lang}`);
          await p.fill('#field-year', '1999');
          await p.click('form.form button[type=submit]');
          await p.waitForSelector('.error-summary');
          expect(await p.getAttribute('#field-year', 'aria-invalid')).toBe('true');
          await check(p, 'errors');
        }
      }
      // The progress page says where it is and links to itself to check again; no file yet.
      await page.goto(`${running}?lang=en`);
      expect(await page.$('meta[http-equiv="refresh"]')).toBeNull();
      expect(await page.textContent('[role=status]')).toContain('Being made: 40 % done.');
      expect(await page.getAttribute('a.report-check', 'href')).toBe(running);
      expect(await page.$('a[data-format]')).toBeNull();
      expect(problems).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
