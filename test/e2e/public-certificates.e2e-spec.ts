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
});
