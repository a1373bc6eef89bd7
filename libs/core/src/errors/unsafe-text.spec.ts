import { MAX_NESTING_DEPTH, unsafeInputException, unsafeTextProblem } from './unsafe-text.js';

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

  it('refuses a body nested deeper than the limit, naming where, without overflowing the stack', () => {
    const nest = (depth: number): unknown => {
      let value: unknown = 'x';
      for (let i = 0; i < depth; i++) value = { email: value };
      return value;
    };
    // The first level of the body is depth 1: MAX_NESTING_DEPTH objects inside one another are fine.
    expect(unsafeTextProblem({ body: nest(MAX_NESTING_DEPTH) })).toBeNull();
    const problem = unsafeTextProblem({ body: nest(MAX_NESTING_DEPTH + 1) });
    expect(problem).toMatchObject({ code: 'json.too_deep' });
    expect(problem?.field.split('.')).toHaveLength(MAX_NESTING_DEPTH);
    // 3,000 levels (15 KB of JSON) overflowed the recursive walk; a million arrays must not either.
    expect(unsafeTextProblem({ body: nest(3000) })).toMatchObject({ code: 'json.too_deep' });
    let arrays: unknown = [];
    for (let i = 0; i < 1_000_000; i++) arrays = [arrays];
    expect(unsafeTextProblem({ body: arrays })).toMatchObject({
      code: 'json.too_deep',
      field: Array(MAX_NESTING_DEPTH).fill('0').join('.'),
    });
  });

  it('finds a problem after any number of harmless nodes, in document order', () => {
    const body = { many: Array.from({ length: 20_000 }, () => 'ok'), late: 'x\u0000', later: '\ud800' };
    expect(unsafeTextProblem({ body })).toMatchObject({ field: 'late', code: 'text.nul' });
    const deepAfterMany = {
      many: Array.from({ length: 20_000 }, () => 1),
      deep: JSON.parse('['.repeat(40) + ']'.repeat(40)),
    };
    expect(unsafeTextProblem({ body: deepAfterMany })).toMatchObject({ code: 'json.too_deep' });
  });

  it('answers VALIDATION.TOO_DEEP for nesting and VALIDATION.FAILED for text, both 400 with the field', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(unsafeInputException({ body: deep })).toMatchObject({
      code: 'VALIDATION.TOO_DEEP',
      status: 400,
      details: [{ code: 'json.too_deep' }],
    });
    expect(unsafeInputException({ query: { q: 'a\u0000' } })).toMatchObject({
      code: 'VALIDATION.FAILED',
      status: 400,
      details: [{ field: 'q', code: 'text.nul' }],
    });
    expect(unsafeInputException({ body: { fine: [1, 'two', null] } })).toBeNull();
  });
});
