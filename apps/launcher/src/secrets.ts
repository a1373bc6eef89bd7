import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A random URL-safe secret: 18 bytes give 24 characters (144 bits), fine in URLs and shells alike. */
export function generateSecret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** Writes a file only its owner may read, whether it is new or already there. */
export function writePrivateFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, content, { mode: 0o600 });
  // `mode` only applies when the file is created; an existing file keeps its old mode otherwise.
  chmodSync(file, 0o600);
}

/** Reads the secret kept in `file`, creating it on first use so that later starts reuse the same one. */
export function readOrCreateSecret(file: string): string {
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret) return secret;
  }
  const secret = generateSecret(24);
  writePrivateFile(file, `${secret}\n`);
  return secret;
}
