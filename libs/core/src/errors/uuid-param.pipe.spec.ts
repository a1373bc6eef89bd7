import { ParseUuidParamPipe } from './uuid-param.pipe.js';

describe('ParseUuidParamPipe', () => {
  const pipe = new ParseUuidParamPipe();

  it('passes a UUID through', () => {
    const id = '3a8ffe36-87fa-453a-bd0e-2a90f3a407a2';
    expect(pipe.transform(id, { type: 'param', data: 'id' })).toBe(id);
  });

  it('names the parameter in a 400 VALIDATION.FAILED, as DTO field errors do', () => {
    for (const value of ['not-a-uuid', '', undefined, '3a8ffe36-87fa-453a-bd0e-2a90f3a407a']) {
      expect(() => pipe.transform(value, { type: 'param', data: 'userId' })).toThrow(
        expect.objectContaining({
          code: 'VALIDATION.FAILED',
          status: 400,
          details: [expect.objectContaining({ field: 'userId' })],
        }),
      );
    }
  });
});
