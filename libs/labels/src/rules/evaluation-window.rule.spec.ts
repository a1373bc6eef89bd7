import { evaluationWindow, untilProblem } from './evaluation-window.rule.js';

describe('untilProblem', () => {
  it('accepts today and any earlier day', () => {
    expect(untilProblem('2026-11-23', '2026-11-23')).toBeNull();
    expect(untilProblem('2026-06-03', '2026-11-23')).toBeNull();
  });

  it('refuses tomorrow on the until field: the window could hold a week not yet complete', () => {
    expect(untilProblem('2026-11-24', '2026-11-23')).toEqual(
      expect.objectContaining({ field: 'until', code: 'LABELS.UNTIL_IN_FUTURE' }),
    );
    expect(untilProblem('2027-01-01', '2026-12-31')?.field).toBe('until');
  });

  it('leaves out the running week when until is today, so the window holds complete weeks only', () => {
    // Monday 2026-11-23 starts 2026-W48: the window ends with 2026-W47, on Sunday 2026-11-22.
    expect(evaluationWindow('2026-11-23', 52)).toMatchObject({ lastWeek: '2026-W47', to: '2026-11-22' });
  });
});
