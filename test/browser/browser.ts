import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../support/test-app.js';

// Page globals inside page.evaluate callbacks (the project compiles without the DOM library).
declare const document: any;
declare const window: any;

/** Debian's Chromium (installed by .ci/run when missing); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/** Axe violations (WCAG 2.1 A and AA) of the page as it is now, summarised for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(
    (v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** Whether the page is wider than the window (it would scroll sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Where a page landed after a save or a refused form: the address's fragment, the focused element's
 * id, the `:target`'s id, and whether the focused element is on screen (its top inside the window).
 */
export function landedOn(
  page: Page,
): Promise<{ hash: string; focused: string; target: string; inView: boolean }> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const top = focused?.getBoundingClientRect().top ?? -1;
    return {
      hash: window.location.hash,
      focused: focused?.id ?? '',
      target: document.querySelector(':target')?.id ?? '',
      inView: top >= 0 && top < window.innerHeight,
    };
  });
}

/**
 * The words of the matched elements that the browser split over two lines or more ("Na/am",
 * "10,/75"): a word is what lies between spaces and hyphens; visually hidden text is left out.
 */
export function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const element of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden')) continue;
        for (const word of node.data.matchAll(/[^\s\u2010-]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set(
            [...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top)),
          );
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/** Presses Tab until the focused element matches the selector, as a keyboard user would. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`focus never reached ${selector} after ${max} Tab presses on ${page.url()}`);
}

/**
 * Follows a run page's "Check again" link until the page shows `doneSelector`, as a reader would: run
 * pages never reload themselves (WCAG 2.2.1).
 */
export async function checkAgainUntil(page: Page, doneSelector: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.$(doneSelector))) {
    if (Date.now() > deadline)
      throw new Error(`${doneSelector} not shown within ${timeoutMs} ms on ${page.url()}`);
    if (await page.$('meta[http-equiv="refresh"]')) throw new Error(`${page.url()} reloads itself`);
    await page.waitForTimeout(300);
    await Promise.all([page.waitForLoadState('load'), page.click('a.check-again')]);
  }
}

/** The password of every user of the test world (test/support/registry-world.ts). */
export const WORLD_PASSWORD = 'a long enough password';

/**
 * Starts the test API of a browser test file. Its tests sign the same accounts in a dozen times within a minute
 * (each language and width is a fresh page), and a fast machine runs them all inside the login rate
 * limiter's minute, whose default of 10 attempts then turns the next sign-in back to the form. The
 * limiter itself is tested elsewhere (auth.int-spec.ts, login-rate-limit.spec.ts, pages-http.e2e-spec.ts).
 */
export function startBrowserTestApi(): Promise<TestApi> {
  return startTestApi({ extra: { LOGIN_ATTEMPTS_PER_MINUTE: '1000' } });
}

export interface PageOptions {
  width?: number;
  height?: number;
  /** The browser's locale (its Accept-Language); en-GB unless given. */
  locale?: string;
  acceptDownloads?: boolean;
}

/** A page in a fresh browser context (its own cookies) on the test API; the context joins `contexts`. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  contexts: BrowserContext[],
  options: PageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: options.width ?? 1024, height: options.height ?? 800 },
    locale: options.locale ?? 'en-GB',
    acceptDownloads: options.acceptDownloads ?? false,
  });
  contexts.push(context);
  return context.newPage();
}

/** Signs in through the login form, in the given page language, and waits for the home of the role. */
export async function logIn(
  page: Page,
  email: string,
  lang = 'en',
  password = WORLD_PASSWORD,
): Promise<void> {
  await page.goto(`/login?lang=${lang}`);
  await page.fill('#field-email', email);
  await page.fill('#field-password', password);
  // Coordinators land on "My spaces", staff and admins on their dashboard.
  await Promise.all([page.waitForURL(/\/(my-spaces|staff)$/), page.click('form.form button[type=submit]')]);
}

const EVALUATION_RUN_URL = /\/staff\/evaluations\/[0-9a-f-]{36}$/;

/**
 * Starts an evaluation of one space from the staff form, as signed-in staff, and follows "Check again"
 * until the run is done. Resolves with the run page's address.
 */
export async function evaluateFromForm(page: Page, spaceRef: string): Promise<string> {
  await page.goto('/staff/evaluations');
  await page.selectOption('#field-target', spaceRef);
  await Promise.all([page.waitForURL(EVALUATION_RUN_URL), page.click('form.form button[type=submit]')]);
  const url = page.url();
  await checkAgainUntil(page, '.status-done');
  return url;
}
