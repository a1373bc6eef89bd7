import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

describe('audit trail (real HTTP, real PostgreSQL)', () => {
  let t: TestApi;
  let w: RegistryWorld;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    // One write in each region, through the API, so the trail holds real entries.
    const put = (ref: string, token: string) =>
      api(t.baseUrl, 'PUT', `/api/v1/spaces/${ref}/weeks/2026-W10`, {
        token,
        body: { openingHours: 10, visits: 5 },
      });
    expect((await put('BRU-A', w.tokens.coordA)).status).toBe(201);
    expect((await put('WAL-C', w.tokens.staffWAL)).status).toBe(201);
  });
  afterAll(() => t?.close());

  const read = (token: string | undefined, query = '') =>
    api(t.baseUrl, 'GET', `/api/v1/audit${query}`, { token });

  it('shows admins every entry, newest first, with actor, before and after', async () => {
    const res = await read(w.tokens.admin, '?entity=weekly_activity');
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([
      'WAL-C/2026-W10',
      'BRU-A/2026-W10',
    ]);
    expect(res.body.items[1]).toMatchObject({
      actor: 'coord-a@example.be',
      action: 'create',
      regionCode: 'BRU',
      before: null,
      after: expect.objectContaining({ visits: 5 }),
    });
    expect(res.body.total).toBe(2);
  });

  it("shows regional staff their own region's entries only", async () => {
    const bru = await read(w.tokens.staffBRU, '?entity=weekly_activity');
    expect(bru.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['BRU-A/2026-W10']);
    const wal = await read(w.tokens.staffWAL, '?entity=weekly_activity');
    expect(wal.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['WAL-C/2026-W10']);
  });

  it('filters by entity id', async () => {
    const res = await read(w.tokens.admin, `?entityId=${encodeURIComponent('BRU-A/2026-W10')}`);
    expect(res.body.items).toHaveLength(1);
  });

  it('is closed to coordinators and anonymous callers', async () => {
    expect((await read(w.tokens.coordA)).status).toBe(403);
    expect((await read(undefined)).status).toBe(401);
  });

  it("records the caller's correlation id, for a JSON body and for a streamed CSV body alike", async () => {
    // The request context must outlive the wait for the body: a JSON body is parsed before the handler,
    // a CSV body is read by the import while it runs; both arrive in chunks after the headers.
    const json = await api(t.baseUrl, 'PUT', '/api/v1/spaces/BRU-A/weeks/2026-W11', {
      token: w.tokens.admin,
      body: { openingHours: 12, visits: 7, visitorsWomen: 3 },
      headers: { 'x-correlation-id': 'corr-json-body' },
    });
    expect(json.status).toBe(201);
    const rows = ['space_ref,ref,type,quantity,acquired_on,retired_on,provenance,free_software'];
    for (let i = 1; i <= 3000; i++)
      rows.push(`BRU-A,CORR-${String(i).padStart(4, '0')},laptop,1,2020-01-01,,purchase,yes`);
    const csv = await api(t.baseUrl, 'POST', '/api/v1/imports/equipment', {
      token: w.tokens.admin,
      body: rows.join('\n') + '\n',
      headers: { 'content-type': 'text/csv', 'x-correlation-id': 'corr-csv-stream' },
    });
    expect(csv.status).toBe(200);
    expect(csv.body.created).toBe(3000);
    const byId = await w.sql(
      `SELECT correlation_id, entity, count(*)::int AS n FROM audit_log
       WHERE correlation_id IN ('corr-json-body', 'corr-csv-stream') GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(byId).toEqual([
      { correlation_id: 'corr-csv-stream', entity: 'equipment', n: 3000 },
      { correlation_id: 'corr-json-body', entity: 'weekly_activity', n: 1 },
    ]);
  });

  it('cannot be changed or emptied, even with direct SQL', async () => {
    await expect(w.sql(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(w.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(w.sql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [{ n }] = await w.sql(`SELECT count(*)::int AS n FROM audit_log WHERE actor = 'someone else'`);
    expect(n).toBe(0);
  });
});
