/**
 * What must never appear in a log line: passwords, login tokens and e-mail addresses (personal
 * data). The test suite's own passwords are listed so a password logged verbatim, outside any
 * `password` key, is caught too.
 */
export const TEST_PASSWORDS = [
  'a long enough password',
  'fault-admin-password-1',
  'twelve chars ok',
  'correct horse battery',
  'wrong password!',
  'not the password',
  'still not the password',
];

export interface Leak {
  kind: 'password' | 'token' | 'email';
  excerpt: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** A login token: 32 random bytes in base64url (43 characters); hex digests lack upper case. */
const TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
const BEARER = /bearer\s+(?!\[redacted\])[A-Za-z0-9._~+/-]{8,}/gi;
const SESSION_COOKIE = /ocr_session=(?!\[redacted\])[^;\s"]+/g;
const PASSWORD_VALUE = /"(?:password|newPassword|currentPassword)"\s*:\s*"(?!\[redacted\]")/gi;

function excerptAround(line: string, index: number): string {
  return line.slice(Math.max(0, index - 40), index + 80);
}

/** Every leak in one log line. */
export function leaksIn(line: string): Leak[] {
  const leaks: Leak[] = [];
  for (const password of TEST_PASSWORDS) {
    const at = line.indexOf(password);
    if (at >= 0) leaks.push({ kind: 'password', excerpt: excerptAround(line, at) });
  }
  for (const match of line.matchAll(PASSWORD_VALUE)) {
    leaks.push({ kind: 'password', excerpt: excerptAround(line, match.index ?? 0) });
  }
  for (const pattern of [BEARER, SESSION_COOKIE]) {
    for (const match of line.matchAll(pattern)) {
      leaks.push({ kind: 'token', excerpt: excerptAround(line, match.index ?? 0) });
    }
  }
  for (const match of line.matchAll(TOKEN)) {
    if (/[A-Z]/.test(match[0]) && /[a-z]/.test(match[0]) && /[0-9_-]/.test(match[0])) {
      leaks.push({ kind: 'token', excerpt: excerptAround(line, match.index ?? 0) });
    }
  }
  for (const match of line.matchAll(EMAIL)) {
    leaks.push({ kind: 'email', excerpt: excerptAround(line, match.index ?? 0) });
  }
  return leaks;
}
