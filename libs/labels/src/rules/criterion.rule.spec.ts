import { decideCriterion, isEligible } from './criterion.rule.js';

const hours16 = { metric: 'avg_weekly_opening_hours', operator: '>=', threshold: 16 } as const;
const pct80 = { metric: 'reporting_completeness_pct', operator: '>=', threshold: 80 } as const;
const computers4 = { metric: 'computers_in_service', operator: '>=', threshold: 4 } as const;
const charter = { metric: 'charter_signed', operator: 'is_true', threshold: true } as const;

describe('decideCriterion', () => {
  it('passes at and above a threshold, fails just below it (15.99 / 16 / 16.01 h)', () => {
    expect(decideCriterion(hours16, 15.99, 52, 4)).toBe('fail');
    expect(decideCriterion(hours16, 16, 52, 4)).toBe('pass');
    expect(decideCriterion(hours16, 16.01, 52, 4)).toBe('pass');
  });

  it('passes at exactly 80 % and fails just below', () => {
    expect(decideCriterion(pct80, 80, 52, 4)).toBe('pass');
    expect(decideCriterion(pct80, 79.99, 52, 4)).toBe('fail');
  });

  it('says insufficient_data for an activity metric with 3 weeks of data, and decides with 4', () => {
    expect(decideCriterion(hours16, 40, 3, 4)).toBe('insufficient_data');
    expect(decideCriterion(hours16, 40, 4, 4)).toBe('pass');
    expect(decideCriterion(hours16, 10, 4, 4)).toBe('fail');
    expect(decideCriterion(pct80, 100, 3, 4)).toBe('insufficient_data');
  });

  it('decides facts of the last day whatever the weeks of data', () => {
    expect(decideCriterion(computers4, 4, 0, 4)).toBe('pass');
    expect(decideCriterion(computers4, 3, 0, 4)).toBe('fail');
    expect(decideCriterion(charter, true, 0, 4)).toBe('pass');
    expect(decideCriterion(charter, false, 52, 4)).toBe('fail');
  });

  it('says insufficient_data when nothing could be measured', () => {
    expect(decideCriterion(pct80, null, 10, 4)).toBe('insufficient_data');
  });
});

describe('isEligible', () => {
  it('needs every mandatory criterion to pass; optional ones do not count', () => {
    expect(
      isEligible([
        { mandatory: true, outcome: 'pass' },
        { mandatory: false, outcome: 'fail' },
      ]),
    ).toBe(true);
    expect(
      isEligible([
        { mandatory: true, outcome: 'pass' },
        { mandatory: true, outcome: 'fail' },
      ]),
    ).toBe(false);
    expect(isEligible([{ mandatory: true, outcome: 'insufficient_data' }])).toBe(false);
  });
});
