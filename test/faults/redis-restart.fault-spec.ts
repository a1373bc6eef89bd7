import { Queue } from 'bullmq';
import { hostname } from 'node:os';
import { startFaultSystem, probeProcessedBy, queueProbe, type FaultSystem } from './support/fault-system.js';
import { sleep } from './support/private-services.js';

/**
 * Regression test for BullMQ's known reconnect problems: the private Redis is killed (SIGKILL) and
 * started again on the same port with the same append-only file. The worker that was running before
 * resumes by itself (no restart) and a job queued just before the kill is not lost.
 */
describe('faults: Redis restarted under a running worker', () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await startFaultSystem();
  }, 120000);
  afterAll(async () => {
    await system?.shutdown();
  }, 60000);

  it('the same worker resumes and a job queued before the kill still runs', async () => {
    const worker = system.workers[0];
    const workerId = `${hostname()}:${worker.child.pid}`;
    expect(await probeProcessedBy(system, await queueProbe(system), 15000)).toBe(workerId);

    // A job that is still waiting in Redis when Redis dies: delayed, so that no worker takes it before.
    const [pending] = await system.sql(`INSERT INTO queue_probes DEFAULT VALUES RETURNING id`);
    const queue = new Queue('system', {
      connection: { host: '127.0.0.1', port: system.redis.port, maxRetriesPerRequest: null },
      prefix: system.env.QUEUE_PREFIX,
    });
    await queue.add('system.probe', { probeId: pending.id }, { jobId: `fault-${pending.id}`, delay: 2500 });
    await queue.close();

    await system.redis.kill();
    await sleep(1500);
    const [stillPending] = await system.sql(`SELECT processed_at FROM queue_probes WHERE id = $1`, [
      pending.id,
    ]);
    expect(stillPending.processed_at).toBeNull();
    await system.redis.start();

    // The job from before the kill came back from the AOF and ran, in the same worker process.
    expect(await probeProcessedBy(system, pending.id, 30000)).toBe(workerId);

    // A job queued through the API after the restart is processed by that same worker.
    const after = await queueProbeWhenQueueBack(system);
    expect(await probeProcessedBy(system, after, 30000)).toBe(workerId);

    expect(worker.alive()).toBe(true);
    expect(system.workers).toHaveLength(1);
    expect(system.apiProcess.alive()).toBe(true);
    expect((await system.ready()).status).toBe(200);
  }, 90000);
});

/** The API's own Redis client reconnects too; retry the POST until it does (bounded). */
async function queueProbeWhenQueueBack(system: FaultSystem): Promise<string> {
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      return await queueProbe(system);
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await sleep(250);
    }
  }
}
