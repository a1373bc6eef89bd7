import pg from 'pg';
import type { DataSource } from 'typeorm';
import { rawRequest, type RawAnswer, type RawRequest } from './authz-client.js';
import { changedTables, type DbFingerprinter, type Fingerprint } from './db-fingerprint.js';

/** The fixed seed of every fuzz property: a failure prints its path and replays exactly. */
export const FUZZ_SEED = 42;

const COUNTER_TABLE = 'fuzz_write_counter';

/**
 * A row trigger on every watched table that bumps one counter in the same transaction: a write
 * that commits moves it, a write that rolls back does not. Reading it costs one tiny query, so
 * every fuzz request can be checked, and the full fingerprint is only taken when it moved.
 * (Installed in the test file's private database only; the app never sees it.)
 */
async function installWriteCounter(ds: DataSource, tables: string[]): Promise<void> {
  await ds.query(`CREATE TABLE ${COUNTER_TABLE} (n bigint NOT NULL)`);
  await ds.query(`INSERT INTO ${COUNTER_TABLE} (n) VALUES (0)`);
  await ds.query(`CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN UPDATE ${COUNTER_TABLE} SET n = n + 1; RETURN NULL; END $$`);
  for (const table of tables) {
    await ds.query(`CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${table}"
      FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`);
    await ds.query(`CREATE TRIGGER fuzz_count_truncate AFTER TRUNCATE ON "${table}"
      FOR EACH STATEMENT EXECUTE FUNCTION fuzz_count_write()`);
  }
}

/** A broken rule (a server error, a refusal that changed data), with its first example. */
export interface FuzzFinding {
  endpoint: string;
  problem: string;
  /** How many requests broke it the same way. */
  count: number;
  /** The request's number in this file's run (the seed is fixed, so the run replays exactly). */
  firstAtRequest: number;
  request: string;
  body: string;
  answer: string;
}

/** Long runs of one character (the fuzzer's huge strings) are shortened, the rest kept whole. */
const shorten = (text: string) => text.replace(/(.)\1{40,}/gs, (run, c: string) => `${c}…(${run.length}×)`);

/**
 * Sends fuzz requests one at a time and holds each answer to the rules: never a server error, and
 * a 4xx answer leaves every table as it was. A commit counter (see installWriteCounter) is read
 * after every request; when it moved, the tables are fingerprinted: after a refusal the
 * fingerprint must equal the one before, after a 2xx (a payload that happened to be valid) it
 * becomes the new baseline.
 */
export class FuzzLedger {
  private baseline!: Fingerprint;
  private lastCount = 0;
  private readonly found = new Map<string, FuzzFinding>();
  readonly statuses = new Map<number, number>();
  readonly timing = { request: 0, check: 0 };
  requests = 0;
  fingerprints = 0;

  private constructor(
    private readonly baseUrl: string,
    private readonly fingerprint: DbFingerprinter,
    /** A connection of its own, outside the app's pool: the counter is read after every request. */
    private readonly client: pg.Client,
  ) {}

  static async create(
    baseUrl: string,
    ds: DataSource,
    databaseUrl: string,
    fingerprint: DbFingerprinter,
  ): Promise<FuzzLedger> {
    await installWriteCounter(ds, fingerprint.tables);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const ledger = new FuzzLedger(baseUrl, fingerprint, client);
    ledger.baseline = await fingerprint.take();
    ledger.lastCount = await ledger.writeCount();
    return ledger;
  }

  private async writeCount(): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>(`SELECT n FROM ${COUNTER_TABLE}`);
    return Number(rows[0].n);
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  /**
   * Sends one request and records it when the answer breaks a rule. Recording instead of throwing
   * is deliberate: one broken endpoint must not end the run early and hide the others, so the
   * whole budget of requests always runs; the spec then asserts that nothing was recorded.
   */
  async send(label: string, req: RawRequest, shownBody?: string): Promise<RawAnswer> {
    const started = performance.now();
    const res = await rawRequest(this.baseUrl, req);
    const answered = performance.now();
    this.requests += 1;
    this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
    const count = await this.writeCount();
    let after = this.baseline;
    if (count !== this.lastCount) {
      after = await this.fingerprint.take();
      this.fingerprints += 1;
      this.lastCount = count;
    }
    this.timing.request += answered - started;
    this.timing.check += performance.now() - answered;
    let problem: string | null = null;
    if (res.status >= 500) problem = `server error ${res.status}`;
    else if (res.status >= 400) {
      const changed = changedTables(this.baseline, after);
      if (changed.length > 0) problem = `refused with ${res.status} but changed ${changed.join(', ')}`;
    } else if ((res.status < 200 || res.status >= 300) && req.path.startsWith('/api/')) {
      problem = `unexpected ${res.status} from the JSON API`;
    }
    if (problem) this.record(label, problem, req, res, shownBody);
    this.baseline = after;
    return res;
  }

  private record(label: string, problem: string, req: RawRequest, res: RawAnswer, shownBody?: string) {
    const key = `${label} — ${problem}`;
    const known = this.found.get(key);
    if (known) {
      known.count += 1;
      return;
    }
    const body =
      shownBody ??
      (typeof req.body === 'string'
        ? req.body
        : req.body instanceof Uint8Array
          ? `base64:${Buffer.from(req.body).toString('base64')}`
          : req.body
            ? `<${req.body.constructor.name}>`
            : '');
    this.found.set(key, {
      endpoint: label,
      problem,
      count: 1,
      firstAtRequest: this.requests,
      request: `${req.method} ${shorten(req.path)}`,
      body: shorten(body).slice(0, 1500),
      answer: res.text.slice(0, 300),
    });
  }

  /** Every rule broken, one entry per endpoint and kind of problem, with its first example. */
  findings(): FuzzFinding[] {
    return [...this.found.values()];
  }

  /** The full fingerprint now equals the ledger's baseline (a check at the end of each batch). */
  async assertBaseline(): Promise<string[]> {
    return changedTables(this.baseline, await this.fingerprint.take());
  }

  summary(): string {
    const statuses = [...this.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
    return (
      `${this.requests} requests (${statuses}); ${this.fingerprints} fingerprints; ` +
      `${Math.round(this.timing.request)} ms in requests, ${Math.round(this.timing.check)} ms in checks`
    );
  }
}
