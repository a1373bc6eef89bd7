import { EVALUATION_BATCH_SIZE } from '../../libs/labels/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import {
  api,
  spawnWorker,
  startTestApi,
  waitFor,
  type TestApi,
  type WorkerProcess,
} from '../support/test-app.js';

/**
 * Runs whose work fails for good, with the real worker and queue: the failure is made at the edge, by
 * a database trigger that refuses to store the result of chosen spaces, so every attempt of their job
 * fails (5 attempts with backoff: about 30 s). A run must end `failed` with an error, never stay queued
 * nor read as done with fewer results than spaces.
 */
describe('labels: a run whose job fails for good ends failed', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let worker: WorkerProcess;
  // The world's WAL-C and these: one full batch and 40 more, in a second batch.
  const EXTRA = EVALUATION_BATCH_SIZE + 39;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    await w.sql(
      `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, pricing, open_to_all_publics)
       SELECT 'WAL-F-' || lpad(i::text, 3, '0'), 'Space ' || i, '62063', 'WAL', 'library', '2015-01-05', 'free', true
       FROM generate_series(1, $1::int) AS i`,
      [EXTRA],
    );
    // WAL-F-199 sorts last in the region, so it sits in the second batch; BRU-B is a one-space run.
    await w.sql(`CREATE FUNCTION refuse_result() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.space_id IN (SELECT id FROM spaces WHERE ref IN ('WAL-F-199', 'BRU-B')) THEN
          RAISE EXCEPTION 'test: this result cannot be stored';
        END IF;
        RETURN NEW;
      END $$`);
    await w.sql(`CREATE TRIGGER refuse_result BEFORE INSERT ON label_evaluation_results
      FOR EACH ROW EXECUTE FUNCTION refuse_result()`);
    worker = spawnWorker(t.env);
  }, 60000);
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const finished = (id: string) =>
    waitFor(
      async () => {
        const res = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${id}`, { token: w.tokens.admin });
        return res.body.status === 'done' || res.body.status === 'failed' ? res.body : null;
      },
      90000,
      500,
    );

  it('marks a one-space run failed, and a region run with a failed batch failed with its shortfall', async () => {
    const request = async (token: string, body: Record<string, unknown>) => {
      const res = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', { token, body });
      expect(res.status).toBe(202);
      return res.body.id as string;
    };
    const [one, region] = await Promise.all([
      request(w.tokens.staffBRU, { scheme: 'brussels-ocr', spaceRef: 'BRU-B', until: '2026-06-03' }),
      request(w.tokens.staffWAL, { scheme: 'wallonia-epn', region: 'WAL', until: '2026-06-03' }),
    ]);
    const [single, regional] = await Promise.all([finished(one), finished(region)]);

    expect(single).toMatchObject({
      status: 'failed',
      error: { code: 'LABELS.EVALUATION_FAILED', message: expect.any(String) },
      progress: { evaluated: 0, total: 1 },
      spaces: [],
    });
    expect(single.finishedAt).not.toBeNull();

    const total = EXTRA + 1;
    const missing = total - EVALUATION_BATCH_SIZE;
    expect(regional).toMatchObject({
      status: 'failed',
      error: {
        code: 'LABELS.EVALUATION_INCOMPLETE',
        message: expect.stringContaining(`${missing} of ${total} spaces`),
      },
      progress: { evaluated: EVALUATION_BATCH_SIZE, total },
    });
    // The spaces of the batch that did run stay readable; none of the failed batch is there.
    expect(regional.spaces).toHaveLength(EVALUATION_BATCH_SIZE);
    expect(regional.spaces.map((s: any) => s.spaceRef)).not.toContain('WAL-F-199');
    // The error names no internal cause.
    expect(JSON.stringify([single.error, regional.error])).not.toContain('cannot be stored');

    // A coordinator reads the failure too, in the same shape.
    const coordinator = await api(t.baseUrl, 'GET', `/api/v1/label-evaluations/${one}`, {
      token: w.tokens.coordB,
    });
    expect(coordinator.body).toMatchObject({ status: 'failed', error: { code: 'LABELS.EVALUATION_FAILED' } });
  }, 120000);
});
