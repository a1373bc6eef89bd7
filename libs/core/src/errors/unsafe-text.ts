import type { FieldError } from './app-exception.js';

const MAX_NODES = 10_000;

/**
 * The first string in a request's parameters, query or JSON body that no part of the system can store
 * or check: a NUL character (PostgreSQL text refuses it) or broken Unicode (a lone surrogate, which
 * makes validators throw). Answering 400 for it at the edge keeps such input away from every query and
 * validator. Streamed and binary bodies (CSV uploads) are left to their own reader, which reports such
 * cells per row.
 */
export function unsafeTextProblem(input: Record<string, unknown>): FieldError | null {
  let visited = 0;
  const walk = (value: unknown, path: string): FieldError | null => {
    if (++visited > MAX_NODES) return null;
    if (typeof value === 'string') return textProblem(value, path);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const found = walk(value[i], `${path}.${i}`);
        if (found) return found;
      }
      return null;
    }
    if (value !== null && typeof value === 'object') {
      if (isStreamOrBinary(value)) return null;
      for (const [key, child] of Object.entries(value)) {
        const field = path ? `${path}.${key}` : key;
        const found = textProblem(key, field) ?? walk(child, field);
        if (found) return found;
      }
    }
    return null;
  };
  for (const part of Object.values(input)) {
    const found = walk(part, '');
    if (found) return found;
  }
  return null;
}

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
