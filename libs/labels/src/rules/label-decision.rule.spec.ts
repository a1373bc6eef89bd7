import {
  LABEL_CURRENT_STATUSES,
  LABEL_DECISIONS,
  addYears,
  allowedDecisions,
  decisionProblems,
  decisionValidity,
} from './label-decision.rule.js';
import { evaluationWindow } from './evaluation-window.rule.js';

describe('decisionValidity', () => {
  it('grants and renews from the decision date for the scheme years, last day included', () => {
    expect(decisionValidity('grant', '2026-01-01', 3)).toEqual({
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
    });
    expect(decisionValidity('renew', '2026-03-15', 2)).toEqual({
      validFrom: '2026-03-15',
      validUntil: '2028-03-14',
    });
  });

  it('renews a suspended label with a new period from the decision date, not the old term', () => {
    const suspended = { validFrom: '2024-02-01', validUntil: '2027-01-31' };
    expect(decisionValidity('renew', '2026-11-23', 3, suspended)).toEqual({
      validFrom: '2026-11-23',
      validUntil: '2029-11-22',
    });
  });

  it('keeps the term of the label a suspension suspends', () => {
    const granted = { validFrom: '2024-02-01', validUntil: '2027-01-31' };
    expect(decisionValidity('suspend', '2026-03-15', 3, granted)).toEqual(granted);
  });

  it('gives a refusal or withdrawal only the day it takes effect', () => {
    const granted = { validFrom: '2024-02-01', validUntil: '2027-01-31' };
    expect(decisionValidity('refuse', '2026-03-15', 3)).toEqual({
      validFrom: '2026-03-15',
      validUntil: null,
    });
    expect(decisionValidity('withdraw', '2026-03-15', 3, granted)).toEqual({
      validFrom: '2026-03-15',
      validUntil: null,
    });
  });

  it('moves 29 February to 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});

describe('decisions allowed by the current label', () => {
  // Written out by hand from the brief: grant and refuse only when no label is in force; suspend only
  // a granted label; withdraw a granted or suspended one; renew a granted, suspended or expired one.
  const ALLOWED: Record<string, Record<string, boolean>> = {
    none: { grant: true, refuse: true, suspend: false, withdraw: false, renew: false },
    granted: { grant: false, refuse: false, suspend: true, withdraw: true, renew: true },
    refused: { grant: true, refuse: true, suspend: false, withdraw: false, renew: false },
    suspended: { grant: false, refuse: false, suspend: false, withdraw: true, renew: true },
    withdrawn: { grant: true, refuse: true, suspend: false, withdraw: false, renew: false },
    expired: { grant: true, refuse: true, suspend: false, withdraw: false, renew: true },
  };

  it('covers every status and decision', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...LABEL_CURRENT_STATUSES].sort());
    for (const row of Object.values(ALLOWED))
      expect(Object.keys(row).sort()).toEqual([...LABEL_DECISIONS].sort());
  });

  for (const status of LABEL_CURRENT_STATUSES) {
    for (const decision of LABEL_DECISIONS) {
      const allowed = ALLOWED[status][decision];
      it(`${allowed ? 'accepts' : 'refuses'} ${decision} when the label is ${status}`, () => {
        // A justification is given and the evaluation agrees, so only the state machine can object.
        for (const eligible of [true, false]) {
          const problems = decisionProblems({
            decision,
            currentStatus: status,
            eligible,
            justification: 'why',
          });
          expect(problems.map((p) => p.field)).toEqual(allowed ? [] : ['decision']);
          if (!allowed) expect(problems[0].code).toBe('LABELS.DECISION_NOT_ALLOWED');
        }
        expect(allowedDecisions(status).includes(decision)).toBe(allowed);
      });
    }
  }

  it('lists the allowed decisions in a fixed order, for the staff page', () => {
    expect(allowedDecisions('none')).toEqual(['grant', 'refuse']);
    expect(allowedDecisions('granted')).toEqual(['suspend', 'withdraw', 'renew']);
    expect(allowedDecisions('suspended')).toEqual(['withdraw', 'renew']);
    expect(allowedDecisions('expired')).toEqual(['grant', 'refuse', 'renew']);
    expect(allowedDecisions('something else')).toEqual([]);
  });
});

describe('decisions against the evaluation', () => {
  const justificationNeeded = (
    decision: (typeof LABEL_DECISIONS)[number],
    currentStatus: string,
    eligible: boolean,
  ) => decisionProblems({ decision, currentStatus, eligible }).some((p) => p.field === 'justification');

  it('requires a justification to grant or renew a space that is not eligible, not one that is', () => {
    expect(justificationNeeded('grant', 'none', false)).toBe(true);
    expect(justificationNeeded('renew', 'granted', false)).toBe(true);
    expect(justificationNeeded('grant', 'none', true)).toBe(false);
    expect(justificationNeeded('renew', 'granted', true)).toBe(false);
  });

  it('requires a justification to refuse, suspend or withdraw the label of an eligible space', () => {
    expect(justificationNeeded('refuse', 'none', true)).toBe(true);
    expect(justificationNeeded('suspend', 'granted', true)).toBe(true);
    expect(justificationNeeded('withdraw', 'granted', true)).toBe(true);
    expect(justificationNeeded('withdraw', 'suspended', true)).toBe(true);
    expect(justificationNeeded('refuse', 'none', false)).toBe(false);
    expect(justificationNeeded('suspend', 'granted', false)).toBe(false);
    expect(justificationNeeded('withdraw', 'suspended', false)).toBe(false);
  });

  it('accepts the decision against the evaluation once justified; blank text is no justification', () => {
    expect(
      decisionProblems({
        decision: 'suspend',
        currentStatus: 'granted',
        eligible: true,
        justification: 'complaints',
      }),
    ).toEqual([]);
    expect(
      decisionProblems({
        decision: 'withdraw',
        currentStatus: 'granted',
        eligible: true,
        justification: '   ',
      }),
    ).toEqual([expect.objectContaining({ field: 'justification', code: 'LABELS.JUSTIFICATION_REQUIRED' })]);
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
