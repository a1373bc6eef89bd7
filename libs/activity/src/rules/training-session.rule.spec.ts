import { activityMessage } from './activity.messages.js';
import { checkTrainingSession } from './training-session.rule.js';

describe('checkTrainingSession', () => {
  it('accepts durations above 0 up to 24 hours', () => {
    expect(checkTrainingSession({ durationHours: 0.25, participants: 3, newParticipants: 3 })).toEqual([]);
    expect(checkTrainingSession({ durationHours: 24, participants: 3, newParticipants: 0 })).toEqual([]);
  });

  it('refuses 0 hours and more than 24', () => {
    for (const durationHours of [0, -1, 24.5]) {
      expect(checkTrainingSession({ durationHours, participants: 1, newParticipants: 1 })).toEqual([
        { field: 'durationHours', key: 'training.duration_range', params: { value: durationHours } },
      ]);
    }
  });

  it('refuses durations with more than 2 decimals, which the table would round (0.001 to 0)', () => {
    for (const durationHours of [0.001, 23.999, 1.125]) {
      expect(checkTrainingSession({ durationHours, participants: 1, newParticipants: 1 })).toEqual([
        {
          field: 'durationHours',
          key: 'training.duration_decimals',
          params: { value: String(durationHours) },
        },
      ]);
    }
    expect(checkTrainingSession({ durationHours: 0.29, participants: 1, newParticipants: 1 })).toEqual([]);
    expect(activityMessage('training.duration_decimals', { value: '0.001' }, 'nl')).toContain(
      'u schreef 0,001',
    );
  });

  it('keeps new participants within participants, with a message in each language', () => {
    const [issue] = checkTrainingSession({ durationHours: 2, participants: 5, newParticipants: 6 });
    expect(issue.field).toBe('newParticipants');
    expect(activityMessage(issue.key, issue.params, 'en')).toBe(
      'New participants (6) cannot be more than participants (5).',
    );
    expect(activityMessage(issue.key, issue.params, 'nl')).toMatch(/^Nieuwe deelnemers \(6\)/);
    expect(activityMessage(issue.key, issue.params, 'fr')).toMatch(/^Les nouveaux participants \(6\)/);
  });
});
