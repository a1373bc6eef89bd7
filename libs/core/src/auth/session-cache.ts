import type { Principal } from './principal.js';

export interface SessionCacheOptions {
  /** How long a looked-up session is answered from memory (never past the session's own expiry). */
  ttlMs: number;
  /** At most this many sessions are held; the least recently used goes first. */
  maxEntries: number;
  now?: () => number;
}

/** 10 s: a revocation that misses every notification still takes effect within this. */
export const SESSION_CACHE_TTL_MS = 10_000;
export const SESSION_CACHE_MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  expiresAtMs: number;
}

/**
 * Signed-in callers looked up recently, keyed by their token's hash, so that a burst of requests costs
 * one session query instead of one each.
 *
 * Revocation must still take effect at once, so the cache answers only while it is `live`: while the
 * process hears every revocation (see SessionRevocationListener), which evicts the user's sessions.
 * Going live or losing liveness empties it. A lookup that was in flight while anything was evicted is
 * not stored (its answer may predate the revocation): callers take a `ticket()` before they query and
 * hand it to `store()`.
 *
 * A session is kept from its second lookup within the time to live on, not its first. A token used
 * once (a script's single call) then takes no room from the busy ones, and a session changed right
 * after its first use (in SQL, say) is read again instead of racing the notification of the change.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Sessions looked up once, with when that first lookup stops counting. */
  private readonly seenOnce = new Map<string, number>();
  private readonly now: () => number;
  /** Bumped by every eviction, so that answers read before it are not stored after it. */
  private generation = 0;
  private listening = false;

  constructor(private readonly options: SessionCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get live(): boolean {
    return this.listening;
  }

  /** Sessions held (those seen once only are not counted). */
  get size(): number {
    return this.entries.size;
  }

  /** Live: revocations reach this cache, so it may answer. Either change empties it. */
  setLive(live: boolean): void {
    this.clear();
    this.listening = live;
  }

  get(key: string): Principal | null {
    if (!this.listening) return null;
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAtMs <= this.now()) return null;
    // Re-inserted last: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.set(key, entry);
    return entry.principal;
  }

  ticket(): number {
    return this.generation;
  }

  /**
   * Offers a session just found in the database: kept if it was found once before within the time to
   * live, and nothing was evicted since `ticket` was taken.
   */
  store(key: string, principal: Principal, sessionExpiresAt: Date, ticket: number): void {
    if (!this.listening || ticket !== this.generation) return;
    const now = this.now();
    const expiresAtMs = Math.min(now + this.options.ttlMs, sessionExpiresAt.getTime());
    if (expiresAtMs <= now) return;
    const firstSeenUntil = this.seenOnce.get(key);
    this.seenOnce.delete(key);
    if (firstSeenUntil === undefined || firstSeenUntil <= now) {
      this.seenOnce.set(key, now + this.options.ttlMs);
      this.bound(this.seenOnce);
      return;
    }
    this.entries.delete(key);
    this.entries.set(key, { principal: Object.freeze({ ...principal }), expiresAtMs });
    this.bound(this.entries);
  }

  /** Forgets every session of the user (logout, disabled, any change to the user or a session). */
  evictUser(userId: string): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) {
      if (entry.principal.userId === userId) this.entries.delete(key);
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.seenOnce.clear();
  }

  private bound(map: Map<string, unknown>): void {
    while (map.size > this.options.maxEntries) map.delete(map.keys().next().value!);
  }
}
