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

  it('answers the edge values that were once 500s with 422 row errors, and writes nothing', async () => {
    // One valid row per kind; each upload changes one cell of it.
    const VALID: Record<string, string[]> = {
      spaces: ['FZ-1', 'Fuzz', '21004', 'association', '', '', '2020-01-06', ...Array<string>(12).fill('')],
      animators: ['FZ-A', 'Fuzz', '', 'BRU-B', 'animator', '', '1', '', '2020-01-06', ''],
      equipment: ['BRU-B', 'FZ-E', 'desktop', '1', '', '', '', ''],
      funding: ['BRU-B', '2024', 'region', '10', 'project', '', ''],
      'weekly-activity': ['BRU-B', '2024-W05', '10', '', '', '5', ...Array<string>(10).fill('')],
      'training-sessions': ['BRU-B', 'FZ-T', '2024-02-06', 'Title', 'office', 'workshop', '2', '5', '1', ''],
    };
    const edges = (column: string): string[] => [
      'Z'.repeat(6000),
      ...(/_on$|^date$/.test(column) ? ['0000-01-01', '0001-01-01', '0999-12-31'] : []),
      ...(column === 'week' ? ['0000-W01', '0050-W10', '0999-W01', '2101-W01'] : []),
    ];
    const answers: string[] = [];
    for (const kind of KINDS) {
      const columns = CSV_COLUMNS[kind];
      expect(VALID[kind]).toHaveLength(columns.length);
      for (const [index, column] of columns.entries()) {
        for (const edge of edges(column)) {
          const cells = VALID[kind].map((cell, i) => (i === index ? edge : cell));
          const res = await ledger.send(`edge ${kind}`, {
            method: 'POST',
            path: `/api/v1/imports/${kind}?dryRun=${index % 2 === 0}`,
            token: w.tokens.admin,
            body: `${columns.join(',')}\n${cells.join(',')}\n`,
            contentType: 'text/csv',
          });
          const named = (res.json?.errors ?? []).map((e: { column: string | null }) => e.column);
          const answer = `${kind} ${column}=${edge.slice(0, 12)}`;
          answers.push(`${answer}: ${res.status} ${named.join('+')}`);
          // Expected: refused, naming exactly the changed cell.
          if (res.status === 422 && named.join('+') === column) answers.pop();
        }
      }
    }
    expect(answers).toEqual([]);
    expect(ledger.findings()).toEqual([]);
  }, 120_000);

  it('lists every bad row of a file with counts too large for the database, and refuses broken forms', async () => {
    const csv = (kind: string, body: string, query = '') =>
      ledger.send(`known ${kind}`, {
        method: 'POST',
        path: `/api/v1/imports/${kind}${query}`,
        token: w.tokens.admin,
        body,
        contentType: 'text/csv',
        headers: { 'accept-language': 'en' },
      });
    const listed = (res: { json: any }) =>
      (res.json?.errors ?? []).map((e: { line: number; column: string }) => `${e.line}:${e.column}`);
    const BIG = 2 ** 31;

    // A count of 2^31 failed the COPY into staging: a 500 that lost the file's other row errors.
    const weekly = await csv(
      'weekly-activity',
      'space_ref,week,opening_hours,visits,animator_hours,visitors_women,mobile_actions\n' +
        `BRU-A,2020-W01,10,${BIG},,,\n` +
        'BRU-A,2020-W02,10,5,1000000,,\n' +
        `BRU-A,2020-W03,10,5,,,${BIG}\n` +
        'BRU-A,2020-W04,200,5,,,\n' +
        `BRU-A,2020-W05,10,5,,${BIG},\n`,
    );
    expect(weekly.status).toBe(422);
    expect(weekly.json.code).toBe('IMPORT.INVALID_ROWS');
    expect(listed(weekly)).toEqual([
      '2:visits',
      '3:animator_hours',
      '4:mobile_actions',
      '5:opening_hours',
      '6:visitors_women',
    ]);
    const sessions = await csv(
      'training-sessions',
      'space_ref,ref,date,title,theme,format,duration_hours,participants,new_participants,language\n' +
        `BRU-A,T-1,2024-01-10,Big,other,workshop,1,${BIG},1,\n` +
        `BRU-A,T-2,2024-01-10,Big,other,workshop,1,1,${BIG},\n` +
        'BRU-A,T-3,2024-01-10,Long,other,workshop,30,1,1,\n',
      '?dryRun=true',
    );
    expect(sessions.status).toBe(422);
    expect(listed(sessions)).toEqual(['2:participants', '3:new_participants', '4:duration_hours']);

    // A multipart body the parser cannot read (no boundary, garbage, cut off mid-file) was a 500.
    const form = (contentType: string, body: string) =>
      ledger.send('known multipart', {
        method: 'POST',
        path: '/api/v1/imports/funding',
        token: w.tokens.admin,
        body,
        contentType,
      });
    const cutOff =
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\n' +
      'Content-Type: text/csv\r\n\r\nspace_ref,year\r\n';
    for (const [contentType, body] of [
      ['multipart/form-data; boundary=xyz', 'garbage'],
      ['multipart/form-data', 'garbage'],
      ['multipart/form-data; boundary=xyz', cutOff],
    ]) {
      const res = await form(contentType, body);
      expect({ contentType, status: res.status }).toEqual({ contentType, status: 400 });
      expect(res.json).toMatchObject({ code: 'IMPORT.MALFORMED_UPLOAD', correlationId: expect.any(String) });
    }

    expect(ledger.findings()).toEqual([]);
    expect(await ledger.assertBaseline()).toEqual([]);
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
