import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

const WEEK = '2026-W10';
const valid = {
  openingHours: 17,
  hoursWithAnimator: 15,
  animatorHours: 30,
  visits: 120,
  visitsIctLearning: 40,
  visitsJobSearch: 30,
  visitsLeisureCulture: 20,
  visitsHousingElearning: 10,
  visitsAdministrative: 10,
  visitorsWomen: 60,
  visitorsJobSeekers: 25,
  visitorsSeniors: 15,
  visitorsYouth: 30,
  mobileActions: 1,
};

describe('weekly activity (real HTTP, real PostgreSQL)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const put = (token: string, body: unknown, ref = 'BRU-A', week = WEEK, lang = 'en') =>
    api(t.baseUrl, 'PUT', `/api/v1/spaces/${ref}/weeks/${week}`, {
      token,
      body,
      headers: { 'accept-language': lang },
    });
  const rowsOf = (ref: string) =>
    w.sql(
      `SELECT wa.week, wa.visits, wa.version FROM weekly_activity wa JOIN spaces s ON s.id = wa.space_id
       WHERE s.ref = $1 ORDER BY wa.week`,
      [ref],
    );

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
  });
  afterAll(() => t?.close());

  it('creates a week (201), answers 200 for the same figures again, and changes nothing', async () => {
    const first = await put(w.tokens.coordA, valid);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      spaceRef: 'BRU-A',
      week: WEEK,
      visits: 120,
      openingHours: 17,
      version: 1,
    });
    const again = await put(w.tokens.coordA, valid);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    expect(await rowsOf('BRU-A')).toEqual([{ week: WEEK, visits: 120, version: 1 }]);
    const read = await api(t.baseUrl, 'GET', `/api/v1/spaces/BRU-A/weeks/${WEEK}`, {
      token: w.tokens.coordA,
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject(valid);
  });

  it('keeps the old values of a correction in the audit trail', async () => {
    const corrected = await put(w.tokens.coordA, { ...valid, visits: 130 });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ visits: 130, version: 2 });
    const [entry] = await w.sql(
      `SELECT actor, action, before, after FROM audit_log
       WHERE entity = 'weekly_activity' AND entity_id = $1 AND action = 'update'`,
      [`BRU-A/${WEEK}`],
    );
    expect(entry).toMatchObject({
      actor: 'coord-a@example.be',
      before: expect.objectContaining({ visits: 120, version: 1 }),
      after: expect.objectContaining({ visits: 130, version: 2 }),
    });
  });

  it('answers 409 to a replacement carrying a stale version', async () => {
    const stale = await put(w.tokens.coordA, { ...valid, visits: 140, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ACTIVITY.VERSION_CONFLICT');
    expect((await rowsOf('BRU-A'))[0].visits).toBe(130);
  });

  it('keeps 50 parallel PUTs of the same week to one row, answering only 200, 201 or 409', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        put(w.tokens.coordA, { ...valid, visits: 120 + (i % 5) }, 'BRU-A', '2026-W11'),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => [200, 201, 409].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const rows = (await rowsOf('BRU-A')).filter((r) => r.week === '2026-W11');
    expect(rows).toHaveLength(1);
  });

  describe('names each field that breaks a rule, in the caller language', () => {
    const cases: Array<[string, Record<string, unknown>, string, string, RegExp]> = [
      [
        'hours above 168',
        { openingHours: 170, hoursWithAnimator: 10 },
        WEEK,
        'openingHours',
        /from 0 to 168/,
      ],
      [
        'negative hours',
        { openingHours: -2, hoursWithAnimator: null },
        WEEK,
        'openingHours',
        /from 0 to 168/,
      ],
      [
        'animator hours above opening',
        { hoursWithAnimator: 18 },
        WEEK,
        'hoursWithAnimator',
        /cannot be more than the opening hours \(17\)/,
      ],
      ['negative animator hours', { animatorHours: -1 }, WEEK, 'animatorHours', /0 or more/],
      ['a decimal count', { visits: 12.5 }, WEEK, 'visits', /whole number/],
      ['a negative count', { mobileActions: -3 }, WEEK, 'mobileActions', /whole number/],
      [
        'purposes above visits',
        { visitsAdministrative: 21 },
        WEEK,
        'visitsIctLearning',
        /add up to 121, which is more than the 120 visits/,
      ],
      [
        'a profile above visits',
        { visitorsYouth: 121 },
        WEEK,
        'visitorsYouth',
        /cannot be more than the 120 visits/,
      ],
      ['a future week', {}, '2099-W01', 'week', /has not started yet/],
      ['a week before the space opened', {}, '2014-W10', 'week', /was not open in week 2014-W10/],
      ['a week that does not exist', {}, '2025-W53', 'week', /is not a week/],
      [
        'hours with more than 2 decimals',
        { openingHours: 17.125 },
        WEEK,
        'openingHours',
        /at most 2 decimals/,
      ],
      [
        'a tiny number written with an exponent',
        { animatorHours: 1e-7 },
        WEEK,
        'animatorHours',
        /at most 2 decimals/,
      ],
    ];
    it.each(cases)('%s', async (_name, change, week, field, message) => {
      const before = await rowsOf('BRU-A');
      const res = await put(w.tokens.coordA, { ...valid, ...change }, 'BRU-A', week);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION.FAILED');
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]),
      );
      expect(await rowsOf('BRU-A')).toEqual(before);
    });

    it('in Dutch and French too', async () => {
      const nl = await put(w.tokens.coordA, { ...valid, hoursWithAnimator: 18 }, 'BRU-A', WEEK, 'nl-BE');
      expect(nl.body.details[0].message).toBe(
        'De uren met een animator (18) kunnen niet meer zijn dan de openingsuren (17).',
      );
      expect(nl.body.message).toBe('Sommige velden zijn niet juist ingevuld.');
      const fr = await put(w.tokens.coordA, { ...valid, visits: 12.5 }, 'BRU-A', WEEK, 'fr');
      expect(fr.body.details[0].message).toBe(
        'Indiquez un nombre entier de 0 ou plus (vous avez écrit 12,5).',
      );
    });

    it('names the first purpose that holds visits when they add up to more than the visits', async () => {
      const only = {
        openingHours: 10,
        visits: 10,
        visitsJobSearch: 11,
      };
      const res = await put(w.tokens.coordA, only, 'BRU-A', '2026-W20');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'visitsJobSearch', code: 'week.purposes_over_visits' }),
      ]);
    });

    it('says only that a missing required figure is required, not that it has too many decimals', async () => {
      const { openingHours: _omitted, ...rest } = valid;
      const res = await put(w.tokens.coordA, rest, 'BRU-A', '2026-W20');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'openingHours', message: 'openingHours is required' }),
      ]);
      const notANumber = await put(w.tokens.coordA, { ...valid, openingHours: 'ten' }, 'BRU-A', '2026-W20');
      expect(notANumber.body.details).toEqual([
        expect.objectContaining({ field: 'openingHours', message: 'openingHours must be a number' }),
      ]);
      expect((await rowsOf('BRU-A')).map((r) => r.week)).not.toContain('2026-W20');
    });

    it('refuses a text where a number belongs, naming the field', async () => {
      const res = await put(w.tokens.coordA, { ...valid, visits: 'many' });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('visits');
    });
  });

  it('keeps other coordinators and regions out (403/404, nothing stored)', async () => {
    const before = await rowsOf('BRU-A');
    expect((await put(w.tokens.coordB, valid, 'BRU-A', '2026-W12')).status).toBe(403);
    expect((await put(w.tokens.staffWAL, valid, 'BRU-A', '2026-W12')).status).toBe(403);
    expect((await put(w.tokens.coordA, valid, 'BRU-B', '2026-W12')).status).toBe(403);
    expect((await put(w.tokens.coordA, valid, 'NOPE', '2026-W12')).status).toBe(404);
    expect((await api(t.baseUrl, 'PUT', `/api/v1/spaces/BRU-A/weeks/2026-W12`, { body: valid })).status).toBe(
      401,
    );
    expect(await rowsOf('BRU-A')).toEqual(before);
    expect(await rowsOf('BRU-B')).toEqual([]);
    const read = await api(t.baseUrl, 'GET', `/api/v1/spaces/BRU-A/weeks/${WEEK}`, {
      token: w.tokens.coordB,
    });
    expect(read.status).toBe(403);
    // The antenna of a coordinator's space is theirs too; staff of the region may enter it.
    expect((await put(w.tokens.coordA, valid, 'BRU-A1', '2026-W12')).status).toBe(201);
    expect((await put(w.tokens.staffBRU, valid, 'BRU-B', '2026-W12')).status).toBe(201);
  });

  it('takes a week stored before the space closed again as it is, and refuses only a change to it', async () => {
    // BRU-B's 2026-W12 was stored above; the region then dates its closing before that week.
    await w.sql(`UPDATE spaces SET closed_on = '2026-03-01' WHERE ref = 'BRU-B'`);
    try {
      const same = await put(w.tokens.staffBRU, valid, 'BRU-B', '2026-W12');
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(1);
      const changed = await put(w.tokens.staffBRU, { ...valid, visits: 121 }, 'BRU-B', '2026-W12');
      expect(changed.status).toBe(400);
      expect(changed.body.details).toEqual([expect.objectContaining({ code: 'week.space_inactive' })]);
      const fresh = await put(w.tokens.staffBRU, valid, 'BRU-B', '2026-W13');
      expect(fresh.status).toBe(400);
      expect((await rowsOf('BRU-B')).map((r) => [r.week, r.visits, r.version])).toEqual([
        ['2026-W12', 120, 1],
      ]);
    } finally {
      await w.sql(`UPDATE spaces SET closed_on = NULL WHERE ref = 'BRU-B'`);
    }
  });

  it('reads a range of weeks', async () => {
    const res = await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-A/weeks?from=2026-W01&to=2026-W52', {
      token: w.tokens.coordA,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { week: string }) => i.week)).toEqual([WEEK, '2026-W11']);
  });

  it('names each end of a range that is not a real week, in the caller language', async () => {
    const res = await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-A/weeks?from=2025-W53&to=2026-W00', {
      token: w.tokens.coordA,
      headers: { 'accept-language': 'fr' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({
        field: 'from',
        message: expect.stringMatching(/^"2025-W53" n'est pas une semaine/),
      }),
      expect.objectContaining({
        field: 'to',
        message: expect.stringMatching(/^"2026-W00" n'est pas une semaine/),
      }),
    ]);
  });

  it('prefills the hours from the schedule of that very week, minus closures and public holidays', async () => {
    await w.sql(`UPDATE spaces SET opening_hours = $1 WHERE ref = 'BRU-B'`, [
      'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00; PH off; 2026 Mar 11 off',
    ]);
    const normal = await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-B/weeks/2026-W03/prefill', {
      token: w.tokens.coordB,
    });
    expect(normal.body).toEqual({
      week: '2026-W03',
      openingHours: 17,
      hoursWithAnimator: 15,
      fromSchedule: true,
    });
    // 2026-W11: closed on Wednesday 11 March.
    const closure = await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-B/weeks/2026-W11/prefill', {
      token: w.tokens.coordB,
    });
    expect(closure.body).toMatchObject({ openingHours: 14, hoursWithAnimator: 12 });
    // 2026-W15: Easter Monday 6 April is a public holiday.
    const holiday = await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-B/weeks/2026-W15/prefill', {
      token: w.tokens.coordB,
    });
    expect(holiday.body).toMatchObject({ openingHours: 14, hoursWithAnimator: 12 });
  });
});
