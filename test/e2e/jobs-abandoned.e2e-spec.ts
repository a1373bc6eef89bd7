import { Redis } from 'ioredis';
import { JOB_START_LIMITS, QueueName } from '../../libs/core/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { REDIS_URL } from '../support/test-services.js';
import {
  api,
  spawnWorker,
  startTestApi,
  waitFor,
  type TestApi,
  type WorkerProcess,
} from '../support/test-app.js';

/**
 * A job whose worker dies every time it runs it (OOM, kill -9) is given up by the queue without its
 * handler running again, so the handler's own failure path never marks its run failed. The job's
 * @JobAbandoned must, or the run says queued for ever. Real API, worker process, Redis and PostgreSQL.
 *
 * The deaths are simulated: before any worker runs, the job's started-attempts counter (BullMQ's `ats`
 * field in its Redis hash; `moveToActive` adds 1 each time a worker takes the job up) is set to the
 * limit, as JOB_START_LIMITS.maxStartedAttempts earlier starts would have left it. Dying for real would
 * cost a 30 s lock expiry per stall, ten times over; the worker's check reads only this counter.
 */
describe('jobs given up after too many worker deaths', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let redis: Redis;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await worker?.stop();
    redis?.disconnect();
    await t?.close();
  });

  const requestReport = async (year: number) => {
    const res = await api(t.baseUrl, 'POST', '/api/v1/reports', {
      token: w.tokens.admin,
      body: { type: 'regional', region: 'WAL', year },
    });
    expect(res.status).toBe(202);
    return res.body.id as string;
  };
  const requestEvaluation = async (token: string, body: Record<string, unknown>) => {
    const res = await api(t.baseUrl, 'POST', '/api/v1/label-evaluations', { token, body });
    expect(res.status).toBe(202);
    return res.body.id as string;
  };
  const finished = (path: string) =>
    waitFor(
      async () => {
        const res = await api(t.baseUrl, 'GET', path, { token: w.tokens.admin });
        return res.body.status === 'done' || res.body.status === 'failed' ? res.body : null;
      },
      60000,
      200,
    );

  /**
   * The Redis hash of the job the outbox relayed for this run, once it is queued. The outbox entry's id
   * is the job id (OutboxService), so it is found through the entry, by the run id in its payload.
   */
  const queuedJobKey = (queue: QueueName, runField: 'reportId' | 'runId', runId: string) =>
    waitFor(async () => {
      const [entry] = await w.sql(
        `SELECT id FROM outbox WHERE payload->>$1 = $2 AND relayed_at IS NOT NULL`,
        [runField, runId],
      );
      const key = entry && `${t.env.QUEUE_PREFIX}:${queue}:outbox.${entry.id}`;
      return key && (await redis.exists(key)) ? key : null;
    });

  it('marks a report run and an evaluation run failed when their jobs were started too often', async () => {
    const reportId = await requestReport(2020);
    const runId = await requestEvaluation(w.tokens.staffWAL, {
      scheme: 'wallonia-epn',
      spaceRef: 'WAL-C',
      until: '2026-06-03',
    });
    const reportJob = await queuedJobKey(QueueName.Reports, 'reportId', reportId);
    const evaluationJob = await queuedJobKey(QueueName.Labels, 'runId', runId);
    for (const key of [reportJob, evaluationJob]) {
      await redis.hset(key, 'ats', JOB_START_LIMITS.maxStartedAttempts);
    }

    worker = spawnWorker(t.env);
    const report = await finished(`/api/v1/reports/${reportId}`);
    const evaluation = await finished(`/api/v1/label-evaluations/${runId}`);

    expect(report).toMatchObject({ status: 'failed', error: 'The report could not be produced.' });
    expect(evaluation).toMatchObject({
      status: 'failed',
      error: { code: 'LABELS.EVALUATION_FAILED', message: expect.any(String) },
      progress: { evaluated: 0, total: 1 },
    });
    // The handlers never ran: the queue gave the jobs up, with BullMQ's own reason.
    const [run] = await w.sql(`SELECT started_at FROM report_runs WHERE id = $1`, [reportId]);
    expect(run.started_at).toBeNull();
    for (const key of [reportJob, evaluationJob]) {
      expect(await redis.hget(key, 'failedReason')).toBe('job started more than allowable limit');
    }
  }, 90000);

  it('still completes work whose jobs start normally', async () => {
    const reportId = await requestReport(2021);
    const runId = await requestEvaluation(w.tokens.staffBRU, {
      scheme: 'brussels-ocr',
      spaceRef: 'BRU-B',
      until: '2026-06-03',
    });
    expect(await finished(`/api/v1/reports/${reportId}`)).toMatchObject({ status: 'done' });
    expect(await finished(`/api/v1/label-evaluations/${runId}`)).toMatchObject({ status: 'done' });
  }, 90000);
});
