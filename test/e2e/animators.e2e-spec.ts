import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

/**
 * Animators and their assignments through the real API on a real database: the 'animator' scope,
 * per-assignment visibility, export and anonymisation (privacy by design in the audit trail).
 */
describe('animators (real PostgreSQL, real HTTP)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    api(t.baseUrl, method, path, { token, body });
  const tables = async () => ({
    animators: await w.sql(`SELECT * FROM animators ORDER BY id`),
    assignments: await w.sql(`SELECT * FROM animator_assignments ORDER BY id`),
  });
  const create = async (token: string, body: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/animators', token, body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const addAssignment = async (token: string, ref: string, body: Record<string, unknown>) => {
    const res = await call('POST', `/api/v1/animators/${ref}/assignments`, token, body);
    expect(res.status).toBe(201);
    return res.body;
  };

  const MARIE = {
    ref: 'ANIM-SHARED',
    name: 'Marie Dubois',
    email: 'marie.dubois@cpas-bxl.example.be',
    phone: '+32 2 555 01 02',
    qualifications: ['Animatrice multimédia (Forem)'],
  };
  let marieId: string;
  let marieAtB: any;
  let bobAtB: any;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    // Marie works at BRU-A (coordinator A), BRU-B (coordinator B) and WAL-C.
    await create(w.tokens.coordA, {
      ...MARIE,
      spaceRef: 'BRU-A',
      role: 'animator',
      contract: 'employee',
      fte: 0.5,
      qualified: true,
      startsOn: '2025-01-06',
    });
    [{ id: marieId }] = await w.sql(`SELECT id FROM animators WHERE ref = 'ANIM-SHARED'`);
    marieAtB = await addAssignment(w.tokens.admin, 'ANIM-SHARED', {
      spaceRef: 'BRU-B',
      role: 'project_lead',
      contract: 'employee',
      fte: 0.3,
      qualified: true,
      startsOn: '2025-09-01',
    });
    await addAssignment(w.tokens.admin, 'ANIM-SHARED', {
      spaceRef: 'WAL-C',
      role: 'volunteer',
      contract: 'volunteer',
      fte: 0.1,
      qualified: false,
      startsOn: '2026-01-05',
      endsOn: '2026-06-30',
    });
    // Bob works at BRU-B only; Jean at WAL-C only.
    const bob = await create(w.tokens.coordB, {
      ref: 'ANIM-BOB',
      name: 'Bob Peeters',
      email: 'bob.peeters@elsene.example.be',
      spaceRef: 'BRU-B',
      role: 'animator',
      fte: 1,
      qualified: false,
      startsOn: '2024-03-01',
    });
    bobAtB = bob.assignments[0];
    await create(w.tokens.staffWAL, {
      ref: 'ANIM-WAL',
      name: 'Jean Lambert',
      spaceRef: 'WAL-C',
      role: 'animator',
      fte: 0.8,
      qualified: true,
      startsOn: '2023-09-01',
    });
  });
  afterAll(() => t?.close());

  it('refuses anonymous callers with 401', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/animators'],
      ['POST', '/api/v1/animators'],
      ['GET', '/api/v1/animators/ANIM-SHARED'],
      ['PATCH', '/api/v1/animators/ANIM-SHARED'],
      ['GET', '/api/v1/animators/ANIM-SHARED/export'],
      ['POST', '/api/v1/animators/ANIM-SHARED/anonymise'],
      ['POST', '/api/v1/animators/ANIM-SHARED/assignments'],
      ['PATCH', `/api/v1/animators/ANIM-BOB/assignments/${bobAtB.id}`],
      ['DELETE', `/api/v1/animators/ANIM-BOB/assignments/${bobAtB.id}`],
      ['GET', '/api/v1/spaces/BRU-A/animators'],
    ]) {
      const res = await call(
        method,
        path,
        undefined,
        method === 'POST' || method === 'PATCH' ? {} : undefined,
      );
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 });
    }
  });

  it('creates the person with a first assignment, audited without any personal value', async () => {
    const res = await call('GET', '/api/v1/animators/ANIM-BOB', w.tokens.coordB);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ref: 'ANIM-BOB',
      name: 'Bob Peeters',
      email: 'bob.peeters@elsene.example.be',
      phone: null,
      qualifications: [],
      anonymisedAt: null,
      version: 1,
      assignments: [
        {
          id: bobAtB.id,
          spaceRef: 'BRU-B',
          spaceName: 'OCR Elsene',
          role: 'animator',
          contract: null,
          fte: 1,
          qualified: false,
          startsOn: '2024-03-01',
          endsOn: null,
          version: 1,
        },
      ],
    });
    const trail = await w.sql(
      `SELECT a.entity, a.action, a.space_id, a.region_code, a.before, a.after, a::text AS whole
       FROM audit_log a JOIN animators p ON p.ref = 'ANIM-BOB'
       WHERE (a.entity = 'animator' AND a.entity_id = p.id::text) OR (a.entity = 'assignment' AND a.after ->> 'animatorId' = p.id::text)
       ORDER BY a.id`,
    );
    // Reading the person's contact details just now is itself on the trail.
    expect(trail.map((e) => [e.entity, e.action, e.space_id, e.region_code])).toEqual([
      ['animator', 'create', w.spaces.B.id, 'BRU'],
      ['assignment', 'create', w.spaces.B.id, 'BRU'],
      ['animator', 'read', w.spaces.B.id, 'BRU'],
    ]);
    expect(trail[0].after).toMatchObject({
      name: '[changed]',
      email: '[changed]',
      ref: '[changed]',
      phone: null,
    });
    for (const entry of trail) {
      expect(entry.whole).not.toContain('Bob Peeters');
      expect(entry.whole).not.toContain('bob.peeters');
      expect(entry.whole).not.toContain('ANIM-BOB');
    }
  });

  describe('who sees which assignments', () => {
    const spacesSeenBy = async (token: string) => {
      const res = await call('GET', '/api/v1/animators/ANIM-SHARED', token);
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('Marie Dubois');
      return res.body.assignments.map((a: any) => a.spaceRef);
    };

    it('shows coordinator A the person but only the BRU-A assignment', async () => {
      expect(await spacesSeenBy(w.tokens.coordA)).toEqual(['BRU-A']);
      expect(await spacesSeenBy(w.tokens.coordB)).toEqual(['BRU-B']);
      expect(await spacesSeenBy(w.tokens.staffBRU)).toEqual(['BRU-A', 'BRU-B']);
      expect(await spacesSeenBy(w.tokens.staffWAL)).toEqual(['WAL-C']);
      expect(await spacesSeenBy(w.tokens.admin)).toEqual(['BRU-A', 'BRU-B', 'WAL-C']);
    });

    it('lists only animators with an assignment at a visible space, with those spaces only', async () => {
      const coordA = await call('GET', '/api/v1/animators', w.tokens.coordA);
      expect(coordA.status).toBe(200);
      const refs = coordA.body.items.map((i: any) => i.ref);
      expect(refs).toContain('ANIM-SHARED');
      expect(refs).not.toContain('ANIM-BOB');
      expect(refs).not.toContain('ANIM-WAL');
      for (const item of coordA.body.items) {
        for (const space of item.spaceRefs) expect(['BRU-A', 'BRU-A1']).toContain(space);
      }
      const staffBRU = await call('GET', '/api/v1/animators?q=anim-', w.tokens.staffBRU);
      expect(staffBRU.body.items.map((i: any) => i.ref)).toEqual(
        expect.arrayContaining(['ANIM-SHARED', 'ANIM-BOB']),
      );
      expect(staffBRU.body.items.map((i: any) => i.ref)).not.toContain('ANIM-WAL');
      const byName = await call('GET', '/api/v1/animators?q=dubois', w.tokens.coordB);
      expect(byName.body.items).toEqual([
        expect.objectContaining({ ref: 'ANIM-SHARED', spaceRefs: ['BRU-B'] }),
      ]);
      const wildcard = await call('GET', '/api/v1/animators?q=%25', w.tokens.admin);
      expect(wildcard.body.items).toEqual([]);
      const atB = await call('GET', '/api/v1/animators?spaceRef=BRU-B', w.tokens.coordB);
      expect(atB.body.items.map((i: any) => i.ref).sort()).toEqual(['ANIM-BOB', 'ANIM-SHARED']);
      expect(atB.body.total).toBe(2);
    });

    it('refuses coordinator A a list filtered on BRU-B, and BRU-B’s space list', async () => {
      const list = await call('GET', '/api/v1/animators?spaceRef=BRU-B', w.tokens.coordA);
      expect(list.status).toBe(403);
      const spaceList = await call('GET', '/api/v1/spaces/BRU-B/animators', w.tokens.coordA);
      expect(spaceList.status).toBe(403);
    });
  });

  describe('coordinator A and coordinator B’s animators', () => {
    it('cannot read, update or delete an animator of BRU-B only, and nothing changes', async () => {
      const before = await tables();
      for (const [method, path, body] of [
        ['GET', '/api/v1/animators/ANIM-BOB', undefined],
        ['PATCH', '/api/v1/animators/ANIM-BOB', { name: 'Hacked', version: 1 }],
        ['GET', '/api/v1/animators/ANIM-BOB/export', undefined],
        ['POST', '/api/v1/animators/ANIM-BOB/anonymise', undefined],
        [
          'POST',
          '/api/v1/animators/ANIM-BOB/assignments',
          { spaceRef: 'BRU-A', role: 'animator', fte: 0.1, qualified: false, startsOn: '2026-01-01' },
        ],
        ['PATCH', `/api/v1/animators/ANIM-BOB/assignments/${bobAtB.id}`, { fte: 0.1, version: 1 }],
        ['DELETE', `/api/v1/animators/ANIM-BOB/assignments/${bobAtB.id}`, undefined],
      ] as const) {
        const res = await call(method, path, w.tokens.coordA, body);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      }
      expect(await tables()).toEqual(before);
    });

    it('cannot change or delete the shared animator’s BRU-B assignment, nor add one at BRU-B', async () => {
      const before = await tables();
      const patched = await call(
        'PATCH',
        `/api/v1/animators/ANIM-SHARED/assignments/${marieAtB.id}`,
        w.tokens.coordA,
        {
          fte: 1,
          version: 1,
        },
      );
      expect(patched.status).toBe(404);
      expect(patched.body.code).toBe('ANIMATORS.ASSIGNMENT_NOT_FOUND');
      const deleted = await call(
        'DELETE',
        `/api/v1/animators/ANIM-SHARED/assignments/${marieAtB.id}`,
        w.tokens.coordA,
      );
      expect(deleted.status).toBe(404);
      // Bob's assignment through Marie's ref: the assignment is looked up by animator AND id.
      const crossed = await call(
        'DELETE',
        `/api/v1/animators/ANIM-SHARED/assignments/${bobAtB.id}`,
        w.tokens.staffBRU,
      );
      expect(crossed.status).toBe(404);
      const added = await call('POST', '/api/v1/animators/ANIM-SHARED/assignments', w.tokens.coordA, {
        spaceRef: 'BRU-B',
        role: 'animator',
        fte: 0.2,
        qualified: true,
        startsOn: '2026-02-01',
      });
      expect(added.status).toBe(403);
      const created = await call('POST', '/api/v1/animators', w.tokens.coordA, {
        ref: 'ANIM-SNEAK',
        name: 'Sneaky',
        spaceRef: 'BRU-B',
        role: 'animator',
        fte: 0.2,
        qualified: true,
        startsOn: '2026-02-01',
      });
      expect(created.status).toBe(403);
      expect(await tables()).toEqual(before);
    });

    it('cannot change the person’s fields with a stale version', async () => {
      // Bob works at BRU-B only, so coordinator B may change him as a person (Marie is shared: 403).
      const before = await tables();
      const res = await call('PATCH', '/api/v1/animators/ANIM-BOB', w.tokens.coordB, {
        phone: null,
        version: 7,
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ANIMATORS.VERSION_CONFLICT');
      expect(await tables()).toEqual(before);
    });
  });

  it('lets coordinator A work on animators and assignments at the antenna BRU-A1', async () => {
    const created = await create(w.tokens.coordA, {
      ref: 'ANIM-A1',
      name: 'Sofia Haddad',
      spaceRef: 'BRU-A1',
      role: 'animator',
      contract: 'social_economy',
      fte: 0.6,
      qualified: false,
      startsOn: '2026-01-05',
    });
    expect(created.assignments.map((a: any) => a.spaceRef)).toEqual(['BRU-A1']);
    const second = await addAssignment(w.tokens.coordA, 'ANIM-A1', {
      spaceRef: 'BRU-A',
      role: 'volunteer',
      contract: 'volunteer',
      fte: 0.1,
      qualified: false,
      startsOn: '2026-02-01',
    });
    const patched = await call(
      'PATCH',
      `/api/v1/animators/ANIM-A1/assignments/${created.assignments[0].id}`,
      w.tokens.coordA,
      {
        qualified: true,
        endsOn: '2026-12-31',
        version: 1,
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ qualified: true, endsOn: '2026-12-31', version: 2 });
    const person = await call('PATCH', '/api/v1/animators/ANIM-A1', w.tokens.coordA, {
      email: 'sofia.haddad@bxl.example.be',
      version: 1,
    });
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ email: 'sofia.haddad@bxl.example.be', version: 2 });
    const deleted = await call(
      'DELETE',
      `/api/v1/animators/ANIM-A1/assignments/${second.id}`,
      w.tokens.coordA,
    );
    expect(deleted.status).toBe(204);
    expect(await w.sql(`SELECT 1 FROM animator_assignments WHERE id = $1`, [second.id])).toEqual([]);
    const atA1 = await call('GET', '/api/v1/spaces/BRU-A1/animators', w.tokens.coordA);
    expect(atA1.status).toBe(200);
    expect(atA1.body.items.map((i: any) => [i.animatorRef, i.animatorName])).toEqual([
      ['ANIM-A1', 'Sofia Haddad'],
    ]);
    const trail = await w.sql(
      `SELECT action, region_code, after::text AS after FROM audit_log WHERE entity = 'animator'
       AND entity_id = (SELECT id::text FROM animators WHERE ref = 'ANIM-A1') ORDER BY id`,
    );
    expect(trail.map((e) => [e.action, e.region_code])).toEqual([
      ['create', 'BRU'],
      ['update', 'BRU'],
    ]);
    expect(trail[1].after).toContain('"email": "[changed]"');
    expect(trail.map((e) => e.after).join()).not.toContain('sofia');
  });

  it('keeps BRU staff away from WAL-C’s animator, and nothing changes', async () => {
    const before = await tables();
    const [{ id: jeanAssignment }] = await w.sql(
      `SELECT x.id FROM animator_assignments x JOIN animators a ON a.id = x.animator_id WHERE a.ref = 'ANIM-WAL'`,
    );
    for (const [method, path, body] of [
      ['GET', '/api/v1/animators/ANIM-WAL', undefined],
      ['PATCH', '/api/v1/animators/ANIM-WAL', { name: 'X', version: 1 }],
      ['GET', '/api/v1/animators/ANIM-WAL/export', undefined],
      ['POST', '/api/v1/animators/ANIM-WAL/anonymise', undefined],
      ['PATCH', `/api/v1/animators/ANIM-WAL/assignments/${jeanAssignment}`, { fte: 0.1, version: 1 }],
      ['DELETE', `/api/v1/animators/ANIM-WAL/assignments/${jeanAssignment}`, undefined],
      ['GET', '/api/v1/spaces/WAL-C/animators', undefined],
    ] as const) {
      const res = await call(method, path, w.tokens.staffBRU, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
    }
    expect(await tables()).toEqual(before);
  });

  it('shows an animator without any assignment to admins only', async () => {
    const solo = await create(w.tokens.admin, {
      ref: 'ANIM-SOLO',
      name: 'Solo Person',
      spaceRef: 'BRU-A',
      role: 'animator',
      fte: 0.2,
      qualified: false,
      startsOn: '2026-01-01',
    });
    expect((await call('GET', '/api/v1/animators/ANIM-SOLO', w.tokens.coordA)).status).toBe(200);
    const removed = await call(
      'DELETE',
      `/api/v1/animators/ANIM-SOLO/assignments/${solo.assignments[0].id}`,
      w.tokens.coordA,
    );
    expect(removed.status).toBe(204);
    expect((await call('GET', '/api/v1/animators/ANIM-SOLO', w.tokens.coordA)).status).toBe(403);
    expect((await call('GET', '/api/v1/animators/ANIM-SOLO', w.tokens.staffBRU)).status).toBe(403);
    const admin = await call('GET', '/api/v1/animators/ANIM-SOLO', w.tokens.admin);
    expect(admin.status).toBe(200);
    expect(admin.body.assignments).toEqual([]);
    const adminList = await call('GET', '/api/v1/animators?q=solo', w.tokens.admin);
    expect(adminList.body.items.map((i: any) => i.ref)).toEqual(['ANIM-SOLO']);
    const staffList = await call('GET', '/api/v1/animators?q=solo', w.tokens.staffBRU);
    expect(staffList.body.items).toEqual([]);
    const unknown = await call('GET', '/api/v1/animators/ANIM-NOBODY', w.tokens.admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ANIMATORS.NOT_FOUND');
  });

  describe('validation and conflicts', () => {
    const person = {
      ref: 'ANIM-NEW',
      name: 'New Person',
      spaceRef: 'BRU-A',
      role: 'animator',
      fte: 0.5,
      qualified: true,
      startsOn: '2026-03-01',
    };

    it('names the fields of bad input with 400, never 500, and writes nothing', async () => {
      const before = await tables();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ...person, fte: 1.5 }, 'fte'],
        [{ ...person, fte: -0.1 }, 'fte'],
        [{ ...person, fte: 0.1234 }, 'fte'],
        [{ ...person, role: 'boss' }, 'role'],
        [{ ...person, contract: 'freelance' }, 'contract'],
        [{ ...person, startsOn: '2026-02-30' }, 'startsOn'],
        [{ ...person, endsOn: '2026-02-28' }, 'endsOn'],
        [{ ...person, email: 'not-an-email' }, 'email'],
        [{ ...person, qualifications: 'Forem' }, 'qualifications'],
        [{ ...person, name: '' }, 'name'],
        [{ ...person, spaceRef: undefined }, 'spaceRef'],
        [{ ...person, ref: 'has space' }, 'ref'],
      ];
      for (const [body, field] of cases) {
        const res = await call('POST', '/api/v1/animators', w.tokens.coordA, body);
        expect({ field, status: res.status, code: res.body.code }).toEqual({
          field,
          status: 400,
          code: 'VALIDATION.FAILED',
        });
        expect(res.body.details.map((d: any) => d.field)).toContain(field);
      }
      const unknownSpace = await call('POST', '/api/v1/animators', w.tokens.admin, {
        ...person,
        spaceRef: 'NOPE',
      });
      expect(unknownSpace.status).toBe(404);
      expect(unknownSpace.body.code).toBe('SPACES.NOT_FOUND');
      expect(await tables()).toEqual(before);
    });

    it('refuses a duplicate ref and a duplicate (animator, space, start) with 409', async () => {
      const dup = await call('POST', '/api/v1/animators', w.tokens.coordA, { ...person, ref: 'ANIM-SHARED' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('ANIMATORS.REF_TAKEN');
      const again = await call('POST', '/api/v1/animators/ANIM-SHARED/assignments', w.tokens.coordA, {
        spaceRef: 'BRU-A',
        role: 'volunteer',
        fte: 0.1,
        qualified: false,
        startsOn: '2025-01-06',
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ANIMATORS.ASSIGNMENT_EXISTS');
    });

    it('checks the merged dates and the version of an assignment change', async () => {
      const [assignment] = (await call('GET', '/api/v1/animators/ANIM-SHARED', w.tokens.coordA)).body
        .assignments;
      const early = await call(
        'PATCH',
        `/api/v1/animators/ANIM-SHARED/assignments/${assignment.id}`,
        w.tokens.coordA,
        {
          endsOn: '2024-12-31',
          version: assignment.version,
        },
      );
      expect(early.status).toBe(400);
      expect(early.body.details[0].field).toBe('endsOn');
      const stale = await call(
        'PATCH',
        `/api/v1/animators/ANIM-SHARED/assignments/${assignment.id}`,
        w.tokens.coordA,
        {
          fte: 0.4,
          version: assignment.version + 1,
        },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('ANIMATORS.VERSION_CONFLICT');
      const badId = await call('PATCH', '/api/v1/animators/ANIM-SHARED/assignments/123', w.tokens.coordA, {
        fte: 0.4,
        version: 1,
      });
      expect(badId.status).toBe(400);
      expect(badId.body.details[0].field).toBe('id');
      const after = (await call('GET', '/api/v1/animators/ANIM-SHARED', w.tokens.coordA)).body.assignments[0];
      expect(after).toEqual(assignment);
    });
  });

  describe('who animates a space on a day', () => {
    beforeAll(async () => {
      // A part-timer at BRU-A in January 2026, with two overlapping assignments from mid-January.
      await create(w.tokens.coordA, {
        ref: 'ANIM-PART',
        name: 'Part Timer',
        spaceRef: 'BRU-A',
        role: 'animator',
        fte: 0.25,
        qualified: false,
        startsOn: '2026-01-01',
        endsOn: '2026-01-31',
      });
      await addAssignment(w.tokens.coordA, 'ANIM-PART', {
        spaceRef: 'BRU-A',
        role: 'volunteer',
        fte: 0.1,
        qualified: false,
        startsOn: '2026-01-15',
        endsOn: '2026-01-31',
      });
    });

    it('lists the assignments running that day and sums them, counting each person once', async () => {
      const lastDay = await call('GET', '/api/v1/spaces/BRU-A/animators?on=2026-01-31', w.tokens.coordA);
      expect(lastDay.status).toBe(200);
      expect(lastDay.body.on).toBe('2026-01-31');
      expect(lastDay.body.items.map((i: any) => [i.animatorRef, i.fte, i.qualified])).toEqual([
        ['ANIM-SHARED', 0.5, true],
        ['ANIM-PART', 0.25, false],
        ['ANIM-PART', 0.1, false],
      ]);
      expect(lastDay.body.items[0].animatorName).toBe('Marie Dubois');
      expect(lastDay.body.summary).toEqual({
        on: '2026-01-31',
        animators: 2,
        fte: 0.85,
        qualifiedAnimators: 1,
      });
      const dayAfter = await call('GET', '/api/v1/spaces/BRU-A/animators?on=2026-02-01', w.tokens.coordA);
      expect(dayAfter.body.summary).toEqual({
        on: '2026-02-01',
        animators: 1,
        fte: 0.5,
        qualifiedAnimators: 1,
      });
      expect(dayAfter.body.items.map((i: any) => i.animatorRef)).toEqual(['ANIM-SHARED']);
    });

    it('lists every assignment without a day, and summarises today', async () => {
      const all = await call('GET', '/api/v1/spaces/BRU-A/animators', w.tokens.coordA);
      expect(all.body.on).toBeNull();
      expect(all.body.items.map((i: any) => i.animatorRef)).toEqual(
        expect.arrayContaining(['ANIM-SHARED', 'ANIM-PART']),
      );
      expect(all.body.summary.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  describe('export and anonymisation of Marie', () => {
    const summaries = async () => {
      const result: Record<string, unknown> = {};
      for (const space of ['BRU-A', 'BRU-B', 'WAL-C']) {
        for (const on of ['2025-06-01', '2026-01-31', '2026-03-01']) {
          const res = await call('GET', `/api/v1/spaces/${space}/animators?on=${on}`, w.tokens.admin);
          result[`${space} ${on}`] = {
            summary: res.body.summary,
            items: res.body.items.map((i: any) => [i.id, i.fte, i.qualified, i.role, i.startsOn, i.endsOn]),
          };
        }
      }
      return result;
    };
    const totals = () =>
      w.sql(
        `SELECT count(*)::int AS assignments, sum(fte)::text AS fte, count(*) FILTER (WHERE qualified)::int AS qualified,
                count(DISTINCT animator_id)::int AS animators
         FROM animator_assignments`,
      );

    it('is for staff only', async () => {
      expect((await call('GET', '/api/v1/animators/ANIM-SHARED/export', w.tokens.coordA)).status).toBe(403);
      expect((await call('POST', '/api/v1/animators/ANIM-SHARED/anonymise', w.tokens.coordA)).status).toBe(
        403,
      );
    });

    // Marie also works in WAL-C, so BRU staff may neither export nor anonymise her: an admin does it
    // (see 'a person shared between two regions' below).
    it('exports everything held about the person, and records the read', async () => {
      const res = await call('GET', '/api/v1/animators/ANIM-SHARED/export', w.tokens.admin);
      expect(res.status).toBe(200);
      expect(res.body.person).toMatchObject({ id: marieId, ...MARIE, anonymisedAt: null });
      // Every assignment, at any space.
      expect(res.body.assignments.map((a: any) => [a.spaceRef, a.spaceName, a.role, a.fte])).toEqual([
        ['BRU-A', 'EPN Bruxelles-Centre', 'animator', 0.5],
        ['BRU-B', 'OCR Elsene', 'project_lead', 0.3],
        ['WAL-C', 'EPN de Liège', 'volunteer', 0.1],
      ]);
      // The earlier tests' reads of Marie (single and in lists) are on the trail too.
      const entries = res.body.auditEntries.map((e: any) => [e.entity, e.action]);
      expect(entries.filter(([, action]: string[]) => action !== 'read')).toEqual([
        ['animator', 'create'],
        ['assignment', 'create'],
        ['assignment', 'create'],
        ['assignment', 'create'],
      ]);
      expect(entries.at(-1)).toEqual(['animator', 'read']);
      const [exportRead] = await w.sql(
        `SELECT actor_user_id, region_code, before, after FROM audit_log
         WHERE entity = 'animator' AND entity_id = $1 AND action = 'read' ORDER BY id DESC LIMIT 1`,
        [marieId],
      );
      expect(exportRead).toEqual({
        actor_user_id: w.users.admin,
        region_code: 'BRU',
        before: null,
        after: null,
      });
    });

    it('records every read of a person by a single look-up or in a list, by whom', async () => {
      const reads = async () =>
        (
          await w.sql(
            `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'animator' AND entity_id = $1 AND action = 'read'`,
            [marieId],
          )
        )[0].n as number;
      const before = await reads();
      expect((await call('GET', '/api/v1/animators/ANIM-SHARED', w.tokens.coordA)).status).toBe(200);
      expect(await reads()).toBe(before + 1);
      const listed = await call('GET', '/api/v1/animators?q=Marie', w.tokens.staffBRU);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((a: any) => a.ref)).toContain('ANIM-SHARED');
      expect(await reads()).toBe(before + 2);
      const [last] = await w.sql(
        `SELECT actor_user_id, region_code FROM audit_log
         WHERE entity = 'animator' AND entity_id = $1 AND action = 'read' ORDER BY id DESC LIMIT 1`,
        [marieId],
      );
      expect(last).toEqual({ actor_user_id: w.users.staffBRU, region_code: 'BRU' });
      // A refused read records nothing.
      expect((await call('GET', '/api/v1/animators/ANIM-SHARED')).status).toBe(401);
      expect(await reads()).toBe(before + 2);
    });

    it('erases name and contact everywhere, replaces the ref, and changes no figure', async () => {
      const figuresBefore = await summaries();
      const totalsBefore = await totals();
      const res = await call('POST', '/api/v1/animators/ANIM-SHARED/anonymise', w.tokens.admin);
      expect(res.status).toBe(200);
      expect(res.body.ref).toMatch(/^ANON-[0-9A-F]{8}$/);
      expect(res.body.anonymisedAt).toEqual(expect.any(String));

      const [row] = await w.sql(`SELECT * FROM animators WHERE id = $1`, [marieId]);
      expect(row).toMatchObject({
        ref: res.body.ref,
        name: null,
        email: null,
        phone: null,
        qualifications: [],
        anonymised_at: expect.any(Date),
      });
      for (const value of [
        MARIE.name,
        MARIE.email,
        MARIE.phone,
        MARIE.ref,
        ...MARIE.qualifications,
        'Dubois',
      ]) {
        const hits = await w.sql(`SELECT count(*)::int AS n FROM audit_log a WHERE a::text ILIKE $1`, [
          `%${value}%`,
        ]);
        expect({ value, hits: hits[0].n }).toEqual({ value, hits: 0 });
        const inTable = await w.sql(`SELECT count(*)::int AS n FROM animators a WHERE a::text ILIKE $1`, [
          `%${value}%`,
        ]);
        expect({ value, inTable: inTable[0].n }).toEqual({ value, inTable: 0 });
      }
      const [entry] = await w.sql(
        `SELECT before, after, region_code FROM audit_log WHERE entity = 'animator' AND entity_id = $1 AND action = 'anonymise'`,
        [marieId],
      );
      expect(entry.before).toMatchObject({ name: '[changed]', email: '[changed]', ref: '[changed]' });
      expect(entry.after).toMatchObject({ name: null, email: null, phone: null, ref: res.body.ref });

      expect(await totals()).toEqual(totalsBefore);
      expect(await summaries()).toEqual(figuresBefore);

      const old = await call('GET', '/api/v1/animators/ANIM-SHARED', w.tokens.admin);
      expect(old.status).toBe(404);
      const renamed = await call('GET', `/api/v1/animators/${res.body.ref}`, w.tokens.coordA);
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: null, email: null, phone: null, qualifications: [] });
      expect(renamed.body.assignments.map((a: any) => [a.spaceRef, a.fte, a.qualified])).toEqual([
        ['BRU-A', 0.5, true],
      ]);
      const exported = await call('GET', `/api/v1/animators/${res.body.ref}/export`, w.tokens.admin);
      expect(exported.body.person).toMatchObject({ name: null, email: null });
      expect(exported.body.assignments).toHaveLength(3);
    });

    it('refuses to anonymise twice, and to fill in name or contact afterwards', async () => {
      const [{ ref, version }] = await w.sql(`SELECT ref, version FROM animators WHERE id = $1`, [marieId]);
      const before = await tables();
      const twice = await call('POST', `/api/v1/animators/${ref}/anonymise`, w.tokens.admin);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('ANIMATORS.ALREADY_ANONYMISED');
      for (const change of [
        { name: 'Marie Dubois' },
        { email: 'marie@example.be' },
        { phone: '02 555 00 00' },
      ]) {
        const res = await call('PATCH', `/api/v1/animators/${ref}`, w.tokens.admin, { ...change, version });
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('ANIMATORS.ANONYMISED');
      }
      expect(await tables()).toEqual(before);
    });
  });
  describe('a person shared between two regions', () => {
    // Claire works at BRU-B and WAL-C; Paul at BRU-B only. Each test starts from these rows.
    let claire: any;
    let claireAtB: any;
    let paul: any;
    const CLAIRE = {
      ref: 'ANIM-TWO-REGIONS',
      name: 'Claire Martin',
      email: 'claire.martin@ixelles.example.be',
    };
    const sharedRefusal = (res: { status: number; body: any }) => ({
      status: res.status,
      code: res.body.code,
    });
    const SHARED = { status: 403, code: 'ANIMATORS.SHARED_PERSON' };
    const everything = async () => ({
      ...(await tables()),
      trail: await w.sql(`SELECT count(*)::int AS n FROM audit_log`),
    });

    beforeAll(async () => {
      claire = await create(w.tokens.admin, {
        ...CLAIRE,
        spaceRef: 'BRU-B',
        role: 'animator',
        contract: 'employee',
        fte: 0.5,
        qualified: true,
        startsOn: '2025-02-03',
      });
      claireAtB = claire.assignments[0];
      await addAssignment(w.tokens.admin, CLAIRE.ref, {
        spaceRef: 'WAL-C',
        role: 'animator',
        contract: 'employee',
        fte: 0.4,
        qualified: true,
        startsOn: '2025-02-03',
      });
      paul = await create(w.tokens.coordB, {
        ref: 'ANIM-BRU-B-ONLY',
        name: 'Paul Janssens',
        email: 'paul.janssens@elsene.example.be',
        spaceRef: 'BRU-B',
        role: 'animator',
        fte: 0.5,
        qualified: false,
        startsOn: '2025-04-01',
      });
    });

    it('refuses a coordinator and the staff of either region a change to the person, and changes nothing', async () => {
      const before = await everything();
      for (const caller of ['coordB', 'staffBRU', 'staffWAL'] as const) {
        for (const change of [
          { name: 'Hijacked' },
          { email: 'hijacked@evil.example' },
          { phone: '+32 2 555 66 77' },
          { qualifications: ['Forged'] },
        ]) {
          const res = await call('PATCH', `/api/v1/animators/${CLAIRE.ref}`, w.tokens[caller], {
            ...change,
            version: claire.version,
          });
          expect({ caller, change, ...sharedRefusal(res) }).toEqual({ caller, change, ...SHARED });
        }
        // Refused before the version is looked at: reloading would not help.
        const stale = await call('PATCH', `/api/v1/animators/${CLAIRE.ref}`, w.tokens[caller], {
          email: 'hijacked@evil.example',
          version: claire.version + 5,
        });
        expect({ caller, ...sharedRefusal(stale) }).toEqual({ caller, ...SHARED });
      }
      expect(await everything()).toEqual(before);
    });

    it('refuses the staff of either region the export and the anonymisation, and changes nothing', async () => {
      const before = await everything();
      for (const caller of ['staffBRU', 'staffWAL'] as const) {
        for (const [method, path] of [
          ['GET', `/api/v1/animators/${CLAIRE.ref}/export`],
          ['POST', `/api/v1/animators/${CLAIRE.ref}/anonymise`],
        ]) {
          const res = await call(method, path, w.tokens[caller]);
          expect({ caller, path, ...sharedRefusal(res) }).toEqual({ caller, path, ...SHARED });
          // No partial export: nothing about the person comes back.
          expect(JSON.stringify(res.body)).not.toContain('Claire');
          expect(JSON.stringify(res.body)).not.toContain('WAL-C');
        }
      }
      // Coordinators may never export or anonymise (a staff route).
      for (const [method, path] of [
        ['GET', `/api/v1/animators/${CLAIRE.ref}/export`],
        ['POST', `/api/v1/animators/${CLAIRE.ref}/anonymise`],
      ]) {
        const res = await call(method, path, w.tokens.coordB);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
      expect(await everything()).toEqual(before);
    });

    it('says why in the caller’s language', async () => {
      const res = await api(t.baseUrl, 'POST', `/api/v1/animators/${CLAIRE.ref}/anonymise`, {
        token: w.tokens.staffWAL,
        headers: { 'accept-language': 'fr' },
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ANIMATORS.SHARED_PERSON');
      expect(res.body.message).toContain('travaille aussi dans un espace que vous ne gérez pas');
      const en = await api(t.baseUrl, 'GET', `/api/v1/animators/${CLAIRE.ref}/export`, {
        token: w.tokens.staffBRU,
        headers: { 'accept-language': 'en' },
      });
      expect(en.body.message).toContain('also works at a space you do not manage');
    });

    it('still lets them read the person and work on their own assignment', async () => {
      const read = await call('GET', `/api/v1/animators/${CLAIRE.ref}`, w.tokens.coordB);
      expect(read.status).toBe(200);
      expect(read.body.assignments.map((a: any) => a.spaceRef)).toEqual(['BRU-B']);
      const own = await call(
        'PATCH',
        `/api/v1/animators/${CLAIRE.ref}/assignments/${claireAtB.id}`,
        w.tokens.coordB,
        { fte: 0.6, version: claireAtB.version },
      );
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ fte: 0.6 });
      // Sending the person's fields back unchanged is not a change to the person.
      const unchanged = await call('PATCH', `/api/v1/animators/${CLAIRE.ref}`, w.tokens.staffWAL, {
        name: CLAIRE.name,
        email: CLAIRE.email,
        version: claire.version,
      });
      expect(unchanged.status).toBe(200);
      expect(unchanged.body).toMatchObject({ name: CLAIRE.name, email: CLAIRE.email });
      claire = unchanged.body;
    });

    it('lets an admin change, export and anonymise the shared person', async () => {
      const patched = await call('PATCH', `/api/v1/animators/${CLAIRE.ref}`, w.tokens.admin, {
        email: 'claire.martin@liege.example.be',
        version: claire.version,
      });
      expect(patched.status).toBe(200);
      expect(patched.body.email).toBe('claire.martin@liege.example.be');
      const exported = await call('GET', `/api/v1/animators/${CLAIRE.ref}/export`, w.tokens.admin);
      expect(exported.status).toBe(200);
      expect(exported.body.assignments.map((a: any) => a.spaceRef)).toEqual(['BRU-B', 'WAL-C']);
      const anonymised = await call('POST', `/api/v1/animators/${CLAIRE.ref}/anonymise`, w.tokens.admin);
      expect(anonymised.status).toBe(200);
      const [row] = await w.sql(
        `SELECT name, email FROM animators WHERE id = (
        SELECT animator_id FROM animator_assignments WHERE id = $1)`,
        [claireAtB.id],
      );
      expect(row).toEqual({ name: null, email: null });
    });

    it('lets coordinator B and BRU staff act on a person who works at BRU-B only', async () => {
      const renamed = await call('PATCH', `/api/v1/animators/${paul.ref}`, w.tokens.coordB, {
        name: 'Paul Janssens-Peeters',
        email: 'p.janssens@elsene.example.be',
        version: paul.version,
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({
        name: 'Paul Janssens-Peeters',
        email: 'p.janssens@elsene.example.be',
      });
      const again = await call('PATCH', `/api/v1/animators/${paul.ref}`, w.tokens.staffBRU, {
        email: 'paul@elsene.example.be',
        version: renamed.body.version,
      });
      expect(again.status).toBe(200);
      const exported = await call('GET', `/api/v1/animators/${paul.ref}/export`, w.tokens.staffBRU);
      expect(exported.status).toBe(200);
      expect(exported.body.person).toMatchObject({
        name: 'Paul Janssens-Peeters',
        email: 'paul@elsene.example.be',
      });
      expect(exported.body.assignments.map((a: any) => a.spaceRef)).toEqual(['BRU-B']);
      // WAL staff cannot reach him at all (the 'animator' scope).
      expect((await call('GET', `/api/v1/animators/${paul.ref}/export`, w.tokens.staffWAL)).status).toBe(403);
      const anonymised = await call('POST', `/api/v1/animators/${paul.ref}/anonymise`, w.tokens.staffBRU);
      expect(anonymised.status).toBe(200);
      expect(anonymised.body.ref).toMatch(/^ANON-[0-9A-F]{8}$/);
    });
  });
});
