import { weekStart } from '../../libs/activity/src/index.js';
import {
  LabelDecisionsService,
  LabelExpiryService,
  type CreateDecisionDto,
} from '../../libs/labels/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import {
  api,
  spawnWorker,
  startTestApi,
  waitFor,
  type TestApi,
  type WorkerProcess,
} from '../support/test-app.js';
import { UNTIL, WINDOW_END, WINDOW_WEEKS, buildSpace, type SpaceSpec } from './labels-fixtures.js';

/** One space per side of each threshold: `at` sits exactly on it (passes), `below` just under (fails). */
type Pair = { criterion: string; at: Partial<SpaceSpec>; below: Partial<SpaceSpec> };

const OPENED_WEEK_3 = weekStart(WINDOW_WEEKS[2]); // open 50 of the 52 weeks
const WALLONIA: Pair[] = [
  { criterion: 'W1', at: { openingHours: 16 }, below: { openingHours: 15.99 } },
  {
    criterion: 'W2',
    at: { sessions: { count: 52, hours: 6 } },
    below: { sessions: { count: 52, hours: 6, lastHours: 5.99 } },
  },
  { criterion: 'W3', at: { hoursWithAnimator: 12 }, below: { hoursWithAnimator: 11.99 } },
  {
    criterion: 'W4',
    // Tablets are not computers; an item retired on the last day or acquired after it is not in service.
    at: {
      equipment: [
        { type: 'desktop', quantity: 3 },
        { type: 'laptop', quantity: 1, retiredOn: '2026-06-01' },
        { type: 'tablet', quantity: 5 },
      ],
    },
    below: {
      equipment: [
        { type: 'desktop', quantity: 3 },
        { type: 'laptop', quantity: 1, retiredOn: WINDOW_END },
        { type: 'desktop', quantity: 2, acquiredOn: '2026-06-01' },
        { type: 'tablet', quantity: 5 },
      ],
    },
  },
  {
    criterion: 'W5',
    at: { animators: [{ qualified: true, startsOn: WINDOW_END }] },
    below: {
      animators: [
        { qualified: true, startsOn: '2020-01-01', endsOn: '2026-05-30' },
        { qualified: false, startsOn: '2020-01-01' },
      ],
    },
  },
  { criterion: 'W6', at: { pricing: 'reduced_rates' }, below: { pricing: 'paid' } },
  { criterion: 'W7', at: { charterSignedOn: WINDOW_END }, below: { charterSignedOn: '2026-06-01' } },
  {
    criterion: 'W8',
    // 40 of 50 open weeks is exactly 80 %; 39 is 78 %.
    at: { openedOn: OPENED_WEEK_3, weeks: WINDOW_WEEKS.slice(2, 42) },
    below: { openedOn: OPENED_WEEK_3, weeks: WINDOW_WEEKS.slice(2, 41) },
  },
];
const BRUSSELS: Pair[] = [
  { criterion: 'B1', at: { openingHours: 15 }, below: { openingHours: 14.99 } },
  {
    criterion: 'B2',
    at: {
      equipment: [
        { type: 'desktop', quantity: 4 },
        { type: 'tablet', quantity: 2 },
      ],
    },
    below: {
      equipment: [
        { type: 'desktop', quantity: 4 },
        { type: 'tablet', quantity: 1 },
        { type: 'tablet', quantity: 3, retiredOn: WINDOW_END },
        { type: 'printer', quantity: 2 },
      ],
    },
  },
  {
    criterion: 'B3',
    at: { sessions: { count: 12, hours: 2 } },
    below: { sessions: { count: 11, hours: 2 } },
  },
  { criterion: 'B4', at: { openToAllPublics: true }, below: { openToAllPublics: false } },
  {
    criterion: 'B5',
    at: { openedOn: OPENED_WEEK_3, weeks: WINDOW_WEEKS.slice(2, 42) },
    below: { openedOn: OPENED_WEEK_3, weeks: WINDOW_WEEKS.slice(2, 41) },
  },
  // Not mandatory: failing it leaves the space eligible.
  { criterion: 'B6', at: { hoursWithAnimator: 12 }, below: { hoursWithAnimator: 11.99 } },
];

/** A day in Brussels, `YYYY-MM-DD` (en-CA writes dates that way). */
const brusselsDay = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(instant);
/** The last day of a 3-year validity starting on `from`: the day before the same date 3 years later. */
const threeYearsFrom = (from: string) => {
  const [y, m, d] = from.split('-').map(Number);
  return new Date(Date.UTC(y + 3, m - 1, d - 1)).toISOString().slice(0, 10);
};

