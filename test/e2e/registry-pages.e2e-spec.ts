import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { cookiesOf, tokenIn } from '../support/page-session.js';

/** The registry edit pages over plain HTTP: forms without JavaScript, what is stored, and who may. */
describe('registry edit pages over HTTP', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let coordA: Session;

  interface Session {
    cookies: string;
    csrf: string;
  }

  const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

  async function signedIn(email: string): Promise<Session> {
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
    return { cookies, csrf };
  }

  const get = (session: Session, path: string) =>
    fetch(`${t.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=en`, {
      headers: { cookie: session.cookies },
      redirect: 'manual',
    });

  const post = (session: Session, path: string, fields: Record<string, string>) =>
    fetch(`${t.baseUrl}${path}?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookies },
      body: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
    });

  beforeAll(async () => {
    t = await startTestApi();
    world = await seedRegistryWorld(t);
    coordA = await signedIn('coord-a@example.be');
  }, 120_000);
  afterAll(() => t?.close());

  const equipmentRow = async (ref: string) =>
    (
      await world.sql(
        `SELECT e.type, e.quantity, e.acquired_on::text AS acquired_on, e.retired_on::text AS retired_on,
                e.free_software, e.version, s.ref AS space
         FROM equipment e JOIN spaces s ON s.id = e.space_id WHERE e.ref = $1`,
        [ref],
      )
    )[0];

  it('adds, changes and removes an equipment batch, and lists it with a link to change it', async () => {
    const form = await get(coordA, '/spaces/BRU-A/registry/equipment/new');
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<label class="label" for="field-quantity">');
    expect(html).toContain('inputmode="numeric"');

    const added = await post(coordA, '/spaces/BRU-A/registry/equipment/new', {
      ref: 'PC-2026-01',
      type: 'laptop',
      quantity: '6',
      acquiredOn: '2026-01-15',
      retiredOn: '',
      provenance: 'donation',
      freeSoftware: 'yes',
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/spaces/BRU-A/registry?saved=equipment#saved');
    expect(await equipmentRow('PC-2026-01')).toEqual({
      type: 'laptop',
      quantity: 6,
      acquired_on: '2026-01-15',
      retired_on: null,
      free_software: true,
      version: 1,
      space: 'BRU-A',
    });
    const list = await (await get(coordA, '/spaces/BRU-A/registry')).text();
    expect(list).toContain('href="/spaces/BRU-A/registry/equipment/PC-2026-01"');
    expect(list).toContain('href="/spaces/BRU-A/registry/equipment/new"');

    const edit = await (await get(coordA, '/spaces/BRU-A/registry/equipment/PC-2026-01')).text();
    expect(edit).toContain('value="15/01/2026"');
    expect(versionIn(edit)).toBe('1');
    const changed = await post(coordA, '/spaces/BRU-A/registry/equipment/PC-2026-01', {
      version: '1',
      type: 'laptop',
      quantity: '5',
      acquiredOn: '2026-01-15',
      retiredOn: '2026-06-30',
      provenance: 'donation',
      freeSoftware: 'no',
    });
    expect(changed.status).toBe(303);
    expect(await equipmentRow('PC-2026-01')).toMatchObject({
      quantity: 5,
      retired_on: '2026-06-30',
      free_software: false,
      version: 2,
    });
    const [audit] = await world.sql(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'equipment' AND action IN ('create', 'update')
       AND entity_id = (SELECT id::text FROM equipment WHERE ref = 'PC-2026-01')`,
    );
    expect(audit.n).toBe(2);

    // The edit form links to the question; it has no form that removes at once.
    const editAgain = await (await get(coordA, '/spaces/BRU-A/registry/equipment/PC-2026-01')).text();
    expect(editAgain).toContain('href="/spaces/BRU-A/registry/equipment/PC-2026-01/remove"');
    expect(editAgain).not.toContain('action="/spaces/BRU-A/registry/equipment/PC-2026-01/remove"');
    const question = await get(coordA, '/spaces/BRU-A/registry/equipment/PC-2026-01/remove');
    expect(question.status).toBe(200);
    expect(await question.text()).toContain('<h1>Remove this equipment (PC-2026-01, Laptop)?</h1>');
    expect(await equipmentRow('PC-2026-01')).toMatchObject({ quantity: 5 });

    const removed = await post(coordA, '/spaces/BRU-A/registry/equipment/PC-2026-01/remove', {
      confirm: 'yes',
    });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/spaces/BRU-A/registry?saved=removed#saved');
    expect(await equipmentRow('PC-2026-01')).toBeUndefined();
  });

  it('removes nothing without the "yes" of the question: an old form or a mis-tap gets the question', async () => {
    await world.sql(
      `INSERT INTO equipment (space_id, ref, type, quantity) SELECT id, 'PC-KEEP', 'tablet', 2 FROM spaces WHERE ref = 'BRU-A'`,
    );
    const [line] = await world.sql(
      `INSERT INTO funding (space_id, year, source, amount_eur, kind, programme)
       SELECT id, 2025, 'region', 100, 'project', 'Kept programme' FROM spaces WHERE ref = 'BRU-A' RETURNING id`,
    );
    const cases = [
      ['/spaces/BRU-A/registry/equipment/PC-KEEP', 'Remove this equipment (PC-KEEP, Tablet)?'],
      [`/spaces/BRU-A/registry/funding/${line.id}`, 'Remove this funding (2025, Region, Kept programme)?'],
    ];
    for (const [edit, title] of cases) {
      // An old form (no confirm) or any other value than "yes": never a removal.
      const tries: Record<string, string>[] = [{}, { confirm: 'no' }, { confirm: 'YES' }];
      for (const fields of tries) {
        const res = await post(coordA, `${edit}/remove`, fields);
        expect({ edit, fields, status: res.status }).toEqual({ edit, fields, status: 200 });
        const html = await res.text();
        expect(html).toContain(`<h1>${title}</h1>`);
        expect(html).toContain('This cannot be undone.');
        expect(html).toContain(`<form method="post" action="${edit}/remove"`);
        expect(html).toContain('<input type="hidden" name="confirm" value="yes">');
        expect(html).toMatch(/name="_csrf" value="[^"]+"/);
        expect(html).toContain('>Yes, remove it</button>');
        expect(html).toContain(`<a class="registry-pages-cancel" href="${edit}">No, keep it</a>`);
      }
    }
    expect(await equipmentRow('PC-KEEP')).toMatchObject({ quantity: 2 });
    expect(await world.sql(`SELECT id FROM funding WHERE id = $1`, [line.id])).toHaveLength(1);

    // The "yes" without the CSRF token of the session is refused too.
    const forged = await fetch(`${t.baseUrl}/spaces/BRU-A/registry/equipment/PC-KEEP/remove?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: coordA.cookies },
      body: new URLSearchParams({ confirm: 'yes' }).toString(),
    });
    expect(forged.status).toBe(403);
    expect(await equipmentRow('PC-KEEP')).toMatchObject({ quantity: 2 });
  });

  it('asks the question in NL, FR and EN, with a "yes" that removes and a "no" that goes back', async () => {
    const [animator] = await world.sql(
      `INSERT INTO animators (ref, name) VALUES ('ANIM-ASK', 'Lou Martin') RETURNING id`,
    );
    const [assignment] = await world.sql(
      `INSERT INTO animator_assignments (animator_id, space_id, role, fte, qualified, starts_on)
       SELECT $1, id, 'animator', 0.5, true, '2025-01-06' FROM spaces WHERE ref = 'BRU-A' RETURNING id`,
      [animator.id],
    );
    const edit = `/spaces/BRU-A/registry/animators/${assignment.id}`;
    for (const [lang, title, undo, yes, no] of [
      [
        'nl',
        'Deze animator (Lou Martin) verwijderen?',
        'Dit kunt u niet ongedaan maken.',
        'Ja, verwijderen',
        'Nee, bewaren',
      ],
      [
        'fr',
        'Supprimer cet animateur (Lou Martin) ?',
        'Vous ne pourrez pas revenir en arrière.',
        'Oui, supprimer',
        'Non, garder',
      ],
      ['en', 'Remove this animator (Lou Martin)?', 'This cannot be undone.', 'Yes, remove it', 'No, keep it'],
    ]) {
      const res = await fetch(`${t.baseUrl}${edit}/remove?lang=${lang}`, {
        headers: { cookie: coordA.cookies },
        redirect: 'manual',
      });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<title>${title}`);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).toContain(`<strong>${undo}</strong>`);
      expect(html).toContain(`>${yes}</button>`);
      expect(html).toContain(`href="${edit}">${no}</a>`);
      // The edit page's own link to the question, in the same language.
      const form = await (
        await fetch(`${t.baseUrl}${edit}?lang=${lang}`, { headers: { cookie: coordA.cookies } })
      ).text();
      expect(form).toContain(`href="${edit}/remove"`);
    }
    const [{ n: before }] = await world.sql(
      `SELECT count(*)::int AS n FROM animator_assignments WHERE id = $1`,
      [assignment.id],
    );
    expect(before).toBe(1);
    const removed = await post(coordA, `${edit}/remove`, { confirm: 'yes' });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/spaces/BRU-A/registry?saved=removed#saved');
    expect(await world.sql(`SELECT id FROM animator_assignments WHERE id = $1`, [assignment.id])).toEqual([]);
    // Asked again once it is gone: the record is not found.
    expect((await get(coordA, `${edit}/remove`)).status).toBe(404);
  });

  it('answers 400 with every problem next to its field and in the summary, and stores nothing', async () => {
    const res = await post(coordA, '/spaces/BRU-A/registry/equipment/new', {
      ref: 'bad ref!',
      type: '',
      quantity: 'six',
      acquiredOn: '2026-02-31',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const field of ['ref', 'type', 'quantity', 'acquiredOn']) {
      expect(html).toContain(`id="field-${field}-error"`);
      expect(html).toContain(`href="#field-${field}"`);
    }
    expect(html).toContain('Write a whole number from 1 to 100000.');
    expect(html).toContain('value="six"');
    expect(await equipmentRow('bad ref!')).toBeUndefined();

    // A rule the service checks (dates in order) is shown the same way.
    const order = await post(coordA, '/spaces/BRU-A/registry/equipment/new', {
      ref: 'PC-ORDER',
      type: 'tablet',
      quantity: '1',
      acquiredOn: '2026-05-01',
      retiredOn: '2026-04-01',
    });
    expect(order.status).toBe(400);
    expect(await order.text()).toContain('The date retired must be on or after the date received.');
    expect(await equipmentRow('PC-ORDER')).toBeUndefined();

    const funding = await post(coordA, '/spaces/BRU-A/registry/funding/new', {
      year: '1800',
      source: 'region',
      kind: 'project',
      amountEur: '12,345',
    });
    expect(funding.status).toBe(400);
    const fundingHtml = await funding.text();
    expect(fundingHtml).toContain('id="field-year-error"');
    expect(fundingHtml).toContain('id="field-amountEur-error"');
    const [{ n }] = await world.sql(`SELECT count(*)::int AS n FROM funding WHERE year = 1800`);
    expect(n).toBe(0);
  });

  it('adds, changes and removes a funding line', async () => {
    const added = await post(coordA, '/spaces/BRU-A/registry/funding/new', {
      year: '2026',
      source: 'municipality',
      kind: 'structural',
      amountEur: '12500,50',
      programme: 'Convention 2026',
      endsOn: '',
    });
    expect(added.status).toBe(303);
    const [line] = await world.sql(
      `SELECT f.id, f.amount_eur::text AS amount, f.version, f.ends_on::text AS ends_on FROM funding f
       JOIN spaces s ON s.id = f.space_id WHERE s.ref = 'BRU-A' AND f.programme = 'Convention 2026'`,
    );
    expect(line).toMatchObject({ amount: '12500.50', version: 1, ends_on: null });
    const edit = await (await get(coordA, `/spaces/BRU-A/registry/funding/${line.id}`)).text();
    expect(edit).toContain('value="Convention 2026"');

    const changed = await post(coordA, `/spaces/BRU-A/registry/funding/${line.id}`, {
      version: '1',
      year: '2026',
      source: 'municipality',
      kind: 'structural',
      amountEur: '13000',
      programme: 'Convention 2026',
      endsOn: '2026-12-31',
    });
    expect(changed.status).toBe(303);
    const [after] = await world.sql(
      `SELECT amount_eur::text AS amount, ends_on::text AS ends_on, version FROM funding WHERE id = $1`,
      [line.id],
    );
    expect(after).toEqual({ amount: '13000.00', ends_on: '2026-12-31', version: 2 });

    const removed = await post(coordA, `/spaces/BRU-A/registry/funding/${line.id}/remove`, {
      confirm: 'yes',
    });
    expect(removed.status).toBe(303);
    expect(await world.sql(`SELECT id FROM funding WHERE id = $1`, [line.id])).toEqual([]);
  });

  it('adds an animator, changes and ends their assignment, keeps contact details out of the trail', async () => {
    const added = await post(coordA, '/spaces/BRU-A/registry/animators/new', {
      name: 'Marie Dupont',
      ref: 'ANIM-PAGE-1',
      email: 'marie@example.be',
      phone: '',
      role: 'animator',
      contract: 'employee',
      fte: '0,5',
      qualified: 'yes',
      startsOn: '2026-01-05',
      endsOn: '',
    });
    expect(added.status).toBe(303);
    const assignment = async () =>
      (
        await world.sql(
          `SELECT x.id, x.role, x.fte::text AS fte, x.ends_on::text AS ends_on, x.version, s.ref AS space
           FROM animator_assignments x JOIN animators a ON a.id = x.animator_id JOIN spaces s ON s.id = x.space_id
           WHERE a.ref = 'ANIM-PAGE-1'`,
        )
      )[0];
    const first = await assignment();
    expect(first).toMatchObject({
      role: 'animator',
      fte: '0.500',
      ends_on: null,
      version: 1,
      space: 'BRU-A',
    });
    const trail = await world.sql(`SELECT before::text AS b, after::text AS a FROM audit_log`);
    expect(JSON.stringify(trail)).not.toContain('marie@example.be');
    expect(JSON.stringify(trail)).not.toContain('Marie Dupont');

    const list = await (await get(coordA, '/spaces/BRU-A/registry')).text();
    expect(list).toContain(`href="/spaces/BRU-A/registry/animators/${first.id}"`);

    const changed = await post(coordA, `/spaces/BRU-A/registry/animators/${first.id}`, {
      version: '1',
      role: 'project_lead',
      contract: 'employee',
      fte: '0.8',
      qualified: 'yes',
      startsOn: '2026-01-05',
      endsOn: '2026-09-30',
    });
    expect(changed.status).toBe(303);
    expect(await assignment()).toMatchObject({
      role: 'project_lead',
      fte: '0.800',
      ends_on: '2026-09-30',
      version: 2,
    });

    const bad = await post(coordA, `/spaces/BRU-A/registry/animators/${first.id}`, {
      version: '2',
      role: 'project_lead',
      fte: '0.8',
      qualified: 'yes',
      startsOn: '2026-01-05',
      endsOn: '2025-12-31',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The last day must be on or after the first day.');

    const removed = await post(coordA, `/spaces/BRU-A/registry/animators/${first.id}/remove`, {
      confirm: 'yes',
    });
    expect(removed.status).toBe(303);
    expect(await assignment()).toBeUndefined();
  });

  it('answers 409 on a stale version, keeps what was typed, and saving again then works', async () => {
    await world.sql(
      `INSERT INTO equipment (space_id, ref, type, quantity) SELECT id, 'PC-STALE', 'desktop', 3 FROM spaces WHERE ref = 'BRU-A'`,
    );
    const stale = await post(coordA, '/spaces/BRU-A/registry/equipment/PC-STALE', {
      version: '1',
      type: 'desktop',
      quantity: '9',
    });
    expect(stale.status).toBe(303);
    const again = await post(coordA, '/spaces/BRU-A/registry/equipment/PC-STALE', {
      version: '1',
      type: 'desktop',
      quantity: '7',
    });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('Someone else changed this record after you opened it.');
    expect(html).toContain('value="7"');
    expect(versionIn(html)).toBe('2');
    expect(await equipmentRow('PC-STALE')).toMatchObject({ quantity: 9, version: 2 });
    const retry = await post(coordA, '/spaces/BRU-A/registry/equipment/PC-STALE', {
      version: versionIn(html),
      type: 'desktop',
      quantity: '7',
    });
    expect(retry.status).toBe(303);
    expect(await equipmentRow('PC-STALE')).toMatchObject({ quantity: 7, version: 3 });
  });

  it("refuses another space's records and changes nothing", async () => {
    await world.sql(
      `INSERT INTO equipment (space_id, ref, type, quantity) SELECT id, 'PC-OF-B', 'desktop', 2 FROM spaces WHERE ref = 'BRU-B'`,
    );
    const [fundingB] = await world.sql(
      `INSERT INTO funding (space_id, year, source, amount_eur, kind, programme)
       SELECT id, 2025, 'region', 100, 'project', '' FROM spaces WHERE ref = 'BRU-B' RETURNING id`,
    );
    const before = await equipmentRow('PC-OF-B');

    // Through BRU-A's address: the record is not found there.
    const viaA = await get(coordA, '/spaces/BRU-A/registry/equipment/PC-OF-B');
    expect(viaA.status).toBe(404);
    const postViaA = await post(coordA, '/spaces/BRU-A/registry/equipment/PC-OF-B', {
      version: '1',
      type: 'laptop',
      quantity: '1',
    });
    expect(postViaA.status).toBe(404);
    const yes = { confirm: 'yes' };
    expect((await get(coordA, '/spaces/BRU-A/registry/equipment/PC-OF-B/remove')).status).toBe(404);
    expect((await post(coordA, '/spaces/BRU-A/registry/equipment/PC-OF-B/remove', {})).status).toBe(404);
    expect((await post(coordA, '/spaces/BRU-A/registry/equipment/PC-OF-B/remove', yes)).status).toBe(404);
    expect((await get(coordA, `/spaces/BRU-A/registry/funding/${fundingB.id}`)).status).toBe(404);
    expect((await get(coordA, `/spaces/BRU-A/registry/funding/${fundingB.id}/remove`)).status).toBe(404);
    expect((await post(coordA, `/spaces/BRU-A/registry/funding/${fundingB.id}/remove`, yes)).status).toBe(
      404,
    );

    // Through BRU-B's address: coord-a may not work on BRU-B.
    const viaB = await post(coordA, '/spaces/BRU-B/registry/equipment/PC-OF-B', {
      version: '1',
      type: 'laptop',
      quantity: '1',
    });
    expect(viaB.status).toBe(403);
    expect(await viaB.text()).toContain('<h1>');
    expect((await get(coordA, '/spaces/BRU-B/registry/equipment/PC-OF-B/remove')).status).toBe(403);
    expect((await post(coordA, '/spaces/BRU-B/registry/equipment/PC-OF-B/remove', yes)).status).toBe(403);
    expect(
      (
        await post(coordA, '/spaces/BRU-B/registry/equipment/new', {
          ref: 'X',
          type: 'laptop',
          quantity: '1',
        })
      ).status,
    ).toBe(403);

    expect(await equipmentRow('PC-OF-B')).toEqual(before);
    expect(await world.sql(`SELECT id FROM funding WHERE id = $1`, [fundingB.id])).toHaveLength(1);
    expect(await equipmentRow('X')).toBeUndefined();
  });

  describe('forms in the words and formats people use', () => {
    const postIn = (lang: string, session: Session, path: string, fields: Record<string, string>) =>
      fetch(`${t.baseUrl}${path}?lang=${lang}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookies },
        body: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
      });
    const summaryOf = (html: string) =>
      [
        ...(/<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '').matchAll(
          /<a href="[^"]*">([^<]*)<\/a>/g,
        ),
      ].map((match) => match[1]);
    const session = {
      title: 'Mail basics',
      date: '',
      theme: '',
      format: '',
      durationHours: '2',
      participants: '8',
      newParticipants: '',
      language: '',
      ref: '',
    };

    it('names the field of each problem in the summary of the training, animator and week forms', async () => {
      const nl = await postIn('nl', coordA, '/spaces/BRU-A/training', { ...session, date: '18/11/2026' });
      expect(nl.status).toBe(400);
      expect(summaryOf(await nl.text())).toEqual([
        'Thema: Vul dit veld in.',
        'Vorm: Vul dit veld in.',
        'Nieuwe deelnemers: Vul dit veld in.',
      ]);
      const fr = await postIn('fr', coordA, '/spaces/BRU-A/training', { ...session, date: '18/11/2026' });
      expect(summaryOf(await fr.text())).toEqual([
        'Thème : Remplissez ce champ.',
        'Format : Remplissez ce champ.',
        'Nouveaux participants : Remplissez ce champ.',
      ]);

      const animator = await post(coordA, '/spaces/BRU-A/registry/animators/new', {
        name: 'Ann',
        ref: 'bad ref!',
        fte: '0,5',
        startsOn: '1/9/2026',
      });
      expect(animator.status).toBe(400);
      const animatorHtml = await animator.text();
      expect(summaryOf(animatorHtml)).toEqual([
        'Reference: Write a short code of letters, digits and dashes, without spaces, for example ANI-12.',
        'Role: Choose one of the options.',
        'Has a recognised qualification for this work: Choose one of the options.',
      ]);
      expect(animatorHtml).not.toContain('PC-2024-01');
      expect(animatorHtml).toContain('value="1/9/2026"');

      const week = await post(coordA, '/spaces/BRU-A/week', {
        week: '2026-W05',
        openingHours: 'veel',
        visits: '12',
      });
      expect(week.status).toBe(400);
      expect(summaryOf(await week.text())[0]).toMatch(/^[^:]+: Write a number, for example 12 or 7.5.$/);
    });

    it('takes dates typed 18/11/2026 and makes a reference from the date when it is left empty', async () => {
      const full = { ...session, theme: 'office', format: 'workshop', newParticipants: '3' };
      const first = await postIn('nl', coordA, '/spaces/BRU-A/training', { ...full, date: '18/11/2026' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toContain('saved=2026-11-18-1');
      const second = await postIn('fr', coordA, '/spaces/BRU-A/training', { ...full, date: '18.11.2026' });
      expect(second.headers.get('location')).toContain('saved=2026-11-18-2');
      const rows = await world.sql(
        `SELECT t.ref, t.date::text AS date FROM training_sessions t JOIN spaces s ON s.id = t.space_id
         WHERE s.ref = 'BRU-A' AND t.title = 'Mail basics' ORDER BY t.ref`,
      );
      expect(rows).toEqual([
        { ref: '2026-11-18-1', date: '2026-11-18' },
        { ref: '2026-11-18-2', date: '2026-11-18' },
      ]);
      // The list says the new participants in the reader's typography (French: a space before the colon).
      const list = await (
        await fetch(`${t.baseUrl}/spaces/BRU-A/training?year=2026&lang=fr`, {
          headers: { cookie: coordA.cookies },
        })
      ).text();
      expect(list).toContain('8 (nouveaux participants : 3)');

      // A day that does not exist stays an error, and the field keeps what was typed.
      const wrong = await postIn('nl', coordA, '/spaces/BRU-A/training', { ...full, date: '31/02/2026' });
      expect(wrong.status).toBe(400);
      const html = await wrong.text();
      expect(html).toContain('value="31/02/2026"');
      expect(summaryOf(html)).toEqual([
        'Datum: Schrijf een datum als dag/maand/jaar, bijvoorbeeld 18/11/2026.',
      ]);
      // A reference that is typed but not a code says so plainly, not the hint again.
      const badRef = await postIn('nl', coordA, '/spaces/BRU-A/training', {
        ...full,
        date: '18/11/2026',
        ref: 'mijn ref',
      });
      expect(summaryOf(await badRef.text())[0]).toContain('Gebruik alleen letters, cijfers en streepjes');

      const equipment = await postIn('nl', coordA, '/spaces/BRU-A/registry/equipment/new', {
        ref: 'PC-DAYFIRST',
        type: 'laptop',
        quantity: '2',
        acquiredOn: '18-11-2026',
        retiredOn: '',
      });
      expect(equipment.status).toBe(303);
      expect(await equipmentRow('PC-DAYFIRST')).toMatchObject({ acquired_on: '2026-11-18' });
    });

    it('takes amounts written as the page shows them, and says how to write an ambiguous one', async () => {
      const fields = { year: '2026', source: 'region', kind: 'project', endsOn: '31/12/2026' };
      for (const [lang, amountEur, programme] of [
        ['nl', '12.500,50', 'Amount NL'],
        ['fr', '€ 12 500,50', 'Amount FR'],
        ['en', '12,500.50', 'Amount EN'],
      ]) {
        const res = await postIn(lang, coordA, '/spaces/BRU-A/registry/funding/new', {
          ...fields,
          amountEur,
          programme,
        });
        expect(res.status).toBe(303);
        const [line] = await world.sql(
          `SELECT amount_eur::text AS amount, ends_on::text AS ends_on FROM funding WHERE programme = $1`,
          [programme],
        );
        expect(line).toEqual({ amount: '12500.50', ends_on: '2026-12-31' });
      }
      const ambiguous = await postIn('nl', coordA, '/spaces/BRU-A/registry/funding/new', {
        ...fields,
        amountEur: '12.500',
        programme: 'Ambiguous',
      });
      expect(ambiguous.status).toBe(400);
      expect(summaryOf(await ambiguous.text())).toEqual([
        'Bedrag in euro: Schrijf het bedrag met de centen na een komma, bijvoorbeeld 12500,00 of 12.500,00 voor twaalfduizend vijfhonderd euro.',
      ]);
      expect(await world.sql(`SELECT id FROM funding WHERE programme = 'Ambiguous'`)).toEqual([]);
    });

    it('takes the dates of opening-hours exceptions typed day first, and shows them that way', async () => {
      const page = await (await get(coordA, '/spaces/BRU-A/hours')).text();
      const saved = await postIn('nl', coordA, '/spaces/BRU-A/hours', {
        version: versionIn(page),
        storedRows: '0',
        action: 'save',
        'mo-1-from': '09:00',
        'mo-1-to': '17:00',
        'ex-1-from': '24/12/2026',
        'ex-1-to': '26.12.2026',
        'ex-1-kind': 'closed',
        'ex-2-from': '31/02/2026',
        'ex-2-kind': 'closed',
      });
      expect(saved.status).toBe(400);
      const html = await saved.text();
      expect(html).toContain('value="24/12/2026"');
      expect(html).toContain('Schrijf een datum als dag/maand/jaar, bijvoorbeeld 24/12/2026.');

      const fixed = await postIn('nl', coordA, '/spaces/BRU-A/hours', {
        version: versionIn(page),
        storedRows: '0',
        action: 'save',
        'mo-1-from': '09:00',
        'mo-1-to': '17:00',
        'ex-1-from': '24/12/2026',
        'ex-1-to': '26.12.2026',
        'ex-1-kind': 'closed',
      });
      expect(fixed.status).toBe(303);
      const [space] = await world.sql(`SELECT opening_hours FROM spaces WHERE ref = 'BRU-A'`);
      expect(space.opening_hours).toContain('2026 Dec 24-2026 Dec 26 off');
      const after = await (await get(coordA, '/spaces/BRU-A/hours')).text();
      expect(after).toContain('value="24/12/2026"');
      expect(after).toContain('value="26/12/2026"');
    });

    it('offers on the upload page a file to start from for each kind, which the upload reads back', async () => {
      for (const [lang, separator] of [
        ['nl', ';'],
        ['fr', ';'],
        ['en', ','],
      ]) {
        const page = `${t.baseUrl}/imports?lang=${lang}`;
        const html = await (await fetch(page, { headers: { cookie: coordA.cookies } })).text();
        const links = [...html.matchAll(/<a href="(\/api\/v1\/exports\/[^"]+)" download>/g)].map((x) =>
          x[1].replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'),
        );
        expect(links.map((href) => href.split(/[/?]/)[4])).toEqual([
          'weekly-activity',
          'training-sessions',
          'animators',
          'equipment',
          'funding',
        ]);
        for (const href of links) {
          const res = await fetch(`${t.baseUrl}${href}`, { headers: { cookie: coordA.cookies } });
          expect(res.status).toBe(200);
          const header = (await res.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
          expect(header.split(separator).length).toBeGreaterThan(2);
        }
      }
      const nl = await (
        await fetch(`${t.baseUrl}/imports?lang=nl`, { headers: { cookie: coordA.cookies } })
      ).text();
      expect(nl).toContain('Uitrusting downloaden (CSV)');
      expect(nl).not.toContain('die van de export');
    });

    it("names an antenna's main space on the home page by its name, as people know it", async () => {
      const html = await (await get(coordA, '/my-spaces')).text();
      expect(html).toContain('Antenna of EPN Bruxelles-Centre (BRU-A)');
    });

    it('answers a saved upload with a redirect to the counts, so that reloading sends nothing again', async () => {
      const upload = (dryRun: boolean) => {
        const form = new FormData();
        form.append('kind', 'equipment');
        if (dryRun) form.append('dryRun', 'true');
        form.append(
          'file',
          new Blob(['space_ref,ref,type,quantity\nBRU-A,EQ-UPLOAD-1,tablet,3\n'], { type: 'text/csv' }),
          'equipment.csv',
        );
        return fetch(`${t.baseUrl}/imports?lang=en&_csrf=${encodeURIComponent(coordA.csrf)}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: coordA.cookies },
          body: form,
        });
      };
      const checked = await upload(true);
      expect(checked.status).toBe(303);
      expect(checked.headers.get('location')).toBe(
        '/imports?kind=equipment&created=1&updated=0&unchanged=0&checked=true#saved',
      );
      expect(await equipmentRow('EQ-UPLOAD-1')).toBeUndefined();

      const saved = await upload(false);
      expect(saved.status).toBe(303);
      const location = saved.headers.get('location')!;
      expect(location).toBe('/imports?kind=equipment&created=1&updated=0&unchanged=0#saved');
      expect(location).not.toContain('_csrf');
      expect(await equipmentRow('EQ-UPLOAD-1')).toMatchObject({ type: 'tablet', quantity: 3 });

      // The page the browser lands on says what was saved, and the kind stays chosen.
      const page = await (await get(coordA, location.replace('#saved', ''))).text();
      expect(page).toContain('The file is saved: 1 new, 0 changed, 0 unchanged.');
      expect(page).toMatch(/<option value="equipment" selected/);
      const afterCheck = await (
        await get(coordA, checked.headers.get('location')!.replace('#saved', ''))
      ).text();
      expect(afterCheck).toContain(
        'The file is correct: 1 new, 0 changed, 0 unchanged. Nothing was saved yet.',
      );
      // Counts that are not numbers, or an unknown kind, make no message.
      for (const query of [
        'kind=equipment&created=x&updated=0&unchanged=0',
        'kind=nope&created=1&updated=0&unchanged=0',
      ]) {
        const html = await (await get(coordA, `/imports?${query}`)).text();
        expect(html).not.toContain('The file is saved');
      }
    });

    it('lists every row to correct in the API, and the first 1,000 of them on the page', async () => {
      // 1,500 rows, each with a quantity that is no number.
      const body =
        'space_ref,ref,type,quantity\n' +
        Array.from({ length: 1500 }, (_, i) => `BRU-A,EQ-BAD-${i},tablet,many`).join('\n') +
        '\n';
      const api = await fetch(`${t.baseUrl}/api/v1/imports/equipment`, {
        method: 'POST',
        headers: { cookie: coordA.cookies, 'content-type': 'text/csv' },
        body,
      });
      expect(api.status).toBe(422);
      const rejected = (await api.json()) as { errors: Array<{ line: number; column: string }> };
      expect(rejected.errors).toHaveLength(1500);
      expect(rejected.errors[1499]).toMatchObject({ line: 1501, column: 'quantity' });

      const form = new FormData();
      form.append('kind', 'equipment');
      form.append('file', new Blob([body], { type: 'text/csv' }), 'equipment.csv');
      const page = await fetch(`${t.baseUrl}/imports?lang=en&_csrf=${encodeURIComponent(coordA.csrf)}`, {
        method: 'POST',
        headers: { cookie: coordA.cookies },
        body: form,
      });
      expect(page.status).toBe(422);
      const html = await page.text();
      expect(html).toContain('Nothing was saved: 1,500 problems were found.');
      expect(html).toContain('The first 1,000 are listed here.');
      expect(html.match(/<th scope="row">\d+<\/th>/g)).toHaveLength(1000);
      expect(await equipmentRow('EQ-BAD-0')).toBeUndefined();
    });

    it('gives the certificate check its own words when the code is wrong', async () => {
      for (const [lang, title] of [
        ['nl', 'Controleer wat u typte'],
        ['fr', 'Vérifiez ce que vous avez tapé'],
        ['en', 'Check what you typed'],
      ]) {
        const html = await (await fetch(`${t.baseUrl}/verify?code=nope&lang=${lang}`)).text();
        expect(html).toContain(`<h2 id="error-summary-title">${title}</h2>`);
        expect(html).not.toMatch(/nog niets bewaard|encore enregistré|Nothing was saved/);
      }
    });
  });
});
