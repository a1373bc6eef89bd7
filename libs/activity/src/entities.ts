import { ReminderEntity } from './reminders/reminder.entity.js';
import { TrainingSessionAnimatorEntity } from './training/training-session-animator.entity.js';
import { TrainingSessionEntity } from './training/training-session.entity.js';
import { WeeklyActivityEntity } from './weeks/weekly-activity.entity.js';

export const ACTIVITY_ENTITIES = [
  WeeklyActivityEntity,
  TrainingSessionEntity,
  TrainingSessionAnimatorEntity,
  ReminderEntity,
];
