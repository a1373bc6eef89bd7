import type { CsvParams } from '../../../core/src/index.js';
import type { ActivityMessageKey } from './weekly-activity.rule.js';

export interface TrainingFigures {
  durationHours: number;
  participants: number;
  newParticipants: number;
}

export interface TrainingIssue {
  field: keyof TrainingFigures;
  key: ActivityMessageKey;
  params: CsvParams;
}

/** csv.md: `new_participants` ≤ `participants`; `duration_hours` > 0 and ≤ 24. */
export function checkTrainingSession(values: TrainingFigures): TrainingIssue[] {
  const issues: TrainingIssue[] = [];
  if (!(values.durationHours > 0 && values.durationHours <= 24)) {
    issues.push({
      field: 'durationHours',
      key: 'training.duration_range',
      params: { value: values.durationHours },
    });
  }
  if (values.newParticipants > values.participants) {
    issues.push({
      field: 'newParticipants',
      key: 'training.new_over_participants',
      params: { value: values.newParticipants, participants: values.participants },
    });
  }
  return issues;
}
