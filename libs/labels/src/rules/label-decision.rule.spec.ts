import { addYears, decisionProblems, decisionValidity } from './label-decision.rule.js';
import { evaluationWindow } from './evaluation-window.rule.js';

describe('decisionValidity', () => {
  it('grants for the scheme years, last day included', () => {
    expect(decisionValidity('grant', '2026-01-01', 3)).toEqual({
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
    });
    expect(decisionValidity('renew', '2026-03-15', 2)).toEqual({
      validFrom: '2026-03-15',
      validUntil: '2028-03-14',
    });
  });

  it('gives other decisions no end date', () => {
    expect(decisionValidity('suspend', '2026-03-15', 3)).toEqual({
      validFrom: '2026-03-15',
      validUntil: null,
    });
  });

  it('moves 29 February to 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});

describe('decisionProblems', () => {
  it('requires a justification to grant a space that is not eligible', () => {
    expect(decisionProblems({ decision: 'grant', currentStatus: 'none', eligible: false })).toEqual([
      expect.objectContaining({ field: 'justification' }),
    ]);
    expect(
      decisionProblems({
        decision: 'grant',
        currentStatus: 'none',
        eligible: false,
        justification: 'new premises',
      }),
    ).toEqual([]);
  });

  it('requires a justification to refuse an eligible space, not to grant it', () => {
    expect(decisionProblems({ decision: 'refuse', currentStatus: 'none', eligible: true })[0].field).toBe(
      'justification',
    );
    expect(decisionProblems({ decision: 'grant', currentStatus: 'none', eligible: true })).toEqual([]);
    expect(decisionProblems({ decision: 'refuse', currentStatus: 'none', eligible: false })).toEqual([]);
  });

  it('refuses to suspend, withdraw or renew what is not there', () => {
    expect(decisionProblems({ decision: 'suspend', currentStatus: 'none', eligible: true })[0].field).toBe(
      'decision',
    );
    expect(
      decisionProblems({ decision: 'withdraw', currentStatus: 'refused', eligible: true })[0].field,
    ).toBe('decision');
    expect(decisionProblems({ decision: 'renew', currentStatus: 'none', eligible: true })[0].field).toBe(
      'decision',
    );
    expect(decisionProblems({ decision: 'renew', currentStatus: 'expired', eligible: true })).toEqual([]);
  });
});

describe('evaluationWindow', () => {
  it('ends with the last complete week before `until` and spans the scheme weeks', () => {
    // 2026-11-22 is a Sunday of 2026-W47, still running that day: the window ends with W46
    // and starts 51 weeks earlier (2025 has 52 ISO weeks).
    expect(evaluationWindow('2026-11-22', 52)).toEqual({
      firstWeek: '2025-W47',
      lastWeek: '2026-W46',
      from: '2025-11-17',
      to: '2026-11-15',
      weeks: 52,
    });
  });
});
