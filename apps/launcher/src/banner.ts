import { say } from './console.js';
import type { CreatedAdmin } from './first-admin.js';

const RULE = '-'.repeat(64);

export function printBanner(port: number, seconds: number, admin: CreatedAdmin | null): void {
  const base = `http://localhost:${port}`;
  const lines = [
    RULE,
    `OCR Register is ready (${seconds.toFixed(1)} s): ${base}`,
    `API docs: ${base}/api/docs`,
    ...adminLines(admin),
    'Press Ctrl-C to stop.',
    RULE,
  ];
  for (const line of lines) say(line);
}

function adminLines(admin: CreatedAdmin | null): string[] {
  if (!admin) return [];
  if (!admin.generatedPassword)
    return [`First administrator created: ${admin.email} (password from ADMIN_PASSWORD)`];
  return [
    'First administrator created:',
    `  e-mail:   ${admin.email}`,
    `  password: ${admin.generatedPassword}`,
    `This password is shown only now; it is also saved in ${admin.credentialsFile} (mode 600).`,
  ];
}
