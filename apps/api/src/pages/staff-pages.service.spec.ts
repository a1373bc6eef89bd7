import type { Principal } from '../../../../libs/core/src/index.js';
import { dashboardYear, regionFor } from './staff-pages.service.js';

const principal = (role: Principal['role'], regionCode: Principal['regionCode'] = null): Principal => ({
  userId: 'u',
  email: 'x@example.be',
  role,
  regionCode,
  sessionId: 's',
  preferredLanguage: 'en',
});

describe('regionFor', () => {
  it('gives regional staff their own region, whatever region the address asks for', () => {
    expect(regionFor(principal('regional_staff', 'WAL'), 'BRU')).toBe('WAL');
    expect(regionFor(principal('regional_staff', 'WAL'), undefined)).toBe('WAL');
  });

  it('lets admins pick a region, Brussels when none or an unknown one is asked', () => {
    expect(regionFor(principal('admin'), 'VLA')).toBe('VLA');
    expect(regionFor(principal('admin'), undefined)).toBe('BRU');
    expect(regionFor(principal('admin'), 'XYZ')).toBe('BRU');
  });

  it('refuses coordinators', () => {
    expect(() => regionFor(principal('coordinator'), 'BRU')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
});

describe('dashboardYear', () => {
  it('shows this year up to the current week, with the year before to go to', () => {
    expect(dashboardYear(undefined, '2026-11-23')).toEqual({
      year: 2026,
      from: '2026-W01',
      to: '2026-W48',
      previous: 2025,
      next: null,
    });
  });

  it('shows a past year whole, to its last ISO week (W53 where it has one)', () => {
    expect(dashboardYear('2020', '2026-11-23')).toEqual({
      year: 2020,
      from: '2020-W01',
      to: '2020-W53',
      previous: 2019,
      next: 2021,
    });
    expect(dashboardYear('2025', '2026-11-23').to).toBe('2025-W52');
  });

  it('falls back to this year for a year to come, before 2000, or not a year', () => {
    for (const asked of ['2027', '1999', 'abc', '20', ['2020']]) {
      expect(dashboardYear(asked, '2026-11-23').year).toBe(2026);
    }
    expect(dashboardYear('2000', '2026-11-23').previous).toBeNull();
  });
});
