import { AppException, conflict } from '../errors/app-exception.js';
import { answerConstraintViolation } from './constraint-violation.js';

const answers = {
  conflicts: {
    uq_things_key: () => conflict('THINGS.TAKEN', 'taken'),
    'table:people': () => conflict('PEOPLE.TAKEN', 'taken'),
  },
  fields: { ck_things_size: { field: 'size', message: 'size must be at least 1' } },
};

describe('answerConstraintViolation', () => {
  it('answers a known unique violation with its 409, by constraint or by table', () => {
    const byName = answerConstraintViolation(
      { driverError: { code: '23505', constraint: 'uq_things_key' } },
      answers,
    );
    expect(byName).toMatchObject({ code: 'THINGS.TAKEN', status: 409 });
    const byTable = answerConstraintViolation(
      { code: '23505', constraint: 'UQ_x', table: 'people' },
      answers,
    );
    expect(byTable).toMatchObject({ code: 'PEOPLE.TAKEN', status: 409 });
  });

  it('answers a known check violation with a 400 naming the field', () => {
    const answer = answerConstraintViolation({ code: '23514', constraint: 'ck_things_size' }, answers);
    expect(answer).toBeInstanceOf(AppException);
    expect(answer).toMatchObject({
      status: 400,
      details: [{ field: 'size', message: 'size must be at least 1' }],
    });
  });

  it('leaves anything else as it is', () => {
    const unknownCheck = { code: '23514', constraint: 'ck_other' };
    expect(answerConstraintViolation(unknownCheck, answers)).toBe(unknownCheck);
    const notDatabase = new Error('boom');
    expect(answerConstraintViolation(notDatabase, answers)).toBe(notDatabase);
  });
});
