import { validationFailed, type AppException, type FieldError } from '../errors/app-exception.js';

/** What PostgreSQL says about a refused write, wherever TypeORM put it. */
export interface DatabaseRefusal {
  /** SQLSTATE: 23505 unique, 23503 foreign key, 23514 check. */
  code?: string;
  constraint?: string;
  table?: string;
}

export function databaseRefusal(error: unknown): DatabaseRefusal | null {
  if (error === null || typeof error !== 'object') return null;
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as DatabaseRefusal;
  return typeof driver.code === 'string' ? driver : null;
}

export interface ConstraintAnswers {
  /** Unique violations by constraint name (or `table:<name>` for a table's unnamed unique key): a 409. */
  conflicts?: Record<string, () => AppException>;
  /** Check and foreign-key violations by constraint name: a 400 naming the field. */
  fields?: Record<string, FieldError>;
}

/**
 * Turns a database refusal caused by the caller's input into the answer the caller should get (409 or
 * a 400 naming the field). Anything else comes back unchanged, and becomes a 500 at the edge, as it
 * should: the database has the last word when two writers race past the service's own checks.
 */
export function answerConstraintViolation(error: unknown, answers: ConstraintAnswers): unknown {
  const refusal = databaseRefusal(error);
  if (!refusal) return error;
  if (refusal.code === '23505') {
    const conflict =
      (refusal.constraint && answers.conflicts?.[refusal.constraint]) ||
      (refusal.table && answers.conflicts?.[`table:${refusal.table}`]);
    if (conflict) return conflict();
  }
  if ((refusal.code === '23514' || refusal.code === '23503') && refusal.constraint) {
    const field = answers.fields?.[refusal.constraint];
    if (field) return validationFailed([field]);
  }
  return error;
}
