import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

/**
 * The space registry over real HTTP and PostgreSQL: who sees and changes which spaces, the rules a space
 * must follow, opening hours (with Brussels summer time), deletion, and coordinator links.
 * Tests run in order and build on each other's state; each reads the version it needs first.
 */
describe('spaces registry (real PostgreSQL, real HTTP)', () => {
  let t: TestApi;
  let w: RegistryWorld;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
  });
  afterAll(() => t?.close());

  const call = (token: string | undefined, method: string, path: string, body?: unknown) =>
    api(t.baseUrl, method, path, { token, body });
  const refsOf = (res: { body: { items: Array<{ ref: string }> } }) => res.body.items.map((item) => item.ref);
  /** The whole stored row, to prove a refused write changed nothing. */
  const storedRow = async (ref: string) =>
    (await w.sql(`SELECT to_jsonb(s) AS row FROM spaces s WHERE ref = $1`, [ref]))[0]?.row ?? null;
  const versionOf = async (ref: string) =>
    (await w.sql<{ version: number }>(`SELECT version FROM spaces WHERE ref = $1`, [ref]))[0].version;
  const spaceCount = async () => Number((await w.sql(`SELECT count(*) AS n FROM spaces`))[0].n);
  const newSpace = (ref: string, extra: Record<string, unknown> = {}) => ({
    ref,
    name: `Space ${ref}`,
    nisCode: '21004',
    operatorType: 'association',
    openedOn: '2020-01-01',
    ...extra,
  });

  describe('who sees and changes what', () => {
    it('shows coordinator A exactly BRU-A and its antenna BRU-A1', async () => {
      const res = await call(w.tokens.coordA, 'GET', '/api/v1/spaces');
      expect(res.status).toBe(200);
      expect(refsOf(res)).toEqual(['BRU-A', 'BRU-A1']);
      expect(res.body.total).toBe(2);
    });

    it('lets coordinator A read and change BRU-A and its antenna', async () => {
      const a = await call(w.tokens.coordA, 'GET', '/api/v1/spaces/BRU-A');
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({
        ref: 'BRU-A',
        region: 'BRU',
        municipality: { nisCode: '21004', nameNl: 'Brussel', nameFr: 'Bruxelles' },
        parentRef: null,
        antennaRefs: ['BRU-A1'],
        label: null,
        weeklyHours: { openingHours: 17, hoursWithAnimator: 15 },
        version: 1,
        active: true,
      });
      const patched = await call(w.tokens.coordA, 'PATCH', '/api/v1/spaces/BRU-A', {
        version: a.body.version,
        name: 'EPN Bruxelles-Centre (Dansaert)',
        phone: '+32 2 123 45 67',
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'EPN Bruxelles-Centre (Dansaert)', version: 2 });
      expect((await storedRow('BRU-A')).name).toBe('EPN Bruxelles-Centre (Dansaert)');

      const a1 = await call(w.tokens.coordA, 'GET', '/api/v1/spaces/BRU-A1');
      expect(a1.status).toBe(200);
      expect(a1.body.parentRef).toBe('BRU-A');
      const patchedA1 = await call(w.tokens.coordA, 'PATCH', '/api/v1/spaces/BRU-A1', {
        version: a1.body.version,
        services: ['wifi', 'printing'],
      });
      expect(patchedA1.status).toBe(200);
      expect(patchedA1.body.services).toEqual(['wifi', 'printing']);
    });

    it('refuses coordinator A anything on BRU-B and leaves it unchanged', async () => {
      const before = await storedRow('BRU-B');
      expect((await call(w.tokens.coordA, 'GET', '/api/v1/spaces/BRU-B')).status).toBe(403);
      const patch = await call(w.tokens.coordA, 'PATCH', '/api/v1/spaces/BRU-B', {
        version: 1,
        name: 'Taken over',
      });
      expect(patch.status).toBe(403);
      expect(patch.body.code).toBe('AUTH.FORBIDDEN');
      expect((await call(w.tokens.coordA, 'DELETE', '/api/v1/spaces/BRU-B')).status).toBe(403);
      expect((await call(w.tokens.coordA, 'GET', '/api/v1/spaces/BRU-B/opening-hours')).status).toBe(403);
      const put = await call(w.tokens.coordA, 'PUT', '/api/v1/spaces/BRU-B/opening-hours', {
        version: 1,
        expression: 'Mo 10:00-11:00',
      });
      expect(put.status).toBe(403);
      expect(await storedRow('BRU-B')).toEqual(before);
    });

    it('does not let a coordinator create spaces', async () => {
      const count = await spaceCount();
      const res = await call(w.tokens.coordA, 'POST', '/api/v1/spaces', newSpace('BRU-COORD'));
      expect(res.status).toBe(403);
      expect(await spaceCount()).toBe(count);
    });

    it('keeps coordinators to the fields visitors see', async () => {
      const before = await storedRow('BRU-A');
      const res = await call(w.tokens.coordA, 'PATCH', '/api/v1/spaces/BRU-A', {
        version: before.version,
        nisCode: '21009',
        closedOn: '2030-01-01',
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SPACES.STAFF_ONLY_FIELDS');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['closedOn', 'nisCode']);
      expect(await storedRow('BRU-A')).toEqual(before);
    });

    it('keeps a coordinator from moving their space to another region or detaching their antenna', async () => {
      // The same two rules as the CSV import (a coordinator's nis_code to WAL, an empty parent_ref).
      const space = await storedRow('BRU-A');
      const move = await call(w.tokens.coordA, 'PATCH', '/api/v1/spaces/BRU-A', {
        version: space.version,
        nisCode: '25005',
      });
      expect(move.status).toBe(403);
      expect(move.body.code).toBe('SPACES.STAFF_ONLY_FIELDS');
      expect(await storedRow('BRU-A')).toEqual(space);

      const antenna = await storedRow('BRU-A1');
      const detach = await call(w.tokens.coordA, 'PATCH', '/api/v1/spaces/BRU-A1', {
        version: antenna.version,
        parentRef: null,
      });
      expect(detach.status).toBe(403);
      expect(detach.body.details).toEqual([expect.objectContaining({ field: 'parentRef' })]);
      expect(await storedRow('BRU-A1')).toEqual(antenna);
    });

    it('shows BRU staff the BRU spaces only and keeps them off WAL-C', async () => {
      const list = await call(w.tokens.staffBRU, 'GET', '/api/v1/spaces');
      expect(refsOf(list)).toEqual(['BRU-A', 'BRU-A1', 'BRU-B']);
      const before = await storedRow('WAL-C');
      expect((await call(w.tokens.staffBRU, 'GET', '/api/v1/spaces/WAL-C')).status).toBe(403);
      expect(
        (await call(w.tokens.staffBRU, 'PATCH', '/api/v1/spaces/WAL-C', { version: 1, name: 'x' })).status,
      ).toBe(403);
      expect((await call(w.tokens.staffBRU, 'DELETE', '/api/v1/spaces/WAL-C')).status).toBe(403);
      expect(await storedRow('WAL-C')).toEqual(before);
    });

    it('does not let BRU staff create a space in a Walloon municipality, nor move one there', async () => {
      const count = await spaceCount();
      const res = await call(
        w.tokens.staffBRU,
        'POST',
        '/api/v1/spaces',
        newSpace('BRU-LIEGE', { nisCode: '62063' }),
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SPACES.OUTSIDE_REGION');
      expect(await spaceCount()).toBe(count);

      const before = await storedRow('BRU-B');
      const move = await call(w.tokens.staffBRU, 'PATCH', '/api/v1/spaces/BRU-B', {
        version: before.version,
        nisCode: '62063',
      });
      expect(move.status).toBe(403);
      expect(move.body.code).toBe('SPACES.OUTSIDE_REGION');
      expect(await storedRow('BRU-B')).toEqual(before);
    });

    it('gives WAL staff the mirror image', async () => {
      expect(refsOf(await call(w.tokens.staffWAL, 'GET', '/api/v1/spaces'))).toEqual(['WAL-C']);
      const before = await storedRow('BRU-B');
      expect((await call(w.tokens.staffWAL, 'GET', '/api/v1/spaces/BRU-B')).status).toBe(403);
      expect(
        (await call(w.tokens.staffWAL, 'PATCH', '/api/v1/spaces/BRU-B', { version: 1, name: 'x' })).status,
      ).toBe(403);
      expect((await call(w.tokens.staffWAL, 'DELETE', '/api/v1/spaces/BRU-B')).status).toBe(403);
      expect(await storedRow('BRU-B')).toEqual(before);
      const count = await spaceCount();
      const res = await call(
        w.tokens.staffWAL,
        'POST',
        '/api/v1/spaces',
        newSpace('WAL-BXL', { nisCode: '21004' }),
      );
      expect(res.status).toBe(403);
      expect(await spaceCount()).toBe(count);
      expect((await call(w.tokens.staffWAL, 'GET', '/api/v1/spaces/WAL-C')).status).toBe(200);
    });

    it('shows the admin every space, and says 404 for a space that does not exist', async () => {
      expect(refsOf(await call(w.tokens.admin, 'GET', '/api/v1/spaces'))).toEqual([
        'BRU-A',
        'BRU-A1',
        'BRU-B',
        'WAL-C',
      ]);
      const missing = await call(w.tokens.admin, 'GET', '/api/v1/spaces/NOPE-1');
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('SPACES.NOT_FOUND');
    });

    it('answers 401 to anonymous callers of the registry', async () => {
      for (const path of ['/api/v1/spaces', '/api/v1/spaces/BRU-A', '/api/v1/spaces/BRU-A/opening-hours']) {
        const res = await call(undefined, 'GET', path);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
      }
      expect((await call(undefined, 'POST', '/api/v1/spaces', newSpace('ANON-1'))).status).toBe(401);
    });
  });

  describe('creating a space', () => {
    it('creates a space in the staff member’s region, derives region and hours, and audits it', async () => {
      const res = await call(
        w.tokens.staffBRU,
        'POST',
        '/api/v1/spaces',
        newSpace('BRU-N1', {
          name: 'Antenne Flagey',
          nisCode: '21009',
          operatorType: 'library',
          parentRef: 'BRU-B',
          postcode: '1050',
          latitude: 50.8275,
          longitude: 4.3725,
          languages: ['fr', 'nl'],
          services: ['wifi'],
          pricing: 'free',
          email: 'flagey@example.be',
          website: 'https://flagey.example.be',
          openingHours: 'tu-th 10:00-12:00 "animator"; sa 9:00-13:00',
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ref: 'BRU-N1',
        region: 'BRU',
        municipality: { nisCode: '21009', nameFr: 'Ixelles', nameNl: 'Elsene' },
        parentRef: 'BRU-B',
        openingHours: 'Tu-Th 10:00-12:00 "animator"; Sa 09:00-13:00',
        weeklyHours: { openingHours: 10, hoursWithAnimator: 6 },
        version: 1,
      });
      const [row] = await w.sql(
        `SELECT trim(region_code) AS region, scheduled_weekly_hours::float8 AS weekly,
                scheduled_hours_with_animator::float8 AS animator FROM spaces WHERE ref = 'BRU-N1'`,
      );
      expect(row).toEqual({ region: 'BRU', weekly: 10, animator: 6 });
      const audit = await w.sql(
        `SELECT action, actor_user_id, after FROM audit_log WHERE entity = 'space' AND entity_id = $1`,
        [res.body.id],
      );
      expect(audit).toEqual([
        {
          action: 'create',
          actor_user_id: w.users.staffBRU,
          after: expect.objectContaining({ ref: 'BRU-N1', name: 'Antenne Flagey' }),
        },
      ]);
      expect(refsOf(await call(w.tokens.coordB, 'GET', '/api/v1/spaces'))).toEqual(['BRU-B', 'BRU-N1']);
    });

    it.each([
      ['an unknown NIS code', { nisCode: '99999' }, 'nisCode'],
      ['a parent that is itself an antenna', { parentRef: 'BRU-A1' }, 'parentRef'],
      ['a parent that does not exist', { parentRef: 'NOPE-2' }, 'parentRef'],
      ['a parent in another region', { parentRef: 'WAL-C' }, 'parentRef'],
      [
        'a closing date before the opening date',
        { openedOn: '2024-05-01', closedOn: '2024-04-30' },
        'closedOn',
      ],
      ['a date that does not exist', { openedOn: '2025-02-29' }, 'openedOn'],
      ['a latitude without longitude', { latitude: 50.8 }, 'longitude'],
      ['a bad ref', { ref: '-bad ref' }, 'ref'],
      ['an unknown service', { services: ['coffee'] }, 'services'],
    ])('refuses %s with 400 naming the field', async (_case, extra, field) => {
      const count = await spaceCount();
      const res = await call(w.tokens.admin, 'POST', '/api/v1/spaces', newSpace('BRU-BAD', extra));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION.FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await spaceCount()).toBe(count);
    });

    it('says plainly which NIS code is unknown', async () => {
      const res = await call(
        w.tokens.admin,
        'POST',
        '/api/v1/spaces',
        newSpace('BRU-BAD', { nisCode: '99999' }),
      );
      expect(res.body.details).toEqual([{ field: 'nisCode', message: expect.stringContaining('99999') }]);
    });

    it('refuses a duplicate ref with 409 SPACES.REF_TAKEN', async () => {
      const before = await storedRow('BRU-A');
      const res = await call(w.tokens.staffBRU, 'POST', '/api/v1/spaces', newSpace('BRU-A'));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SPACES.REF_TAKEN');
      expect(await storedRow('BRU-A')).toEqual(before);
    });

    it('refuses fields the caller may not set (mass assignment)', async () => {
      const count = await spaceCount();
      for (const extra of [
        { regionCode: 'WAL' },
        { id: '00000000-0000-0000-0000-000000000000' },
        { version: 7 },
      ]) {
        const res = await call(w.tokens.staffBRU, 'POST', '/api/v1/spaces', newSpace('BRU-MASS', extra));
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION.FAILED');
      }
      expect(await spaceCount()).toBe(count);
    });

    it('refuses an invalid opening-hours expression on create, naming the field', async () => {
      const res = await call(
        w.tokens.admin,
        'POST',
        '/api/v1/spaces',
        newSpace('BRU-OH', { openingHours: 'Mo-Fr 25:00-26:00' }),
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('OPENING_HOURS.INVALID');
      expect(res.body.details[0]).toMatchObject({ field: 'openingHours' });
      expect(await storedRow('BRU-OH')).toBeNull();
    });
  });

  describe('changing a space', () => {
    it('never changes the ref', async () => {
      const before = await storedRow('BRU-B');
      const res = await call(w.tokens.admin, 'PATCH', '/api/v1/spaces/BRU-B', {
        version: before.version,
        ref: 'BRU-Z',
      });
      expect(res.status).toBe(400);
      expect(await storedRow('BRU-B')).toEqual(before);
    });

    it('checks the dates on the state after the change', async () => {
      const before = await storedRow('BRU-B');
      const res = await call(w.tokens.staffBRU, 'PATCH', '/api/v1/spaces/BRU-B', {
        version: before.version,
        closedOn: '2014-12-31',
      });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('closedOn');
      expect(await storedRow('BRU-B')).toEqual(before);
    });

    it('refuses null for a field that needs a value', async () => {
      const before = await storedRow('BRU-B');
      const res = await call(w.tokens.admin, 'PATCH', '/api/v1/spaces/BRU-B', {
        version: before.version,
        name: null,
      });
      expect(res.status).toBe(400);
      expect(await storedRow('BRU-B')).toEqual(before);
    });

    it('lets one of two concurrent changes win and tells the other with 409, auditing the winner', async () => {
      const version = await versionOf('BRU-B');
      const oldName = (await storedRow('BRU-B')).name;
      const [first, second] = await Promise.all(
        ['OCR Elsene (first)', 'OCR Elsene (second)'].map((name) =>
          call(w.tokens.admin, 'PATCH', '/api/v1/spaces/BRU-B', { version, name }),
        ),
      );
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
      expect(loser.body.code).toBe('SPACES.VERSION_CONFLICT');
      const row = await storedRow('BRU-B');
      expect(row.name).toBe(winner.body.name);
      expect(row.version).toBe(version + 1);
      const audit = await w.sql(
        `SELECT before, after, actor_user_id FROM audit_log
         WHERE entity = 'space' AND entity_id = $1 AND action = 'update' AND after->>'name' LIKE 'OCR Elsene (%'`,
        [w.spaces.B.id],
      );
      expect(audit).toEqual([
        {
          actor_user_id: w.users.admin,
          before: expect.objectContaining({ name: oldName, version }),
          after: expect.objectContaining({ name: winner.body.name, version: version + 1 }),
        },
      ]);
    });

    it('refuses a stale version', async () => {
      const before = await storedRow('BRU-B');
      const res = await call(w.tokens.admin, 'PATCH', '/api/v1/spaces/BRU-B', {
        version: before.version - 1,
        name: 'stale',
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'SPACES.VERSION_CONFLICT',
        details: { currentVersion: before.version },
      });
      expect(await storedRow('BRU-B')).toEqual(before);
    });
  });

  describe('filters and pages', () => {
    beforeAll(async () => {
      // Two more spaces the filters can tell apart: closed, and not yet opened.
      await w.sql(
        `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, closed_on)
         VALUES ('WAL-OLD', 'EPN fermé', '62063', 'WAL', 'cpas', '2010-01-01', '2019-12-31'),
                ('WAL-NEW', 'EPN futur', '62063', 'WAL', 'cpas', '2099-01-01', NULL)`,
      );
      // Current labels: BRU-A granted; BRU-B granted then refused (the latest counts); WAL-C granted but
      // past its end (expired); BRU-A1 and the rest none.
      await w.sql(
        `INSERT INTO labels (space_id, scheme, scheme_version, status, valid_from, valid_until, decided_at) VALUES
           ($1, 'brussels-ocr', '1', 'granted', '2024-01-01', '2099-12-31', '2024-01-01T10:00:00Z'),
           ($2, 'brussels-ocr', '1', 'granted', '2023-01-01', '2099-12-31', '2023-01-01T10:00:00Z'),
           ($2, 'brussels-ocr', '1', 'refused', NULL, NULL, '2025-01-01T10:00:00Z'),
           ($3, 'wallonia-epn', '2', 'granted', '2020-01-01', '2022-12-31', '2020-01-01T10:00:00Z')`,
        [w.spaces.A.id, w.spaces.B.id, w.spaces.C.id],
      );
    });

    const refs = async (query: string, token = w.tokens.admin) =>
      refsOf(await call(token, 'GET', `/api/v1/spaces?${query}`));

    it('filters by region, municipality, operator and name', async () => {
      expect(await refs('region=WAL')).toEqual(['WAL-C', 'WAL-NEW', 'WAL-OLD']);
      expect(await refs('nisCode=21009')).toEqual(['BRU-B', 'BRU-N1']);
      expect(await refs('operatorType=library')).toEqual(['BRU-N1']);
      expect(await refs('operatorType=cpas&region=WAL')).toEqual(['WAL-NEW', 'WAL-OLD']);
      expect(await refs('q=ELSENE')).toEqual(['BRU-B']);
      expect(await refs('q=wal-')).toEqual(['WAL-C', 'WAL-NEW', 'WAL-OLD']);
      expect(await refs('parentRef=BRU-A')).toEqual(['BRU-A1']);
      // Filters narrow the caller's scope; they never widen it.
      expect(await refs('region=WAL', w.tokens.staffBRU)).toEqual([]);
    });

    it('filters on being active today', async () => {
      expect(await refs('active=false')).toEqual(['WAL-NEW', 'WAL-OLD']);
      expect(await refs('active=true&region=WAL')).toEqual(['WAL-C']);
      const detail = await call(w.tokens.admin, 'GET', '/api/v1/spaces/WAL-OLD');
      expect(detail.body).toMatchObject({ active: false, closedOn: '2019-12-31', openedOn: '2010-01-01' });
      expect((await call(w.tokens.admin, 'GET', '/api/v1/spaces?active=maybe')).status).toBe(400);
    });

    it('filters on the current label', async () => {
      expect(await refs('labelStatus=granted')).toEqual(['BRU-A']);
      expect(await refs('labelStatus=refused')).toEqual(['BRU-B']);
      expect(await refs('labelStatus=expired')).toEqual(['WAL-C']);
      expect(await refs('labelStatus=none')).toEqual(['BRU-A1', 'BRU-N1', 'WAL-NEW', 'WAL-OLD']);
      expect(await refs('labelStatus=granted', w.tokens.staffWAL)).toEqual([]);
      const c = await call(w.tokens.admin, 'GET', '/api/v1/spaces/WAL-C');
      expect(c.body.label).toMatchObject({
        scheme: 'wallonia-epn',
        status: 'expired',
        validUntil: '2022-12-31',
      });
    });

    it('pages with the total of all matching spaces', async () => {
      const all = await call(w.tokens.admin, 'GET', '/api/v1/spaces?pageSize=100');
      const total = all.body.items.length;
      expect(all.body.total).toBe(total);
      const page2 = await call(w.tokens.admin, 'GET', '/api/v1/spaces?pageSize=3&page=2');
      expect(page2.body).toMatchObject({ total, page: 2, pageSize: 3 });
      expect(refsOf(page2)).toEqual(refsOf(all).slice(3, 6));
      const beyond = await call(w.tokens.admin, 'GET', '/api/v1/spaces?pageSize=3&page=50');
      expect(beyond.body).toMatchObject({ items: [], total });
      expect((await call(w.tokens.admin, 'GET', '/api/v1/spaces?pageSize=501')).status).toBe(400);
    });
  });

  describe('opening hours', () => {
    const path = '/api/v1/spaces/BRU-B/opening-hours';

    it('stores an expression in canonical form with the hours derived from it', async () => {
      const version = await versionOf('BRU-B');
      const res = await call(w.tokens.coordB, 'PUT', path, {
        version,
        expression: 'Mo-Fr 09:00-12:00 "animator", Mo-Fr 13:00-17:00; Sa 10:00-12:00; PH off',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        expression: 'Mo-Fr 09:00-12:00 "animator", Mo-Fr 13:00-17:00; Sa 10:00-12:00; PH off',
        structured: false,
        weeklyHours: { openingHours: 37, hoursWithAnimator: 15 },
        version: version + 1,
      });
      expect(res.body.ranges).toContainEqual({ day: 'mo', from: '09:00', to: '12:00', animator: true });
      expect(res.body.ranges).toContainEqual({ day: 'sa', from: '10:00', to: '12:00', animator: false });
      const [row] = await w.sql(
        `SELECT opening_hours, scheduled_weekly_hours::float8 AS weekly, scheduled_hours_with_animator::float8 AS animator
         FROM spaces WHERE ref = 'BRU-B'`,
      );
      expect(row).toEqual({ opening_hours: res.body.expression, weekly: 37, animator: 15 });
      const detail = await call(w.tokens.coordB, 'GET', '/api/v1/spaces/BRU-B');
      expect(detail.body.weeklyHours).toEqual({ openingHours: 37, hoursWithAnimator: 15 });
      const audit = await w.sql(
        `SELECT before->>'openingHours' AS before, after->>'openingHours' AS after FROM audit_log
         WHERE entity_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
        [w.spaces.B.id],
      );
      expect(audit).toEqual([
        { before: 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00', after: res.body.expression },
      ]);
    });

    it('refuses an invalid expression with a readable message and keeps the stored hours', async () => {
      const before = await storedRow('BRU-B');
      const res = await call(w.tokens.coordB, 'PUT', path, {
        version: before.version,
        expression: 'Mo-Fr 25:00-26:00',
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('OPENING_HOURS.INVALID');
      expect(res.body.message).toMatch(/opening hours/i);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'expression', message: expect.stringContaining('25:00') }),
      ]);
      const french = await api(t.baseUrl, 'PUT', path, {
        token: w.tokens.coordB,
        body: { version: before.version, expression: 'tomorrow maybe' },
        headers: { 'accept-language': 'fr-BE' },
      });
      expect(french.body).toMatchObject({
        code: 'OPENING_HOURS.INVALID',
        message: expect.stringContaining("heures d'ouverture"),
      });
      expect(await storedRow('BRU-B')).toEqual(before);
    });

    it('stores a weekly grid with closures as an expression', async () => {
      const version = await versionOf('BRU-B');
      const res = await call(w.tokens.coordB, 'PUT', path, {
        version,
        ranges: [
          { day: 'mo', from: '09:00', to: '12:00', animator: true },
          { day: 'tu', from: '09:00', to: '12:00', animator: true },
          { day: 'we', from: '14:00', to: '18:00', animator: false },
        ],
        exceptions: [{ from: '2026-12-24', to: '2026-12-26', closed: true, note: 'Noël' }],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        expression: 'Mo,Tu 09:00-12:00 "animator"; We 14:00-18:00; 2026 Dec 24-2026 Dec 26 off "Noël"',
        structured: true,
        exceptions: [{ from: '2026-12-24', to: '2026-12-26', closed: true, note: 'Noël' }],
        weeklyHours: { openingHours: 10, hoursWithAnimator: 6 },
      });
      expect(Number((await storedRow('BRU-B')).scheduled_weekly_hours)).toBe(10);
    });

    it('refuses overlapping ranges, naming ranges, and two ways of writing at once', async () => {
      const before = await storedRow('BRU-B');
      const overlap = await call(w.tokens.coordB, 'PUT', path, {
        version: before.version,
        ranges: [
          { day: 'mo', from: '09:00', to: '12:00', animator: false },
          { day: 'mo', from: '11:00', to: '13:00', animator: true },
        ],
      });
      expect(overlap.status).toBe(400);
      expect(overlap.body.code).toBe('OPENING_HOURS.INVALID_SCHEDULE');
      expect(overlap.body.details[0]).toMatchObject({
        field: 'ranges',
        message: expect.stringContaining('overlap'),
      });
      const both = await call(w.tokens.coordB, 'PUT', path, {
        version: before.version,
        expression: 'Mo 09:00-10:00',
        ranges: [],
      });
      expect(both.status).toBe(400);
      const neither = await call(w.tokens.coordB, 'PUT', path, { version: before.version });
      expect(neither.status).toBe(400);
      const stale = await call(w.tokens.coordB, 'PUT', path, {
        version: before.version - 1,
        expression: 'Mo 09:00-10:00',
      });
      expect(stale.status).toBe(409);
      expect(await storedRow('BRU-B')).toEqual(before);
    });

    describe('open now, across Brussels summer-time switches', () => {
      const hours = 'Su 01:00-04:00; Mo 09:00-12:00';
      const openAt = async (at: string) => {
        const res = await call(
          w.tokens.coordA,
          'GET',
          `/api/v1/spaces/BRU-A1/opening-hours?at=${encodeURIComponent(at)}`,
        );
        expect(res.status).toBe(200);
        return res.body.openNow;
      };

      beforeAll(async () => {
        const res = await call(w.tokens.coordA, 'PUT', '/api/v1/spaces/BRU-A1/opening-hours', {
          version: await versionOf('BRU-A1'),
          expression: hours,
        });
        expect(res.status).toBe(200);
        expect(res.body.weeklyHours).toEqual({ openingHours: 6, hoursWithAnimator: 0 });
      });

      it('on 29 March 2026 (02:00 CET becomes 03:00 CEST)', async () => {
        // 00:59 CET: opens at 01:00 CET.
        expect(await openAt('2026-03-28T23:59:00Z')).toEqual({
          open: false,
          animatorPresent: false,
          nextChange: '2026-03-29T00:00:00.000Z',
          nextOpening: '2026-03-29T00:00:00.000Z',
        });
        // 01:59 CET, just before the switch: closes at 04:00 CEST, only two real hours after opening.
        expect(await openAt('2026-03-29T00:59:00Z')).toMatchObject({
          open: true,
          nextChange: '2026-03-29T02:00:00.000Z',
        });
        // 03:00 CEST, just after the switch; the next opening is Monday 09:00 CEST.
        expect(await openAt('2026-03-29T01:00:00Z')).toEqual({
          open: true,
          animatorPresent: false,
          nextChange: '2026-03-29T02:00:00.000Z',
          nextOpening: '2026-03-30T07:00:00.000Z',
        });
        expect(await openAt('2026-03-29T02:00:00Z')).toMatchObject({
          open: false,
          nextOpening: '2026-03-30T07:00:00.000Z',
        });
        // Monday 07:30 UTC is 08:30 in winter (closed) but 09:30 in summer (open).
        expect((await openAt('2026-03-23T07:30:00Z')).open).toBe(false);
        expect((await openAt('2026-03-30T07:30:00Z')).open).toBe(true);
        expect((await openAt('2026-03-30T09:30:00+02:00')).open).toBe(true);
      });

      it('on 25 October 2026 (03:00 CEST becomes 02:00 CET)', async () => {
        // 02:30 CEST, then 02:30 CET an hour later: open both times, until 04:00 CET.
        expect(await openAt('2026-10-25T00:30:00Z')).toMatchObject({
          open: true,
          nextChange: '2026-10-25T03:00:00.000Z',
        });
        expect(await openAt('2026-10-25T02:30:00+01:00')).toMatchObject({
          open: true,
          nextChange: '2026-10-25T03:00:00.000Z',
        });
        expect(await openAt('2026-10-25T02:59:00Z')).toMatchObject({ open: true });
        expect(await openAt('2026-10-25T03:00:00Z')).toEqual({
          open: false,
          animatorPresent: false,
          nextChange: '2026-10-26T08:00:00.000Z',
          nextOpening: '2026-10-26T08:00:00.000Z',
        });
        // Monday 07:30 UTC is 09:30 in summer (open) but 08:30 in winter (closed).
        expect((await openAt('2026-10-19T07:30:00Z')).open).toBe(true);
        expect((await openAt('2026-10-26T07:30:00Z')).open).toBe(false);
      });

      it('refuses an `at` without a time zone, or a moment that does not exist', async () => {
        for (const at of [
          '2026-03-29T01:30:00',
          '2026-02-30T10:00:00Z',
          '2026-03-29T25:00:00Z',
          '0001-01-01T00:00:00Z',
        ]) {
          const res = await call(
            w.tokens.coordA,
            'GET',
            `/api/v1/spaces/BRU-A1/opening-hours?at=${encodeURIComponent(at)}`,
          );
          expect(res.status).toBe(400);
          expect(res.body.details[0].field).toBe('at');
        }
      });
    });
  });

  describe('deleting a space', () => {
    it('refuses while the space has equipment or antennas, and suggests closing it', async () => {
      const created = await call(w.tokens.staffBRU, 'POST', '/api/v1/spaces', newSpace('BRU-EQ'));
      expect(created.status).toBe(201);
      await w.sql(`INSERT INTO equipment (space_id, ref, type, quantity) VALUES ($1, 'PC-1', 'desktop', 4)`, [
        created.body.id,
      ]);
      const res = await call(w.tokens.staffBRU, 'DELETE', '/api/v1/spaces/BRU-EQ');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SPACES.IN_USE');
      expect(res.body.details).toMatchObject({ equipment: 1, antennas: 0 });
      expect(await storedRow('BRU-EQ')).not.toBeNull();

      const parent = await call(w.tokens.admin, 'DELETE', '/api/v1/spaces/BRU-A');
      expect(parent.status).toBe(409);
      expect(parent.body.details).toMatchObject({ antennas: 1 });
      expect(await storedRow('BRU-A')).not.toBeNull();
    });

    it('refuses while another part of the system still refers to the space (weekly activity)', async () => {
      const created = await call(w.tokens.admin, 'POST', '/api/v1/spaces', newSpace('BRU-ACT'));
      expect(created.status).toBe(201);
      await w.sql(
        `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, visits)
         VALUES ($1, '2026-W02', 2026, '2026-01-05', 10, 25)`,
        [created.body.id],
      );
      const res = await call(w.tokens.admin, 'DELETE', '/api/v1/spaces/BRU-ACT');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SPACES.IN_USE');
      expect(await storedRow('BRU-ACT')).not.toBeNull();
      expect(
        await w.sql(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'delete'`, [created.body.id]),
      ).toEqual([]);
    });

    it('deletes an empty space with its coordinator links, and audits it', async () => {
      const created = await call(
        w.tokens.staffBRU,
        'POST',
        '/api/v1/spaces',
        newSpace('BRU-DEL', { name: 'Mistake' }),
      );
      expect(created.status).toBe(201);
      await w.sql(`INSERT INTO coordinator_spaces (user_id, space_id) VALUES ($1, $2)`, [
        w.users.coordA,
        created.body.id,
      ]);
      const res = await call(w.tokens.staffBRU, 'DELETE', '/api/v1/spaces/BRU-DEL');
      expect(res.status).toBe(204);
      expect(await storedRow('BRU-DEL')).toBeNull();
      expect(await w.sql(`SELECT * FROM coordinator_spaces WHERE space_id = $1`, [created.body.id])).toEqual(
        [],
      );
      const audit = await w.sql(
        `SELECT action, actor_user_id, trim(region_code) AS region, before, after FROM audit_log
         WHERE entity = 'space' AND entity_id = $1 AND action = 'delete'`,
        [created.body.id],
      );
      expect(audit).toEqual([
        {
          action: 'delete',
          actor_user_id: w.users.staffBRU,
          region: 'BRU',
          before: expect.objectContaining({ ref: 'BRU-DEL', name: 'Mistake' }),
          after: null,
        },
      ]);
      expect((await call(w.tokens.staffBRU, 'DELETE', '/api/v1/spaces/BRU-DEL')).status).toBe(404);
    });
  });

  describe("a coordinator's spaces", () => {
    it('relinks coordinator B to BRU-A: B then sees BRU-A and its antenna, no longer BRU-B', async () => {
      expect((await call(w.tokens.coordB, 'GET', '/api/v1/spaces/BRU-B')).status).toBe(200);
      const res = await call(w.tokens.admin, 'PUT', `/api/v1/users/${w.users.coordB}/spaces`, {
        spaceRefs: ['BRU-A'],
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ userId: w.users.coordB, spaceRefs: ['BRU-A'] });
      expect(refsOf(await call(w.tokens.coordB, 'GET', '/api/v1/spaces'))).toEqual(['BRU-A', 'BRU-A1']);
      expect((await call(w.tokens.coordB, 'GET', '/api/v1/spaces/BRU-B')).status).toBe(403);
      expect((await call(w.tokens.coordB, 'GET', '/api/v1/spaces/BRU-A')).status).toBe(200);
      const audit = await w.sql(
        `SELECT action, before, after FROM audit_log WHERE entity = 'coordinator_link' AND entity_id = $1`,
        [w.users.coordB],
      );
      expect(audit).toEqual([
        { action: 'update', before: { spaceRefs: ['BRU-B'] }, after: { spaceRefs: ['BRU-A'] } },
      ]);
      const user = await call(w.tokens.admin, 'GET', `/api/v1/users/${w.users.coordB}`);
      expect(user.body.spaceRefs).toEqual(['BRU-A']);
    });

    it('refuses unknown spaces, non-coordinators, unknown users and non-admins, changing nothing', async () => {
      const links = () =>
        w.sql(`SELECT space_id FROM coordinator_spaces WHERE user_id = $1 ORDER BY space_id`, [
          w.users.coordB,
        ]);
      const before = await links();
      const unknown = await call(w.tokens.admin, 'PUT', `/api/v1/users/${w.users.coordB}/spaces`, {
        spaceRefs: ['BRU-B', 'NOPE-9'],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([
        { field: 'spaceRefs', message: expect.stringContaining('NOPE-9') },
      ]);
      const staff = await call(w.tokens.admin, 'PUT', `/api/v1/users/${w.users.staffBRU}/spaces`, {
        spaceRefs: ['BRU-B'],
      });
      expect(staff.status).toBe(400);
      expect(staff.body.details[0].field).toBe('spaceRefs');
      const nobody = await call(
        w.tokens.admin,
        'PUT',
        '/api/v1/users/00000000-0000-4000-8000-000000000000/spaces',
        {
          spaceRefs: [],
        },
      );
      expect(nobody.status).toBe(404);
      expect(nobody.body.code).toBe('USERS.NOT_FOUND');
      const notAdmin = await call(w.tokens.staffBRU, 'PUT', `/api/v1/users/${w.users.coordB}/spaces`, {
        spaceRefs: ['BRU-B'],
      });
      expect(notAdmin.status).toBe(403);
      expect(await links()).toEqual(before);
      expect(await w.sql(`SELECT * FROM coordinator_spaces WHERE user_id = $1`, [w.users.staffBRU])).toEqual(
        [],
      );
    });

    it('links a coordinator created with spaceRefs', async () => {
      const email = 'coord-c@example.be';
      const password = 'a long enough password';
      const created = await call(w.tokens.admin, 'POST', '/api/v1/users', {
        email,
        password,
        role: 'coordinator',
        spaceRefs: ['WAL-C'],
      });
      expect(created.status).toBe(201);
      const login = await call(undefined, 'POST', '/api/v1/auth/login', { email, password });
      expect(refsOf(await call(login.body.accessToken, 'GET', '/api/v1/spaces'))).toEqual(['WAL-C']);
    });
  });

  describe('the public directory, seen from the registry', () => {
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

    it('answers anonymous callers with public fields only, and never a closed space', async () => {
      const list = await call(undefined, 'GET', '/api/v1/public/spaces?pageSize=100');
      expect(list.status).toBe(200);
      const refs = refsOf(list);
      expect(refs).toEqual(expect.arrayContaining(['BRU-A', 'BRU-A1', 'BRU-B', 'WAL-C']));
      expect(refs).not.toContain('WAL-OLD');
      expect(refs).not.toContain('WAL-NEW');
      for (const item of list.body.items) expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
      // BRU-A's phone was set above; contact details never reach the public.
      expect(JSON.stringify(list.body)).not.toContain('123 45 67');
      expect(JSON.stringify(list.body)).not.toContain('flagey@example.be');

      const one = await call(undefined, 'GET', '/api/v1/public/spaces/BRU-A');
      expect(one.status).toBe(200);
      expect(Object.keys(one.body).sort()).toEqual(PUBLIC_KEYS);
      const closed = await call(undefined, 'GET', '/api/v1/public/spaces/WAL-OLD');
      expect(closed.status).toBe(404);
      expect(closed.body.code).toBe('SPACES.NOT_FOUND');
    });
  });
});
