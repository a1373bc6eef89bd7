import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

/** The registry edit pages over plain HTTP: forms without JavaScript, what is stored, and who may. */
describe('registry edit pages over HTTP', () => {
  let t: TestApi;
  let world: RegistryWorld;
  let coordA: Session;

  interface Session {
    cookies: string;
    csrf: string;
  }

  const cookiesOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
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
    expect(added.headers.get('location')).toBe('/spaces/BRU-A/registry?saved=equipment');
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
    expect(edit).toContain('value="2026-01-15"');
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

    const removed = await post(coordA, '/spaces/BRU-A/registry/equipment/PC-2026-01/remove', {});
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/spaces/BRU-A/registry?saved=removed');
    expect(await equipmentRow('PC-2026-01')).toBeUndefined();
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

    const removed = await post(coordA, `/spaces/BRU-A/registry/funding/${line.id}/remove`, {});
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

    const removed = await post(coordA, `/spaces/BRU-A/registry/animators/${first.id}/remove`, {});
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
    expect((await post(coordA, '/spaces/BRU-A/registry/equipment/PC-OF-B/remove', {})).status).toBe(404);
    expect((await get(coordA, `/spaces/BRU-A/registry/funding/${fundingB.id}`)).status).toBe(404);
    expect((await post(coordA, `/spaces/BRU-A/registry/funding/${fundingB.id}/remove`, {})).status).toBe(404);

    // Through BRU-B's address: coord-a may not work on BRU-B.
    const viaB = await post(coordA, '/spaces/BRU-B/registry/equipment/PC-OF-B', {
      version: '1',
      type: 'laptop',
      quantity: '1',
    });
    expect(viaB.status).toBe(403);
    expect(await viaB.text()).toContain('<h1>');
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
});
