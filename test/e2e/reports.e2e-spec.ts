import ExcelJS from 'exceljs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { BRU_2020 } from '../fixtures/reports/expected-figures.js';
import { seedReportFixture } from '../fixtures/reports/regional-fixture.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import {
  api,
  spawnWorker,
  startTestApi,
  waitFor,
  type TestApi,
  type WorkerProcess,
} from '../support/test-app.js';

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

async function download(t: TestApi, token: string, id: string, format: string) {
  const res = await fetch(`${t.baseUrl}/api/v1/reports/${id}/download?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

describe('regional reports (API queues, worker computes)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let worker: WorkerProcess | undefined;
  let browser: Browser | undefined;

  const request = (token: string, body: Record<string, unknown>) =>
    api(t.baseUrl, 'POST', '/api/v1/reports', { token, body: { type: 'regional', ...body } });
  const read = (token: string, id: string) => api(t.baseUrl, 'GET', `/api/v1/reports/${id}`, { token });
  const until = (token: string, id: string, status: string) =>
    waitFor(async () => {
      const res = await read(token, id);
      return res.body.status === status ? res.body : null;
    }, 60000);

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    await seedReportFixture(w);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  it('refuses coordinators, and regional staff outside their region, without storing anything', async () => {
    const coordinator = await request(w.tokens.coordA, { region: 'BRU', year: 2020 });
    expect(coordinator.status).toBe(403);
    const wal = await request(w.tokens.staffWAL, { region: 'BRU', year: 2020 });
    expect(wal.status).toBe(403);
    expect(wal.body.code).toBe('REPORTS.REGION_FORBIDDEN');
    expect((await request(w.tokens.staffBRU, { region: 'BE', year: 2020 })).status).toBe(403);
    expect(await w.sql(`SELECT id FROM report_runs`)).toEqual([]);
    const invalid = await request(w.tokens.admin, { region: 'XX', year: 2020, audience: 'press' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'audience',
      'region',
    ]);
  });

  it('only queues in the API: the run waits until a worker process computes it', async () => {
    const queued = await request(w.tokens.staffBRU, { region: 'BRU', year: 2020, language: 'en' });
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual({ id: expect.any(String), status: 'queued' });
    // No worker yet: nothing happens, however long we wait.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await read(w.tokens.staffBRU, queued.body.id)).body).toMatchObject({ status: 'queued' });
    expect((await download(t, w.tokens.staffBRU, queued.body.id, 'json')).status).toBe(409);

    worker = spawnWorker(t.env);
    const done = await until(w.tokens.staffBRU, queued.body.id, 'done');
    expect(done.progress).toBe(100);
    const { byMunicipality, ...top } = done.figures;
    expect(top).toEqual(BRU_2020);
    expect(byMunicipality).toHaveLength(19);
    // The worker's log lines reach this process through a pipe, a moment after the run's database write.
    await waitFor(async () => worker?.output().includes('reports.generate'), 10_000);
    expect(worker.output()).toContain('reports.generate');
  });

  it('answers the same report on unchanged data with the stored run; force or a data change runs afresh', async () => {
    const first = await request(w.tokens.admin, { region: 'BRU', year: 2020, language: 'en' });
    expect(first.status).toBe(202);
    const again = await request(w.tokens.staffBRU, { region: 'BRU', year: 2020, language: 'en' });
    expect(again.body).toEqual({ id: first.body.id, status: 'done' });
    const forced = await request(w.tokens.staffBRU, {
      region: 'BRU',
      year: 2020,
      language: 'en',
      force: true,
    });
    expect(forced.body.id).not.toBe(first.body.id);
    await until(w.tokens.staffBRU, forced.body.id, 'done');

    // A write through the API (audited) changes the data version, and so the answer.
    const funding = await api(t.baseUrl, 'POST', '/api/v1/spaces/BRU-A1/funding', {
      token: w.tokens.staffBRU,
      body: { year: 2020, source: 'municipality', amountEur: 1000, kind: 'structural' },
    });
    expect(funding.status).toBe(201);
    const after = await request(w.tokens.staffBRU, { region: 'BRU', year: 2020, language: 'en' });
    expect(after.body.id).not.toBe(forced.body.id);
    expect(after.body.id).not.toBe(first.body.id);
    const fresh = await until(w.tokens.staffBRU, after.body.id, 'done');
    expect(fresh.figures.fundingTotalEur).toBe(66000);
    // A1 now has funding: 75 %, 20 % and 100 % → 65.0.
    expect(fresh.figures.avgMunicipalSupportPct).toBe(65);
  });

  it('covers the whole country for admins (BE)', async () => {
    const run = await request(w.tokens.admin, { region: 'BE', year: 2020 });
    expect(run.status).toBe(202);
    const done = await until(w.tokens.admin, run.body.id, 'done');
    expect(done.figures).toMatchObject({
      spacesActive: 4,
      visits: 223,
      municipalitiesTotal: 581,
      animators: 3,
    });
    expect(done.figures.byMunicipality).toHaveLength(581);
    const file = await download(t, w.tokens.admin, run.body.id, 'json');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="report-BE-2020-en.json"');
  });

  it('lets WAL staff neither read nor download a BRU report', async () => {
    const run = await request(w.tokens.staffBRU, { region: 'BRU', year: 2020, language: 'en' });
    expect((await read(w.tokens.staffWAL, run.body.id)).status).toBe(403);
    expect((await read(w.tokens.coordA, run.body.id)).status).toBe(403);
    expect((await download(t, w.tokens.staffWAL, run.body.id, 'csv')).status).toBe(403);
    expect((await read(w.tokens.admin, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('serves every format with its content type and file name; the XLSX holds the JSON numbers', async () => {
    const run = await request(w.tokens.staffBRU, { region: 'BRU', year: 2016, language: 'en' });
    const done = await until(w.tokens.staffBRU, run.body.id, 'done');
    const expected: Record<string, string> = {
      html: 'text/html; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pdf: 'application/pdf',
      json: 'application/json; charset=utf-8',
    };
    for (const [format, type] of Object.entries(expected)) {
      const file = await download(t, w.tokens.staffBRU, run.body.id, format);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe(type);
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="report-BRU-2016-en.${format}"`,
      );
      expect(file.body.length).toBeGreaterThan(100);
    }
    expect((await download(t, w.tokens.staffBRU, run.body.id, 'pdf')).body.subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
    expect((await download(t, w.tokens.staffBRU, run.body.id, 'docx')).status).toBe(400);

    const json = JSON.parse(
      (await download(t, w.tokens.staffBRU, run.body.id, 'json')).body.toString('utf8'),
    );
    expect(json.figures).toEqual(done.figures);

    // Every download is in the audit trail, and reading leaves the data version (and so the cache) alone.
    const reads = await w.sql(
      `SELECT actor, after->>'format' AS format FROM audit_log
       WHERE entity = 'report_run' AND action = 'read' AND entity_id = $1 ORDER BY id`,
      [run.body.id],
    );
    expect(reads.map((r: { format: string }) => r.format)).toEqual([
      'html',
      'csv',
      'xlsx',
      'pdf',
      'json',
      'pdf',
      'json',
    ]);
    expect(reads.every((r: { actor: string }) => r.actor === 'staff-bru@example.be')).toBe(true);
    const again = await request(w.tokens.staffBRU, { region: 'BRU', year: 2016, language: 'en' });
    expect(again.body.id).toBe(run.body.id);
  });

  it('holds the same numbers in the XLSX and the CSV as in the JSON (read back)', async () => {
    const run = await request(w.tokens.staffBRU, { region: 'BRU', year: 2020, language: 'fr' });
    const { figures } = await until(w.tokens.staffBRU, run.body.id, 'done');
    const file = await download(t, w.tokens.staffBRU, run.body.id, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    // Sheet names and headers are in the report's language (French here); the keys stay in column 1.
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Indicateurs', 'Communes']);
    const sheet = book.getWorksheet('Indicateurs')!;
    const fromSheet: Record<string, unknown> = {};
    sheet.eachRow((row, n) => {
      if (n > 1) fromSheet[String(row.getCell(1).value)] = row.getCell(3).value;
    });
    const flat: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(figures)) {
      if (key === 'byMunicipality' || key === 'previousYear') continue;
      if (value && typeof value === 'object') {
        for (const [sub, v] of Object.entries(value)) flat[`${key}.${sub}`] = v;
      } else flat[key] = value;
    }
    expect(fromSheet).toEqual(flat);
    expect(fromSheet.visits).toBe(203);
    expect(fromSheet['visitPurposePct.jobSearch']).toBe(35);

    const towns = book.getWorksheet('Communes')!;
    expect(towns.getRow(1).getCell(1).value).toBe('Code INS');
    expect(towns.rowCount).toBe(1 + 19);
    const rows: Array<Record<string, unknown>> = [];
    towns.eachRow((row, n) => {
      if (n > 1) {
        rows.push({
          nisCode: row.getCell(1).value,
          name: row.getCell(2).value,
          inhabitants: row.getCell(3).value,
          spacesActive: row.getCell(4).value,
          animatorFte: row.getCell(5).value,
          animatorFtePer10k: row.getCell(6).value,
          visits: row.getCell(8).value,
        });
      }
    });
    expect(rows).toEqual(figures.byMunicipality);
    expect(rows.find((r) => r.nisCode === '21004')?.name).toBe('Bruxelles');

    const csv = (await download(t, w.tokens.staffBRU, run.body.id, 'csv')).body.toString('utf8');
    expect(csv.startsWith('\ufefffigure,value,previous_year\r\n')).toBe(true);
    expect(csv).toContain('\r\nvisits,203,92\r\n');
    // The funding written by the cache test above is part of the data now: 65.0 and 66,000.
    expect(csv).toContain('\r\navgMunicipalSupportPct,65,\r\nfundingTotalEur,66000,\r\n');
    expect(csv).toContain('\r\n21004,Bruxelles,185103,2,1.3,0.07,17.21,163\r\n');
  });

  it('publishes small counts as "<5" in the public edition', async () => {
    const run = await request(w.tokens.staffBRU, {
      region: 'BRU',
      year: 2019,
      audience: 'public',
      language: 'nl',
    });
    const { figures } = await until(w.tokens.staffBRU, run.body.id, 'done');
    const visits = new Map(
      figures.byMunicipality.map((m: { nisCode: string; visits: unknown }) => [m.nisCode, m.visits]),
    );
    expect(visits.get('21001')).toBe('<5');
    expect(visits.get('21004')).toBe('withheld');
    // One pattern for the country: VLA's two 4s (8) would otherwise be BE's 100 − BRU's 92.
    expect(figures.visits).toBe('withheld');
    const file = await download(t, w.tokens.staffBRU, run.body.id, 'html');
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="report-BRU-2019-nl-public.html"',
    );
    expect(file.body.toString('utf8')).toContain('&lt;5');
    // The CSV's one word in a cell is in the report's language (JSON keeps the key 'withheld').
    const csv = (await download(t, w.tokens.staffBRU, run.body.id, 'csv')).body.toString('utf8');
    expect(csv).toContain('\r\nvisits,afgeschermd,');
    expect(csv).not.toContain('withheld');
  });

  it.each(['nl', 'fr', 'en'])(
    'renders an HTML report with 0 axe violations (WCAG 2.1 AA) in %s',
    async (language) => {
      const run = await request(w.tokens.admin, {
        region: 'BRU',
        year: 2020,
        language,
        audience: language === 'fr' ? 'public' : 'internal',
      });
      await until(w.tokens.admin, run.body.id, 'done');
      const html = (await download(t, w.tokens.admin, run.body.id, 'html')).body.toString('utf8');
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toMatch(/<svg role="img" aria-labelledby="chart-purposes-title chart-purposes-desc"/);
      expect(html).toContain('<th scope="col">');
      browser ??= await chromium.launch(CHROMIUM);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      expect(result.passes.length).toBeGreaterThan(10);
      await context.close();
    },
  );
});
