import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

describe('reporting completeness (real HTTP, real PostgreSQL)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const record = (spaceId: string, week: string) =>
    w.sql(
      `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, visits)
       VALUES ($1, $2::text, substr($2::text, 1, 4)::int, to_date($2::text, 'IYYY-"W"IW'), 10, 10)`,
      [spaceId, week],
    );

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    // BRU-A: every week of 2020-W50 … 2021-W02 except 2020-W53 (the year's extra week).
    for (const week of ['2020-W50', '2020-W51', '2020-W52', '2021-W01', '2021-W02'])
      await record(w.spaces.A.id, week);
    // BRU-B opened on Sunday 27 December 2020, the last day of 2020-W52, and closed on Monday 4 January 2021.
    await w.sql(`UPDATE spaces SET opened_on = '2020-12-27', closed_on = '2021-01-04' WHERE ref = 'BRU-B'`);
    await record(w.spaces.B.id, '2020-W53');
  });
  afterAll(() => t?.close());

  const region = (token: string, query: string) =>
    api(t.baseUrl, 'GET', `/api/v1/activity/completeness?${query}`, { token });

  it('lists expected and missing weeks per space across a year with ISO week 53', async () => {
    const res = await region(w.tokens.staffBRU, 'region=BRU&from=2020-W50&to=2021-W02');
    expect(res.status).toBe(200);
    const bySpace = Object.fromEntries(res.body.spaces.map((s: { spaceRef: string }) => [s.spaceRef, s]));
    expect(bySpace['BRU-A']).toEqual({
      spaceRef: 'BRU-A',
      name: 'EPN Bruxelles-Centre',
      expectedWeeks: 6,
      reportedWeeks: 5,
      missingWeeks: ['2020-W53'],
      closedWeeks: [],
      completenessPct: 83.3,
    });
    // Open in 2020-W52 (its Sunday), 2020-W53 and 2021-W01 (closed on its Monday); not in 2021-W02.
    expect(bySpace['BRU-B']).toMatchObject({
      expectedWeeks: 3,
      reportedWeeks: 1,
      missingWeeks: ['2020-W52', '2021-W01'],
      completenessPct: 33.3,
    });
    expect(bySpace['BRU-A1'].missingWeeks).toHaveLength(6);
    expect(Object.keys(bySpace)).not.toContain('WAL-C');
  });

  it('counts the open weeks of 2015 (a 53-week year, opened in its week 2) and of 2016 (52 weeks)', async () => {
    const weeks = async (from: string, to: string) =>
      (await region(w.tokens.staffBRU, `region=BRU&from=${from}&to=${to}`)).body.spaces.find(
        (s: { spaceRef: string }) => s.spaceRef === 'BRU-A1',
      ).expectedWeeks;
    expect(await weeks('2015-W02', '2015-W53')).toBe(52); // opened 5 January 2015, in 2015-W02
    expect(await weeks('2016-W01', '2016-W52')).toBe(52);
  });

  it('stops at the last complete week', async () => {
    const res = await region(w.tokens.staffBRU, 'region=BRU&from=2026-W40&to=2030-W01');
    expect(res.body.to).not.toBe('2030-W01');
    const a = res.body.spaces.find((s: { spaceRef: string }) => s.spaceRef === 'BRU-A');
    expect(a.missingWeeks[0]).toBe('2026-W40');
    expect(a.missingWeeks.at(-1)).toBe(res.body.to);
  });

  it('is for regional staff of that region and admins; coordinators read their own space', async () => {
    expect((await region(w.tokens.staffWAL, 'region=BRU&from=2020-W50&to=2021-W02')).status).toBe(403);
    expect((await region(w.tokens.coordA, 'region=BRU&from=2020-W50&to=2021-W02')).status).toBe(403);
    expect((await region(w.tokens.admin, 'region=BRU&from=2020-W50&to=2021-W02')).status).toBe(200);
    const own = await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-A/completeness?from=2020-W50&to=2021-W02', {
      token: w.tokens.coordA,
    });
    expect(own.body.spaces[0]).toMatchObject({ spaceRef: 'BRU-A', missingWeeks: ['2020-W53'] });
    const other = await api(t.baseUrl, 'GET', '/api/v1/spaces/BRU-B/completeness?from=2020-W50&to=2021-W02', {
      token: w.tokens.coordA,
    });
    expect(other.status).toBe(403);
  });

  it('answers a missing region with a 400 naming it, to admins and staff alike (403 is for another region)', async () => {
    for (const token of [w.tokens.admin, w.tokens.staffBRU]) {
      const res = await region(token, 'from=2020-W50&to=2021-W02');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION.FAILED',
        details: [{ field: 'region' }],
        correlationId: expect.any(String),
      });
    }
    expect((await region(w.tokens.coordA, 'from=2020-W50&to=2021-W02')).status).toBe(403);
  });

  it('refuses a week that does not exist with 400', async () => {
    const res = await region(w.tokens.staffBRU, 'region=BRU&from=2021-W53&to=2022-W02');
    expect(res.status).toBe(400);
  });

  it('names the end of the period that is not a real week, in the caller language', async () => {
    const space = (query: string, lang: string) =>
      api(t.baseUrl, 'GET', `/api/v1/spaces/BRU-A/completeness?${query}`, {
        token: w.tokens.coordA,
        headers: { 'accept-language': lang },
      });
    const from = await space('from=2021-W53&to=2022-W02', 'nl-BE');
    expect(from.status).toBe(400);
    expect(from.body).toMatchObject({
      code: 'VALIDATION.FAILED',
      message: 'Sommige velden zijn niet juist ingevuld.',
      details: [
        {
          field: 'from',
          code: 'week.invalid',
          message: '"2021-W53" is geen week. Schrijf het als jaar-W-weeknummer, bijvoorbeeld 2026-W05.',
        },
      ],
    });
    const to = await space('from=2022-W01&to=2022-W53', 'fr');
    expect(to.body.details).toEqual([
      expect.objectContaining({
        field: 'to',
        message: expect.stringMatching(/^"2022-W53" n'est pas une semaine/),
      }),
    ]);
    const staff = await region(w.tokens.staffBRU, 'region=BRU&from=2020-W50&to=2021-W53');
    expect(staff.body.details).toEqual([
      expect.objectContaining({ field: 'to', message: expect.stringMatching(/is not a week/) }),
    ]);
  });

  it('does not expect a week the space was closed all week by its hours, unless it reported it anyway', async () => {
    // BRU-A1 opens Monday to Friday and closed from 7 to 18 December 2020: weeks 50 (reported anyway)
    // and 51. Week 52 still opens on 21 to 24 December.
    await w.sql(
      `UPDATE spaces SET opening_hours = 'Mo-Fr 09:00-17:00; 2020 Dec 07-2020 Dec 18 off' WHERE ref = 'BRU-A1'`,
    );
    await record(w.spaces.A1.id, '2020-W50');
    const res = await region(w.tokens.staffBRU, 'region=BRU&from=2020-W50&to=2021-W02');
    expect(res.body.spaces.find((s: { spaceRef: string }) => s.spaceRef === 'BRU-A1')).toEqual({
      spaceRef: 'BRU-A1',
      name: expect.any(String),
      expectedWeeks: 5,
      reportedWeeks: 1,
      missingWeeks: ['2020-W52', '2020-W53', '2021-W01', '2021-W02'],
      closedWeeks: ['2020-W51'],
      completenessPct: 20,
    });
    // The coordinator's week history says so, and still offers to enter the week.
    const page = await api(t.baseUrl, 'GET', '/spaces/BRU-A1/history?year=2020&lang=en', {
      token: w.tokens.coordA,
    });
    expect(page.status).toBe(200);
    const row =
      /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*?week 51(?:(?!<\/tr>)[\s\S])*<\/tr>/i.exec(String(page.body))?.[0] ?? '';
    expect(row).toContain('Closed all week: not needed');
    expect(row.replaceAll('&#x3D;', '=')).toContain('/spaces/BRU-A1/week?week=2020-W51');
    expect(String(page.body)).toContain('1 of 5');
  });
});
