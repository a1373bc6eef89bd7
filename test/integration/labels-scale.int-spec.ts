import { DataSource, type QueryRunner } from 'typeorm';
import { EvaluationsService } from '../../libs/labels/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

/**
 * Evaluating a region costs a fixed number of SQL statements, however many spaces it holds: the
 * metrics of every space come from one set-based statement, and the results are stored by another.
 */
describe('label evaluation at scale', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let statements: string[] = [];

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    // 50 spaces in WAL (plus the world's WAL-C), each with 52 weeks, sessions, equipment; the statement
    // test adds 450 more later (a scheme is one region's label, so both sizes are Walloon).
    await addWalloonSpaces(1, 50);
    // Count every statement the application sends, whatever path it takes through TypeORM.
    const ds = t.app.get(DataSource);
    const create = ds.createQueryRunner.bind(ds);
    ds.createQueryRunner = ((...args: Parameters<DataSource['createQueryRunner']>) => {
      const runner: QueryRunner = create(...args);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, params?: unknown[], structured?: boolean) => {
        statements.push(sql);
        return query(sql, params, structured as any);
      }) as QueryRunner['query'];
      return runner;
    }) as DataSource['createQueryRunner'];
  }, 120000);
  afterAll(() => t?.close());

  /** Walloon spaces WAL-<from>…WAL-<to>, each with 52 weeks, 21 sessions and 5 desktops. */
  async function addWalloonSpaces(from: number, to: number) {
    const [{ ids }] = await w.sql(
      `WITH added AS (
         INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, pricing, open_to_all_publics,
           charter_signed_on)
         SELECT 'WAL-' || i, 'Space ' || i, '62063', 'WAL', 'library', '2015-01-05',
                CASE WHEN i % 3 = 0 THEN 'paid' ELSE 'free' END, true, '2010-01-01'
         FROM generate_series($1::int, $2::int) AS i RETURNING id
       ) SELECT array_agg(id) AS ids FROM added`,
      [from, to],
    );
    await w.sql(
      `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, hours_with_animator, visits)
       SELECT s.id, to_char(d, 'IYYY-"W"IW'), to_char(d, 'IYYY')::smallint, d::date, 10 + (s.ref ~ '[02468]$')::int * 10, 8, 5
       FROM spaces s CROSS JOIN generate_series('2025-06-02'::date, '2026-05-25'::date, interval '7 days') AS d
       WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    await w.sql(
      `INSERT INTO training_sessions (space_id, ref, date, title, theme, format, duration_hours, participants, new_participants)
       SELECT s.id, 'T' || g, '2025-06-03'::date + 7 * g, 'Session', 'office', 'course', 3, 4, 1
       FROM spaces s CROSS JOIN generate_series(0, 20) AS g WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    await w.sql(
      `INSERT INTO equipment (space_id, ref, type, quantity) SELECT s.id, 'E1', 'desktop', 5 FROM spaces s
       WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  const principalOf = async (email: string) => {
    const [u] = await w.sql(
      `SELECT id, email, role, trim(region_code) AS region FROM users WHERE email = $1`,
      [email],
    );
    return {
      userId: u.id,
      email: u.email,
      role: u.role,
      regionCode: u.region,
      sessionId: 'x',
      preferredLanguage: 'en',
    };
  };

  /** Requests the region's evaluation and does all its work in this process, counting statements. */
  async function evaluateRegion(region: 'WAL') {
    const service = t.app.get(EvaluationsService, { strict: false });
    const admin = await principalOf('world-admin@example.be');
    statements = [];
    const run = await service.request(admin as any, { scheme: 'wallonia-epn', region, until: '2026-06-03' });
    const requestStatements = statements.length;
    const spaceIds = (await w.sql(`SELECT id FROM spaces WHERE region_code = $1`, [region])).map(
      (r: any) => r.id,
    );
    statements = [];
    await service.evaluate(run.id, spaceIds);
    await service.aggregate(run.id);
    const evaluateStatements = statements.length;
    const [stored] = await w.sql(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE eligible)::int AS eligible FROM label_evaluation_results WHERE run_id = $1`,
      [run.id],
    );
    return { requestStatements, evaluateStatements, spaces: spaceIds.length, stored };
  }

  /**
   * Reporting completeness counts only the weeks of the window when the space was open: opened or
   * closed inside the window, or open on no day of it. Window: 2025-06-02 (Monday) to 2026-05-31.
   */
  it('counts open weeks and reported open weeks for spaces that open or close inside the window', async () => {
    const cases = [
      // Opens on Wednesday 2025-12-03: open from the week of Monday 2025-12-01, 26 weeks; 13 reported.
      {
        ref: 'OW-LATE',
        opened: '2025-12-03',
        closed: null,
        weeks: ['2025-12-01', 13],
        openWeeks: 26,
        pct: 50,
      },
      // Closes on Wednesday 2025-09-10: open until the week of Monday 2025-09-08, 15 weeks; 6 reported.
      {
        ref: 'OW-GONE',
        opened: '2015-01-05',
        closed: '2025-09-10',
        weeks: ['2025-06-02', 6],
        openWeeks: 15,
        pct: 40,
      },
      // Opens on the window's last Sunday: one open week, reported.
      { ref: 'OW-SUN', opened: '2026-05-31', closed: null, weeks: ['2026-05-25', 1], openWeeks: 1, pct: 100 },
      // Open on no day of the window.
      { ref: 'OW-AFTER', opened: '2026-06-01', closed: null, weeks: null, openWeeks: 0, pct: null },
      { ref: 'OW-BEFORE', opened: '2015-01-05', closed: '2025-06-01', weeks: null, openWeeks: 0, pct: null },
      // Closed from Monday 7 July to Friday 15 August 2025 by its hours: weeks 28 to 33. Week 33 is
      // reported anyway (10 weeks from Monday 11 August); the 5 others are not weeks it was open.
      {
        ref: 'OW-SUMMER',
        opened: '2015-01-05',
        closed: null,
        hours: 'Mo-Fr 09:00-17:00; 2025 Jul 07-2025 Aug 15 off',
        weeks: ['2025-08-11', 10],
        openWeeks: 47,
        pct: 21.276596,
      },
    ] as const;
    const service = t.app.get(EvaluationsService, { strict: false });
    const admin = await principalOf('world-admin@example.be');
    for (const c of cases) {
      const [space] = await w.sql(
        `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, closed_on, pricing,
           open_to_all_publics, opening_hours)
         VALUES ($1, $1, '21004', 'BRU', 'library', $2, $3, 'free', true, $4) RETURNING id`,
        [c.ref, c.opened, c.closed, 'hours' in c ? c.hours : null],
      );
      if (c.weeks) {
        await w.sql(
          `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, visits)
           SELECT $1, to_char(d, 'IYYY-"W"IW'), to_char(d, 'IYYY')::smallint, d::date, 10, 5
           FROM generate_series($2::date, $2::date + 7 * ($3::int - 1), interval '7 days') AS d`,
          [space.id, c.weeks[0], c.weeks[1]],
        );
      }
      const run = await service.request(admin as any, {
        scheme: 'brussels-ocr',
        spaceRef: c.ref,
        until: '2026-06-03',
      });
      await service.evaluate(run.id, [space.id]);
      const { spaces } = await service.get(admin as any, run.id);
      const completeness = spaces[0].criteria.find((k) => k.metric === 'reporting_completeness_pct')!;
      expect({ ref: c.ref, openWeeks: completeness.evidence.openWeeks, pct: completeness.measured }).toEqual({
        ref: c.ref,
        openWeeks: c.openWeeks,
        pct: c.pct,
      });
    }
  }, 120000);

  it('issues the same number of statements for 51 and for 501 spaces', async () => {
    const small = await evaluateRegion('WAL');
    await addWalloonSpaces(51, 500);
    const large = await evaluateRegion('WAL');
    expect(small.spaces).toBe(51);
    expect(large.spaces).toBe(501);
    expect(small.stored.n).toBe(51);
    expect(large.stored.n).toBe(501);
    expect(large.requestStatements).toBe(small.requestStatements);
    expect(large.evaluateStatements).toBe(small.evaluateStatements);
    // Read the run and scheme, the hours with closures, measure, store, close: a handful, not one per
    // space.
    expect(large.evaluateStatements).toBeGreaterThanOrEqual(4);
    expect(large.evaluateStatements).toBeLessThanOrEqual(7);
  }, 120000);
});
