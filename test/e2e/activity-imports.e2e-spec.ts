import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { weeklyActivityImportKind } from '../../libs/activity/src/index.js';
import { readCsv } from '../../libs/core/src/index.js';
import { ImportsService } from '../../libs/spaces/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

const HEADER =
  'space_ref,week,opening_hours,hours_with_animator,animator_hours,visits,visits_ict_learning,visits_job_search,' +
  'visits_leisure_culture,visits_housing_elearning,visits_administrative,visitors_women,visitors_job_seekers,' +
  'visitors_seniors,visitors_youth,mobile_actions';

describe('activity imports and exports (real HTTP, real PostgreSQL)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const post = (kind: string, csv: string, token: string, query = '', lang = 'en') =>
    api(t.baseUrl, 'POST', `/api/v1/imports/${kind}${query}`, {
      token,
      body: csv,
      headers: { 'content-type': 'text/csv', 'accept-language': lang },
    });
  const counts = async () => {
    const [row] = await w.sql(
      `SELECT (SELECT count(*) FROM weekly_activity)::int AS weeks, (SELECT count(*) FROM training_sessions)::int AS sessions,
              (SELECT count(*) FROM audit_log)::int AS audit`,
    );
    return row;
  };

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
  });
  afterAll(() => t?.close());

  const weekly = [
    HEADER,
    'BRU-A,2026-W01,17,15,30,120,40,30,20,10,10,60,25,15,30,1',
    'BRU-A,2026-W02,17.5,15,,100,,,,,,,,,,',
    'BRU-A1,2026-W02,6,6,6,12,,,,,,5,,,,0',
  ].join('\r\n');

  it('imports weekly activity, then reports the same file unchanged', async () => {
    const first = await post('weekly-activity', weekly, w.tokens.coordA);
    expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false });
    const stored = await w.sql(
      `SELECT s.ref, wa.week, wa.iso_year, wa.week_start::text, wa.opening_hours::float8 AS h, wa.visits
       FROM weekly_activity wa JOIN spaces s ON s.id = wa.space_id ORDER BY s.ref, wa.week`,
    );
    expect(stored).toEqual([
      { ref: 'BRU-A', week: '2026-W01', iso_year: 2026, week_start: '2025-12-29', h: 17, visits: 120 },
      { ref: 'BRU-A', week: '2026-W02', iso_year: 2026, week_start: '2026-01-05', h: 17.5, visits: 100 },
      { ref: 'BRU-A1', week: '2026-W02', iso_year: 2026, week_start: '2026-01-05', h: 6, visits: 12 },
    ]);
    const before = await counts();
    const again = await post('weekly-activity', weekly, w.tokens.coordA);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3, dryRun: false });
    expect(await counts()).toEqual(before);

    // The region then dates BRU-A1's closing before 2026-W02: the same file still changes nothing, and
    // only a change to that week is refused.
    await w.sql(`UPDATE spaces SET closed_on = '2025-12-31' WHERE ref = 'BRU-A1'`);
    try {
      const closed = await post('weekly-activity', weekly, w.tokens.coordA);
      expect(closed.body).toEqual({ created: 0, updated: 0, unchanged: 3, dryRun: false });
      const changed = await post(
        'weekly-activity',
        [HEADER, 'BRU-A1,2026-W02,6,6,6,13,,,,,,5,,,,0'].join('\r\n'),
        w.tokens.coordA,
      );
      expect(changed.status).toBe(422);
      expect(changed.body.errors).toEqual([
        {
          line: 2,
          column: 'week',
          message: expect.stringContaining('the space was not open in week 2026-W02'),
        },
      ]);
      expect(await counts()).toEqual(before);
    } finally {
      await w.sql(`UPDATE spaces SET closed_on = NULL WHERE ref = 'BRU-A1'`);
    }
  });

  it('rejects a file with invalid rows, naming exactly those rows, and writes nothing', async () => {
    const before = await counts();
    const csv = [
      HEADER,
      'BRU-A,2026-W03,17,15,30,120,,,,,,,,,,', // fine
      'BRU-A,2026-W04,17,18,30,120,,,,,,,,,,', // line 3: more animator hours than opening hours
      'BRU-A,2014-W10,17,15,30,120,,,,,,,,,,', // line 4: before the space opened (2015-01-05)
      'BRU-A,2026-W05,17,15,30,10,5,5,5,,,,,,,', // line 5: purposes 15 > 10 visits
      'BRU-A,2099-W01,17,15,30,120,,,,,,,,,,', // line 6: future week
      'BRU-B,2026-W03,17,15,30,120,,,,,,,,,,', // line 7: not coordinator A's space
    ].join('\n');
    const res = await post('weekly-activity', csv, w.tokens.coordA);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT.INVALID_ROWS');
    expect(res.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [3, 'hours_with_animator'],
      [4, 'week'],
      [5, 'visits_ict_learning'],
      [6, 'week'],
      [7, 'space_ref'],
    ]);
    expect(res.body.errors[0].message).toMatch(
      /hours with an animator \(18\) cannot be more than the opening hours \(17\)/,
    );
    expect(await counts()).toEqual(before);
    const nl = await post('weekly-activity', csv, w.tokens.coordA, '', 'nl');
    expect(nl.body.errors[1].message).toMatch(/de ruimte was niet open in week 2014-W10/);
  });

  it('accepts a ;-separated file with decimal commas', async () => {
    const csv = [HEADER.replaceAll(',', ';'), 'BRU-A;2026-W06;12,5;10,25;20,75;50;;;;;;;;;;'].join('\n');
    const res = await post('weekly-activity', csv, w.tokens.coordA);
    expect(res.body).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: false });
    const [row] = await w.sql(
      `SELECT opening_hours::text, hours_with_animator::text, animator_hours::text FROM weekly_activity WHERE week = '2026-W06'`,
    );
    expect(row).toEqual({ opening_hours: '12.50', hours_with_animator: '10.25', animator_hours: '20.75' });
  });

  it('exports what the caller may see, and importing the export changes nothing', async () => {
    await post(
      'weekly-activity',
      [HEADER, 'BRU-B,2026-W01,10,10,10,10,,,,,,,,,,'].join('\n'),
      w.tokens.coordB,
    );
    const exported = await api(t.baseUrl, 'GET', '/api/v1/exports/weekly-activity', {
      token: w.tokens.coordA,
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = String(exported.body).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe(HEADER);
    expect(text).not.toContain('BRU-B');
    const before = await counts();
    const back = await post('weekly-activity', text, w.tokens.coordA);
    expect(back.body).toEqual({ created: 0, updated: 0, unchanged: 4, dryRun: false });
    expect(await counts()).toEqual(before);
  });

  it('imports training sessions, rejects impossible ones, and round-trips them', async () => {
    const header =
      'space_ref,ref,date,title,theme,format,duration_hours,participants,new_participants,language';
    const good = [
      header,
      'BRU-A,S1,2026-02-03,Mails,communication,workshop,2.5,8,3,fr',
      'BRU-A,S2,2026-02-10,CV,job_search,individual,1,1,1,',
    ];
    expect((await post('training-sessions', good.join('\n'), w.tokens.coordA)).body).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      dryRun: false,
    });
    const before = await counts();
    const bad = [
      header,
      'BRU-A,S3,2026-02-17,Tablet,basic_skills,course,0,5,6,nl',
      // Stored as 0.00 it broke the table's check: a 500 for the whole file, dry run or not.
      'BRU-A,S4,2026-02-17,Tablet,basic_skills,course,0.001,5,1,nl',
    ];
    const res = await post('training-sessions', bad.join('\n'), w.tokens.coordA);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2, 'duration_hours'],
      [2, 'new_participants'],
      [3, 'duration_hours'],
    ]);
    expect(res.body.errors[2].message).toContain('at most 2 decimals');
    expect(await counts()).toEqual(before);
    const exported = await api(t.baseUrl, 'GET', '/api/v1/exports/training-sessions', {
      token: w.tokens.coordA,
    });
    const back = await post('training-sessions', String(exported.body), w.tokens.coordA);
    expect(back.body).toEqual({ created: 0, updated: 0, unchanged: 2, dryRun: false });
  });

  describe('values that once gave a 500, or the wrong reason', () => {
    const TRAINING =
      'space_ref,ref,date,title,theme,format,duration_hours,participants,new_participants,language';

    it('refuses weeks and dates outside the years 1900 to 2100, naming the cell', async () => {
      const before = await counts();
      const weeks = ['0000-W01', '0050-W10', '0099-W52', '0100-W01', '0999-W01', '2101-W01'];
      const res = await post(
        'weekly-activity',
        [HEADER, ...weeks.map((week) => `BRU-A,${week},17,15,30,120,,,,,,,,,,`)].join('\n'),
        w.tokens.coordA,
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual(
        weeks.map((week, i) => ({
          line: i + 2,
          column: 'week',
          message: `Line ${i + 2}, column week: the year must be between 1900 and 2100 (you wrote "${week}").`,
        })),
      );
      const training = await post(
        'training-sessions',
        [TRAINING, 'BRU-A,Y0,0000-01-01,Mails,communication,workshop,2,8,3,fr'].join('\n'),
        w.tokens.coordA,
      );
      expect(training.status).toBe(422);
      expect(training.body.errors.map((e: { column: string }) => e.column)).toEqual(['date']);
      expect(await counts()).toEqual(before);
    });

    it('answers a week route with such a year 400, not 500 or "not started yet"', async () => {
      for (const week of ['0050-W10', '0999-W01', '2101-W01']) {
        const put = await api(t.baseUrl, 'PUT', `/api/v1/spaces/BRU-A/weeks/${week}`, {
          token: w.tokens.coordA,
          body: { openingHours: 10, visits: 5 },
        });
        expect({ week, status: put.status }).toEqual({ week, status: 400 });
        expect(put.body.details).toEqual([expect.objectContaining({ field: 'week' })]);
        const get = await api(t.baseUrl, 'GET', `/api/v1/spaces/BRU-A/weeks/${week}`, {
          token: w.tokens.coordA,
        });
        expect({ week, status: get.status }).toEqual({ week, status: 400 });
        const prefill = await api(t.baseUrl, 'GET', `/api/v1/spaces/BRU-A/weeks/${week}/prefill`, {
          token: w.tokens.coordA,
        });
        expect({ week, status: prefill.status }).toEqual({ week, status: 400 });
      }
    });

    it('refuses a space_ref longer than a ref can be', async () => {
      const long = 'B'.repeat(6000);
      const weekly = await post(
        'weekly-activity',
        [HEADER, `${long},2026-W01,17,15,30,120,,,,,,,,,,`].join('\n'),
        w.tokens.admin,
      );
      expect(weekly.body.errors).toEqual([
        { line: 2, column: 'space_ref', message: expect.stringContaining('the maximum is 40') },
      ]);
      const training = await post(
        'training-sessions',
        [TRAINING, `${long},S9,2026-02-03,Mails,communication,workshop,2,8,3,fr`].join('\n'),
        w.tokens.admin,
      );
      expect(training.body.errors.map((e: { column: string }) => e.column)).toEqual(['space_ref']);
    });
  });

  describe('columns left out of the file keep what is stored', () => {
    const figures = async () =>
      (
        await w.sql(
          `SELECT wa.opening_hours::float8 AS opening, wa.hours_with_animator::float8 AS with_animator,
                  wa.animator_hours::float8 AS animator, wa.visits, wa.visits_ict_learning AS ict,
                  wa.visitors_women AS women, wa.mobile_actions AS mobile, wa.version
           FROM weekly_activity wa JOIN spaces s ON s.id = wa.space_id
           WHERE s.ref = 'BRU-A' AND wa.week = '2026-W01'`,
        )
      )[0];
    const MINIMAL = 'space_ref,week,opening_hours,visits';

    it('updates a week from the required columns only, keeping the other figures', async () => {
      const before = await figures();
      expect(before).toMatchObject({ with_animator: 15, animator: 30, ict: 40, women: 60, mobile: 1 });
      const same = await post('weekly-activity', `${MINIMAL}\nBRU-A,2026-W01,17,120\n`, w.tokens.coordA);
      expect(same.body).toEqual({ created: 0, updated: 0, unchanged: 1, dryRun: false });
      expect(await figures()).toEqual(before);
      const more = await post('weekly-activity', `${MINIMAL}\nBRU-A,2026-W01,17,130\n`, w.tokens.coordA);
      expect(more.body).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: false });
      expect(await figures()).toEqual({ ...before, visits: 130, version: before.version + 1 });
    });

    it('refuses new figures that the stored ones of the left-out columns no longer fit', async () => {
      const before = await figures();
      const res = await post(
        'weekly-activity',
        `${MINIMAL}\nBRU-A,2026-W01,10,130\nBRU-A1,2026-W02,6,1\nBRU-A,2026-W02,17.5,100\n`,
        w.tokens.coordA,
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          line: 2,
          column: 'opening_hours',
          message: expect.stringContaining(
            'already stored in column hours_with_animator, which this file leaves out',
          ),
        },
        // BRU-A1's 2026-W02 has 5 women among 12 visits.
        { line: 3, column: 'visits', message: expect.stringContaining('column visitors_women') },
      ]);
      const purposes = await post('weekly-activity', `${MINIMAL}\nBRU-A,2026-W01,17,80\n`, w.tokens.coordA);
      expect(purposes.body.errors).toEqual([
        {
          line: 2,
          column: 'visits',
          message: expect.stringContaining(
            'columns visits_ict_learning, visits_job_search, visits_leisure_culture, visits_housing_elearning, visits_administrative',
          ),
        },
      ]);
      expect(await figures()).toEqual(before);
    });

    it('keeps the language of a training session', async () => {
      const res = await post(
        'training-sessions',
        'space_ref,ref,date,title,theme,format,duration_hours,participants,new_participants\n' +
          'BRU-A,S1,2026-02-03,Mails,communication,workshop,2.5,8,3\n',
        w.tokens.coordA,
      );
      expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 1, dryRun: false });
      const [row] = await w.sql(`SELECT language FROM training_sessions WHERE ref = 'S1'`);
      expect(row.language).toBe('fr');
    });
  });

  it('streams a 100,000-row weekly file with flat memory', async () => {
    // 200 spaces × 500 weeks, generated lazily so the test itself holds no file in memory.
    await w.sql(
      `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on)
       SELECT 'BULK-' || lpad(i::text, 3, '0'), 'Bulk ' || i, '21004', 'BRU', 'library', '2000-01-03'
       FROM generate_series(1, 200) AS i`,
    );
    const ROWS = 100_000;
    const weeks = Array.from({ length: 500 }, (_, i) => {
      const monday = new Date(Date.UTC(2016, 0, 4) + i * 7 * 86_400_000); // 2016-W01 onwards
      const thursday = new Date(monday.getTime() + 3 * 86_400_000);
      const year = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
      return `${year}-W${String(week).padStart(2, '0')}`;
    });
    function* lines(): Generator<string> {
      yield `${HEADER}\n`;
      for (let i = 0; i < ROWS; i++) {
        const space = `BULK-${String((i % 200) + 1).padStart(3, '0')}`;
        yield `${space},${weeks[Math.floor(i / 200)]},20,18.5,36,${100 + (i % 7)},40,30,10,10,10,50,20,10,30,${i % 3}\n`;
      }
    }
    // Live memory, not garbage: a full collection before each reading.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const liveHeap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };

    // What a row-buffering pipeline would hold: every parsed, typed row of the file at once.
    const service = t.app.get(ImportsService);
    const heapBefore = liveHeap();
    const held: unknown[] = [];
    for await (const batch of readCsv(Readable.from(lines()), weeklyActivityImportKind.schema))
      held.push(...batch.rows);
    const bufferingCost = liveHeap() - heapBefore;
    expect(held).toHaveLength(ROWS);
    held.length = 0;

    const baseline = liveHeap();
    let peak = baseline;
    // Every 5 s: each reading is a full collection of the whole test process (hundreds of MB of heap), which
    // stalls the import while it runs; under CI load, readings every second starved it past its time limit.
    // A buffering pipeline grows steadily, so it still shows, and the last reading is taken at the end.
    const sampler = setInterval(() => (peak = Math.max(peak, liveHeap())), 5000);
    const admin = {
      userId: w.users.admin,
      email: 'world-admin@example.be',
      role: 'admin' as const,
      regionCode: null,
      sessionId: 'bulk',
      preferredLanguage: 'en',
    };
    const result = await service
      .import('weekly-activity', Readable.from(lines()), { principal: admin })
      .finally(() => clearInterval(sampler));
    peak = Math.max(peak, liveHeap());
    expect(result).toEqual({ created: ROWS, updated: 0, unchanged: 0, dryRun: false });
    const [{ n }] = await w.sql(
      `SELECT count(*)::int AS n FROM weekly_activity wa JOIN spaces s ON s.id = wa.space_id WHERE s.ref LIKE 'BULK-%'`,
    );
    expect(n).toBe(ROWS);
    const growth = peak - baseline;
    // A pipeline that buffered the rows would grow by at least what holding them costs.
    console.log(
      `heap growth ${Math.round(growth / 2 ** 20)} MB; holding the rows costs ${Math.round(bufferingCost / 2 ** 20)} MB`,
    );
    expect(bufferingCost).toBeGreaterThan(20 * 2 ** 20);
    expect(growth).toBeLessThan(bufferingCost / 3);
  }, 600_000);

  describe('a weekly file larger than one chunk (written chunk by chunk as it is read)', () => {
    // 50 spaces × 500 weeks: 25,000 rows, more than two chunks of 10,000.
    const SPACES = 50;
    const ROWS = 25_000;
    const refOf = (i: number) => `CHUNK-${String((i % SPACES) + 1).padStart(2, '0')}`;
    const weekOf = (i: number) => {
      const monday = new Date(Date.UTC(2016, 0, 4) + Math.floor(i / SPACES) * 7 * 86_400_000);
      const thursday = new Date(monday.getTime() + 3 * 86_400_000);
      const year = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
      return `${year}-W${String(week).padStart(2, '0')}`;
    };
    /** Data line i is the file's line i + 2; `edit` may rewrite any of them. */
    function file(edit: (i: number, line: string) => string = (_, line) => line): Readable {
      function* lines(): Generator<string> {
        yield `${HEADER}\n`;
        for (let i = 0; i < ROWS; i++) {
          yield `${edit(i, `${refOf(i)},${weekOf(i)},20,18,36,${100 + (i % 7)},40,30,10,10,10,50,20,10,30,1`)}\n`;
        }
      }
      return Readable.from(lines());
    }
    const admin = () => ({
      userId: w.users.admin,
      email: 'world-admin@example.be',
      role: 'admin' as const,
      regionCode: null,
      sessionId: 'chunks',
      preferredLanguage: 'en',
    });
    const stored = async () => {
      const [row] = await w.sql(
        `SELECT count(*)::int AS rows, coalesce(sum(wa.visits), 0)::int AS visits, max(wa.version) AS version
         FROM weekly_activity wa JOIN spaces s ON s.id = wa.space_id WHERE s.ref LIKE 'CHUNK-%'`,
      );
      const [audit] = await w.sql(
        `SELECT count(*) FILTER (WHERE action = 'create')::int AS creates,
                count(*) FILTER (WHERE action = 'update')::int AS updates
         FROM audit_log WHERE entity = 'weekly_activity' AND entity_id LIKE 'CHUNK-%'`,
      );
      return { ...row, ...audit };
    };

    beforeAll(async () => {
      await w.sql(
        `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on)
         SELECT 'CHUNK-' || lpad(i::text, 2, '0'), 'Chunk ' || i, '21004', 'BRU', 'library', '2000-01-03'
         FROM generate_series(1, ${SPACES}) AS i`,
      );
    });

    it('lists errors from every chunk, of the reader and of the database checks, and writes nothing', async () => {
      // CHUNK-07 opened on the Monday of 2020-W01: its 2016–2019 weeks are refused by the database check, not the reader.
      await w.sql(`UPDATE spaces SET opened_on = '2019-12-30' WHERE ref = 'CHUNK-07'`);
      const bad = new Map<number, (line: string) => string>([
        [1, (line) => line.replace(',20,18,', ',20,21,')], // line 3: more animator hours than opening hours
        [12_345, (line) => line.replace(/^CHUNK-\d+/, 'NO-SUCH-SPACE')], // line 12,347: unknown space
        [24_001, (line) => line.replace(/,\d+,40,30,/, ',x,40,30,')], // line 24,003: visits not a number
      ]);
      const earlyChunk07 = Array.from({ length: ROWS }, (_, i) => i).filter(
        (i) => refOf(i) === 'CHUNK-07' && Number(weekOf(i).slice(0, 4)) < 2020,
      );
      try {
        const rejected = await t.app
          .get(ImportsService)
          .import(
            'weekly-activity',
            file((i, line) => bad.get(i)?.(line) ?? line),
            { principal: admin() },
          )
          .then(
            () => null,
            (error: { errors: { line: number; column: string; key: string }[]; errorCount: number }) => error,
          );
        expect(rejected).not.toBeNull();
        const lines = (key: string) => rejected!.errors.filter((e) => e.key === key).map((e) => e.line);
        expect(rejected!.errorCount).toBe(3 + earlyChunk07.length);
        expect(lines('week.animator_over_opening')).toEqual([3]);
        expect(lines('import.unknown_space_ref')).toEqual([12_347]);
        expect(lines('cell.integer')).toEqual([24_003]);
        expect(lines('week.space_inactive')).toEqual(earlyChunk07.map((i) => i + 2));
        // In file order, across the chunks.
        const all = rejected!.errors.map((e) => e.line);
        expect(all).toEqual([...all].sort((a, b) => a - b));
        expect(await stored()).toEqual({ rows: 0, visits: 0, version: null, creates: 0, updates: 0 });
      } finally {
        await w.sql(`UPDATE spaces SET opened_on = '2000-01-03' WHERE ref = 'CHUNK-07'`);
      }
    }, 300_000);

    it('creates every row with its audit entry, then updates only the rows that changed', async () => {
      const service = t.app.get(ImportsService);
      const first = await service.import('weekly-activity', file(), { principal: admin() });
      expect(first).toEqual({ created: ROWS, updated: 0, unchanged: 0, dryRun: false });
      const visits = Array.from({ length: ROWS }, (_, i) => 100 + (i % 7)).reduce((a, b) => a + b, 0);
      expect(await stored()).toEqual({ rows: ROWS, visits, version: 1, creates: ROWS, updates: 0 });

      // One row in the first chunk and one in the last change; the rest are as stored.
      const changed = new Set([5, 23_999]);
      const second = await service.import(
        'weekly-activity',
        file((i, line) => (changed.has(i) ? line.replace(/,\d+,40,30,/, ',500,40,30,') : line)),
        { principal: admin() },
      );
      expect(second).toEqual({ created: 0, updated: 2, unchanged: ROWS - 2, dryRun: false });
      const delta = [...changed].reduce((sum, i) => sum + 500 - (100 + (i % 7)), 0);
      expect(await stored()).toEqual({
        rows: ROWS,
        visits: visits + delta,
        version: 2,
        creates: ROWS,
        updates: 2,
      });
      const updates = await w.sql(
        `SELECT entity_id, before ->> 'visits' AS before, after ->> 'visits' AS after FROM audit_log
         WHERE entity = 'weekly_activity' AND entity_id LIKE 'CHUNK-%' AND action = 'update' ORDER BY entity_id`,
      );
      expect(updates).toEqual(
        [...changed]
          .map((i) => ({
            entity_id: `${refOf(i)}/${weekOf(i)}`,
            before: String(100 + (i % 7)),
            after: '500',
          }))
          .sort((a, b) => a.entity_id.localeCompare(b.entity_id)),
      );
    }, 300_000);
  });
});
