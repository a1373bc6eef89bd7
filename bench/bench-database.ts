import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, withDatabase } from '../libs/core/src/index.js';

/** The server the benchmarks create their databases on (trust auth on this machine). */
export const BENCH_SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The databases of one run, all named `ocr_bench_<stamp>_*`: a migrated template, then copies of it
 * (CREATE DATABASE … TEMPLATE is a file copy, much faster than migrating again). All dropped by `dropAll`.
 */
export class BenchDatabases {
  readonly prefix: string;
  private readonly created: string[] = [];
  private template: string | null = null;

  constructor(stamp = `${Date.now()}_${process.pid}`) {
    this.prefix = `ocr_bench_${stamp}`;
  }

  url(name: string): string {
    return withDatabase(BENCH_SERVER_URL, name);
  }

  /** A fresh migrated database, named `<prefix>_<suffix>`; returns its URL. */
  async create(suffix: string): Promise<string> {
    const template = await this.migratedTemplate();
    const name = `${this.prefix}_${suffix}`;
    await withClient(BENCH_SERVER_URL, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    this.created.push(name);
    return this.url(name);
  }

  /** Drops one database made by `create` early (the growth worlds are large: one at a time on disk). */
  async drop(url: string): Promise<void> {
    const name = new URL(url).pathname.slice(1);
    const index = this.created.indexOf(name);
    if (index < 0) throw new Error(`not a database of this run: ${name}`);
    await withClient(BENCH_SERVER_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    this.created.splice(index, 1);
  }

  async dropAll(): Promise<void> {
    await withClient(BENCH_SERVER_URL, async (c) => {
      for (const name of this.created.reverse())
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
    this.created.length = 0;
    this.template = null;
  }

  private async migratedTemplate(): Promise<string> {
    if (this.template) return this.template;
    const name = `${this.prefix}_template`;
    await withClient(BENCH_SERVER_URL, (c) => c.query(`CREATE DATABASE "${name}"`));
    this.created.push(name);
    const dataSource = new DataSource(buildDataSourceOptions(this.url(name), [], 1));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    this.template = name;
    return name;
  }
}
