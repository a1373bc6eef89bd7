import { Module } from '@nestjs/common';
import { ImportsModule, RegistryCoreModule } from '../../spaces/src/index.js';
import { ActivityImportKinds } from './imports/activity-import-kinds.js';
import { CompletenessController } from './completeness/completeness.controller.js';
import { CompletenessRepository } from './completeness/completeness.repository.js';
import { CompletenessService } from './completeness/completeness.service.js';
import { RemindersJobHandler } from './reminders/reminders.handler.js';
import { RemindersController } from './reminders/reminders.controller.js';
import { RemindersRepository } from './reminders/reminders.repository.js';
import { RemindersService } from './reminders/reminders.service.js';
import { ActivitySpaceRepository } from './shared/activity-space.repository.js';
import { TrainingSessionsController } from './training/training-sessions.controller.js';
import { TrainingSessionsRepository } from './training/training-sessions.repository.js';
import { TrainingSessionsService } from './training/training-sessions.service.js';
import { WeeksController } from './weeks/weeks.controller.js';
import { WeeksRepository } from './weeks/weeks.repository.js';
import { WeeksService } from './weeks/weeks.service.js';

const SERVICES = [
  ActivitySpaceRepository,
  WeeksRepository,
  WeeksService,
  TrainingSessionsRepository,
  TrainingSessionsService,
  CompletenessRepository,
  CompletenessService,
  RemindersRepository,
  RemindersService,
];

/** Services of the activity lib, for any app; registers its kinds with the import pipeline. */
@Module({
  imports: [RegistryCoreModule, ImportsModule],
  providers: [...SERVICES, ActivityImportKinds],
  exports: SERVICES,
})
export class ActivityModule {}

/** HTTP routes of the activity lib. */
@Module({
  imports: [ActivityModule],
  controllers: [WeeksController, TrainingSessionsController, CompletenessController, RemindersController],
})
export class ActivityHttpModule {}

/** Worker side: the weekly reminder job. */
@Module({
  imports: [ActivityModule],
  providers: [RemindersJobHandler],
})
export class ActivityWorkerModule {}