describe('labels: schemes, evaluations, decisions, certificates', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let worker: WorkerProcess;
  const runs: Record<string, any> = {};

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
      sessionId: 'test',
      preferredLanguage: 'en',
    } as any;
  };
  /**
   * A decision taken on another day: the clock is the service's `now` (the edge the rules let a test
   * move). Decisions through the API are always taken today, with no start date to choose.
   */
  const decideOn = async (day: string, ref: string, dto: Omit<CreateDecisionDto, 'currentDecisionId'>) => {
    const service = t.app.get(LabelDecisionsService, { strict: false });
    const [current] = await w.sql(
      `SELECT l.id FROM labels l JOIN spaces s ON s.id = l.space_id WHERE s.ref = $1
       ORDER BY l.decided_at DESC, l.id DESC LIMIT 1`,
      [ref],
    );
    return service.decide(
      await principalOf('staff-bru@example.be'),
      ref,
      { ...dto, currentDecisionId: current?.id ?? null },
      new Date(`${day}T10:00:00Z`),
    );
  };

  const outcomes = (space: any) =>
    Object.fromEntries(space.criteria.map((c: any) => [c.criterion, c.outcome]));
  const evaluate = async (token: string, body: Record<string, unknown>) => {
    const created = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', { token, body });
    expect(created.status).toBe(202);
    expect(created.body.status).toBe('queued');
    return waitFor(async () => {
      const res = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${created.body.id}`, { token });
      return res.body.status === 'done' ? res.body : null;
    }, 60000);
  };

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    for (const [region, pairs] of [
      ['WAL', WALLONIA],
      ['BRU', BRUSSELS],
    ] as const) {
      for (const pair of pairs) {
        await buildSpace(w, { ...pair.at, ref: `${pair.criterion}-AT`, region });
        await buildSpace(w, { ...pair.below, ref: `${pair.criterion}-BELOW`, region });
      }
    }
    await buildSpace(w, { ref: 'WAL-3W', region: 'WAL', weeks: WINDOW_WEEKS.slice(-3) });
    await buildSpace(w, { ref: 'WAL-4W', region: 'WAL', weeks: WINDOW_WEEKS.slice(-4) });
    // Records in the first 26 weeks only, with 26 sessions of 6 h in those weeks: 156 h over the 52
    // weeks of the window is 3 h a week (W2 fails); over the 26 weeks with a record it would be 6 h.
    await buildSpace(w, {
      ref: 'W2-HALF',
      region: 'WAL',
      weeks: WINDOW_WEEKS.slice(0, 26),
      sessions: { count: 26, hours: 6 },
    });
    // 10 weeks with 10 h with an animator, one of them not given (empty) and no training: the means
    // are 10 h over the 9 weeks where it was given, not 90 / 10 = 9 h.
    for (const [ref, region] of [
      ['HWA-GAP-W', 'WAL'],
      ['HWA-GAP-B', 'BRU'],
    ] as const) {
      await buildSpace(w, {
        ref,
        region,
        weeks: WINDOW_WEEKS.slice(-10),
        hoursWithAnimator: 10,
        weeksWithoutAnimatorHours: [WINDOW_WEEKS[47]],
        sessions: { count: 0, hours: 0 },
      });
    }
    worker = spawnWorker(t.env);
  }, 120000);
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('lists the stored schemes for staff, with where each number comes from; not for coordinators', async () => {
    const list = await api(t.baseUrl, 'GET', '/api/v1/label-schemes', { token: w.tokens.admin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: any) => `${s.scheme} ${s.version}`)).toEqual([
      'brussels-ocr 2021',
      'wallonia-epn 2007',
    ]);
    const one = await api(t.baseUrl, 'GET', '/api/v1/label-schemes/brussels-ocr/2021', {
      token: w.tokens.staffWAL,
    });
    expect(one.status).toBe(200);
    expect(one.body.criteria.find((c: any) => c.id === 'B3')).toMatchObject({
      threshold: 12,
      thresholdSource: 'ours',
    });
    expect((await api(t.baseUrl, 'GET', '/api/v1/label-schemes', { token: w.tokens.coordA })).status).toBe(
      403,
    );
    const missing = await api(t.baseUrl, 'GET', '/api/v1/label-schemes/brussels-ocr/1999', {
      token: w.tokens.admin,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('LABELS.SCHEME_NOT_FOUND');
  });

  it('decides every Walloon criterion on both sides of its threshold (region run, one job per space)', async () => {
    const run = await evaluate(w.tokens.staffWAL, { scheme: 'wallonia-epn', region: 'WAL', until: UNTIL });
    runs.wal = run;
    expect(run).toMatchObject({
      schemeVersion: '2007',
      region: 'WAL',
      window: { lastWeek: '2026-W22', weeks: 52 },
    });
    const bySpace = Object.fromEntries(run.spaces.map((s: any) => [s.spaceRef, s]));
    expect(run.progress).toEqual({ evaluated: run.spaces.length, total: run.spaces.length });
    for (const { criterion } of WALLONIA) {
      const at = bySpace[`${criterion}-AT`];
      const below = bySpace[`${criterion}-BELOW`];
      expect([criterion, outcomes(at)]).toEqual([
        criterion,
        Object.fromEntries(WALLONIA.map((p) => [p.criterion, 'pass'])),
      ]);
      expect(at.eligible).toBe(true);
      expect([criterion, outcomes(below)]).toEqual([
        criterion,
        Object.fromEntries(WALLONIA.map((p) => [p.criterion, p.criterion === criterion ? 'fail' : 'pass'])),
      ]);
      expect(below.eligible).toBe(false);
    }
    // Measured values and evidence are kept.
    expect(bySpace['W1-BELOW'].criteria[0]).toMatchObject({
      measured: 15.99,
      threshold: 16,
      operator: '>=',
      mandatory: true,
    });
    expect(bySpace['W1-BELOW'].criteria[0].evidence.weeks).toEqual(WINDOW_WEEKS);
    expect(bySpace['W8-AT'].criteria.find((c: any) => c.criterion === 'W8')).toMatchObject({ measured: 80 });
    expect(bySpace['W4-AT'].criteria.find((c: any) => c.criterion === 'W4')).toMatchObject({
      measured: 4,
      evidence: {
        equipment: [
          { ref: 'E1', type: 'desktop', quantity: 3 },
          { ref: 'E2', type: 'laptop', quantity: 1 },
        ],
      },
    });
    expect(bySpace['W5-AT'].criteria.find((c: any) => c.criterion === 'W5').evidence).toEqual({
      animators: ['W5-AT-AN1'],
    });
    expect(bySpace['W2-AT'].criteria.find((c: any) => c.criterion === 'W2').evidence.sessions).toHaveLength(
      52,
    );
    // 3 weeks of data: activity criteria cannot be decided; 4 weeks: they are.
    expect(outcomes(bySpace['WAL-3W'])).toMatchObject({
      W1: 'insufficient_data',
      W2: 'insufficient_data',
      W3: 'insufficient_data',
      W4: 'pass',
      W8: 'insufficient_data',
    });
    expect(outcomes(bySpace['WAL-4W'])).toMatchObject({
      W1: 'pass',
      W2: 'pass',
      W3: 'pass',
      W4: 'pass',
      W8: 'fail',
    });
    // Training hours are divided by the weeks of the window, not by the weeks with a record.
    expect(bySpace['W2-HALF'].criteria.find((c: any) => c.criterion === 'W2')).toMatchObject({
      measured: 3,
      outcome: 'fail',
    });
    // A week without hours with an animator is left out of the mean of free access with an animator.
    expect(bySpace['HWA-GAP-W'].criteria.find((c: any) => c.criterion === 'W3')).toMatchObject({
      measured: 10,
      outcome: 'pass',
    });
    expect(run.eligibleCount).toBe(run.spaces.filter((s: any) => s.eligible).length);
  });

  it('decides every Brussels criterion on both sides of its threshold; B6 is not mandatory', async () => {
    const run = await evaluate(w.tokens.staffBRU, { scheme: 'brussels-ocr', region: 'BRU', until: UNTIL });
    runs.bru = run;
    const bySpace = Object.fromEntries(run.spaces.map((s: any) => [s.spaceRef, s]));
    for (const { criterion } of BRUSSELS) {
      expect([criterion, outcomes(bySpace[`${criterion}-AT`])]).toEqual([
        criterion,
        Object.fromEntries(BRUSSELS.map((p) => [p.criterion, 'pass'])),
      ]);
      expect(bySpace[`${criterion}-AT`].eligible).toBe(true);
      expect([criterion, outcomes(bySpace[`${criterion}-BELOW`])]).toEqual([
        criterion,
        Object.fromEntries(BRUSSELS.map((p) => [p.criterion, p.criterion === criterion ? 'fail' : 'pass'])),
      ]);
      expect(bySpace[`${criterion}-BELOW`].eligible).toBe(criterion === 'B6');
    }
    expect(bySpace['B2-BELOW'].criteria.find((c: any) => c.criterion === 'B2').measured).toBe(5);
    // A week without hours with an animator is left out of their mean.
    expect(bySpace['HWA-GAP-B'].criteria.find((c: any) => c.criterion === 'B6').measured).toBe(10);
  });

  it('gives identical results when run again on unchanged data', async () => {
    const again = await evaluate(w.tokens.admin, { scheme: 'brussels-ocr', region: 'BRU', until: UNTIL });
    expect(again.id).not.toBe(runs.bru.id);
    const strip = (run: any) => run.spaces.map(({ evaluatedAt: _e, ...rest }: any) => rest);
    expect(strip(again)).toEqual(strip(runs.bru));
    expect(again.window).toEqual(runs.bru.window);
  });

  it('evaluates one space as one job', async () => {
    const run = await evaluate(w.tokens.staffBRU, {
      scheme: 'brussels-ocr',
      spaceRef: 'B1-AT',
      until: UNTIL,
    });
    expect(run.spaceRef).toBe('B1-AT');
    expect(run.progress).toEqual({ evaluated: 1, total: 1 });
    expect(run.spaces.map((s: any) => s.spaceRef)).toEqual(['B1-AT']);
    runs.single = run;
  });

  it('lets staff evaluate only their region, and coordinators only read their own spaces', async () => {
    const before = await w.sql(`SELECT count(*)::int AS n FROM label_evaluation_runs`);
    const walOnBru = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: w.tokens.staffWAL,
      body: { scheme: 'brussels-ocr', region: 'BRU' },
    });
    expect(walOnBru.status).toBe(403);
    const walOnBruSpace = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: w.tokens.staffWAL,
      body: { scheme: 'brussels-ocr', spaceRef: 'BRU-A' },
    });
    expect(walOnBruSpace.status).toBe(403);
    const coordinator = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: w.tokens.coordA,
      body: { scheme: 'brussels-ocr', spaceRef: 'BRU-A' },
    });
    expect(coordinator.status).toBe(403);
    const both = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: w.tokens.admin,
      body: { scheme: 'brussels-ocr', spaceRef: 'BRU-A', region: 'BRU' },
    });
    expect(both.status).toBe(400);
    const unknownScheme = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: w.tokens.admin,
      body: { scheme: 'nope', region: 'BRU' },
    });
    expect(unknownScheme.status).toBe(400);
    expect(unknownScheme.body.details).toEqual([expect.objectContaining({ field: 'scheme' })]);
    // A scheme is its region's label: never evaluated on a space, or a region, of another one.
    const otherSchemes = [
      { token: w.tokens.staffWAL, body: { scheme: 'brussels-ocr', spaceRef: 'WAL-C' } },
      { token: w.tokens.admin, body: { scheme: 'brussels-ocr', spaceRef: 'WAL-C', until: UNTIL } },
      { token: w.tokens.admin, body: { scheme: 'brussels-ocr', region: 'WAL', until: UNTIL } },
      { token: w.tokens.staffBRU, body: { scheme: 'wallonia-epn', region: 'BRU' } },
    ];
    for (const { token, body } of otherSchemes) {
      const res = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', { token, body });
      expect([body, res.status, res.body.details]).toEqual([
        body,
        400,
        [expect.objectContaining({ field: 'scheme', code: 'LABELS.SCHEME_OTHER_REGION' })],
      ]);
    }
    // `until` tomorrow: the window would end with the running week, not yet complete.
    const tomorrow = brusselsDay(new Date(Date.now() + 86_400_000));
    const future = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', {
      token: w.tokens.admin,
      body: { scheme: 'brussels-ocr', spaceRef: 'BRU-A', until: tomorrow },
    });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([
      expect.objectContaining({ field: 'until', code: 'LABELS.UNTIL_IN_FUTURE' }),
    ]);
    expect(await w.sql(`SELECT count(*)::int AS n FROM label_evaluation_runs`)).toEqual(before);

    // A coordinator reads a region run restricted to their spaces (BRU-A and its antenna).
    const mine = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${runs.bru.id}`, {
      token: w.tokens.coordA,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.spaces.map((s: any) => s.spaceRef)).toEqual(['BRU-A', 'BRU-A1']);
    // Its count of eligible spaces is theirs too; staff read the region's.
    const whole = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${runs.bru.id}`, {
      token: w.tokens.staffBRU,
    });
    expect(whole.body.eligibleCount).toBe(7);
    expect(whole.body.spaces.filter((s: any) => s.eligible)).toHaveLength(7);
    expect(mine.body.eligibleCount).toBe(0);
    // The run's progress is the region's, for both: it says how far the job is.
    expect(mine.body.progress).toEqual(whole.body.progress);
    const notMine = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${runs.single.id}`, {
      token: w.tokens.coordB,
    });
    expect(notMine.status).toBe(404);
    const otherRegion = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${runs.bru.id}`, {
      token: w.tokens.staffWAL,
    });
    expect(otherRegion.status).toBe(404);
  });

  it('records decisions, audited; against the evaluation only with a justification', async () => {
    const decide = (ref: string, token: string, body: Record<string, unknown>) =>
      api(t.baseUrl, 'POST', `/api/v1/labels/${ref}/decisions`, { token, body });
    const evaluationId = runs.bru.id;
    const labelsBefore = await w.sql(`SELECT count(*)::int AS n FROM labels`);

    expect((await decide('B1-AT', w.tokens.coordA, { decision: 'grant', evaluationId })).status).toBe(403);
    expect((await decide('B1-AT', w.tokens.staffWAL, { decision: 'grant', evaluationId })).status).toBe(403);
    const unjustified = await decide('B1-BELOW', w.tokens.staffBRU, { decision: 'grant', evaluationId });
    expect(unjustified.status).toBe(400);
    expect(unjustified.body.details).toEqual([expect.objectContaining({ field: 'justification' })]);
    const refuseEligible = await decide('B1-AT', w.tokens.staffBRU, { decision: 'refuse', evaluationId });
    expect(refuseEligible.status).toBe(400);
    expect(refuseEligible.body.details).toEqual([expect.objectContaining({ field: 'justification' })]);
    const wrongEvaluation = await decide('B1-AT', w.tokens.staffBRU, {
      decision: 'grant',
      evaluationId: runs.wal.id,
    });
    expect(wrongEvaluation.status).toBe(400);
    expect(wrongEvaluation.body.details).toEqual([expect.objectContaining({ field: 'evaluationId' })]);
    // An evaluation stored against another region's scheme (as runs were before requests were checked)
    // cannot carry that label: WAL-C "eligible" for the Brussels label is still not granted it.
    const [foreignRun] = await w.sql(
      `INSERT INTO label_evaluation_runs (scheme, scheme_version, region_code, space_id, until, window_from,
         window_to, total, status, eligible_count, finished_at)
       VALUES ('brussels-ocr', '2021', 'WAL', $1, $2, '2025-06-02', $3, 1, 'done', 1, now()) RETURNING id`,
      [w.spaces.C.id, UNTIL, WINDOW_END],
    );
    await w.sql(
      `INSERT INTO label_evaluation_results (run_id, space_id, eligible, weeks_with_data, criteria, evidence)
       VALUES ($1, $2, true, 52, '[]'::jsonb, '{}'::jsonb)`,
      [foreignRun.id, w.spaces.C.id],
    );
    const foreign = await decide('WAL-C', w.tokens.staffWAL, {
      decision: 'grant',
      evaluationId: foreignRun.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([
      expect.objectContaining({ field: 'evaluationId', code: 'LABELS.SCHEME_OTHER_REGION' }),
    ]);
    // The start date is not chosen: a request still sending one is refused on that field.
    const dated = await decide('B1-AT', w.tokens.staffBRU, {
      decision: 'grant',
      evaluationId,
      validFrom: '2023-06-01',
    });
    expect(dated.status).toBe(400);
    expect(dated.body.details).toEqual([expect.objectContaining({ field: 'validFrom' })]);
    expect(await w.sql(`SELECT count(*)::int AS n FROM labels`)).toEqual(labelsBefore);

    const granted = await decide('B1-AT', w.tokens.staffBRU, { decision: 'grant', evaluationId });
    // Valid from the decision date (today in Brussels) for the scheme's 3 years, the last day included.
    const today = brusselsDay(new Date());
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      status: 'granted',
      decision: 'grant',
      scheme: 'brussels-ocr',
      schemeVersion: '2021',
      validFrom: today,
      validUntil: threeYearsFrom(today),
    });
    // A label in force is neither granted again nor refused: suspend, withdraw or renew it.
    for (const decision of ['grant', 'refuse']) {
      const onTop = await decide('B1-AT', w.tokens.staffBRU, {
        decision,
        evaluationId,
        justification: 'test',
        currentDecisionId: granted.body.id,
      });
      expect([decision, onTop.status, onTop.body.details]).toEqual([
        decision,
        400,
        [expect.objectContaining({ field: 'decision', code: 'LABELS.DECISION_NOT_ALLOWED' })],
      ]);
    }
    expect(granted.body.verificationCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const justified = await decide('B1-BELOW', w.tokens.admin, {
      decision: 'grant',
      evaluationId,
      justification: 'Opening hours rose to 18 h since the window closed.',
    });
    expect(justified.status).toBe(201);

    const audit = await w.sql(
      `SELECT entity, action, entity_id, actor, trim(region_code) AS region, after->>'status' AS status
       FROM audit_log WHERE entity = 'label' ORDER BY occurred_at`,
    );
    expect(audit).toEqual([
      {
        entity: 'label',
        action: 'create',
        entity_id: granted.body.id,
        actor: 'staff-bru@example.be',
        region: 'BRU',
        status: 'granted',
      },
      {
        entity: 'label',
        action: 'create',
        entity_id: justified.body.id,
        actor: 'world-admin@example.be',
        region: 'BRU',
        status: 'granted',
      },
    ]);
    // Staff read the decisions of their region in the trail; WAL staff do not see BRU's.
    const audited = await api(t.baseUrl, 'GET', `/api/v1/audit?entity=label`, { token: w.tokens.staffBRU });
    expect(audited.status).toBe(200);
    expect(audited.body.items.map((e: any) => e.entityId).sort()).toEqual(
      [granted.body.id, justified.body.id].sort(),
    );
    const walAudit = await api(t.baseUrl, 'GET', `/api/v1/audit?entity=label`, { token: w.tokens.staffWAL });
    expect(walAudit.body.items).toEqual([]);
    runs.grant = granted.body;
  });

  it('gives one success and one 409 for two concurrent decisions on the same label', async () => {
    const body = { decision: 'suspend', evaluationId: runs.bru.id, currentDecisionId: runs.grant.id };
    // B1-AT is eligible: suspending or withdrawing its label goes against the evaluation.
    for (const decision of ['suspend', 'withdraw']) {
      const unjustified = await api(t.baseUrl, 'POST', '/api/v1/labels/B1-AT/decisions', {
        token: w.tokens.staffBRU,
        body: { ...body, decision },
      });
      expect([decision, unjustified.status, unjustified.body.details]).toEqual([
        decision,
        400,
        [expect.objectContaining({ field: 'justification', code: 'LABELS.JUSTIFICATION_REQUIRED' })],
      ]);
    }
    Object.assign(body, { justification: 'Complaints from visitors, under review.' });
    const answers = await Promise.all([
      api(t.baseUrl, 'POST', '/api/v1/labels/B1-AT/decisions', { token: w.tokens.staffBRU, body }),
      api(t.baseUrl, 'POST', '/api/v1/labels/B1-AT/decisions', {
        token: w.tokens.admin,
        body: { ...body, decision: 'withdraw' },
      }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('LABELS.DECISION_CONFLICT');
    const history = await api(t.baseUrl, 'GET', '/api/v1/labels/B1-AT', { token: w.tokens.coordA });
    expect(history.status).toBe(403); // coordA is not linked to B1-AT
    const staffHistory = await api(t.baseUrl, 'GET', '/api/v1/labels/B1-AT', { token: w.tokens.staffBRU });
    expect(staffHistory.body.items).toHaveLength(2);
    expect(staffHistory.body.items[1].id).toBe(runs.grant.id);
    // Reinstate, knowing the current decision: the history grows, never rewritten.
    const renewed = await api(t.baseUrl, 'POST', '/api/v1/labels/B1-AT/decisions', {
      token: w.tokens.staffBRU,
      body: {
        decision: 'renew',
        evaluationId: runs.bru.id,
        currentDecisionId: staffHistory.body.items[0].id,
      },
    });
    // A suspended label keeps its term and can be renewed (from today); a withdrawn one has no term
    // and cannot be renewed (grant it again instead).
    const today = brusselsDay(new Date());
    if (staffHistory.body.items[0].status === 'suspended') {
      expect(staffHistory.body.items[0]).toMatchObject({
        validFrom: runs.grant.validFrom,
        validUntil: runs.grant.validUntil,
      });
      expect(renewed.status).toBe(201);
      expect(renewed.body).toMatchObject({ validFrom: today, validUntil: threeYearsFrom(today) });
      runs.current = renewed.body;
    } else {
      expect(staffHistory.body.items[0]).toMatchObject({ status: 'withdrawn', validUntil: null });
      expect(renewed.status).toBe(400);
      const again = await api(t.baseUrl, 'POST', '/api/v1/labels/B1-AT/decisions', {
        token: w.tokens.staffBRU,
        body: {
          decision: 'grant',
          evaluationId: runs.bru.id,
          currentDecisionId: staffHistory.body.items[0].id,
        },
      });
      expect(again.status).toBe(201);
      runs.current = again.body;
    }
  });

  it('suspends a label keeping its term, and renews it from the decision date', async () => {
    const evaluationId = runs.bru.id;
    // Granted on 1 March 2024 (the clock moved back): 3 years, to 28 February 2027.
    const granted = await decideOn('2024-03-01', 'B2-AT', { decision: 'grant', evaluationId });
    expect(granted).toMatchObject({ validFrom: '2024-03-01', validUntil: '2027-02-28' });
    // B2-AT is eligible: a suspension goes against the evaluation and needs a reason.
    await expect(
      decideOn('2025-01-15', 'B2-AT', { decision: 'suspend', evaluationId }),
    ).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
      details: [expect.objectContaining({ field: 'justification' })],
    });
    const suspended = await decideOn('2025-01-15', 'B2-AT', {
      decision: 'suspend',
      evaluationId,
      justification: 'Inspection pending.',
    });
    expect(suspended).toMatchObject({
      status: 'suspended',
      validFrom: '2024-03-01',
      validUntil: '2027-02-28',
    });
    // Suspended: withdraw or renew only.
    for (const decision of ['grant', 'refuse', 'suspend']) {
      const refused = await api(t.baseUrl, 'POST', '/api/v1/labels/B2-AT/decisions', {
        token: w.tokens.staffBRU,
        body: { decision, evaluationId, justification: 'test', currentDecisionId: suspended.id },
      });
      expect([decision, refused.status, refused.body.details?.[0]?.field]).toEqual([
        decision,
        400,
        'decision',
      ]);
    }
    const renewed = await api(t.baseUrl, 'POST', '/api/v1/labels/B2-AT/decisions', {
      token: w.tokens.staffBRU,
      body: { decision: 'renew', evaluationId, currentDecisionId: suspended.id },
    });
    const today = brusselsDay(new Date());
    expect(renewed.status).toBe(201);
    expect(renewed.body).toMatchObject({
      status: 'granted',
      decision: 'renew',
      validFrom: today,
      validUntil: threeYearsFrom(today),
    });
  });

  it('prints a certificate in three languages and lets anyone verify its code', async () => {
    const code = runs.current.verificationCode;
    for (const [lang, title] of [
      ['nl', 'Labelcertificaat'],
      ['fr', 'Certificat de label'],
      ['en', 'Label certificate'],
    ]) {
      const res = await api(t.baseUrl, 'GET', `/api/v1/labels/B1-AT/certificate?lang=${lang}`, {
        token: w.tokens.staffBRU,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.body).toContain(title);
      expect(res.body).toContain('Space B1-AT');
      expect(res.body).toContain(code);
      expect(res.body).toContain(runs.current.validUntil);
      expect(res.body).toContain('@page');
      // Handlebars writes `=` as `&#x3D;`: the browser reads it back as `=`.
      expect(String(res.body).replace(/&#x3D;/g, '=')).toContain(`/verify?code=${code}`);
    }
    const ok = await api(t.baseUrl, 'GET', `/api/v1/public/certificates/${code}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      valid: true,
      status: 'granted',
      spaceName: 'Space B1-AT',
      scheme: 'brussels-ocr',
      schemeVersion: '2021',
    });
    // The first grant's code was superseded by later decisions.
    const old = await api(t.baseUrl, 'GET', `/api/v1/public/certificates/${runs.grant.verificationCode}`);
    expect(old.body).toMatchObject({ valid: false, status: 'superseded' });
    const unknown = await api(t.baseUrl, 'GET', '/api/v1/public/certificates/AAAA-BBBB-CCCC-DDDD');
    expect(unknown.status).toBe(404);
    const none = await api(t.baseUrl, 'GET', '/api/v1/labels/BRU-B/certificate', { token: w.tokens.coordB });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('LABELS.NO_CURRENT_LABEL');
  });

  it('escapes space names on the certificate', async () => {
    await w.sql(`UPDATE spaces SET name = '<script>alert(1)</script>' WHERE ref = 'B1-AT'`);
    const res = await api(t.baseUrl, 'GET', '/api/v1/labels/B1-AT/certificate?lang=en', {
      token: w.tokens.admin,
    });
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;');
    await w.sql(`UPDATE spaces SET name = 'Space B1-AT' WHERE ref = 'B1-AT'`);
  });

  it('expires ended labels, suspended ones too, daily and warns 60 days ahead of a grant, once', async () => {
    const evaluationId = runs.bru.id;
    const grantOn = (day: string, ref: string) =>
      decideOn(day, ref, { decision: 'grant', evaluationId, justification: 'test' });
    // Decided on earlier days (the clock moved back): BRU-A (coordinated by coordA) ends 2026-07-31;
    // BRU-B ended 2026-05-31; B3-AT ends 2026-06-30 and was suspended meanwhile.
    expect(await grantOn('2023-08-01', 'BRU-A')).toMatchObject({ validUntil: '2026-07-31' });
    expect(await grantOn('2023-06-01', 'BRU-B')).toMatchObject({ validUntil: '2026-05-31' });
    expect(await grantOn('2023-07-01', 'B3-AT')).toMatchObject({ validUntil: '2026-06-30' });
    await decideOn('2024-01-10', 'B3-AT', { decision: 'suspend', evaluationId, justification: 'test' });
    const expiry = t.app.get(LabelExpiryService, { strict: false });
    const now = new Date('2026-06-10T10:00:00Z');
    const first = await expiry.run(now);
    // BRU-B expires; BRU-A is warned to coordA and staff-bru. The suspended B3-AT, ending within 60
    // days too, is not warned about: it is not in force, and the region decides what comes next.
    expect(first).toMatchObject({ today: '2026-06-10', expired: 1, reminded: 2, emailed: 0 });
    const second = await expiry.run(now);
    expect(second).toMatchObject({ expired: 0, reminded: 0 });
    // After its end date, the suspended label expires too.
    const later = await expiry.run(new Date('2026-07-01T10:00:00Z'));
    expect(later).toMatchObject({ today: '2026-07-01', expired: 1, reminded: 0 });
    const rowsOf = (ref: string) =>
      w.sql(
        `SELECT l.status, l.decision, l.valid_until::text AS until FROM labels l JOIN spaces s ON s.id = l.space_id
         WHERE s.ref = $1 ORDER BY l.decided_at`,
        [ref],
      );
    expect(await rowsOf('BRU-B')).toEqual([
      { status: 'granted', decision: 'grant', until: '2026-05-31' },
      { status: 'expired', decision: 'expire', until: '2026-05-31' },
    ]);
    expect(await rowsOf('B3-AT')).toEqual([
      { status: 'granted', decision: 'grant', until: '2026-06-30' },
      { status: 'suspended', decision: 'suspend', until: '2026-06-30' },
      { status: 'expired', decision: 'expire', until: '2026-06-30' },
    ]);
    const reminders = await w.sql(
      `SELECT u.email, r.subject FROM reminders r JOIN users u ON u.id = r.user_id WHERE r.kind = 'label_expiry' ORDER BY u.email`,
    );
    expect(reminders.map((r: any) => r.email)).toEqual(['coord-a@example.be', 'staff-bru@example.be']);
    expect(reminders.every((r: any) => r.subject.startsWith('BRU-A/'))).toBe(true);
    const audit = await w.sql(
      `SELECT actor, before->>'status' AS before, after->>'status' AS after FROM audit_log
       WHERE entity = 'label' AND after->>'decision' = 'expire' ORDER BY occurred_at`,
    );
    expect(audit).toEqual([
      { actor: 'system', before: 'granted', after: 'expired' },
      { actor: 'system', before: 'suspended', after: 'expired' },
    ]);
  });
});
