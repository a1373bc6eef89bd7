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

/**
 * csv.md: `new_participants` ≤ `participants`; `duration_hours` > 0 and ≤ 24. The duration is stored
 * with 2 decimals (hundredths of an hour): more would be rounded, 0.001 to 0, which breaks the first
 * rule after it was checked, and 23.999 to 24 without a word.
 */
export function checkTrainingSession(values: TrainingFigures): TrainingIssue[] {
  const issues: TrainingIssue[] = [];
  if (!(values.durationHours > 0 && values.durationHours <= 24)) {
    issues.push({
      field: 'durationHours',
      key: 'training.duration_range',
      params: { value: values.durationHours },
    });
  } else if (Number(values.durationHours.toFixed(2)) !== values.durationHours) {
    issues.push({
      field: 'durationHours',
      key: 'training.duration_decimals',
      params: { value: String(values.durationHours) },
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
