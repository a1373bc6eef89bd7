import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

/** The public check of a certificate code, over real HTTP, as someone types a code they read. */
describe('public certificate check (no sign-in)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  const CODE = 'ABCD-EFGH-JKMN-PQRS';

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    await w.sql(
      `INSERT INTO labels (space_id, scheme, scheme_version, status, valid_from, valid_until, decided_at, verification_code)
       VALUES ($1, 'brussels-ocr', '2021', 'granted', '2024-01-01', '2099-12-31', '2024-01-01T10:00:00Z', $2)`,
      [w.spaces.A.id, CODE],
    );
  });
  afterAll(() => t?.close());

  it('finds a code in any case, with or without its dashes', async () => {
    for (const typed of [CODE, 'abcd-efgh-jkmn-pqrs', 'ABCDEFGHJKMNPQRS', 'abcd%20efgh%20jkmn%20pqrs']) {
      const res = await api(t.baseUrl, 'GET', `/api/v1/public/certificates/${typed}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ valid: true, status: 'granted', spaceRef: 'BRU-A' });
    }
  });

  it('names the field when what was sent cannot be a code, and says "not found" for an unknown one', async () => {
    for (const typed of ['NO-SUCH-CODE', 'ABCD', '%20']) {
      const res = await api(t.baseUrl, 'GET', `/api/v1/public/certificates/${typed}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION.FAILED', details: [{ field: 'code' }] });
    }
    const unknown = await api(t.baseUrl, 'GET', '/api/v1/public/certificates/AAAA-BBBB-CCCC-DDDD');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('LABELS.CERTIFICATE_NOT_FOUND');
  });

  it('says a certificate is no longer valid once its space has closed for good, and since when', async () => {
    const code = 'TUVW-XYZ2-3456-789A';
    await w.sql(
      `INSERT INTO labels (space_id, scheme, scheme_version, status, valid_from, valid_until, decided_at, verification_code)
       VALUES ($1, 'brussels-ocr', '2021', 'granted', '2024-01-01', '2099-12-31', '2024-01-01T10:00:00Z', $2)`,
      [w.spaces.B.id, code],
    );
    const open = await api(t.baseUrl, 'GET', `/api/v1/public/certificates/${code}`);
    expect(open.body).toMatchObject({ valid: true, status: 'granted', spaceClosedOn: null });
    // Closing on a day still to come changes nothing yet, and the day is not told.
    await w.sql(`UPDATE spaces SET closed_on = '2099-06-30' WHERE id = $1`, [w.spaces.B.id]);
    const closing = await api(t.baseUrl, 'GET', `/api/v1/public/certificates/${code}`);
    expect(closing.body).toMatchObject({ valid: true, spaceClosedOn: null });

    await w.sql(`UPDATE spaces SET closed_on = '2025-06-30' WHERE id = $1`, [w.spaces.B.id]);
    const closed = await api(t.baseUrl, 'GET', `/api/v1/public/certificates/${code}`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ valid: false, status: 'granted', spaceClosedOn: '2025-06-30' });
    const page = String((await api(t.baseUrl, 'GET', `/verify?code=${code}&lang=en`)).body);
    expect(page).toContain(
      'This certificate is no longer valid: the space closed for good after 30 June 2025.',
    );
    expect(page).toContain('status-missing');
    const fr = String((await api(t.baseUrl, 'GET', `/verify?code=${code}&lang=fr`)).body);
    expect(fr).toContain('l&#x27;espace a fermé définitivement après le 30 juin 2025.');
    // The other space's certificate is untouched.
    const other = await api(t.baseUrl, 'GET', `/api/v1/public/certificates/${CODE}`);
    expect(other.body).toMatchObject({ valid: true, spaceClosedOn: null });
  });
});
