import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, JobName, QueueName, QueueService, type JobPayloads } from '../../../core/src/index.js';
import { BRUSSELS_TIME_ZONE } from '../../../spaces/src/index.js';
import { LabelExpiryService } from './label-expiry.service.js';

/** Every day at 02:30 in Brussels. */
export const LABEL_EXPIRY_SCHEDULE = { pattern: '0 30 2 * * *', tz: BRUSSELS_TIME_ZONE } as const;

/** Worker side of expiry: the daily job scheduler and the job handler. */
@Injectable()
export class LabelExpiryJobHandler implements OnApplicationBootstrap {
  constructor(
    private readonly expiry: LabelExpiryService,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.queue(QueueName.Labels).upsertJobScheduler('labels-expiry', LABEL_EXPIRY_SCHEDULE, {
      name: JobName.LabelsExpiry,
      data: {},
    });
  }

  @JobHandler(JobName.LabelsExpiry)
  async handle(payload: JobPayloads[JobName.LabelsExpiry]): Promise<void> {
    // A date alone means that day at noon in Brussels, far from any midnight or clock change.
    const asOf = payload.asOf ? new Date(`${payload.asOf}T12:00:00+01:00`) : new Date();
    await this.expiry.run(asOf);
  }
}
