import { api } from '../support/test-app.js';
import { startFaultSystem, type FaultSystem } from './support/fault-system.js';
import { sleep, waitUntil } from './support/private-services.js';

/**
 * The API's private PostgreSQL is stopped for about three seconds and started again. During the outage
 * the API answers 503 with an error code (readiness and ordinary routes alike) and stays alive; after
 * the restart it is ready again within 10 s, without being restarted itself.
 */
describe('faults: PostgreSQL restarted under a running API', () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await startFaultSystem();
  }, 120000);
  afterAll(async () => {
    await system?.shutdown();
  }, 60000);

  it('answers 503 with a code during the outage and is ready again within 10 s', async () => {
    const before = await api(system.baseUrl, 'GET', '/api/v1/spaces', { token: system.adminToken });
    expect(before.status).toBe(200);
    const apiPid = system.apiProcess.child.pid;

    await system.postgres.stop();
    const outageStarted = Date.now();

    const readiness = await api(system.baseUrl, 'GET', '/health/ready');
    expect(readiness.status).toBe(503);
    expect(typeof readiness.body.code).toBe('string');
    expect(readiness.body.code).toBe('HEALTH.NOT_READY');

    const route = await api(system.baseUrl, 'GET', '/api/v1/spaces', { token: system.adminToken });
    expect(route.status).toBe(503);
    expect(route.body.code).toBe('SYSTEM.DATABASE_UNAVAILABLE');
    expect(typeof route.body.correlationId).toBe('string');

    const write = await api(system.baseUrl, 'POST', '/api/v1/system/queue-probes', {
      token: system.adminToken,
    });
    expect(write.status).toBe(503);
    expect(write.body.code).toBe('SYSTEM.DATABASE_UNAVAILABLE');

    // Keep it down for about three seconds in all, then bring it back.
    await sleep(Math.max(0, 3000 - (Date.now() - outageStarted)));
    const stillDown = await api(system.baseUrl, 'GET', '/health/ready');
    expect(stillDown.status).toBe(503);
    expect(system.apiProcess.alive()).toBe(true);

    await system.postgres.start();
    const restarted = Date.now();
    await waitUntil(async () => (await system.ready()).status === 200, 10000, 'ready after the restart', 200);
    expect(Date.now() - restarted).toBeLessThan(10000);

    // The same API process serves again; no crash, no restart.
    expect(system.apiProcess.alive()).toBe(true);
    expect(system.apiProcess.child.pid).toBe(apiPid);
    const after = await api(system.baseUrl, 'GET', '/api/v1/spaces', { token: system.adminToken });
    expect(after.status).toBe(200);
    expect(system.apiProcess.output()).not.toMatch(/SYSTEM\.INTERNAL|"statusCode":500/);
  }, 60000);
});
