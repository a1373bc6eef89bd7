import { Injectable, Logger } from '@nestjs/common';
import { Environment, JobName, MailService, QueueService, notFound } from '../../../core/src/index.js';
import { weeksClosedAllWeek } from '../../../spaces/src/index.js';
import { brusselsToday, lastCompleteWeek, weekStart } from '../rules/iso-weeks.js';
import { missingWeekMail } from './reminder-mail.js';
import { RemindersRepository } from './reminders.repository.js';

export interface ReminderRun {
  week: string;
  recorded: number;
  emailed: number;
}

/** Weekly reminders for missing weeks: recorded once per coordinator, space and week; e-mailed when SMTP is set. */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly repo: RemindersRepository,
    private readonly mail: MailService,
    private readonly queues: QueueService,
    private readonly env: Environment,
  ) {}

  /** The job's work. Idempotent: a second run records nothing and e-mails only what a failed run left. */
  async run(asOf: Date): Promise<ReminderRun> {
    const week = lastCompleteWeek(asOf);
    // A space closed all week by its hours (a summer closure) is not asked to report it.
    const closedAllWeek = (await this.repo.unreportedWithClosures(week, weekStart(week)))
      .filter((space) => weeksClosedAllWeek(space.openingHours, [week]).length > 0)
      .map((space) => space.id);
    const recorded = await this.repo.recordMissingWeek(week, weekStart(week), closedAllWeek);
    let emailed = 0;
    if (this.mail.configured) {
      for (const pending of await this.repo.pendingMails(week)) {
        // One mail at a time and marked at once, so a crash never sends one twice in a retry.
        await this.mail.send(missingWeekMail(pending, this.env.publicBaseUrl));
        await this.repo.markEmailed([pending.id]);
        emailed += 1;
      }
    }
    this.logger.log({ week, recorded, emailed }, 'reminders done');
    return { week, recorded, emailed };
  }

  /**
   * Lets an admin run the job now (e.g. after fixing SMTP), again the same day if the last run has
   * finished; while one is still waiting or running, asking again adds nothing.
   */
  enqueueNow(now = new Date()) {
    return this.queues.enqueueAgain(JobName.ActivityReminders, { asOf: brusselsToday(now) });
  }

  list(userId: string, unreadOnly: boolean) {
    return this.repo.listForUser(userId, unreadOnly);
  }

  async markRead(id: string, userId: string): Promise<void> {
    if (!(await this.repo.markRead(id, userId))) throw notFound('REMINDERS.NOT_FOUND', 'No such reminder.');
  }
}
