import { changedPersonFields, coversWholePerson, type PersonFields } from './animator-person-scope.rule.js';

describe('coversWholePerson', () => {
  it.each([
    ['every assignment in scope', { assignments: 2, inScope: 2 }, true],
    ['one assignment in scope, one elsewhere', { assignments: 2, inScope: 1 }, false],
    ['no assignment in scope', { assignments: 1, inScope: 0 }, false],
    ['no assignment at all (admins only)', { assignments: 0, inScope: 0 }, false],
  ])('coordinators and regional staff: %s → %s', (_label, reach, expected) => {
    expect(coversWholePerson('coordinator', reach)).toBe(expected);
    expect(coversWholePerson('regional_staff', reach)).toBe(expected);
  });

  it('lets admins act on any person, assigned anywhere or nowhere', () => {
    expect(coversWholePerson('admin', { assignments: 3, inScope: 0 })).toBe(true);
    expect(coversWholePerson('admin', { assignments: 0, inScope: 0 })).toBe(true);
  });
});

describe('changedPersonFields', () => {
  const stored: PersonFields = {
    name: 'Marie Dubois',
    email: 'marie@cpas.example.be',
    phone: null,
    qualifications: ['Forem'],
  };

  it('names the fields whose value differs from the stored one', () => {
    expect(changedPersonFields(stored, { email: 'other@evil.example', name: 'Marie Dubois' })).toEqual([
      'email',
    ]);
    expect(changedPersonFields(stored, { phone: '+32 2 555 01 02', qualifications: [] })).toEqual([
      'phone',
      'qualifications',
    ]);
    expect(changedPersonFields(stored, { email: null })).toEqual(['email']);
  });

  it('is empty when every value sent is the stored one, or nothing is sent', () => {
    expect(changedPersonFields(stored, { ...stored, qualifications: ['Forem'] })).toEqual([]);
    expect(changedPersonFields(stored, {})).toEqual([]);
    expect(changedPersonFields(stored, { phone: undefined })).toEqual([]);
  });
});
