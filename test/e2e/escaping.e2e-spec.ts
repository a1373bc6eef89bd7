import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

// Text a coordinator types ends up in pages, certificates and reports: it must come out as text.
const HOSTILE = `<script>alert(1)</script>{{7*7}}{{constructor.constructor('return 1')()}}"'&`;

describe('output escaping of template-looking input (ASVS)', () => {
  let t: TestApi;
  let w: RegistryWorld;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    const res = await api(t.baseUrl, 'PATCH', '/api/v1/spaces/BRU-A', {
      token: w.tokens.coordA,
      body: { name: HOSTILE, address: HOSTILE, version: 1 },
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => t?.close());

  it('shows the text on the public pages, escaped and never evaluated', async () => {
    for (const path of ['/find?q=1000', '/find/BRU-A']) {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: { 'accept-language': 'en' } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('{{7*7}}');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).not.toMatch(/>49</);
    }
  });

  it('keeps the JSON answer as typed', async () => {
    const res = await api(t.baseUrl, 'GET', '/api/v1/public/spaces/BRU-A');
    expect(res.body.name).toBe(HOSTILE);
  });
});
