import {
  CHANGED,
  PSEUDONYMOUS_REF,
  animatorAuditSnapshots,
  pseudonymousRef,
  type AnimatorState,
} from './animator-privacy.rule.js';

const person: AnimatorState = {
  id: '7d1f1b7e-9c1e-4a54-9a55-1b2f3c4d5e6f',
  ref: 'ANIM-MARIE-DUBOIS',
  name: 'Marie Dubois',
  email: 'marie.dubois@cpas.example.be',
  phone: '+32 2 555 01 02',
  qualifications: ['Animatrice multimédia (Forem)'],
  anonymisedAt: null,
  version: 1,
};
const personalValues = [person.ref, person.name!, person.email!, person.phone!, ...person.qualifications];
const leaks = (snapshots: unknown) => personalValues.filter((v) => JSON.stringify(snapshots).includes(v));

describe('animatorAuditSnapshots', () => {
  it('records a creation with every personal field marked, none of them readable', () => {
    const result = animatorAuditSnapshots(null, person);
    expect(result.before).toBeNull();
    expect(result.after).toEqual({
      id: person.id,
      anonymisedAt: null,
      version: 1,
      ref: CHANGED,
      name: CHANGED,
      email: CHANGED,
      phone: CHANGED,
      qualifications: CHANGED,
    });
    expect(leaks(result)).toEqual([]);
  });

  it('marks only the fields that changed and omits the others', () => {
    const after = { ...person, email: 'm.dubois@cpas.example.be', version: 2 };
    const result = animatorAuditSnapshots(person, after);
    expect(result.before).toEqual({ id: person.id, anonymisedAt: null, version: 1, email: CHANGED });
    expect(result.after).toEqual({ id: person.id, anonymisedAt: null, version: 2, email: CHANGED });
    expect(leaks(result)).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('m.dubois');
  });

  it('records a cleared field as null after, and an emptied list as null', () => {
    const after = { ...person, phone: null, qualifications: [], version: 2 };
    const result = animatorAuditSnapshots(person, after);
    expect(result.before).toMatchObject({ phone: CHANGED, qualifications: CHANGED });
    expect(result.after).toMatchObject({ phone: null, qualifications: null });
  });

  it('records an anonymisation without any of the erased values', () => {
    const anonymised: AnimatorState = {
      ...person,
      ref: 'ANON-0A1B2C3D',
      name: null,
      email: null,
      phone: null,
      qualifications: [],
      anonymisedAt: '2026-03-01T10:00:00.000Z',
      version: 2,
    };
    const result = animatorAuditSnapshots(person, anonymised);
    expect(leaks(result)).toEqual([]);
    expect(result.before).toMatchObject({ ref: CHANGED, name: CHANGED, email: CHANGED, phone: CHANGED });
    // The pseudonym says nothing about the person, so the trail shows it.
    expect(result.after).toMatchObject({
      ref: 'ANON-0A1B2C3D',
      name: null,
      email: null,
      phone: null,
      qualifications: null,
      anonymisedAt: anonymised.anonymisedAt,
    });
  });
});

describe('pseudonymousRef', () => {
  it('is ANON- and 8 hex digits', () => {
    expect(pseudonymousRef(() => Buffer.from([0x0a, 0x1b, 0x2c, 0x3d]))).toBe('ANON-0A1B2C3D');
    expect(pseudonymousRef()).toMatch(PSEUDONYMOUS_REF);
  });

  it('differs between calls', () => {
    const refs = new Set(Array.from({ length: 50 }, () => pseudonymousRef()));
    expect(refs.size).toBe(50);
  });
});
