import { DataSource } from 'typeorm';
import { JobName, OutboxService, QueueName, QueueService } from '../../libs/core/src/index.js';
import { spawnWorker, startTestApi, waitFor, type TestApi, type WorkerProcess } from '../support/test-app.js';

describe('transactional outbox (API in-process, worker as a process)', () => {
  let t: TestApi;
  let worker: WorkerProcess | undefined;
  let ds: DataSource;
  let outbox: OutboxService;

  beforeAll(async () => {
    t = await startTestApi({ extra: { OUTBOX_RELAY_MS: '200' } });
    ds = t.app.get(DataSource);
    outbox = t.app.get(OutboxService);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  /** A write that queues work: a probe row and its job, in one transaction. */
  const writeProbe = (fail = false) =>
    ds.transaction(async (m) => {
      const [probe] = await m.query(`INSERT INTO queue_probes DEFAULT VALUES RETURNING id`);
      const entryId = await outbox.add(m, JobName.SystemProbe, { probeId: probe.id });
      if (fail) throw new Error('the write fails after queuing its work');
      return { probeId: probe.id as string, entryId };
    });
  const probe = async (id: string) =>
    (await ds.query(`SELECT processed_at FROM queue_probes WHERE id = $1`, [id]))[0]?.processed_at ?? null;
  const doneLines = (entryId: string) =>
    (worker?.output() ?? '')
      .split('\n')
      .filter((l) => l.includes(`"jobId":"outbox.${entryId}"`) && l.includes('job done'));

  it('queues nothing when the write rolls back', async () => {
    await expect(writeProbe(true)).rejects.toThrow(/fails/);
    expect(await ds.query(`SELECT count(*)::int AS n FROM outbox`)).toEqual([{ n: 0 }]);
  });

  it('runs work committed before a crash (no relay after the commit), exactly once', async () => {
    // The API "crashes" between commit and enqueue: the entry is committed, nothing is in the queue.
    const { probeId, entryId } = await writeProbe();
    const queue = t.app.get(QueueService).queue(QueueName.System);
    expect(await queue.getJob(`outbox.${entryId}`)).toBeUndefined();

    // A second entry was enqueued, but the crash came before it was marked relayed.
    const second = await writeProbe();
    const [entry] = await ds.query(`SELECT payload FROM outbox WHERE id = $1`, [second.entryId]);
    await t.app
      .get(QueueService)
      .enqueueWithId(JobName.SystemProbe, entry.payload, `outbox.${second.entryId}`);

    worker = spawnWorker(t.env);
    await waitFor(async () => (await probe(probeId)) && (await probe(second.probeId)), 30_000);
    await waitFor(
      async () =>
        (await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`))[0].n === 0,
    );
    // Give a duplicate every chance to show up.
    await new Promise((r) => setTimeout(r, 1000));
    expect(doneLines(entryId)).toHaveLength(1);
    expect(doneLines(second.entryId)).toHaveLength(1);
  });

  it('relays at once after the commit when asked, with the entry id as the job id', async () => {
    const { probeId, entryId } = await writeProbe();
    expect(await outbox.relayNow()).toBe(1);
    await waitFor(async () => probe(probeId), 30_000);
    expect(await outbox.relayNow()).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(doneLines(entryId)).toHaveLength(1);
  });
});
