import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { Environment } from '../config/environment.js';
import { requireDatabaseUrl } from '../database/database.module.js';
import { SessionCache } from './session-cache.js';

/**
 * The channel on which the database announces that a user's sessions may have changed. Triggers on
 * `users` and `login_sessions` (migration SessionRevocationNotify1732700000000) send the user's id on
 * every update or delete, and `*` on a truncate, so no code path and no hand-written SQL can revoke a
 * session without every API process hearing of it.
 */
export const SESSION_REVOCATION_CHANNEL = 'auth_sessions_revoked';
/** Everything changed (a table was truncated): forget every session. */
export const ALL_SESSIONS = '*';

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 10_000;

/**
 * Keeps the session cache honest across processes: one dedicated connection LISTENs for revocations and
 * evicts the user's sessions from this process's cache. The cache answers only while this connection is
 * up; losing it (or getting it back) empties the cache, so a notification missed meanwhile cannot keep a
 * revoked session alive. While it is down every request reads its session from the database.
 */
@Injectable()
export class SessionRevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocationListener.name);
  private client: pg.Client | null = null;
  private retryMs = RETRY_FIRST_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly env: Environment,
    private readonly sessions: SessionCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.sessions.setLive(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** The listening connection's backend pid (tests end it to prove the cache empties), or null. */
  get backendPid(): number | null {
    return (this.client as (pg.Client & { processID?: number }) | null)?.processID ?? null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: requireDatabaseUrl(this.env),
      application_name: 'ocr-session-revocations',
      keepAlive: true,
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel !== SESSION_REVOCATION_CHANNEL || this.client !== client) return;
      if (!message.payload || message.payload === ALL_SESSIONS) this.sessions.clear();
      else this.sessions.evictUser(message.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_REVOCATION_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    this.retryMs = RETRY_FIRST_MS;
    // Empties the cache too: whatever it held before was not covered by this connection.
    this.sessions.setLive(true);
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    this.sessions.setLive(false);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(
      `session revocation listener lost (${error?.message ?? 'connection ended'}); ` +
        `sessions are read from the database until it is back, retry in ${this.retryMs} ms`,
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}
