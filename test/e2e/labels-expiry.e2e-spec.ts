import { JobName, QueueName, QueueService } from '../../libs/core/src/index.js';
import { LABEL_EXPIRY_SCHEDULE } from '../../libs/labels/src/index.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import {
  api,
  spawnWorker,
  startTestApi,
  waitFor,
  type TestApi,
  type WorkerProcess,
} from '../support/test-app.js';

/** The daily expiry job in the worker process, with a real SMTP sink for the warnings. */
describe('labels: daily expiry job (worker process, real SMTP sink)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let sink: SmtpSink;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApi({ extra: { SMTP_URL: sink.url, MAIL_FROM: 'noreply@ocr.example.be' } });
    w = await seedRegistryWorld(t);
    await w.sql(`UPDATE users SET preferred_language = 'fr' WHERE email = 'staff-wal@example.be'`);
    // WAL-C: a grant ending in 30 days (warn); BRU-B: a grant that ended yesterday (expire); BRU-A: far ahead.
    const grant = (spaceId: string, from: string, until: string) =>
      w.sql(
        `INSERT INTO labels (space_id, scheme, scheme_version, status, decision, valid_from, valid_until, verification_code)
         VALUES ($1, 'test', '1', 'granted', 'grant', $2, $3, md5(random()::text))`,
        [spaceId, from, until],
      );
    await grant(w.spaces.C.id, '2023-08-01', '2026-07-10');
    await grant(w.spaces.B.id, '2023-06-10', '2026-06-09');
    await grant(w.spaces.A.id, '2026-01-01', '2028-12-31');
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await sink.close();
  });

  it('is scheduled daily by the worker, expires ended grants and warns 60 days ahead by e-mail, once', async () => {
    worker = spawnWorker(t.env);
    const queue = t.app.get(QueueService).queue(QueueName.Labels);
    const scheduler = await waitFor(() => queue.getJobScheduler('labels-expiry'), 30000);
    expect(scheduler).toMatchObject({ pattern: LABEL_EXPIRY_SCHEDULE.pattern, tz: 'Europe/Brussels' });

    await t.app.get(QueueService).enqueue(JobName.LabelsExpiry, { asOf: '2026-06-10' });
    // The mail reaches the sink just before the reminder is marked e-mailed: wait for the mark.
    await waitFor(
      async () =>
        (await w.sql(`SELECT 1 FROM reminders WHERE kind = 'label_expiry' AND emailed_at IS NOT NULL`))
          .length > 0,
      30000,
    );
    const expired = await w.sql(
      `SELECT s.ref, l.status, l.decision FROM labels l JOIN spaces s ON s.id = l.space_id
       WHERE l.status = 'expired' ORDER BY s.ref`,
    );
    expect(expired).toEqual([{ ref: 'BRU-B', status: 'expired', decision: 'expire' }]);
    // The expired grant's certificate says it expired, not that a later decision replaced it.
    await w.sql(
      `UPDATE labels SET verification_code = 'ABCD-EFGH-JKMN-PQRS' WHERE space_id = $1 AND decision = 'grant'`,
      [w.spaces.B.id],
    );
    const certificate = await api(t.baseUrl, 'GET', '/api/v1/public/certificates/ABCD-EFGH-JKMN-PQRS');
    expect(certificate.body).toMatchObject({ valid: false, status: 'expired' });
    // WAL-C has no coordinator: its region's staff is warned, in French.
    const reminders = await w.sql(
      `SELECT u.email, r.subject, r.emailed_at IS NOT NULL AS emailed, r.details->>'validUntil' AS until
       FROM reminders r JOIN users u ON u.id = r.user_id WHERE r.kind = 'label_expiry' ORDER BY u.email`,
    );
    expect(reminders).toEqual([
      {
        email: 'staff-wal@example.be',
        subject: expect.stringMatching(/^WAL-C\/label\//),
        emailed: true,
        until: '2026-07-10',
      },
    ]);
    expect(sink.mails.map((m) => m.to).flat()).toEqual(['staff-wal@example.be']);
    // The body may be quoted-printable: undo its soft line breaks and =XX escapes before reading it.
    const body = Buffer.from(
      sink.mails[0].raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
    expect(body).toContain('10 juillet 2026');
    expect(body).not.toContain('2026-07-10');
    expect(body).toContain('Bonjour');

    // The same day again (a retry, or tomorrow's run): nothing new is recorded or sent.
    await t.app.get(QueueService).enqueue(JobName.LabelsExpiry, { asOf: '2026-06-11' });
    await waitFor(async () => worker!.output().split('label expiry done').length > 2, 30000);
    expect(sink.mails).toHaveLength(1);
    expect(await w.sql(`SELECT count(*)::int AS n FROM labels WHERE status = 'expired'`)).toEqual([{ n: 1 }]);
  }, 90000);
});
