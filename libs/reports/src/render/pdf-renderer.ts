import { existsSync } from 'node:fs';

/**
 * PDF through Debian's Chromium, driven by playwright-core, from the very HTML of the report.
 *
 * Why not a pure-JS PDF library (pdfkit, pdfmake): it would need a second layout of the same report,
 * kept in step by hand in three languages, and would lose what the HTML already has and is tested for
 * (tables with headers, chart text alternatives, tagged structure). Chromium prints the tested HTML as
 * is. The cost is a system package (`apt-get install chromium`), used only by the worker; without it
 * the PDF is not produced and the other formats still are (see the report's `error`).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function renderPdf(html: string): Promise<Buffer> {
  // Loaded on first use: only the worker renders PDFs, and the API should not carry the library.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The report has no external resources: nothing to wait for beyond the document itself.
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '1cm', bottom: '1cm' } });
  } finally {
    await browser.close();
  }
}
