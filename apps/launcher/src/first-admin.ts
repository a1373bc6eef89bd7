import pg from 'pg';

export const DEFAULT_ADMIN_EMAIL = 'admin@ocr.local';

/** What the person at the terminal needs to know about the administrator the launcher just created. */
export interface CreatedAdmin {
  email: string;
  /** Only when the launcher generated it; a password the operator chose is never echoed. */
  generatedPassword?: string;
  credentialsFile?: string;
}

export async function adminExists(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM users WHERE role = 'admin'",
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

export function credentialsText(email: string, password: string): string {
  return [
    '# First administrator of OCR Register, created by the launcher.',
    '# Sign in, then keep this password somewhere safe and delete this file.',
    `email=${email}`,
    `password=${password}`,
    '',
  ].join('\n');
}
