import type { Principal } from '../../../../libs/core/src/index.js';
import { regionFor } from './staff-pages.service.js';

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
