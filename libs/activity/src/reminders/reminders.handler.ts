import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, JobName, QueueName, QueueService, type JobPayloads } from '../../../core/src/index.js';
import { BRUSSELS_TIME_ZONE } from '../../../spaces/src/index.js';
import { RemindersService } from './reminders.service.js';

/** Mondays at 08:00 in Brussels, whatever the season: the week that ended last night. */
export const REMINDER_SCHEDULE = { pattern: '0 0 8 * * 1', tz: BRUSSELS_TIME_ZONE } as const;

/** Worker side of reminders: the weekly job scheduler and the job handler. */
@Injectable()
export class RemindersJobHandler implements OnApplicationBootstrap {
  constructor(
    private readonly reminders: RemindersService,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.queue(QueueName.Activity).upsertJobScheduler('activity-reminders', REMINDER_SCHEDULE, {
      name: JobName.ActivityReminders,
      data: {},
    });
  }

  @JobHandler(JobName.ActivityReminders)
  async handle(payload: JobPayloads[JobName.ActivityReminders]): Promise<void> {
    // A date alone means that day at noon in Brussels, far from any midnight or clock change.
    const asOf = payload.asOf ? new Date(`${payload.asOf}T12:00:00+01:00`) : new Date();
    await this.reminders.run(asOf);
  }
}
