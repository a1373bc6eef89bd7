import type { Principal } from './principal.js';
import { SessionCache } from './session-cache.js';

const principal = (userId: string, sessionId = `s-${userId}`): Principal => ({
  userId,
  email: `${userId}@example.be`,
  role: 'coordinator',
  regionCode: null,
  sessionId,
  preferredLanguage: 'nl',
});

describe('session cache', () => {
  let now: number;
  const FAR = new Date(Date.UTC(2100, 0, 1));
  const cache = (maxEntries = 100) => {
    const c = new SessionCache({ ttlMs: 10_000, maxEntries, now: () => now });
    c.setLive(true);
    return c;
  };

  /** The session found in the database twice in a row: the second time, the cache keeps it. */
  const foundTwice = (c: SessionCache, key: string, p: Principal, expiresAt: Date) => {
    c.store(key, p, expiresAt, c.ticket());
    c.store(key, p, expiresAt, c.ticket());
  };

  beforeEach(() => {
    now = Date.UTC(2026, 10, 22, 12);
  });

  it('keeps a session from its second lookup within the time to live, not its first', () => {
    const c = cache();
    c.store('k1', principal('u1'), FAR, c.ticket());
    expect(c.get('k1')).toBeNull();
    expect(c.size).toBe(0);
    c.store('k1', principal('u1'), FAR, c.ticket());
    expect(c.get('k1')?.userId).toBe('u1');
    // A first lookup too long ago does not count.
    c.store('k2', principal('u2'), FAR, c.ticket());
    now += 10_000;
    c.store('k2', principal('u2'), FAR, c.ticket());
    expect(c.get('k2')).toBeNull();
    c.store('k2', principal('u2'), FAR, c.ticket());
    expect(c.get('k2')?.userId).toBe('u2');
  });

  it('answers a stored session until its time to live has passed', () => {
    const c = cache();
    foundTwice(c, 'k1', principal('u1'), FAR);
    expect(c.get('k1')?.userId).toBe('u1');
    now += 9_999;
    expect(c.get('k1')?.userId).toBe('u1');
    now += 1;
    expect(c.get('k1')).toBeNull();
    expect(c.size).toBe(0);
  });

  it('never answers past the session’s own expiry', () => {
    const c = cache();
    foundTwice(c, 'k1', principal('u1'), new Date(now + 3_000));
    now += 2_999;
    expect(c.get('k1')).not.toBeNull();
    now += 1;
    expect(c.get('k1')).toBeNull();
    // Already expired when found: not kept at all.
    c.store('k2', principal('u2'), new Date(now), c.ticket());
    expect(c.size).toBe(0);
  });

  it('hands out frozen copies, so no request can change what the next one sees', () => {
    const c = cache();
    const original = principal('u1');
    foundTwice(c, 'k1', original, FAR);
    const cached = c.get('k1')!;
    expect(cached).not.toBe(original);
    expect(Object.isFrozen(cached)).toBe(true);
  });

  it('holds at most maxEntries, forgetting the least recently used first', () => {
    const c = cache(2);
    foundTwice(c, 'k1', principal('u1'), FAR);
    foundTwice(c, 'k2', principal('u2'), FAR);
    expect(c.get('k1')).not.toBeNull(); // k2 is now the least recently used
    foundTwice(c, 'k3', principal('u3'), FAR);
    expect(c.size).toBe(2);
    expect(c.get('k2')).toBeNull();
    expect(c.get('k1')?.userId).toBe('u1');
    expect(c.get('k3')?.userId).toBe('u3');
  });

  it('evicts every session of a user, and only theirs', () => {
    const c = cache();
    foundTwice(c, 'a-phone', principal('a', 's1'), FAR);
    foundTwice(c, 'a-laptop', principal('a', 's2'), FAR);
    foundTwice(c, 'b', principal('b'), FAR);
    c.evictUser('a');
    expect(c.get('a-phone')).toBeNull();
    expect(c.get('a-laptop')).toBeNull();
    expect(c.get('b')?.userId).toBe('b');
  });

  it('does not store a lookup that was under way when something was evicted', () => {
    const c = cache();
    c.store('k1', principal('u1'), FAR, c.ticket());
    // A request reads the session from the database; meanwhile the user logs out elsewhere.
    const ticket = c.ticket();
    c.evictUser('u1');
    c.store('k1', principal('u1'), FAR, ticket);
    expect(c.get('k1')).toBeNull();
    // The same across an emptying of the whole cache (the listener reconnected).
    const second = c.ticket();
    c.clear();
    c.store('k1', principal('u1'), FAR, c.ticket());
    c.store('k1', principal('u1'), FAR, second);
    expect(c.get('k1')).toBeNull();
    // Lookups started afterwards are kept as usual.
    foundTwice(c, 'k1', principal('u1'), FAR);
    expect(c.get('k1')).not.toBeNull();
  });

  it('answers and stores nothing while revocations cannot reach it, and empties when that changes', () => {
    const c = new SessionCache({ ttlMs: 10_000, maxEntries: 10, now: () => now });
    foundTwice(c, 'k1', principal('u1'), FAR);
    expect(c.size).toBe(0);
    c.setLive(true);
    foundTwice(c, 'k1', principal('u1'), FAR);
    expect(c.get('k1')).not.toBeNull();
    const ticket = c.ticket();
    c.setLive(false);
    expect(c.size).toBe(0);
    expect(c.get('k1')).toBeNull();
    c.setLive(true);
    // A lookup from before the listener came back is not trusted either.
    c.store('k1', principal('u1'), FAR, c.ticket());
    c.store('k1', principal('u1'), FAR, ticket);
    expect(c.get('k1')).toBeNull();
  });
});
