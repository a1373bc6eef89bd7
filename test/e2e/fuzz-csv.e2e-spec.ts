import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { dbFingerprinter } from '../support/db-fingerprint.js';
import { CSV_COLUMNS, malformedCsv } from '../support/fuzz-csv.js';
import { FUZZ_SEED, FuzzLedger } from '../support/fuzz-harness.js';
import { seedRegistryWorld, type RegistryWorld } from '../support/registry-world.js';
import { api, startTestApi, type TestApi } from '../support/test-app.js';

const KINDS = Object.keys(CSV_COLUMNS);
/** Uploads per import kind: 6 kinds, so 1,500 in this file. */
const RUNS_PER_KIND = Number(process.env.FUZZ_RUNS ?? 250);
const MIN_REQUESTS = 1500;

describe('fuzzing the CSV imports with malformed files (fast-check, seed 42)', () => {
  let t: TestApi;
  let w: RegistryWorld;
  let ledger: FuzzLedger;
  const perKind: string[] = [];

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedRegistryWorld(t);
    const ds = t.app.get(DataSource);
    ledger = await FuzzLedger.create(t.baseUrl, ds, t.db.url, await dbFingerprinter(ds));
  }, 120_000);
  afterAll(async () => {
    console.log(`fuzz-csv: ${ledger?.summary()}\n${perKind.join('\n')}`);
    await ledger?.close();
    await t?.close();
  });

  it('knows every import kind and its columns exactly as the export writes them', async () => {
    for (const kind of KINDS) {
      const res = await api(t.baseUrl, 'GET', `/api/v1/exports/${kind}`, { token: w.tokens.admin });
      expect({ kind, status: res.status }).toEqual({ kind, status: 200 });
      const headerLine = String(res.body)
        .replace(/^\ufeff/, '')
        .split(/\r?\n/)[0];
      expect({ kind, columns: headerLine.split(',') }).toEqual({ kind, columns: CSV_COLUMNS[kind] });
    }
    const unknown = await api(t.baseUrl, 'POST', '/api/v1/imports/not-a-kind', {
      token: w.tokens.admin,
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(unknown.status).toBe(400);
  });

  it('answers every malformed file with a 4xx (or imports a valid one) and never half-writes', async () => {
    for (const kind of KINDS) {
      const before = ledger.requests;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(malformedCsv(kind), fc.integer({ min: 0, max: 9 }), async (upload, route) => {
          const query = upload.dryRun ? '?dryRun=true' : '';
          const path = `/api/v1/imports/${kind}${query}`;
          if (route === 0) {
            // One upload in ten goes through the multipart form a browser would send.
            const form = new FormData();
            form.append('file', new Blob([upload.body], { type: 'text/csv' }), `${kind}.csv`);
            const file =
              typeof upload.body === 'string'
                ? upload.body
                : `base64:${Buffer.from(upload.body).toString('base64')}`;
            await ledger.send(
              `multipart ${kind}`,
              { method: 'POST', path, token: w.tokens.admin, body: form },
              `multipart file: ${file}`,
            );
          } else {
            await ledger.send(`text/csv ${kind}`, {
              method: 'POST',
              path,
              token: w.tokens.admin,
              body: upload.body,
              contentType: 'text/csv',
            });
          }
        }),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_KIND, endOnFailure: true },
      );
      perKind.push(
        `${kind}: ${ledger.requests - before} uploads in ${Math.round(performance.now() - started)} ms`,
      );
    }
    const drift = await ledger.assertBaseline();
    expect({ findings: ledger.findings(), drift }).toEqual({ findings: [], drift: [] });
    expect(ledger.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  }, 600_000);
});
