import { PUBLIC_2019 } from '../fixtures/reports/expected-figures.js';
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

/** domain.md: anonymous readers may read public reports. Only public, finished editions are served. */
describe('published reports for anonymous readers (/api/v1/public/reports)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let worker: WorkerProcess | undefined;
  const ids: Record<'bruPublic' | 'bruInternal' | 'bePublic', string> = {
    bruPublic: '',
    bruInternal: '',
    bePublic: '',
  };

  const request = (token: string, body: Record<string, unknown>) =>
    api(t.baseUrl, 'POST', '/api/v1/reports', { token, body: { type: 'regional', ...body } });
  const done = (id: string) =>
    waitFor(async () => {
      const res = await api(t.baseUrl, 'GET', `/api/v1/reports/${id}`, { token: w.tokens.admin });
      return res.body.status === 'done' ? res.body : null;
    }, 60000);
  const anonymous = (path: string) => api(t.baseUrl, 'GET', `/api/v1/public/reports${path}`);
  const download = async (id: string, format: string) => {
    const res = await fetch(`${t.baseUrl}/api/v1/public/reports/${id}/download?format=${format}`);
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    await seedReportFixture(w);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('shows nothing before a public run is done, and never an internal run', async () => {
    const pub = await request(w.tokens.staffBRU, {
      region: 'BRU',
      year: 2019,
      audience: 'public',
      language: 'nl',
    });
    const internal = await request(w.tokens.staffBRU, { region: 'BRU', year: 2019, language: 'nl' });
    const be = await request(w.tokens.admin, { region: 'BE', year: 2019, audience: 'public' });
    [ids.bruPublic, ids.bruInternal, ids.bePublic] = [pub.body.id, internal.body.id, be.body.id];
    // Queued (no worker yet): not published.
    const queued = await anonymous(`/${ids.bruPublic}`);
    expect([queued.status, queued.body.code]).toEqual([404, 'REPORTS.NOT_FOUND']);
    expect((await anonymous('')).body).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });

    worker = spawnWorker(t.env);
    await Promise.all([done(ids.bruPublic), done(ids.bruInternal), done(ids.bePublic)]);
    for (const path of [`/${ids.bruInternal}`, `/${ids.bruInternal}/download?format=html`]) {
      const res = await anonymous(path);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'REPORTS.NOT_FOUND']);
    }
    // Signed in or not, the public routes only ever show public editions.
    const asAdmin = await api(t.baseUrl, 'GET', `/api/v1/public/reports/${ids.bruInternal}`, {
      token: w.tokens.admin,
    });
    expect(asAdmin.status).toBe(404);
    expect((await anonymous('/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await anonymous('/not-a-uuid')).status).toBe(400);
  });

  it('lists the published editions, by region and year', async () => {
    const all = await anonymous('');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(all.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      [ids.bePublic, ids.bruPublic].sort(),
    );
    const bru = all.body.items.find((r: { id: string }) => r.id === ids.bruPublic);
    expect(bru).toEqual({
      id: ids.bruPublic,
      region: 'BRU',
      year: 2019,
      language: 'nl',
      finishedAt: expect.any(String),
      formats: expect.arrayContaining(['csv', 'html', 'json', 'xlsx']),
    });
    expect((await anonymous('?region=BRU')).body.items.map((r: { id: string }) => r.id)).toEqual([
      ids.bruPublic,
    ]);
    expect((await anonymous('?region=BE&year=2019')).body.items.map((r: { id: string }) => r.id)).toEqual([
      ids.bePublic,
    ]);
    expect((await anonymous('?year=2020')).body).toMatchObject({ items: [], total: 0 });
    expect((await anonymous('?region=BRU&page=2&pageSize=1')).body).toMatchObject({ items: [], total: 1 });
    const invalid = await anonymous('?region=XX&year=1900&pageSize=0');
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'pageSize',
      'region',
      'year',
    ]);
  });

  it('gives the public figures, the same as staff read, one pattern for the country', async () => {
    const res = await anonymous(`/${ids.bruPublic}`);
    expect(res.status).toBe(200);
    const staff = await api(t.baseUrl, 'GET', `/api/v1/reports/${ids.bruPublic}`, {
      token: w.tokens.staffBRU,
    });
    expect(res.body).toEqual({
      id: ids.bruPublic,
      region: 'BRU',
      year: 2019,
      language: 'nl',
      finishedAt: expect.any(String),
      formats: expect.any(Array),
      figures: staff.body.figures,
    });
    for (const [region, id] of [
      ['BRU', ids.bruPublic],
      ['BE', ids.bePublic],
    ] as const) {
      const { figures } = (await anonymous(`/${id}`)).body;
      expect(figures.visits).toBe(PUBLIC_2019[region].visits);
      const cells = Object.fromEntries(
        figures.byMunicipality.map((m: { nisCode: string; visits: unknown }) => [m.nisCode, m.visits]),
      );
      expect(cells).toMatchObject(PUBLIC_2019[region].byMunicipality);
    }
  });

  it('serves the files to anonymous readers and records who took them', async () => {
    const types: Record<string, string> = {
      html: 'text/html; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pdf: 'application/pdf',
    };
    for (const [format, type] of Object.entries(types)) {
      const file = await download(ids.bruPublic, format);
      expect([format, file.status, file.headers.get('content-type')]).toEqual([format, 200, type]);
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="report-BRU-2019-nl-public.${format}"`,
      );
    }
    expect((await download(ids.bruPublic, 'html')).body.toString('utf8')).toContain('&lt;5');
    expect((await download(ids.bruPublic, 'docx')).status).toBe(400);
    const reads = await w.sql(
      `SELECT actor, actor_user_id, after->>'format' AS format, after->>'audience' AS audience FROM audit_log
       WHERE entity = 'report_run' AND action = 'read' AND entity_id = $1 ORDER BY id`,
      [ids.bruPublic],
    );
    expect(reads).toEqual(
      ['html', 'csv', 'xlsx', 'pdf', 'html'].map((format) => ({
        actor: 'anonymous',
        actor_user_id: null,
        format,
        audience: 'public',
      })),
    );
    // Reading is no data change: the same request still finds the stored run.
    const again = await request(w.tokens.staffBRU, {
      region: 'BRU',
      year: 2019,
      audience: 'public',
      language: 'nl',
    });
    expect(again.body.id).toBe(ids.bruPublic);
  });

  it('serves only the latest edition of a region, year and language', async () => {
    const fresh = await request(w.tokens.staffBRU, {
      region: 'BRU',
      year: 2019,
      audience: 'public',
      language: 'nl',
      force: true,
    });
    await done(fresh.body.id);
    expect((await anonymous(`/${fresh.body.id}`)).status).toBe(200);
    expect((await anonymous(`/${ids.bruPublic}`)).status).toBe(404);
    expect((await download(ids.bruPublic, 'csv')).status).toBe(404);
    expect((await anonymous('?region=BRU')).body.items.map((r: { id: string }) => r.id)).toEqual([
      fresh.body.id,
    ]);
  });
});
