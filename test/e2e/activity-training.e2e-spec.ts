import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

const session = {
  ref: 'WS-2026-01',
  date: '2026-03-04',
  title: 'Veilig online bankieren',
  theme: 'online_safety',
  format: 'workshop',
  durationHours: 2.5,
  participants: 8,
  newParticipants: 5,
  language: 'nl',
};

describe('training sessions (real HTTP, real PostgreSQL)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const path = (space: string, ref = '') =>
    `/api/v1/spaces/${space}/training-sessions${ref ? `/${ref}` : ''}`;
  const sessionsOf = (space: string) =>
    w.sql(
      `SELECT t.ref, t.participants, t.version FROM training_sessions t JOIN spaces s ON s.id = t.space_id
       WHERE s.ref = $1 ORDER BY t.ref`,
      [space],
    );

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    const [animator] = await w.sql(
      `INSERT INTO animators (ref, name) VALUES ('AN-1', 'Sam Peeters') RETURNING id`,
    );
    await w.sql(
      `INSERT INTO animator_assignments (animator_id, space_id, role, fte, starts_on) VALUES ($1, $2, 'animator', 0.5, '2020-01-01')`,
      [animator.id, w.spaces.A.id],
    );
  });
  afterAll(() => t?.close());

  it('creates a session with its animators, reads it, and refuses the same ref twice', async () => {
    const created = await api(t.baseUrl, 'POST', path('BRU-A'), {
      token: w.tokens.coordA,
      body: { ...session, animatorRefs: ['AN-1'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...session, spaceRef: 'BRU-A', animatorRefs: ['AN-1'], version: 1 });
    const again = await api(t.baseUrl, 'POST', path('BRU-A'), { token: w.tokens.coordA, body: session });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TRAINING.REF_TAKEN');
    const read = await api(t.baseUrl, 'GET', path('BRU-A', session.ref), { token: w.tokens.coordA });
    expect(read.body.title).toBe(session.title);
    const list = await api(t.baseUrl, 'GET', `${path('BRU-A')}?from=2026-01-01&to=2026-12-31`, {
      token: w.tokens.coordA,
    });
    expect(list.body.items.map((s: { ref: string }) => s.ref)).toEqual([session.ref]);
  });

  it.each([
    [
      'more new participants than participants',
      { newParticipants: 9 },
      'newParticipants',
      /New participants \(9\) cannot be more than participants \(8\)/,
    ],
    ['a duration of 0', { durationHours: 0 }, 'durationHours', /more than 0 and at most 24 hours/],
    ['a duration above 24 hours', { durationHours: 25 }, 'durationHours', /more than 0 and at most 24 hours/],
    // Stored in hundredths of an hour: 0.001 became 0.00 and broke the table's check (a 500).
    ['a duration of 0.001 hours', { durationHours: 0.001 }, 'durationHours', /at most 2 decimals/],
    ['a duration of 23.999 hours', { durationHours: 23.999 }, 'durationHours', /at most 2 decimals/],
    [
      'an animator who does not work there',
      { animatorRefs: ['AN-404'] },
      'animatorRefs',
      /do not work at this space: AN-404/,
    ],
    ['an unknown theme', { theme: 'cooking' }, 'theme', /theme/],
  ])('refuses %s, naming the field', async (_name, change, field, message) => {
    const res = await api(t.baseUrl, 'POST', path('BRU-A'), {
      token: w.tokens.coordA,
      body: { ...session, ref: 'WS-BAD', ...change },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]),
    );
    expect((await sessionsOf('BRU-A')).map((s) => s.ref)).not.toContain('WS-BAD');
  });

  it('updates with the version read, and answers 409 to a stale one', async () => {
    const updated = await api(t.baseUrl, 'PATCH', path('BRU-A', session.ref), {
      token: w.tokens.coordA,
      body: { participants: 10, version: 1 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      participants: 10,
      newParticipants: 5,
      version: 2,
      animatorRefs: ['AN-1'],
    });
    const stale = await api(t.baseUrl, 'PATCH', path('BRU-A', session.ref), {
      token: w.tokens.coordA,
      body: { participants: 12, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(await sessionsOf('BRU-A')).toEqual([{ ref: session.ref, participants: 10, version: 2 }]);
  });

  it('keeps other spaces out of reach (403/404, nothing changed)', async () => {
    const before = await sessionsOf('BRU-A');
    expect((await api(t.baseUrl, 'GET', path('BRU-A', session.ref), { token: w.tokens.coordB })).status).toBe(
      403,
    );
    expect(
      (
        await api(t.baseUrl, 'PATCH', path('BRU-A', session.ref), {
          token: w.tokens.coordB,
          body: { participants: 1, version: 2 },
        })
      ).status,
    ).toBe(403);
    expect(
      (await api(t.baseUrl, 'DELETE', path('BRU-A', session.ref), { token: w.tokens.staffWAL })).status,
    ).toBe(403);
    expect((await api(t.baseUrl, 'GET', path('BRU-A'), { token: w.tokens.coordB })).status).toBe(403);
    // Through their own space, B cannot reach A's session either.
    expect((await api(t.baseUrl, 'GET', path('BRU-B', session.ref), { token: w.tokens.coordB })).status).toBe(
      404,
    );
    expect((await api(t.baseUrl, 'GET', path('BRU-A'))).status).toBe(401);
    expect(await sessionsOf('BRU-A')).toEqual(before);
  });

  it('deletes a session and records it in the audit trail', async () => {
    const res = await api(t.baseUrl, 'DELETE', path('BRU-A', session.ref), { token: w.tokens.staffBRU });
    expect(res.status).toBe(204);
    expect(await sessionsOf('BRU-A')).toEqual([]);
    const trail = await w.sql(
      `SELECT action FROM audit_log WHERE entity = 'training_session' AND entity_id = $1 ORDER BY id`,
      [`BRU-A/${session.ref}`],
    );
    expect(trail.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });
});
