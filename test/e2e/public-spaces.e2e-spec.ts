import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

/** The public directory over real HTTP and PostgreSQL, without signing in. */
describe('public directory of spaces (no sign-in)', () => {
  let t: TestApi;
  let w: RegistryWorld;

  const PUBLIC_KEYS = [
    'address',
    'distanceKm',
    'label',
    'languages',
    'latitude',
    'longitude',
    'municipality',
    'name',
    'openNow',
    'openingHours',
    'postcode',
    'ref',
    'services',
    'stepFreeAccess',
  ];
  // Grand-Place, Brussels.
  const GRAND_PLACE = '50.8467,4.3525';
  // Monday 12 January 2026, 10:00 in Brussels (winter time).
  const MONDAY_10H = '2026-01-12T09:00:00Z';

  const get = (path: string) => api(t.baseUrl, 'GET', path);
  const refsOf = (res: { body: { items: Array<{ ref: string }> } }) => res.body.items.map((item) => item.ref);

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    const create = async (body: Record<string, unknown>) => {
      const res = await api(t.baseUrl, 'POST', '/api/v1/spaces', {
        token: w.tokens.admin,
        body: { operatorType: 'library', openedOn: '2020-01-01', ...body },
      });
      if (res.status !== 201)
        throw new Error(`seeding ${String(body.ref)}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const near = await create({
      ref: 'PUB-NEAR',
      name: 'Bibliothèque Grand-Place',
      nisCode: '21004',
      postcode: '1000',
      latitude: 50.8467,
      longitude: 4.3525,
      email: 'contact@near.example',
      phone: '+32 2 555 00 11',
      openingHours: 'Mo-Fr 09:00-17:00 "animator"',
    });
    const mid = await create({
      ref: 'PUB-MID',
      name: 'Digipunt Flagey',
      nisCode: '21009',
      postcode: '1050',
      latitude: 50.8275,
      longitude: 4.3725,
      openingHours: 'Sa 10:00-12:00',
    });
    const far = await create({
      ref: 'PUB-FAR',
      name: 'EPN Liège-Centre',
      nisCode: '62063',
      postcode: '4000',
      latitude: 50.6412,
      longitude: 5.5718,
    });
    // The world seeds every space at 50.85,4.35; put WAL-C where it is, in Liège.
    await w.sql(`UPDATE spaces SET latitude = 50.6453, longitude = 5.5736 WHERE ref = 'WAL-C'`);
    await create({
      ref: 'PUB-CLOSED',
      name: 'Closed',
      nisCode: '21004',
      postcode: '1000',
      closedOn: '2021-06-30',
    });
    await create({
      ref: 'PUB-LATER',
      name: 'Not yet open',
      nisCode: '21004',
      postcode: '1000',
      openedOn: '2099-01-01',
    });
    // Current labels: NEAR granted and in force; MID granted but expired; FAR granted from a future date;
    // BRU-B granted, then suspended (the latest decision counts); WAL-C refused.
    await w.sql(
      `INSERT INTO labels (space_id, scheme, scheme_version, status, valid_from, valid_until, decided_at) VALUES
         ($1, 'brussels-ocr', '1', 'granted', '2024-01-01', '2099-12-31', '2024-01-01T10:00:00Z'),
         ($2, 'brussels-ocr', '1', 'granted', '2020-01-01', '2021-12-31', '2020-01-01T10:00:00Z'),
         ($3, 'wallonia-epn', '2', 'granted', '2099-01-01', '2101-12-31', '2024-06-01T10:00:00Z'),
         ($4, 'brussels-ocr', '1', 'granted', '2023-01-01', '2099-12-31', '2023-01-01T10:00:00Z'),
         ($4, 'brussels-ocr', '1', 'suspended', NULL, NULL, '2025-03-01T10:00:00Z'),
         ($5, 'wallonia-epn', '2', 'refused', NULL, NULL, '2025-03-01T10:00:00Z')`,
      [near, mid, far, w.spaces.B.id, w.spaces.C.id],
    );
  });
  afterAll(() => t?.close());

  it('lists active spaces only, with public fields only', async () => {
    const res = await get('/api/v1/public/spaces?pageSize=100');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).not.toBe('no-store');
    expect(refsOf(res).sort()).toEqual([
      'BRU-A',
      'BRU-A1',
      'BRU-B',
      'PUB-FAR',
      'PUB-MID',
      'PUB-NEAR',
      'WAL-C',
    ]);
    expect(res.body.total).toBe(7);
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
    const text = JSON.stringify(res.body);
    for (const secret of [
      'contact@near.example',
      '555 00 11',
      '"version"',
      '"id"',
      'operatorType',
      w.spaces.A.id,
    ]) {
      expect(text).not.toContain(secret);
    }
    const near = res.body.items.find((item: { ref: string }) => item.ref === 'PUB-NEAR');
    expect(near).toMatchObject({
      name: 'Bibliothèque Grand-Place',
      postcode: '1000',
      municipality: { nisCode: '21004', nameNl: 'Brussel', nameFr: 'Bruxelles' },
      latitude: 50.8467,
      longitude: 4.3525,
      openingHours: {
        expression: 'Mo-Fr 09:00-17:00 "animator"',
        ranges: expect.arrayContaining([{ day: 'mo', from: '09:00', to: '17:00', animator: true }]),
        exceptions: [],
      },
      distanceKm: null,
    });
  });

  it('filters by postcode and by municipality', async () => {
    expect(refsOf(await get('/api/v1/public/spaces?postcode=1050'))).toEqual(['PUB-MID']);
    expect(refsOf(await get('/api/v1/public/spaces?postcode=4000')).sort()).toEqual(['PUB-FAR', 'WAL-C']);
    expect(refsOf(await get('/api/v1/public/spaces?nisCode=21009')).sort()).toEqual(['BRU-B', 'PUB-MID']);
    const brussels = await get('/api/v1/public/spaces?nisCode=21004');
    expect(refsOf(brussels).sort()).toEqual(['BRU-A', 'BRU-A1', 'PUB-NEAR']);
    expect((await get('/api/v1/public/spaces?postcode=10')).status).toBe(400);
  });

  it('sorts by distance from `near`, nearest first, with plausible distances', async () => {
    const res = await get(`/api/v1/public/spaces?near=${GRAND_PLACE}&pageSize=100`);
    expect(res.status).toBe(200);
    const items: Array<{ ref: string; distanceKm: number }> = res.body.items;
    expect(items[0]).toMatchObject({ ref: 'PUB-NEAR', distanceKm: 0 });
    const distances = items.map((item) => item.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const km = Object.fromEntries(items.map((item) => [item.ref, item.distanceKm]));
    // The seeded world spaces sit at 50.85,4.35: about 400 m from the Grand-Place.
    expect(km['BRU-A']).toBeGreaterThan(0.3);
    expect(km['BRU-A']).toBeLessThan(0.5);
    // Flagey is about 2.5 km away; Liège about 85 km.
    expect(km['PUB-MID']).toBeGreaterThan(2);
    expect(km['PUB-MID']).toBeLessThan(3);
    expect(km['PUB-FAR']).toBeGreaterThan(80);
    expect(km['PUB-FAR']).toBeLessThan(95);
    expect(km['WAL-C']).toBeGreaterThan(80);
    expect(
      items
        .slice(-2)
        .map((item) => item.ref)
        .sort(),
    ).toEqual(['PUB-FAR', 'WAL-C']);

    const within = await get(`/api/v1/public/spaces?near=${GRAND_PLACE}&radiusKm=5`);
    expect(refsOf(within)).not.toContain('PUB-FAR');
    expect(refsOf(within)).not.toContain('WAL-C');
    expect(within.body.total).toBe(5);

    const paged = await get(`/api/v1/public/spaces?near=${GRAND_PLACE}&pageSize=2&page=2`);
    expect(refsOf(paged)).toEqual(items.slice(2, 4).map((item) => item.ref));
    expect(paged.body.total).toBe(7);
  });

  it('reads a point as a phone gives it (many decimals) and as map sites copy it (a space)', async () => {
    for (const near of ['50.846712345678901,4.352512345678901', '50.8467,%204.3525', '50.8467,+4.3525']) {
      const res = await get(`/api/v1/public/spaces?near=${near}`);
      expect(res.status).toBe(200);
      expect(res.body.items[0]).toMatchObject({ ref: 'PUB-NEAR', distanceKm: 0 });
    }
  });

  it('refuses a point that is not on Earth', async () => {
    const res = await get('/api/v1/public/spaces?near=123,4');
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('near');
    expect((await get('/api/v1/public/spaces?radiusKm=5')).status).toBe(400);
  });

  it('shows a label badge only for a label granted and in force', async () => {
    const res = await get('/api/v1/public/spaces?pageSize=100');
    const labels = Object.fromEntries(
      res.body.items.map((item: { ref: string; label: unknown }) => [item.ref, item.label]),
    );
    expect(labels).toEqual({
      'PUB-NEAR': { scheme: 'brussels-ocr', status: 'granted', validUntil: '2099-12-31' },
      'PUB-MID': null,
      'PUB-FAR': null,
      'BRU-A': null,
      'BRU-A1': null,
      'BRU-B': null,
      'WAL-C': null,
    });
  });

  it('says whether each space is open at a moment, and filters on it', async () => {
    const res = await get(`/api/v1/public/spaces?pageSize=100&at=${MONDAY_10H}`);
    const openNow = Object.fromEntries(
      res.body.items.map((item: { ref: string; openNow: unknown }) => [item.ref, item.openNow]),
    );
    // World spaces: Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00.
    expect(openNow['BRU-A']).toEqual({ open: true, nextOpening: '2026-01-13T08:00:00.000Z' });
    expect(openNow['PUB-NEAR']).toEqual({ open: true, nextOpening: '2026-01-13T08:00:00.000Z' });
    expect(openNow['PUB-MID']).toEqual({ open: false, nextOpening: '2026-01-17T09:00:00.000Z' });
    expect(openNow['PUB-FAR']).toBeNull();

    const open = await get(`/api/v1/public/spaces?openNow=true&at=${MONDAY_10H}&pageSize=100`);
    expect(refsOf(open).sort()).toEqual(['BRU-A', 'BRU-A1', 'BRU-B', 'PUB-NEAR', 'WAL-C']);
    expect(open.body.total).toBe(5);
    // Monday 13:00: only the Grand-Place library (until 17:00).
    const afternoon = await get('/api/v1/public/spaces?openNow=true&at=2026-01-12T12:00:00Z');
    expect(refsOf(afternoon)).toEqual(['PUB-NEAR']);
    expect(afternoon.body.total).toBe(1);
    const paged = await get(`/api/v1/public/spaces?openNow=true&at=${MONDAY_10H}&pageSize=2&page=3`);
    expect(paged.body).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('shows one active space, and 404 for a closed, future or unknown one', async () => {
    const one = await get(`/api/v1/public/spaces/PUB-NEAR?at=${MONDAY_10H}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual(PUBLIC_KEYS);
    expect(one.body).toMatchObject({
      ref: 'PUB-NEAR',
      label: { scheme: 'brussels-ocr', status: 'granted', validUntil: '2099-12-31' },
      openNow: { open: true, nextOpening: '2026-01-13T08:00:00.000Z' },
    });
    expect(JSON.stringify(one.body)).not.toContain('contact@near.example');
    for (const ref of ['PUB-CLOSED', 'PUB-LATER', 'NOPE']) {
      const res = await get(`/api/v1/public/spaces/${ref}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('SPACES.NOT_FOUND');
    }
  });

  it('never says a space closing for good opens again after its last day', async () => {
    const res = await api(t.baseUrl, 'POST', '/api/v1/spaces', {
      token: w.tokens.admin,
      body: {
        ref: 'PUB-ENDING',
        name: 'Closing soon',
        operatorType: 'library',
        openedOn: '2020-01-01',
        closedOn: '2026-01-14',
        nisCode: '21004',
        postcode: '1000',
        openingHours: 'Mo,Fr 09:00-12:00',
      },
    });
    expect(res.status).toBe(201);
    // Monday 12 January, 14:00: it would open on Friday the 16th, after its last day (Wednesday 14th).
    const monday = await get('/api/v1/public/spaces/PUB-ENDING?at=2026-01-12T13:00:00Z');
    expect(monday.body.openNow).toEqual({ open: false, nextOpening: null });
    expect(Object.keys(monday.body).sort()).toEqual(PUBLIC_KEYS);
    // Sunday 11 January: Monday the 12th is still before its last day.
    const sunday = await get('/api/v1/public/spaces/PUB-ENDING?at=2026-01-11T09:00:00Z');
    expect(sunday.body.openNow).toEqual({ open: false, nextOpening: '2026-01-12T08:00:00.000Z' });
    const listed = await get('/api/v1/public/spaces?postcode=1000&at=2026-01-12T13:00:00Z');
    const ending = listed.body.items.find((item: { ref: string }) => item.ref === 'PUB-ENDING');
    expect(ending.openNow).toEqual({ open: false, nextOpening: null });
  });
});
