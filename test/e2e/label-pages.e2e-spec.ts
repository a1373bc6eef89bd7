import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { cookiesOf, tokenIn } from '../support/page-session.js';

/** The label decision form over plain HTTP: who may post, plain errors, conflicts, the saved decision. */
describe('label pages over HTTP', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let runId: string;

  beforeAll(async () => {
    t = await startTestApi();
    world = await seedRegistryWorld(t);
    // A finished evaluation in which BRU-A does not meet the rules (stored as the worker stores it).
    const [run] = await world.sql(
      `INSERT INTO label_evaluation_runs (scheme, scheme_version, region_code, space_id, until, window_from,
         window_to, total, status, eligible_count, finished_at)
       VALUES ('brussels-ocr', '2021', 'BRU', $1, '2026-11-15', '2025-11-17', '2026-11-15', 1, 'done', 0, now())
       RETURNING id`,
      [world.spaces.A.id],
    );
    runId = run.id;
    const criteria = [
      {
        criterion: 'B1',
        metric: 'avg_weekly_opening_hours',
        measured: 12.5,
        threshold: 15,
        operator: '>=',
        outcome: 'fail',
        mandatory: true,
        evidence: {},
      },
    ];
    await world.sql(
      `INSERT INTO label_evaluation_results (run_id, space_id, eligible, weeks_with_data, criteria, evidence)
       VALUES ($1, $2, false, 40, $3::jsonb, '{}'::jsonb)`,
      [runId, world.spaces.A.id, JSON.stringify(criteria)],
    );
  });
  afterAll(() => t?.close());

  async function signedIn(email: string) {
    const page = await fetch(`${t.baseUrl}/login`);
    let cookies = cookiesOf(page);
    const csrf = tokenIn(await page.text());
    const res = await fetch(`${t.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ _csrf: csrf, email, password: 'a long enough password' }).toString(),
    });
    expect(res.status).toBe(303);
    cookies = `${cookies}; ${cookiesOf(res)}`;
    const get = (path: string) =>
      fetch(`${t.baseUrl}${path}`, { redirect: 'manual', headers: { cookie: cookies } });
    const decide = async (fields: Record<string, string>) => {
      const res = await fetch(`${t.baseUrl}/staff/labels/BRU-A/decisions?lang=en`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({
          _csrf: csrf,
          evaluationId: runId,
          currentDecisionId: '',
          ...fields,
        }).toString(),
      });
      return { status: res.status, location: res.headers.get('location'), html: await res.text() };
    };
    return { get, decide };
  }

  const labelCount = async () => (await world.sql(`SELECT count(*)::int AS n FROM labels`))[0].n;

  it('shows the latest evidence in the scheme words, and refuses coordinators and other regions', async () => {
    const staff = await signedIn('staff-bru@example.be');
    const page = await staff.get('/staff/labels/BRU-A?lang=en');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Open at least 15 h a week to all publics');
    expect(html).toContain('The space does not meet all the label rules.');
    expect(html).toContain(`name="evaluationId" value="${runId}"`);

    for (const email of ['coord-a@example.be', 'staff-wal@example.be']) {
      const other = await signedIn(email);
      expect((await other.get('/staff/labels/BRU-A')).status).toBe(403);
      const posted = await other.decide({ decision: 'grant', justification: 'forged' });
      expect(posted.status).toBe(403);
    }
    // The coordinator reads the same evidence on their own page.
    const coordinator = await signedIn('coord-a@example.be');
    const own = await coordinator.get('/spaces/BRU-A/label?lang=en');
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('This space has no label yet.');
    expect(await labelCount()).toBe(0);
  });

  it('names the weeks of the evaluation by number and dates, not as ISO codes, in NL, FR and EN', async () => {
    // The run's window: 17 November 2025 (2025-W47) to 15 November 2026 (2026-W46).
    const weeks = {
      nl: 'met de weken van week 47 (17–23 november 2025) tot week 46 (9–15 november 2026).',
      fr: 'avec les semaines de la semaine 47 (du 17 au 23 novembre 2025) à la semaine 46 (du 9 au 15 novembre 2026).',
      en: 'with the weeks from week 47 (17–23 November 2025) to week 46 (9–15 November 2026).',
    };
    const coordinator = await signedIn('coord-a@example.be');
    const staff = await signedIn('staff-bru@example.be');
    for (const [lang, text] of Object.entries(weeks)) {
      for (const [who, path] of [
        [coordinator, '/spaces/BRU-A/label'],
        [staff, '/staff/labels/BRU-A'],
      ] as const) {
        const html = await (await who.get(`${path}?lang=${lang}`)).text();
        expect({ path, lang, has: html.includes(text) }).toEqual({ path, lang, has: true });
        expect(html).not.toMatch(/\d{4}-W\d{2}/);
      }
    }
  });

  it('answers bad decisions next to the field, in plain words, and saves nothing', async () => {
    const staff = await signedIn('staff-bru@example.be');
    const noReason = await staff.decide({ decision: 'grant' });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain(
      'The evaluation found that the space does not meet the rules. Explain why you grant the label anyway.',
    );
    expect(noReason.html).toMatch(/id="field-justification"[^>]*aria-invalid="true"/);

    const forged = await staff.decide({ decision: 'suspend' });
    expect(forged.status).toBe(400);
    expect(forged.html).toContain(
      'This decision does not fit the current label (no label). Choose another one.',
    );

    const wrongRun = await staff.decide({ decision: 'grant', justification: 'x', evaluationId: 'not-a-run' });
    expect(wrongRun.status).toBe(400);
    expect(wrongRun.html).toContain('This evaluation cannot be used for this space.');

    const tooLong = await staff.decide({ decision: 'refuse', justification: 'x'.repeat(4001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.html).toContain('Write at most 4000 characters.');
    expect(await labelCount()).toBe(0);
  });

  it('saves a grant valid from today, offers no start date, then refuses a decision taken on a stale page', async () => {
    const staff = await signedIn('staff-bru@example.be');
    const page = await (await staff.get('/staff/labels/BRU-A?lang=en')).text();
    expect(page).not.toContain('name="validFrom"');
    expect(page).toContain('No decision has been taken on this label yet.');
    expect(page).toContain('A granted or renewed label is valid from today for 3 years.');
    // A start date slipped into the form changes nothing: the label starts on the decision date.
    const saved = await staff.decide({
      decision: 'grant',
      justification: 'Seen on site.',
      validFrom: '2023-06-01',
    });
    expect(saved).toMatchObject({ status: 303, location: '/staff/labels/BRU-A?saved=1' });
    const [label] = await world.sql(
      `SELECT id, status, valid_from::text AS "from", valid_until::text AS "until", verification_code AS code
       FROM labels WHERE space_id = $1`,
      [world.spaces.A.id],
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const [y, m, d] = today.split('-').map(Number);
    const until = new Date(Date.UTC(y + 3, m - 1, d - 1)).toISOString().slice(0, 10);
    expect(label).toMatchObject({ status: 'granted', from: today, until });

    // Someone decided since this form was read (its currentDecisionId is empty): 409, nothing saved.
    const stale = await staff.decide({ decision: 'refuse', justification: 'late' });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('Someone else decided on this label in the meantime.');
    expect(stale.html).toContain(`name="currentDecisionId" value="${label.id}"`);
    expect(await labelCount()).toBe(1);

    // On a granted label, a forged refusal does not fit; the list offers suspend, withdraw, renew.
    const onTop = await staff.decide({ decision: 'refuse', justification: 'x', currentDecisionId: label.id });
    expect(onTop.status).toBe(400);
    expect(onTop.html).toContain(
      'This decision does not fit the current label (granted). Choose another one.',
    );
    const select = /<select[^>]*name="decision"[\s\S]*?<\/select>/.exec(onTop.html)?.[0] ?? '';
    expect([...select.matchAll(/<option value="([a-z]+)"/g)].map((o) => o[1])).toEqual([
      'suspend',
      'withdraw',
      'renew',
    ]);
    expect(await labelCount()).toBe(1);

    // The decision page lists what was decided, when, for how long and why.
    const after = await (await staff.get('/staff/labels/BRU-A?lang=en')).text();
    const history = /<caption id="history-caption">[\s\S]*?<\/table>/.exec(after)?.[0] ?? '';
    const rows = [
      ...history.matchAll(
        /<tr>\s*<th scope="row">([^<]*)<\/th>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/g,
      ),
    ].map((r) => r.slice(1));
    expect(rows).toHaveLength(1);
    expect(rows[0][1]).toBe('Granted');
    expect(rows[0][2]).toMatch(/^from .+ to .+$/);
    expect(rows[0][3]).toBe('Seen on site.');

    // The certificate is valid at once.
    const visitor = await fetch(`${t.baseUrl}/verify?code=${label.code}&lang=en`);
    expect(visitor.status).toBe(200);
    expect(await visitor.text()).toContain('This certificate is valid.');
  });

  it('never presents a label dated ahead (stored before grants started on their decision date) as in force', async () => {
    // BRU-B's grant, stored back when a start date could be chosen, starts next year.
    const year = new Date().getUTCFullYear() + 1;
    await world.sql(
      `INSERT INTO labels (space_id, scheme, scheme_version, status, decision, valid_from, valid_until, verification_code)
       VALUES ($1, 'brussels-ocr', '2021', 'granted', 'grant', $2, $3, 'ABCD-EFGH-JKMN-PQRS')`,
      [world.spaces.B.id, `${year}-03-01`, `${year + 3}-02-28`],
    );
    const visitor = await fetch(`${t.baseUrl}/verify?code=ABCD-EFGH-JKMN-PQRS&lang=en`);
    const html = await visitor.text();
    expect(html).toContain(`This certificate is real, but the label only starts on 1 March ${year}.`);
    const certificate = await fetch(`${t.baseUrl}/api/v1/labels/BRU-B/certificate?lang=en`, {
      headers: { authorization: `Bearer ${world.tokens.staffBRU}` },
    });
    expect(certificate.status).toBe(404);
    expect(((await certificate.json()) as { code: string }).code).toBe('LABELS.NO_CURRENT_LABEL');
  });
});
