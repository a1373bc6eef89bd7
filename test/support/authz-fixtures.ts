import { randomUUID } from 'node:crypto';
import type { MatrixFixtures } from './authorization-matrix.js';
import type { RegistryWorld } from './registry-world.js';
import { api, type TestApi } from './test-app.js';

const PASSWORD = 'a long enough password';

/**
 * The resources the authorization matrix and the fuzz suites call, all in BRU-A, created through
 * the API as an admin (so they are exactly what the app itself would store): equipment EQ-A-1, a
 * funding line, training session TS-A-1, animators AN-A and AN-FORGET assigned to BRU-A, week
 * 2024-W10, a label evaluation and a report run for BRU, a queue probe, a reminder of coordinator
 * A, a spare coordinator and two users for login probes.
 */
export async function seedMatrixFixtures(t: TestApi, w: RegistryWorld): Promise<MatrixFixtures> {
  const asAdmin = async (method: string, path: string, body?: unknown) => {
    const res = await api(t.baseUrl, method, path, { token: w.tokens.admin, body });
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`fixture ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body;
  };
  await asAdmin('POST', '/api/v1/spaces/BRU-A/equipment', { ref: 'EQ-A-1', type: 'desktop', quantity: 4 });
  const funding = await asAdmin('POST', '/api/v1/spaces/BRU-A/funding', {
    year: 2024,
    source: 'municipality',
    amountEur: 12000,
    kind: 'structural',
  });
  await asAdmin('POST', '/api/v1/spaces/BRU-A/training-sessions', {
    ref: 'TS-A-1',
    date: '2024-02-06',
    title: 'Fixture workshop',
    theme: 'basic_skills',
    format: 'workshop',
    durationHours: 2,
    participants: 6,
    newParticipants: 2,
  });
  for (const ref of ['AN-A', 'AN-FORGET']) {
    await asAdmin('POST', '/api/v1/animators', {
      ref,
      name: `Animator ${ref}`,
      email: `${ref.toLowerCase()}@example.be`,
      spaceRef: 'BRU-A',
      role: 'animator',
      contract: 'employee',
      fte: 0.5,
      qualified: true,
      startsOn: '2022-01-03',
    });
  }
  const [assignment] = await w.sql<{ id: string }>(
    `SELECT x.id FROM animator_assignments x JOIN animators a ON a.id = x.animator_id WHERE a.ref = 'AN-A'`,
  );
  await asAdmin('PUT', '/api/v1/spaces/BRU-A/weeks/2024-W10', { openingHours: 20, visits: 35 });
  const evaluation = await asAdmin('POST', '/api/v1/label-evaluations', {
    scheme: 'brussels-ocr',
    spaceRef: 'BRU-A',
  });
  const report = await asAdmin('POST', '/api/v1/reports', { type: 'regional', region: 'BRU', year: 2016 });
  const probe = await asAdmin('POST', '/api/v1/system/queue-probes');
  const [reminder] = await w.sql<{ id: string }>(
    `INSERT INTO reminders (user_id, kind, subject, space_id) VALUES ($1, 'missing_week', 'BRU-A 2024-W09', $2)
     RETURNING id`,
    [w.users.coordA, w.spaces.A.id],
  );
  const user = (email: string, extra: Record<string, unknown> = {}) =>
    asAdmin('POST', '/api/v1/users', { email, password: PASSWORD, role: 'coordinator', ...extra });
  const spare = await user('spare-toggle@example.be', { spaceRefs: ['BRU-B'] });
  await user('login-probe-api@example.be');
  await user('login-probe-page@example.be');
  return {
    fundingId: funding.id,
    assignmentId: assignment.id,
    evaluationId: evaluation.id,
    reportId: report.id,
    queueProbeId: probe.id,
    reminderId: reminder.id,
    coordAUserId: w.users.coordA,
    spareUserId: spare.id,
    missingId: randomUUID(),
  };
}
