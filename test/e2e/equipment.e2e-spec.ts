import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

/** Equipment through the real API on a real database: scope isolation, versions, in-service counts. */
describe('equipment (real PostgreSQL, real HTTP)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    api(t.baseUrl, method, path, { token, body });
  const rows = () => w.sql(`SELECT * FROM equipment ORDER BY id`);

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    const seed = [
      ['BRU-A', w.tokens.coordA, { ref: 'PC-A-1', type: 'desktop', quantity: 4, acquiredOn: '2024-01-10' }],
      ['BRU-B', w.tokens.coordB, { ref: 'PC-B-1', type: 'laptop', quantity: 2, provenance: 'donation' }],
      ['WAL-C', w.tokens.staffWAL, { ref: 'PC-C-1', type: 'tablet', quantity: 6, freeSoftware: true }],
    ] as const;
    for (const [space, token, body] of seed) {
      const res = await call('POST', `/api/v1/spaces/${space}/equipment`, token, body);
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it('refuses anonymous callers with 401', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/spaces/BRU-A/equipment'],
      ['GET', '/api/v1/spaces/BRU-A/equipment/PC-A-1'],
      ['GET', '/api/v1/spaces/BRU-A/equipment/in-service'],
      ['POST', '/api/v1/spaces/BRU-A/equipment'],
      ['PATCH', '/api/v1/spaces/BRU-A/equipment/PC-A-1'],
      ['DELETE', '/api/v1/spaces/BRU-A/equipment/PC-A-1'],
    ]) {
      const res = await call(
        method,
        path,
        undefined,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      expect({ method, path, status: res.status, code: res.body?.code }).toEqual({
        method,
        path,
        status: 401,
        code: 'AUTH.UNAUTHENTICATED',
      });
    }
  });

  it('creates an item with an audit entry carrying its space and region', async () => {
    const res = await call('GET', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.coordA);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      spaceRef: 'BRU-A',
      ref: 'PC-A-1',
      type: 'desktop',
      quantity: 4,
      acquiredOn: '2024-01-10',
      retiredOn: null,
      provenance: null,
      freeSoftware: null,
      version: 1,
    });
    const audit = await w.sql(
      `SELECT a.action, a.space_id, a.region_code, a.actor_user_id, a.after FROM audit_log a
       JOIN equipment e ON e.id::text = a.entity_id WHERE a.entity = 'equipment' AND e.ref = 'PC-A-1'`,
    );
    expect(audit).toEqual([
      {
        action: 'create',
        space_id: w.spaces.A.id,
        region_code: 'BRU',
        actor_user_id: w.users.coordA,
        after: expect.objectContaining({ ref: 'PC-A-1', quantity: 4 }),
      },
    ]);
  });

  describe('coordinator A and coordinator B’s space', () => {
    it('cannot read, update or delete BRU-B’s equipment, and nothing changes', async () => {
      const before = await rows();
      const attempts = [
        call('GET', '/api/v1/spaces/BRU-B/equipment', w.tokens.coordA),
        call('GET', '/api/v1/spaces/BRU-B/equipment/PC-B-1', w.tokens.coordA),
        call('GET', '/api/v1/spaces/BRU-B/equipment/in-service', w.tokens.coordA),
        call('POST', '/api/v1/spaces/BRU-B/equipment', w.tokens.coordA, {
          ref: 'X',
          type: 'other',
          quantity: 1,
        }),
        call('PATCH', '/api/v1/spaces/BRU-B/equipment/PC-B-1', w.tokens.coordA, { quantity: 9, version: 1 }),
        call('DELETE', '/api/v1/spaces/BRU-B/equipment/PC-B-1', w.tokens.coordA),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('AUTH.FORBIDDEN');
      }
      expect(await rows()).toEqual(before);
    });

    it('cannot reach BRU-B’s item through its own space either (looked up by space AND ref)', async () => {
      const before = await rows();
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { quantity: 9, version: 1 }],
        ['DELETE', undefined],
      ] as const) {
        const res = await call(method, '/api/v1/spaces/BRU-A/equipment/PC-B-1', w.tokens.coordA, body);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('EQUIPMENT.NOT_FOUND');
      }
      expect(await rows()).toEqual(before);
    });

    it('never lists BRU-B’s rows in its own list', async () => {
      const res = await call('GET', '/api/v1/spaces/BRU-A/equipment', w.tokens.coordA);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: any) => i.ref)).toEqual(['PC-A-1']);
      expect(res.body.items.every((i: any) => i.spaceRef === 'BRU-A')).toBe(true);
      expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    });
  });

  it('lets coordinator A work on the antenna BRU-A1', async () => {
    const created = await call('POST', '/api/v1/spaces/BRU-A1/equipment', w.tokens.coordA, {
      ref: 'TAB-1',
      type: 'tablet',
      quantity: 3,
      acquiredOn: '2025-02-01',
    });
    expect(created.status).toBe(201);
    const list = await call('GET', '/api/v1/spaces/BRU-A1/equipment', w.tokens.coordA);
    expect(list.body.items.map((i: any) => i.ref)).toEqual(['TAB-1']);
    const patched = await call('PATCH', '/api/v1/spaces/BRU-A1/equipment/TAB-1', w.tokens.coordA, {
      quantity: 5,
      retiredOn: '2027-01-01',
      version: 1,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ quantity: 5, retiredOn: '2027-01-01', version: 2 });
    const deleted = await call('DELETE', '/api/v1/spaces/BRU-A1/equipment/TAB-1', w.tokens.coordA);
    expect(deleted.status).toBe(204);
    expect(await w.sql(`SELECT 1 FROM equipment WHERE space_id = $1`, [w.spaces.A1.id])).toEqual([]);
    const trail = await w.sql(
      `SELECT action, region_code, space_id FROM audit_log WHERE entity = 'equipment' AND space_id = $1 ORDER BY id`,
      [w.spaces.A1.id],
    );
    expect(trail.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(trail.every((e) => e.region_code === 'BRU')).toBe(true);
  });

  it('keeps BRU staff away from WAL-C’s equipment, and nothing changes', async () => {
    const before = await rows();
    for (const [method, path, body] of [
      ['GET', '/api/v1/spaces/WAL-C/equipment', undefined],
      ['GET', '/api/v1/spaces/WAL-C/equipment/PC-C-1', undefined],
      ['PATCH', '/api/v1/spaces/WAL-C/equipment/PC-C-1', { quantity: 1, version: 1 }],
      ['DELETE', '/api/v1/spaces/WAL-C/equipment/PC-C-1', undefined],
    ] as const) {
      const res = await call(method, path, w.tokens.staffBRU, body);
      expect(res.status).toBe(403);
    }
    expect(await rows()).toEqual(before);
    expect((await call('GET', '/api/v1/spaces/WAL-C/equipment', w.tokens.staffWAL)).status).toBe(200);
  });

  it('answers 404 SPACES.NOT_FOUND for an unknown space', async () => {
    const res = await call('GET', '/api/v1/spaces/NOPE-1/equipment', w.tokens.admin);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('SPACES.NOT_FOUND');
  });

  describe('validation', () => {
    it('names the fields of bad input with 400, never 500', async () => {
      const cases: Array<[unknown, string[]]> = [
        [{ ref: 'Q-1', type: 'desktop', quantity: 0 }, ['quantity']],
        [{ ref: 'Q-1', type: 'desktop', quantity: 1.5 }, ['quantity']],
        [{ ref: 'Q-1', type: 'mainframe', quantity: 1 }, ['type']],
        [{ ref: 'Q-1', type: 'desktop', quantity: 1, acquiredOn: '2026-02-30' }, ['acquiredOn']],
        [
          { ref: 'Q-1', type: 'desktop', quantity: 1, acquiredOn: '2026-05-01', retiredOn: '2026-04-30' },
          ['retiredOn'],
        ],
        [{ ref: 'in-service', type: 'desktop', quantity: 1 }, ['ref']],
        [{ ref: 'Q 1', type: 'desktop', quantity: 1 }, ['ref']],
        [{ ref: 'Q-1', type: 'desktop', quantity: 1, colour: 'red' }, ['colour']],
      ];
      for (const [body, fields] of cases) {
        const res = await call('POST', '/api/v1/spaces/BRU-A/equipment', w.tokens.coordA, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION.FAILED',
        });
        expect([...new Set(res.body.details.map((d: any) => d.field))]).toEqual(fields);
      }
      expect(await w.sql(`SELECT 1 FROM equipment WHERE ref = 'Q-1'`)).toEqual([]);
    });

    it('refuses a duplicate ref in the same space with 409, but allows it in another space', async () => {
      const dup = await call('POST', '/api/v1/spaces/BRU-A/equipment', w.tokens.coordA, {
        ref: 'PC-A-1',
        type: 'laptop',
        quantity: 1,
      });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('EQUIPMENT.REF_TAKEN');
      const elsewhere = await call('POST', '/api/v1/spaces/BRU-B/equipment', w.tokens.coordB, {
        ref: 'PC-A-1',
        type: 'laptop',
        quantity: 1,
      });
      expect(elsewhere.status).toBe(201);
    });

    it('checks the merged dates of a PATCH and refuses null for required fields', async () => {
      const current = (await call('GET', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.coordA)).body;
      const early = await call('PATCH', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.coordA, {
        retiredOn: '2023-12-31',
        version: current.version,
      });
      expect(early.status).toBe(400);
      expect(early.body.details).toEqual([expect.objectContaining({ field: 'retiredOn' })]);
      const nulled = await call('PATCH', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.coordA, {
        quantity: null,
        version: current.version,
      });
      expect(nulled.status).toBe(400);
      expect(nulled.body.details[0].field).toBe('quantity');
      const noVersion = await call('PATCH', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.coordA, {
        quantity: 3,
      });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.details[0].field).toBe('version');
      const after = (await call('GET', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.coordA)).body;
      expect(after).toEqual(current);
    });
  });

  it('lets exactly one of two concurrent PATCHes with the same version win', async () => {
    const current = (await call('GET', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.coordA)).body;
    const [first, second] = await Promise.all([
      call('PATCH', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.coordA, {
        quantity: 10,
        version: current.version,
      }),
      call('PATCH', '/api/v1/spaces/BRU-A/equipment/PC-A-1', w.tokens.staffBRU, {
        quantity: 20,
        version: current.version,
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const winner = first.status === 200 ? first : second;
    expect(loser.body.code).toBe('EQUIPMENT.VERSION_CONFLICT');
    expect(loser.body.details).toEqual({ currentVersion: current.version + 1 });
    const [row] = await w.sql(
      `SELECT quantity, version FROM equipment WHERE space_id = $1 AND ref = 'PC-A-1'`,
      [w.spaces.A.id],
    );
    expect(row).toEqual({ quantity: winner.body.quantity, version: current.version + 1 });
    const updates = await w.sql(
      `SELECT count(*)::int AS n FROM audit_log a JOIN equipment e ON e.id::text = a.entity_id
       WHERE a.entity = 'equipment' AND a.action = 'update' AND e.ref = 'PC-A-1' AND e.space_id = $1`,
      [w.spaces.A.id],
    );
    expect(updates[0].n).toBe(1);
  });

  describe('in service on a day', () => {
    const D = '2026-03-15';
    beforeAll(async () => {
      const items = [
        { ref: 'E-ACQ-D', type: 'desktop', quantity: 1, acquiredOn: D },
        { ref: 'E-ACQ-NEXT', type: 'desktop', quantity: 10, acquiredOn: '2026-03-16' },
        { ref: 'E-RET-D', type: 'laptop', quantity: 100, acquiredOn: '2020-01-01', retiredOn: D },
        { ref: 'E-RET-NEXT', type: 'laptop', quantity: 2, acquiredOn: '2020-01-01', retiredOn: '2026-03-16' },
        { ref: 'E-UNDATED', type: 'tablet', quantity: 3 },
        { ref: 'E-PRINTER', type: 'printer', quantity: 1, acquiredOn: '2019-05-01' },
      ];
      for (const item of items) {
        const res = await call('POST', '/api/v1/spaces/BRU-A1/equipment', w.tokens.coordA, item);
        expect(res.status).toBe(201);
      }
    });

    it('counts acquired-on-D but not retired-on-D, by type and as computers, tablets and devices', async () => {
      const res = await call('GET', `/api/v1/spaces/BRU-A1/equipment/in-service?on=${D}`, w.tokens.coordA);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        spaceRef: 'BRU-A1',
        on: D,
        byType: { desktop: 1, laptop: 2, tablet: 3, printer: 1, '3d_printer': 0, other: 0 },
        computers: 3,
        tablets: 3,
        devices: 6,
      });
    });

    it('moves with the day: the day before, retired-on-D is still in and acquired-on-D not yet', async () => {
      const res = await call(
        'GET',
        '/api/v1/spaces/BRU-A1/equipment/in-service?on=2026-03-14',
        w.tokens.coordA,
      );
      expect(res.body.byType).toMatchObject({ desktop: 0, laptop: 102, tablet: 3 });
      const later = await call(
        'GET',
        '/api/v1/spaces/BRU-A1/equipment/in-service?on=2026-03-16',
        w.tokens.coordA,
      );
      expect(later.body.byType).toMatchObject({ desktop: 11, laptop: 0, tablet: 3 });
    });

    it('defaults to today and refuses a bad day', async () => {
      const today = await call('GET', '/api/v1/spaces/BRU-A1/equipment/in-service', w.tokens.coordA);
      expect(today.status).toBe(200);
      expect(today.body.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const bad = await call(
        'GET',
        '/api/v1/spaces/BRU-A1/equipment/in-service?on=15-03-2026',
        w.tokens.coordA,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('on');
    });

    it('does not count another space’s equipment', async () => {
      const res = await call('GET', `/api/v1/spaces/BRU-A/equipment/in-service?on=${D}`, w.tokens.coordA);
      expect(res.body.devices).toBe(
        (
          await w.sql(`SELECT quantity FROM equipment WHERE space_id = $1 AND ref = 'PC-A-1'`, [
            w.spaces.A.id,
          ])
        )[0].quantity,
      );
    });
  });
});
