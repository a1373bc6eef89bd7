import { assignedOnSql, isAssignedOn } from './assigned-on.rule.js';

describe('isAssignedOn', () => {
  const D = '2026-03-15';
  it.each([
    ['starts on D', { startsOn: D, endsOn: null }, true],
    ['starts the day after D', { startsOn: '2026-03-16', endsOn: null }, false],
    ['ends on D (last day worked)', { startsOn: '2025-01-01', endsOn: D }, true],
    ['ended the day before D', { startsOn: '2025-01-01', endsOn: '2026-03-14' }, false],
    ['open-ended, started long ago', { startsOn: '2010-01-01', endsOn: null }, true],
    ['a single day, D', { startsOn: D, endsOn: D }, true],
  ])('%s → %s', (_label, assignment, expected) => {
    expect(isAssignedOn(assignment, D)).toBe(expected);
  });
});

describe('assignedOnSql', () => {
  it('states the same edges: started on or before D, ends on or after D', () => {
    const sql = assignedOnSql('x', '$3');
    expect(sql).toContain('x.starts_on <= $3::date');
    expect(sql).toContain('x.ends_on IS NULL OR x.ends_on >= $3::date');
  });
});
