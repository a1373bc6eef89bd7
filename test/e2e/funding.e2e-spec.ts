import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

/** Funding through the real API on a real database: scope isolation, totals, warnings ahead. */
describe('funding (real PostgreSQL, real HTTP)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    api(t.baseUrl, method, path, { token, body });
  const rows = () => w.sql(`SELECT * FROM funding ORDER BY id`);
  const add = async (space: string, token: string, body: Record<string, unknown>) => {
    const res = await call('POST', `/api/v1/spaces/${space}/funding`, token, body);
    expect(res.status).toBe(201);
    return res.body;
  };
  let lineB: any;
  let lineC: any;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    await add('BRU-A', w.tokens.coordA, {
      year: 2026,
      source: 'municipality',
      amountEur: 20000,
      kind: 'structural',
    });
    lineB = await add('BRU-B', w.tokens.coordB, {
      year: 2026,
      source: 'region',
      amountEur: 15000.5,
      kind: 'project',
      programme: 'Appel EPN 2026',
      endsOn: '2026-12-31',
    });
    lineC = await add('WAL-C', w.tokens.staffWAL, {
      year: 2026,
      source: 'region',
      amountEur: 30000,
      kind: 'project',
      programme: 'Plan numérique',
      endsOn: '2027-03-15',
    });
  });
  afterAll(() => t?.close());

  it('refuses anonymous callers with 401', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/spaces/BRU-A/funding'],
      ['GET', '/api/v1/spaces/BRU-A/funding/summary?year=2026'],
      ['POST', '/api/v1/spaces/BRU-A/funding'],
      ['PATCH', `/api/v1/spaces/BRU-B/funding/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`],
      ['DELETE', `/api/v1/spaces/BRU-B/funding/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`],
      ['GET', '/api/v1/funding/warnings'],
    ]) {
      const res = await call(
        method,
        path,
        undefined,
        method === 'POST' || method === 'PATCH' ? {} : undefined,
      );
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });

  it('answers a line in the API shape, programme null when none, and audits it with space and region', async () => {
    const list = await call('GET', '/api/v1/spaces/BRU-A/funding', w.tokens.coordA);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [
        {
          id: expect.any(String),
          spaceRef: 'BRU-A',
          year: 2026,
          source: 'municipality',
          amountEur: 20000,
          kind: 'structural',
          programme: null,
          endsOn: null,
          version: 1,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 50,
    });
    const [stored] = await w.sql(`SELECT programme FROM funding WHERE id = $1`, [list.body.items[0].id]);
    expect(stored.programme).toBe('');
    const trail = await w.sql(
      `SELECT action, space_id, region_code FROM audit_log WHERE entity = 'funding' AND entity_id = $1`,
      [list.body.items[0].id],
    );
    expect(trail).toEqual([{ action: 'create', space_id: w.spaces.A.id, region_code: 'BRU' }]);
  });

  describe('coordinator A and coordinator B’s space', () => {
    it('cannot read, update or delete BRU-B’s funding, and nothing changes', async () => {
      const before = await rows();
      for (const [method, path, body] of [
        ['GET', '/api/v1/spaces/BRU-B/funding', undefined],
        ['GET', '/api/v1/spaces/BRU-B/funding/summary?year=2026', undefined],
        ['POST', '/api/v1/spaces/BRU-B/funding', { year: 2026, source: 'eu', amountEur: 1, kind: 'project' }],
        ['PATCH', `/api/v1/spaces/BRU-B/funding/${lineB.id}`, { amountEur: 1, version: 1 }],
        ['DELETE', `/api/v1/spaces/BRU-B/funding/${lineB.id}`, undefined],
      ] as const) {
        const res = await call(method, path, w.tokens.coordA, body);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      }
      expect(await rows()).toEqual(before);
    });

    it('cannot reach BRU-B’s line through its own space (looked up by id AND space)', async () => {
      const before = await rows();
      const patched = await call('PATCH', `/api/v1/spaces/BRU-A/funding/${lineB.id}`, w.tokens.coordA, {
        amountEur: 1,
        version: 1,
      });
      expect(patched.status).toBe(404);
      expect(patched.body.code).toBe('FUNDING.NOT_FOUND');
      const deleted = await call('DELETE', `/api/v1/spaces/BRU-A/funding/${lineB.id}`, w.tokens.coordA);
      expect(deleted.status).toBe(404);
      expect(await rows()).toEqual(before);
    });

    it('never lists BRU-B’s rows', async () => {
      const res = await call('GET', '/api/v1/spaces/BRU-A/funding', w.tokens.coordA);
      expect(res.body.items.map((i: any) => i.id)).not.toContain(lineB.id);
      expect(res.body.items.every((i: any) => i.spaceRef === 'BRU-A')).toBe(true);
    });
  });

  it('lets coordinator A work on the antenna BRU-A1', async () => {
    const line = await add('BRU-A1', w.tokens.coordA, {
      year: 2025,
      source: 'cpas',
      amountEur: 5000,
      kind: 'project',
      programme: 'Ateliers seniors',
      endsOn: '2025-12-31',
    });
    const patched = await call('PATCH', `/api/v1/spaces/BRU-A1/funding/${line.id}`, w.tokens.coordA, {
      amountEur: 5500.25,
      programme: null,
      version: 1,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ amountEur: 5500.25, programme: null, version: 2 });
    const stale = await call('PATCH', `/api/v1/spaces/BRU-A1/funding/${line.id}`, w.tokens.coordA, {
      amountEur: 1,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('FUNDING.VERSION_CONFLICT');
    const deleted = await call('DELETE', `/api/v1/spaces/BRU-A1/funding/${line.id}`, w.tokens.coordA);
    expect(deleted.status).toBe(204);
    expect(await w.sql(`SELECT 1 FROM funding WHERE id = $1`, [line.id])).toEqual([]);
    const trail = await w.sql(
      `SELECT action FROM audit_log WHERE entity = 'funding' AND entity_id = $1 ORDER BY id`,
      [line.id],
    );
    expect(trail.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
  });

  it('keeps BRU staff away from WAL-C’s funding, and nothing changes', async () => {
    const before = await rows();
    for (const [method, path, body] of [
      ['GET', '/api/v1/spaces/WAL-C/funding', undefined],
      ['PATCH', `/api/v1/spaces/WAL-C/funding/${lineC.id}`, { amountEur: 1, version: 1 }],
      ['DELETE', `/api/v1/spaces/WAL-C/funding/${lineC.id}`, undefined],
    ] as const) {
      expect((await call(method, path, w.tokens.staffBRU, body)).status).toBe(403);
    }
    expect(await rows()).toEqual(before);
  });

  describe('validation', () => {
    it('names the fields of bad input with 400', async () => {
      const base = { year: 2026, source: 'eu', amountEur: 100, kind: 'project' };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ...base, amountEur: -1 }, 'amountEur'],
        [{ ...base, amountEur: 10.123 }, 'amountEur'],
        [{ ...base, year: 1989 }, 'year'],
        [{ ...base, source: 'lottery' }, 'source'],
        [{ ...base, kind: 'gift' }, 'kind'],
        [{ ...base, endsOn: '2026-13-01' }, 'endsOn'],
      ];
      for (const [body, field] of cases) {
        const res = await call('POST', '/api/v1/spaces/BRU-A/funding', w.tokens.coordA, body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.details.map((d: any) => d.field)).toContain(field);
      }
      const badId = await call('PATCH', '/api/v1/spaces/BRU-A/funding/not-a-uuid', w.tokens.coordA, {
        version: 1,
      });
      expect(badId.status).toBe(400);
      expect(badId.body.details[0].field).toBe('id');
    });

    it('treats "no programme" as one key: a second line without programme is a 409 duplicate', async () => {
      const body = { year: 2024, source: 'federal', amountEur: 100, kind: 'project' };
      await add('BRU-A', w.tokens.coordA, body);
      const dup = await call('POST', '/api/v1/spaces/BRU-A/funding', w.tokens.coordA, {
        ...body,
        programme: '  ',
      });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('FUNDING.DUPLICATE');
      const other = await call('POST', '/api/v1/spaces/BRU-A/funding', w.tokens.coordA, {
        ...body,
        programme: 'X',
      });
      expect(other.status).toBe(201);
    });
  });

  it('sums a year by source and by kind', async () => {
    await add('BRU-B', w.tokens.coordB, {
      year: 2026,
      source: 'municipality',
      amountEur: 0.1,
      kind: 'structural',
    });
    await add('BRU-B', w.tokens.coordB, { year: 2026, source: 'region', amountEur: 0.2, kind: 'structural' });
    await add('BRU-B', w.tokens.coordB, { year: 2025, source: 'eu', amountEur: 999, kind: 'project' });
    const res = await call('GET', '/api/v1/spaces/BRU-B/funding/summary?year=2026', w.tokens.coordB);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      spaceRef: 'BRU-B',
      year: 2026,
      total: 15000.8,
      bySource: {
        municipality: 0.1,
        cpas: 0,
        region: 15000.7,
        community: 0,
        federal: 0,
        eu: 0,
        private: 0,
        own_income: 0,
        other: 0,
      },
      byKind: { structural: 0.3, project: 15000.5 },
    });
    const list = await call('GET', '/api/v1/spaces/BRU-B/funding?year=2025', w.tokens.coordB);
    expect(list.body.items.map((i: any) => i.amountEur)).toEqual([999]);
    const missingYear = await call('GET', '/api/v1/spaces/BRU-B/funding/summary', w.tokens.coordB);
    expect(missingYear.status).toBe(400);
    expect(missingYear.body.details[0].field).toBe('year');
    // Back to a single project line without structural funding for the warnings below.
    for (const line of (await call('GET', '/api/v1/spaces/BRU-B/funding', w.tokens.coordB)).body.items) {
      if (line.id !== lineB.id) {
        expect(
          (await call('DELETE', `/api/v1/spaces/BRU-B/funding/${line.id}`, w.tokens.coordB)).status,
        ).toBe(204);
      }
    }
  });

  describe('warnings ahead of project funding ending', () => {
    const asOf = '2026-03-15';
    // Window: (2026-03-15, 2027-03-15].
    beforeAll(async () => {
      // BRU-A: structural funding in 2026 → never warned, even with a project ending soon.
      await add('BRU-A', w.tokens.coordA, {
        year: 2026,
        source: 'eu',
        amountEur: 8000,
        kind: 'project',
        programme: 'FSE',
        endsOn: '2026-06-30',
      });
      // BRU-A1: project ending in the window; structural only for an earlier year → warned.
      await add('BRU-A1', w.tokens.coordA, {
        year: 2025,
        source: 'municipality',
        amountEur: 3000,
        kind: 'structural',
      });
      await add('BRU-A1', w.tokens.coordA, {
        year: 2026,
        source: 'region',
        amountEur: 12000,
        kind: 'project',
        programme: 'Inclusion numérique',
        endsOn: '2026-09-30',
      });
      // BRU-B: (lineB) project ending 2026-12-31, no structural → warned, but not to coordinator A.
      // WAL-C: lineC ends on the window's last day (in), another the day after (out), one on asOf (out).
      await add('WAL-C', w.tokens.staffWAL, {
        year: 2027,
        source: 'eu',
        amountEur: 1000,
        kind: 'project',
        programme: 'Later',
        endsOn: '2027-03-16',
      });
      await add('WAL-C', w.tokens.staffWAL, {
        year: 2025,
        source: 'eu',
        amountEur: 1000,
        kind: 'project',
        programme: 'Ended',
        endsOn: asOf,
      });
    });

    it('lists spaces with project funding ending in the window and no structural funding', async () => {
      const res = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}&months=12`, w.tokens.admin);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ asOf, months: 12, until: '2027-03-15' });
      expect(res.body.items).toEqual([
        {
          ref: 'BRU-A1',
          name: 'Antenne Marolles',
          region: 'BRU',
          monthsLeft: 6,
          endingProgrammes: [
            {
              id: expect.any(String),
              year: 2026,
              source: 'region',
              programme: 'Inclusion numérique',
              endsOn: '2026-09-30',
              amountEur: 12000,
            },
          ],
        },
        {
          ref: 'BRU-B',
          name: 'OCR Elsene',
          region: 'BRU',
          monthsLeft: 9,
          endingProgrammes: [
            {
              id: lineB.id,
              year: 2026,
              source: 'region',
              programme: 'Appel EPN 2026',
              endsOn: '2026-12-31',
              amountEur: 15000.5,
            },
          ],
        },
        {
          ref: 'WAL-C',
          name: 'EPN de Liège',
          region: 'WAL',
          monthsLeft: 12,
          endingProgrammes: [
            expect.objectContaining({ id: lineC.id, endsOn: '2027-03-15', amountEur: 30000 }),
          ],
        },
      ]);
    });

    it('narrows with the window: nothing ends within 6 months, BRU-A1 within 7', async () => {
      const res = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}&months=6`, w.tokens.admin);
      expect(res.body.until).toBe('2026-09-15');
      expect(res.body.items.map((i: any) => i.ref)).toEqual([]);
      const seven = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}&months=7`, w.tokens.admin);
      expect(seven.body.items.map((i: any) => i.ref)).toEqual(['BRU-A1']);
    });

    it('shows a coordinator only their own spaces’ warnings, and staff only their region', async () => {
      const coordA = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}`, w.tokens.coordA);
      expect(coordA.status).toBe(200);
      expect(coordA.body.items.map((i: any) => i.ref)).toEqual(['BRU-A1']);
      const coordB = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}`, w.tokens.coordB);
      expect(coordB.body.items.map((i: any) => i.ref)).toEqual(['BRU-B']);
      const staffWAL = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}`, w.tokens.staffWAL);
      expect(staffWAL.body.items.map((i: any) => i.ref)).toEqual(['WAL-C']);
      const staffBRUAskingWAL = await call(
        'GET',
        `/api/v1/funding/warnings?asOf=${asOf}&region=WAL`,
        w.tokens.staffBRU,
      );
      expect(staffBRUAskingWAL.body.items).toEqual([]);
      const adminWAL = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}&region=WAL`, w.tokens.admin);
      expect(adminWAL.body.items.map((i: any) => i.ref)).toEqual(['WAL-C']);
    });

    it('leaves out a space once it has structural funding for the year, and a closed space', async () => {
      const structural = await add('BRU-B', w.tokens.coordB, {
        year: 2027,
        source: 'municipality',
        amountEur: 10000,
        kind: 'structural',
      });
      const afterStructural = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}`, w.tokens.admin);
      expect(afterStructural.body.items.map((i: any) => i.ref)).toEqual(['BRU-A1', 'WAL-C']);
      expect(
        (await call('DELETE', `/api/v1/spaces/BRU-B/funding/${structural.id}`, w.tokens.coordB)).status,
      ).toBe(204);
      await w.sql(`UPDATE spaces SET closed_on = '2026-03-01' WHERE ref = 'WAL-C'`);
      try {
        const afterClosing = await call('GET', `/api/v1/funding/warnings?asOf=${asOf}`, w.tokens.admin);
        expect(afterClosing.body.items.map((i: any) => i.ref)).toEqual(['BRU-A1', 'BRU-B']);
      } finally {
        await w.sql(`UPDATE spaces SET closed_on = NULL WHERE ref = 'WAL-C'`);
      }
    });

    it('defaults to 12 months from today and refuses bad parameters with 400', async () => {
      const today = await call('GET', '/api/v1/funding/warnings', w.tokens.admin);
      expect(today.status).toBe(200);
      expect(today.body.months).toBe(12);
      expect(today.body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const [query, field] of [
        ['months=0', 'months'],
        ['months=37', 'months'],
        ['asOf=2026-02-30', 'asOf'],
        ['region=XX', 'region'],
      ]) {
        const res = await call('GET', `/api/v1/funding/warnings?${query}`, w.tokens.admin);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.details[0].field).toBe(field);
      }
    });
  });
});
