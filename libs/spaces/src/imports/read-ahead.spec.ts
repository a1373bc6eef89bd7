import { ReadAhead } from './read-ahead.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A source that records how far it has been pulled. */
function counting(total: number, failAt?: number) {
  const state = { pulled: 0, closed: false };
  async function* source(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < total; i++) {
        if (i === failAt) throw new Error(`source failed at ${i}`);
        state.pulled++;
        yield i;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, iterator: source() };
}

describe('ReadAhead', () => {
  it('reads ahead while the consumer is busy, but never more than its limit', async () => {
    const { state, iterator } = counting(100);
    const ahead = new ReadAhead(iterator, 5);
    for (let i = 0; i < 10; i++) await tick();
    // Nobody has taken anything yet: the pump stopped at the limit.
    expect(state.pulled).toBe(5);
    expect(await ahead.take(2)).toEqual([0, 1]);
    for (let i = 0; i < 10; i++) await tick();
    expect(state.pulled).toBe(7);
    await ahead.close();
  });

  it('hands out everything queued up to max, in order, then an empty array at the end', async () => {
    const { iterator } = counting(7);
    const ahead = new ReadAhead(iterator, 3);
    const seen: number[] = [];
    for (let items = await ahead.take(2); items.length > 0; items = await ahead.take(2)) {
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(await ahead.take(2)).toEqual([]);
  });

  it('waits for at least one item', async () => {
    let release: () => void = () => undefined;
    async function* slow(): AsyncGenerator<string> {
      await new Promise<void>((resolve) => (release = resolve));
      yield 'late';
    }
    const ahead = new ReadAhead(slow(), 2);
    let taken: string[] | null = null;
    const pending = ahead.take(5).then((items) => (taken = items));
    await tick();
    expect(taken).toBeNull();
    release();
    await pending;
    expect(taken).toEqual(['late']);
  });

  it("passes on the items before a source's error, then the error", async () => {
    const { iterator } = counting(10, 3);
    const ahead = new ReadAhead(iterator, 10);
    const seen: number[] = [];
    await expect(
      (async () => {
        for (let items = await ahead.take(1); items.length > 0; items = await ahead.take(1))
          seen.push(...items);
      })(),
    ).rejects.toThrow('source failed at 3');
    expect(seen).toEqual([0, 1, 2]);
  });

  it('closes the source when the consumer stops early', async () => {
    const { state, iterator } = counting(1000);
    const ahead = new ReadAhead(iterator, 4);
    expect(await ahead.take(1)).toEqual([0]);
    await ahead.close();
    expect(state.closed).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(6);
  });

  it('refuses a limit below one', () => {
    expect(() => new ReadAhead(counting(1).iterator, 0)).toThrow('limit');
  });
});
