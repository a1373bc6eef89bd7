import { inServiceCounts, inServiceSql, isInService } from './in-service.rule.js';

describe('isInService', () => {
  const D = '2026-03-15';
  it.each([
    ['acquired on D', { acquiredOn: D, retiredOn: null }, true],
    ['acquired the day after D', { acquiredOn: '2026-03-16', retiredOn: null }, false],
    ['acquired the day before D', { acquiredOn: '2026-03-14', retiredOn: null }, true],
    ['retired on D', { acquiredOn: '2020-01-01', retiredOn: D }, false],
    ['retired the day before D', { acquiredOn: '2020-01-01', retiredOn: '2026-03-14' }, false],
    ['retired the day after D', { acquiredOn: '2020-01-01', retiredOn: '2026-03-16' }, true],
    ['undated', { acquiredOn: null, retiredOn: null }, true],
    ['undated acquisition, retired on D', { acquiredOn: null, retiredOn: D }, false],
    ['undated acquisition, retired after D', { acquiredOn: null, retiredOn: '2027-01-01' }, true],
    ['acquired and retired on D', { acquiredOn: D, retiredOn: D }, false],
  ])('%s → %s', (_label, item, expected) => {
    expect(isInService(item, D)).toBe(expected);
  });

  it('compares across month and year boundaries as dates', () => {
    expect(isInService({ acquiredOn: '2025-12-31', retiredOn: '2026-01-01' }, '2025-12-31')).toBe(true);
    expect(isInService({ acquiredOn: '2025-12-31', retiredOn: '2026-01-01' }, '2026-01-01')).toBe(false);
  });
});

describe('inServiceSql', () => {
  it('states the same edges: acquired on or before D, retired strictly after D', () => {
    const sql = inServiceSql('e', '$2').replace(/\s+/g, ' ');
    expect(sql).toContain('e.acquired_on <= $2::date');
    expect(sql).toContain('e.retired_on > $2::date');
    expect(sql).toContain('e.acquired_on IS NULL');
    expect(sql).toContain('e.retired_on IS NULL');
  });
});

describe('inServiceCounts', () => {
  it('lists every type and derives computers, tablets and devices', () => {
    expect(inServiceCounts({ desktop: 4, laptop: 2, tablet: 3, printer: 1 })).toEqual({
      byType: { desktop: 4, laptop: 2, tablet: 3, printer: 1, '3d_printer': 0, other: 0 },
      computers: 6,
      tablets: 3,
      devices: 9,
    });
  });

  it('answers zeros for a space without equipment', () => {
    expect(inServiceCounts({})).toMatchObject({ computers: 0, tablets: 0, devices: 0 });
  });
});
