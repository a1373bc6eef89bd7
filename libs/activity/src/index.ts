// The activity lib: weekly activity per ISO week, training sessions, completeness and reminders.
export { ACTIVITY_ENTITIES } from './entities.js';
export { ActivityHttpModule, ActivityModule, ActivityWorkerModule } from './activity.module.js';
export { RemindersService } from './reminders/reminders.service.js';
export { MISSING_WEEK } from './reminders/reminders.repository.js';
export { REMINDER_SCHEDULE } from './reminders/reminders.handler.js';
export { weekInWords } from './reminders/reminder-mail.js';
export * from './rules/iso-weeks.js';
export * from './rules/weekly-activity.rule.js';
export * from './rules/training-session.rule.js';
export { activityMessages, activityMessage } from './rules/activity.messages.js';
export { trainingSessionsImportKind } from './imports/training-sessions.import-kind.js';
export { weeklyActivityImportKind } from './imports/weekly-activity.import-kind.js';
export { WeeksService } from './weeks/weeks.service.js';
export { isRealWeek } from './weeks/week-param.js';
export { CompletenessService } from './completeness/completeness.service.js';
export { TrainingSessionsService } from './training/training-sessions.service.js';
