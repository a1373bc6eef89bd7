import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../../libs/core/src/index.js';
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

const LANGS = ['nl', 'fr', 'en'] as const;
const BROWSER_TIMEOUT = 180_000;
const SCREENSHOTS = join(projectRoot(), 'docs/screenshots');
const REASON = 'Visited on site: the space works well, its figures were sent late.';

describe('label pages in Chromium', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let worker: WorkerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** The certificate code of the grant made in the first test. */
  let code = '';

  beforeAll(async () => {
    t = await startBrowserTestApi();
    world = await seedRegistryWorld(t);
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

  /** Starts an evaluation of one space from the staff form and waits until the run page says it is done. */
  async function evaluate(page: Page, spaceRef: string): Promise<string> {
    return (await evaluateFromForm(page, spaceRef)).split('/').pop()!;
  }

  const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

  it(
    'regional staff evaluate a space and grant a label; the coordinator sees it and the certificate verifies',
    async () => {
      const staff = await newPage();
      await logIn(staff, 'staff-bru@example.be');
      const runId = await evaluate(staff, 'BRU-A');

      // No decision yet: the page shows the evidence of that run and the form resting on it.
      const first = await staff.goto('/staff/labels/BRU-A');
      expect(first?.status()).toBe(200);
      expect(await text(staff, 'h1')).toBe('Decide on the label');
      expect(await text(staff, '#current-title + p')).toBe('No label yet.');
      expect(await staff.getAttribute('input[name=evaluationId]', 'value')).toBe(runId);
      expect(await staff.getAttribute('input[name=currentDecisionId]', 'value')).toBe('');
      const rules = await staff.$$eval('#evidence-caption ~ tbody tr', (rows) => rows.length);
      const [stored] = await world.sql(
        `SELECT jsonb_array_length(criteria) AS n FROM label_evaluation_results WHERE run_id = $1`,
        [runId],
      );
      expect(rules).toBe(stored.n);
      expect(await text(staff, 'tbody th')).toBe('Open at least 15 h a week to all publics');
      // A space without a label can be granted or refused, not renewed, suspended or withdrawn.
      const options = await staff.$$eval('#field-decision option', (os) => os.map((o: any) => o.value));
      expect(options).toEqual(['', 'grant', 'refuse']);
      expect(await staff.getAttribute(`a[href="/staff/evaluations/${runId}"]`, 'href')).toBeTruthy();

      // No start date to choose: a grant starts on the decision date.
      expect(await staff.$('#field-validFrom')).toBeNull();
      // Bad input: no decision, shown next to its field; nothing saved.
      const bad = await Promise.all([
        staff.waitForResponse((r) => r.url().endsWith('/decisions')),
        staff.click('form.form button[type=submit]'),
      ]);
      expect(bad[0].status()).toBe(400);
      expect(await text(staff, '#field-decision-error')).toContain('Choose a decision.');
      expect(await staff.getAttribute('#field-decision', 'aria-invalid')).toBe('true');
      expect(
        await staff.$$eval('.error-summary a', (as) => as.map((a: any) => a.getAttribute('href'))),
      ).toEqual(['#field-decision']);
      expect(await axeViolations(staff)).toEqual([]);
      expect(await world.sql(`SELECT id FROM labels`)).toEqual([]);

      // The grant, with a reason (the seeded space has no weeks, so the evaluation may not pass).
      await staff.selectOption('#field-decision', 'grant');
      await staff.fill('#field-justification', REASON);
      await Promise.all([
        staff.waitForURL('**/staff/labels/BRU-A?saved=1'),
        staff.click('form.form button[type=submit]'),
      ]);
      expect(await text(staff, '.flash')).toBe('Your decision is saved. The label is now granted.');
      expect(await text(staff, '.label-facts .status')).toBe('granted');
      code = await text(staff, '.label-code');
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

      const labels = await world.sql(
        `SELECT id, status, decision, evaluation_id, decided_by, justification, verification_code,
                valid_from::text AS valid_from, valid_until::text AS valid_until
         FROM labels WHERE space_id = $1`,
        [world.spaces.A.id],
      );
      expect(labels).toHaveLength(1);
      expect(labels[0]).toMatchObject({
        status: 'granted',
        decision: 'grant',
        evaluation_id: runId,
        decided_by: world.users.staffBRU,
        justification: REASON,
        verification_code: code,
      });
      // Brussels scheme: from today in Brussels, for 3 years, the last day included.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
      const [y, m, d] = today.split('-').map(Number);
      expect(labels[0]).toMatchObject({
        valid_from: today,
        valid_until: new Date(Date.UTC(y + 3, m - 1, d - 1)).toISOString().slice(0, 10),
      });
      const audit = await world.sql(
        `SELECT actor_user_id, action, region_code, before, after->>'status' AS status
         FROM audit_log WHERE entity = 'label' AND entity_id = $1`,
        [labels[0].id],
      );
      expect(audit).toEqual([
        {
          actor_user_id: world.users.staffBRU,
          action: 'create',
          region_code: 'BRU',
          before: null,
          status: 'granted',
        },
      ]);
      // Now the label can be suspended, withdrawn or renewed, no longer granted or refused; the form
      // rests on the new decision.
      expect(await staff.getAttribute('input[name=currentDecisionId]', 'value')).toBe(labels[0].id);
      const after = await staff.$$eval('#field-decision option', (os) => os.map((o: any) => o.value));
      expect(after).toEqual(['', 'suspend', 'withdraw', 'renew']);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await staff.screenshot({ path: join(SCREENSHOTS, 'label-decision.png'), fullPage: true });

      // The coordinator sees the label, its certificate and the evidence; no decision link for them.
      const coordinator = await newPage();
      await logIn(coordinator, 'coord-a@example.be');
      const status = await coordinator.goto('/spaces/BRU-A/label');
      expect(status?.status()).toBe(200);
      expect(await text(coordinator, '.note')).toBe(
        'This space has the label. Anyone can check it with the certificate code.',
      );
      expect(await text(coordinator, '.label-code')).toBe(code);
      expect(await text(coordinator, 'main')).toContain(REASON);
      expect(await coordinator.$$eval('tbody tr', (rows) => rows.length)).toBe(stored.n);
      expect(await coordinator.$('a[href^="/staff/labels/"]')).toBeNull();
      expect(await coordinator.getAttribute('.space-nav a[aria-current=page]', 'href')).toBe(
        '/spaces/BRU-A/label',
      );
      await coordinator.screenshot({ path: join(SCREENSHOTS, 'label-status.png'), fullPage: true });
      // A coordinator cannot decide, even by typing the address.
      const refused = await coordinator.goto('/staff/labels/BRU-A');
      expect(refused?.status()).toBe(403);
      expect(await text(coordinator, 'h1')).toBe('No access');

      // Anyone checks the certificate, typed the sloppy way people copy codes from paper.
      const visitor = await newPage();
      await visitor.goto('/verify?lang=en');
      await visitor.fill('#field-code', ` ${code.replace(/-/g, '').toLowerCase()} `);
      await Promise.all([
        visitor.waitForURL('**/verify?code=*'),
        visitor.click('form.form button[type=submit]'),
      ]);
      expect(await text(visitor, '[role=status]')).toBe('This certificate is valid.');
      expect(await text(visitor, '.label-result')).toContain('EPN Bruxelles-Centre (BRU-A)');
      expect(await text(visitor, '#result-title')).toBe(`Result for code ${code}`);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a wrong, unknown or superseded code gets a plain answer; other regions and coordinators are kept out',
    async () => {
      const visitor = await newPage();
      const malformed = await visitor.goto('/verify?code=hello&lang=en');
      expect(malformed?.status()).toBe(400);
      expect(await text(visitor, '#field-code-error')).toContain('This is not a certificate code.');
      expect(await visitor.getAttribute('#field-code', 'aria-invalid')).toBe('true');
      const empty = await visitor.goto('/verify?code=&lang=en');
      expect(empty?.status()).toBe(400);
      expect(await text(visitor, '#field-code-error')).toContain('Type the code');
      const unknown = await visitor.goto('/verify?code=ABCD-EFGH-JKMN-PQRS&lang=en');
      expect(unknown?.status()).toBe(200);
      expect(await text(visitor, '[role=status]')).toBe(
        'No certificate has this code. Check the code and try again.',
      );

      // A suspension supersedes the certificate: its code no longer verifies, and says why.
      const staff = await newPage();
      await logIn(staff, 'staff-bru@example.be');
      await staff.goto('/staff/labels/BRU-A');
      await staff.selectOption('#field-decision', 'suspend');
      await Promise.all([
        staff.waitForURL('**/staff/labels/BRU-A?saved=1'),
        staff.click('form.form button[type=submit]'),
      ]);
      expect(await text(staff, '.flash')).toBe('Your decision is saved. The label is now suspended.');
      await visitor.goto(`/verify?code=${code}&lang=en`);
      expect(await text(visitor, '[role=status]')).toBe(
        'This certificate is no longer valid: the label is suspended.',
      );

      // Staff of another region get the no-access page, and their forged post changes nothing.
      const wal = await newPage();
      await logIn(wal, 'staff-wal@example.be');
      const denied = await wal.goto('/staff/labels/BRU-A');
      expect(denied?.status()).toBe(403);
      expect(await text(wal, 'h1')).toBe('No access');
      expect(await text(wal, 'main')).not.toContain('EPN Bruxelles-Centre');
      const status = await wal.goto('/spaces/BRU-A/label');
      expect(status?.status()).toBe(403);
      const missing = await staff.goto('/staff/labels/NOPE-1');
      expect(missing?.status()).toBe(404);
      expect(await text(staff, 'h1')).toBe('Page not found');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'every label page has no axe violations in NL, FR and EN (with errors too) and no sideways scroll at 320 px',
    async () => {
      const page = await newPage();
      await logIn(page, 'staff-bru@example.be');
      const narrow = await newPage({ width: 320 });
      await logIn(narrow, 'world-admin@example.be');
      const problems: string[] = [];
      // Axe at desktop width (the rules do not depend on it), sideways scroll at both widths.
      const check = async (p: Page, label: string) => {
        if (p === page) problems.push(...(await axeViolations(p)));
        const overflow = await horizontalOverflow(p);
        if (overflow > 0) problems.push(`${p.url()} ${label} scrolls sideways by ${overflow}px`);
      };
      for (const lang of LANGS) {
        for (const p of [page, narrow]) {
          for (const [path, expected] of [
            [`/staff/labels/BRU-A?lang=${lang}`, 200],
            [`/staff/labels/BRU-A?saved=1&lang=${lang}`, 200],
            [`/spaces/BRU-A/label?lang=${lang}`, 200],
            [`/verify?lang=${lang}`, 200],
            [`/verify?code=${code}&lang=${lang}`, 200],
            [`/verify?code=ABCD-EFGH-JKMN-PQRS&lang=${lang}`, 200],
            [`/verify?code=not-a-code&lang=${lang}`, 400],
          ] as const) {
            const res = await p.goto(path);
            expect({ path, status: res?.status() }).toEqual({ path, status: expected });
            expect(await p.getAttribute('html', 'lang')).toBe(lang);
            await check(p, '');
          }
          // The decision form as it looks with errors.
          await p.goto(`/staff/labels/BRU-A?lang=${lang}`);
          await p.click('form.form button[type=submit]');
          await p.waitForSelector('.error-summary');
          expect(await p.getAttribute('#field-decision', 'aria-invalid')).toBe('true');
          await check(p, '(errors)');
        }
      }
      expect(problems).toEqual([]);
    },
    2 * BROWSER_TIMEOUT,
  );
});
