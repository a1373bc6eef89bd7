import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, stableJson } from '../../apps/api/src/openapi.js';
import { projectRoot } from '../../libs/core/src/index.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

describe('OpenAPI document', () => {
  let t: TestApi;
  beforeAll(async () => (t = await startTestApi()));
  afterAll(() => t?.close());

  it('is committed and current (regenerate with `npm run openapi`)', () => {
    const committed = readFileSync(join(projectRoot(), 'openapi.json'), 'utf8');
    expect(stableJson(buildOpenApiDocument(t.app))).toBe(committed);
  });

  it('is published at /api/docs', async () => {
    const res = await api(t.baseUrl, 'GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain('/api/v1/auth/login');
  });
});
