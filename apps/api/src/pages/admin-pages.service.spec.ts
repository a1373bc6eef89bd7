import { readNewUser } from './admin-pages.service.js';
import { CATALOGUES } from './i18n/catalogues.js';

const m = CATALOGUES.en;
const PASSWORD = 'a long enough password';
const fieldsOf = (result: ReturnType<typeof readNewUser>) =>
  'errors' in result ? result.errors.map((e) => e.field) : [];

describe('readNewUser', () => {
  it('reads a coordinator with spaces, split on commas, spaces or semicolons, without duplicates', () => {
    expect(
      readNewUser(
        {
          email: 'a@example.be',
          role: 'coordinator',
          spaces: 'BRU-A, BRU-B;BRU-A  WAL-C',
          password: PASSWORD,
        },
        m,
      ),
    ).toEqual({
      user: {
        email: 'a@example.be',
        role: 'coordinator',
        region: null,
        spaceRefs: ['BRU-A', 'BRU-B', 'WAL-C'],
        password: PASSWORD,
      },
    });
  });

  it('gives regional staff their region, and nobody else one', () => {
    const staff = readNewUser(
      { email: 's@example.be', role: 'regional_staff', region: 'WAL', password: PASSWORD },
      m,
    );
    expect('user' in staff && staff.user.region).toBe('WAL');
    expect(
      fieldsOf(readNewUser({ email: 's@example.be', role: 'regional_staff', password: PASSWORD }, m)),
    ).toEqual(['region']);
    expect(
      fieldsOf(readNewUser({ email: 'a@example.be', role: 'admin', region: 'BRU', password: PASSWORD }, m)),
    ).toEqual(['region']);
  });

  it('applies the 12 to 128 character password policy, counting characters rather than bytes', () => {
    const withPassword = (password: string) =>
      readNewUser({ email: 'a@example.be', role: 'admin', password }, m);
    expect(fieldsOf(withPassword('x'.repeat(11)))).toEqual(['password']);
    expect(fieldsOf(withPassword('x'.repeat(12)))).toEqual([]);
    expect(fieldsOf(withPassword('é'.repeat(128)))).toEqual([]);
    expect(withPassword('x'.repeat(129))).toEqual({
      errors: [{ field: 'password', message: m.adminPages.passwordLong }],
    });
  });

  it('names every wrong field at once', () => {
    expect(
      fieldsOf(readNewUser({ email: 'nope', role: 'boss', spaces: 'not a ref!', password: '' }, m)),
    ).toEqual(['email', 'role', 'spaces', 'password']);
    expect(
      fieldsOf(readNewUser({ email: 'a@example.be', role: 'admin', spaces: 'BRU-A', password: PASSWORD }, m)),
    ).toEqual(['spaces']);
  });
});
