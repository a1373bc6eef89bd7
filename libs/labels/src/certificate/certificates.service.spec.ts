import { AppException } from '../../../core/src/index.js';
import { certificateCode, normaliseCertificateCode } from './certificates.service.js';

describe('normaliseCertificateCode', () => {
  it('forgives spaces, missing dashes and lower case, as codes are copied from paper', () => {
    expect(normaliseCertificateCode('ABCD-EFGH-JKMN-PQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normaliseCertificateCode(' abcdefghjkmnpqrs ')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normaliseCertificateCode('abcd efgh-jkmn pqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
  });

  it('refuses what cannot be a code: wrong length or look-alike characters the codes never use', () => {
    expect(normaliseCertificateCode('')).toBeNull();
    expect(normaliseCertificateCode('hello')).toBeNull();
    expect(normaliseCertificateCode('ABCD-EFGH-JKMN-PQR')).toBeNull();
    expect(normaliseCertificateCode('ABCD-EFGH-JKMN-PQRST')).toBeNull();
    expect(normaliseCertificateCode('ABCD-EFGH-JKMN-PQR0')).toBeNull();
    expect(normaliseCertificateCode('ABCD-EFGH-JKMN-PQRI')).toBeNull();
    expect(normaliseCertificateCode("ABCD-EFGH-JKMN-PQR'")).toBeNull();
  });
});

describe('certificateCode', () => {
  it.each(['ABCD-EFGH-JKMN-PQRS', 'abcd-efgh-jkmn-pqrs', 'ABCDEFGHJKMNPQRS', ' abcd efgh jkmn pqrs '])(
    'reads %p as printed',
    (typed) => {
      expect(certificateCode(typed)).toBe('ABCD-EFGH-JKMN-PQRS');
    },
  );

  it.each([
    '',
    'NO-SUCH-CODE',
    'ABCD-EFGH-JKMN-PQR',
    'ABCD-EFGH-JKMN-PQRS-T',
    'ABCD-EFGH-JKMN-PQR0',
    "' OR 1=1",
  ])('refuses %p as a field error', (typed) => {
    let error: unknown;
    try {
      certificateCode(typed);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AppException);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', details: [{ field: 'code' }] });
  });
});
