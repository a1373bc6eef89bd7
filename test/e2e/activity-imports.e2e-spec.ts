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
    const bad = [header, 'BRU-A,S3,2026-02-17,Tablet,basic_skills,course,0,5,6,nl'];
    const res = await post('training-sessions', bad.join('\n'), w.tokens.coordA);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2, 'duration_hours'],
      [2, 'new_participants'],
    ]);
    expect(await counts()).toEqual(before);
    const exported = await api(t.baseUrl, 'GET', '/api/v1/exports/training-sessions', {
      token: w.tokens.coordA,
    });
    const back = await post('training-sessions', String(exported.body), w.tokens.coordA);
    expect(back.body).toEqual({ created: 0, updated: 0, unchanged: 2, dryRun: false });
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
    const sampler = setInterval(() => (peak = Math.max(peak, liveHeap())), 250);
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
  }, 300_000);
});
