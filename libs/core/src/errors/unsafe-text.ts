import { AppException, validationFailed, type FieldError } from './app-exception.js';

/**
 * How deep a request's JSON may nest. The API's bodies nest a few levels at most; the bound keeps a
 * small hostile body (`{"a":{"a":…}}` 3,000 deep is 15 KB) from exhausting the stack of any recursive
 * reader after this one (class-transformer, class-validator), which turned it into a 500.
 */
export const MAX_NESTING_DEPTH = 32;

/** The FieldError code of a body that nests deeper than MAX_NESTING_DEPTH. */
export const TOO_DEEP = 'json.too_deep';

interface Pending {
  value: unknown;
  path: string;
  /** Containers around `value`: 0 for a part (params, query, body) itself. */
  depth: number;
  /** The object key that leads to `value`, checked like any text. */
  key?: string;
}

/**
 * The first string in a request's parameters, query or JSON body that no part of the system can store
 * or check: a NUL character (PostgreSQL text refuses it) or broken Unicode (a lone surrogate, which
 * makes validators throw); or the place where the body nests deeper than MAX_NESTING_DEPTH. Answering
 * 400 for it at the edge keeps such input away from every query and validator. Streamed and binary
 * bodies (CSV uploads) are left to their own reader, which reports such cells per row.
 *
 * The walk is iterative (its own stack, depth first in document order), so that however deep the input
 * nests, checking it cannot overflow the call stack; it visits every node, which the body limit bounds.
 */
export function unsafeTextProblem(input: Record<string, unknown>): FieldError | null {
  const pending: Pending[] = Object.values(input)
    .reverse()
    .map((value) => ({ value, path: '', depth: 0 }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path, depth, key } = next;
    if (key !== undefined) {
      const found = textProblem(key, path);
      if (found) return found;
    }
    if (typeof value === 'string') {
      const found = textProblem(value, path);
      if (found) return found;
      continue;
    }
    if (value === null || typeof value !== 'object' || isStreamOrBinary(value)) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      return {
        field: path,
        code: TOO_DEEP,
        message: `This value nests more than ${MAX_NESTING_DEPTH} levels deep.`,
      };
    }
    const children = Array.isArray(value)
      ? value.map((child, i) => ({ value: child, path: join(path, String(i)), depth: depth + 1 }))
      : Object.entries(value).map(([name, child]) => ({
          value: child,
          path: join(path, name),
          depth: depth + 1,
          key: name,
        }));
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return null;
}

/**
 * The answer to a request whose parameters, query or body hold unsafe input (see unsafeTextProblem), or
 * null: 400 `VALIDATION.FAILED` naming the field, or 400 `VALIDATION.TOO_DEEP` for a body nested too deep.
 */
export function unsafeInputException(input: Record<string, unknown>): AppException | null {
  const problem = unsafeTextProblem(input);
  if (problem === null) return null;
  if (problem.code === TOO_DEEP) {
    return new AppException(
      'VALIDATION.TOO_DEEP',
      `The request nests more than ${MAX_NESTING_DEPTH} levels deep.`,
      400,
      [problem],
    );
  }
  return validationFailed([problem]);
}

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

function textProblem(text: string, field: string): FieldError | null {
  if (text.includes('\u0000')) {
    return { field, code: 'text.nul', message: `${field} contains a NUL character, which is not allowed.` };
  }
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) {
    return { field, code: 'text.unicode', message: `${field} contains broken Unicode characters.` };
  }
  return null;
}

function isStreamOrBinary(value: object): boolean {
  return (
    typeof (value as { pipe?: unknown }).pipe === 'function' ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer
  );
}
