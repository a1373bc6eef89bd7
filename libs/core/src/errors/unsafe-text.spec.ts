import { unsafeTextProblem } from './unsafe-text.js';

describe('unsafeTextProblem', () => {
  it('accepts ordinary text, accents and emoji', () => {
    expect(
      unsafeTextProblem({ params: { ref: 'BRU-A' }, body: { name: 'Espace numérique 😀', list: ['ok'] } }),
    ).toBeNull();
  });

  it('names the field holding a NUL character, in params, query or nested body', () => {
    expect(unsafeTextProblem({ params: { ref: 'BRU-A\u0000' } })).toMatchObject({
      field: 'ref',
      code: 'text.nul',
    });
    expect(unsafeTextProblem({ body: { a: { b: ['x', 'y\u0000'] } } })).toMatchObject({ field: 'a.b.1' });
    expect(unsafeTextProblem({ body: { ['k\u0000']: 1 } })).toMatchObject({ code: 'text.nul' });
  });

  it('names broken Unicode (a lone surrogate)', () => {
    expect(unsafeTextProblem({ body: { email: '\ud800@example.be' } })).toMatchObject({
      field: 'email',
      code: 'text.unicode',
    });
  });

  it('walks objects without a prototype (parsed query strings) and leaves streams and buffers alone', () => {
    const query = Object.assign(Object.create(null), { q: 'a\u0000' });
    expect(unsafeTextProblem({ query })).toMatchObject({ field: 'q' });
    class Params {
      ref = 'x\u0000';
    }
    expect(unsafeTextProblem({ params: new Params() })).toMatchObject({ field: 'ref' });
    class Upload {
      chunk = 'x\u0000';
      pipe() {}
    }
    expect(unsafeTextProblem({ body: new Upload() })).toBeNull();
    expect(unsafeTextProblem({ body: Buffer.from('x\u0000') })).toBeNull();
  });
});
