import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_LOG_DIR } from '../support/test-logs.js';
import { leaksIn, type Leak } from './log-leaks.js';

/**
 * The log gate: runs after the other tiers of `npm test` (see package.json), which make every app
 * they start (the in-process API, spawned workers, the fault suite's processes) log at `info` into
 * TEST_LOG_DIR. No line of that run may hold a password, a login token or an e-mail address.
 */
describe('log gate: no secrets or personal data in any log line of the run', () => {
  it('finds the leaks it is meant to find, and not the ids logs are made of', () => {
    const kinds = (line: string) => leaksIn(line).map((l) => l.kind);
    expect(kinds('{"msg":"login","email":"coord-a@example.be"}')).toEqual(['email']);
    expect(kinds('{"body":{"password":"a long enough password"}}')).toContain('password');
    expect(kinds('{"password":"hunter2hunter2"}')).toEqual(['password']);
    expect(kinds('{"password":"[redacted]"}')).toEqual([]);
    expect(kinds('{"authorization":"Bearer abcDEF0123456789xyz"}')).toContain('token');
    expect(kinds('{"cookie":"ocr_session=Zm9vYmFy; ocr_lang=nl"}')).toContain('token');
    expect(kinds('{"token":"q2Xk-9fJ_aLr3pQv7ZwT1sYb8NcM4hGd6eUo0iKjRtA"}')).toEqual(['token']);
    expect(
      kinds(
        '{"correlationId":"0b6c9a9e-6a0e-4d6b-9a52-1f2a3b4c5d6e","jobId":"3f1e9c0d2b7a4e6f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f","msg":"job done"}',
      ),
    ).toEqual([]);
  });

  it('reads the logs of the whole run and finds none', async () => {
    if (!TEST_LOG_DIR || !existsSync(TEST_LOG_DIR)) {
      throw new Error('no logs collected: run the gate through `npm test`, which sets TEST_LOG_DIR');
    }
    const files = readdirSync(TEST_LOG_DIR).filter((f) => f.endsWith('.log'));
    let lines = 0;
    const found: Array<Leak & { file: string }> = [];
    for (const file of files) {
      const reader = createInterface({ input: createReadStream(join(TEST_LOG_DIR, file)) });
      for await (const line of reader) {
        lines += 1;
        for (const leak of leaksIn(line)) if (found.length < 50) found.push({ ...leak, file });
      }
    }
    process.stdout.write(`log gate: ${lines} lines in ${files.length} files\n`);
    // A gate that read nothing proves nothing: the run must have logged requests and jobs.
    expect(files.length).toBeGreaterThan(10);
    expect(lines).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });
});
