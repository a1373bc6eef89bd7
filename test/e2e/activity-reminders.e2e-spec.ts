import { REMINDER_SCHEDULE, RemindersService, lastCompleteWeek } from '../../libs/activity/src/index.js';
import { QueueName, QueueService } from '../../libs/core/src/index.js';
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

// Monday 16 November 2026, 08:00 in Brussels: the last complete week is 2026-W46.
const MONDAY = new Date('2026-11-16T07:00:00Z');

describe('weekly reminders (worker process, real SMTP sink)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let sink: SmtpSink;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApi({
      extra: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'noreply@ocr.example.be',
        PUBLIC_BASE_URL: 'https://ocr.example.be/',
      },
    });
    w = await seedRegistryWorld(t);
    // BRU-A reported 2026-W46; its antenna BRU-A1 and BRU-B did not. WAL-C has no coordinator.
    await w.sql(
      `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, opening_hours, visits)
       VALUES ($1, '2026-W46', 2026, '2026-11-09', 10, 10)`,
      [w.spaces.A.id],
    );
    await w.sql(`UPDATE users SET preferred_language = 'fr' WHERE email = 'coord-b@example.be'`);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await sink.close();
  });

  const reminders = () =>
    w.sql(
      `SELECT u.email, r.subject, r.emailed_at IS NOT NULL AS emailed FROM reminders r JOIN users u ON u.id = r.user_id
       ORDER BY u.email, r.subject`,
    );

  it('records one reminder per coordinator and missing space, and e-mails it; a second run changes nothing', async () => {
    const service = t.app.get(RemindersService);
    const first = await service.run(MONDAY);
    expect(first).toEqual({ week: '2026-W46', recorded: 2, emailed: 2 });
    expect(await reminders()).toEqual([
      { email: 'coord-a@example.be', subject: 'BRU-A1/2026-W46', emailed: true },
      { email: 'coord-b@example.be', subject: 'BRU-B/2026-W46', emailed: true },
    ]);
    expect(sink.mails).toHaveLength(2);
    const toB = sink.mails.find((m) => m.to.includes('coord-b@example.be'));
    expect(toB?.from).toBe('noreply@ocr.example.be');
    expect(toB?.raw).toMatch(/Subject: =\?UTF-8\?|Subject: Rappel/);
    // The body may be quoted-printable: undo its soft line breaks and =XX escapes before reading it.
    const body = decodeQuotedPrintable(toB?.raw ?? '');
    expect(body).toContain('https://ocr.example.be/spaces/BRU-B/week?week=2026-W46');
    expect(body).toContain('semaine 46 (du 9 au 15 novembre 2026)');
    expect(body).toContain('Ouvrez cette page pour les encoder');

    const second = await service.run(new Date(MONDAY.getTime() + 3600_000));
    expect(second).toEqual({ week: '2026-W46', recorded: 0, emailed: 0 });
    expect(sink.mails).toHaveLength(2);
    expect(await reminders()).toHaveLength(2);
  });

  it('shows each coordinator their own reminders and lets them mark one read', async () => {
    const mine = await api(t.baseUrl, 'GET', '/api/v1/reminders', { token: w.tokens.coordA });
    expect(mine.body.items.map((r: { subject: string }) => r.subject)).toEqual(['BRU-A1/2026-W46']);
    const id = mine.body.items[0].id;
    expect(
      (await api(t.baseUrl, 'POST', `/api/v1/reminders/${id}/read`, { token: w.tokens.coordB })).status,
    ).toBe(404);
    expect(
      (await api(t.baseUrl, 'POST', `/api/v1/reminders/${id}/read`, { token: w.tokens.coordA })).status,
    ).toBe(204);
    const unread = await api(t.baseUrl, 'GET', '/api/v1/reminders?unread=true', { token: w.tokens.coordA });
    expect(unread.body.items).toEqual([]);
  });

  it('runs as a queued job in the worker process when an admin asks', async () => {
    expect(
      (await api(t.baseUrl, 'POST', '/api/v1/activity/reminders/run', { token: w.tokens.coordA })).status,
    ).toBe(403);
    // Whatever today is, BRU-A now misses the last complete week, so the job has one reminder to record.
    await w.sql(`DELETE FROM weekly_activity WHERE space_id = $1`, [w.spaces.A.id]);
    const week = lastCompleteWeek(new Date());
    const mailsBefore = sink.mails.length;
    worker = spawnWorker(t.env);
    const run = await api(t.baseUrl, 'POST', '/api/v1/activity/reminders/run', { token: w.tokens.admin });
    expect(run.status).toBe(202);
    expect(run.body.jobId).toMatch(/^activity\.reminders\./);
    const expected = { email: 'coord-a@example.be', subject: `BRU-A/${week}`, emailed: true };
    // Done when the mail has left, the reminder says so (the worker marks it right after sending)
    // and the job has logged its summary, which it writes only after the last mail is marked.
    await waitFor(
      async () =>
        sink.mails.length > mailsBefore &&
        (await reminders()).some((r) => r.subject === expected.subject && r.emailed) &&
        worker?.output().includes('reminders done'),
      30000,
    ).catch((error) => {
      throw new Error(`${error}\n${worker?.output()}`);
    });
    expect(await reminders()).toContainEqual(expected);
    // Other spaces may miss that week too, and their mails may go out after BRU-A's.
    const sent = sink.mails.slice(mailsBefore);
    expect(
      sent.filter((m) => decodeQuotedPrintable(m.raw).includes(`week=${week}`)).map((m) => m.to),
    ).toContainEqual(['coord-a@example.be']);
    expect(worker.output()).toContain('reminders done');
    // Asked again the same day, once the first run has finished, it runs again (for mails a broken
    // SMTP setting held back): before, the finished job's id made BullMQ drop the new one.
    const runs = () => worker!.output().split('reminders done').length - 1;
    expect(runs()).toBe(1);
    const again = await api(t.baseUrl, 'POST', '/api/v1/activity/reminders/run', { token: w.tokens.admin });
    expect(again.body.jobId).toBe(run.body.jobId);
    await waitFor(async () => runs() === 2, 30000);
    // The worker keeps the weekly schedule: Mondays at 08:00 in Brussels, summer or winter.
    const scheduler = await t.app
      .get(QueueService)
      .queue(QueueName.Activity)
      .getJobScheduler('activity-reminders');
    expect(scheduler).toMatchObject({ pattern: '0 0 8 * * 1', tz: 'Europe/Brussels' });
    expect(REMINDER_SCHEDULE).toEqual({ pattern: scheduler?.pattern, tz: scheduler?.tz });
    // Its next run is a Monday at 08:00 Brussels time (07:00 or 06:00 UTC).
    const next = new Date(Number(scheduler?.next));
    expect(next.getUTCDay()).toBe(1);
    expect([6, 7]).toContain(next.getUTCHours());
  });

  it('does not remind a space closed all week by its hours; a closure of part of the week still does', async () => {
    // 2026-W45 runs from 2 to 8 November. BRU-B is closed for all of it; BRU-A1 only until Thursday.
    await w.sql(
      `UPDATE spaces SET opening_hours = 'Mo-Fr 09:00-17:00; 2026 Nov 02-2026 Nov 08 off' WHERE ref = 'BRU-B'`,
    );
    await w.sql(
      `UPDATE spaces SET opening_hours = 'Mo-Fr 09:00-17:00; 2026 Nov 02-2026 Nov 05 off' WHERE ref = 'BRU-A1'`,
    );
    const mailsBefore = sink.mails.length;
    const run = await t.app.get(RemindersService).run(new Date('2026-11-09T07:00:00Z'));
    expect(run).toMatchObject({ week: '2026-W45', recorded: 2 });
    const week45 = (await reminders()).filter((r: { subject: string }) => r.subject.endsWith('/2026-W45'));
    // BRU-A (no record for week 45) and BRU-A1, both coordinated by coord-a; none for BRU-B.
    expect(week45.map((r: { subject: string }) => r.subject).sort()).toEqual([
      'BRU-A/2026-W45',
      'BRU-A1/2026-W45',
    ]);
    expect(sink.mails.slice(mailsBefore).some((m) => m.to.includes('coord-b@example.be'))).toBe(false);
  });
});

function decodeQuotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
