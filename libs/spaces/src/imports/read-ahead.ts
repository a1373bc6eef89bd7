/**
 * Keeps pulling items from an async iterator into a bounded queue while the consumer is busy elsewhere.
 *
 * Why: the import parses CSV in Node while PostgreSQL writes the previous chunk. An async generator only
 * runs when it is pulled, so without a pump the parser would sit idle during every database statement.
 * The queue is bounded (`limit` items), so a slow database never lets a large file pile up in memory.
 */
export class ReadAhead<T> {
  private readonly queue: T[] = [];
  private finished = false;
  private stopped = false;
  private failure: { error: unknown } | null = null;
  private wakeConsumer: (() => void) | null = null;
  private wakePump: (() => void) | null = null;
  private readonly pumping: Promise<void>;

  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly limit: number,
  ) {
    if (!(limit >= 1)) throw new Error('ReadAhead: limit must be at least 1.');
    this.pumping = this.pump();
  }

  /**
   * Waits for at least one item, then returns every queued item up to `max`; an empty array once the
   * source is exhausted. Rethrows the source's error, after the items that came before it.
   */
  async take(max: number): Promise<T[]> {
    while (this.queue.length === 0 && !this.finished) {
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
    if (this.queue.length === 0 && this.failure) throw this.failure.error;
    const items = this.queue.splice(0, Math.max(1, max));
    this.wake('pump');
    return items;
  }

  /** Stops pulling and closes the source (e.g. the upload stream) when the consumer gives up early. */
  async close(): Promise<void> {
    this.stopped = true;
    this.wake('pump');
    await this.pumping;
    if (!this.failure) await this.source.return?.();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        while (this.queue.length >= this.limit && !this.stopped) {
          await new Promise<void>((resolve) => (this.wakePump = resolve));
        }
        if (this.stopped) return;
        const next = await this.source.next();
        if (next.done) return;
        this.queue.push(next.value);
        this.wake('consumer');
      }
    } catch (error) {
      this.failure = { error };
    } finally {
      this.finished = true;
      this.wake('consumer');
    }
  }

  private wake(who: 'consumer' | 'pump'): void {
    const resolve = who === 'consumer' ? this.wakeConsumer : this.wakePump;
    if (who === 'consumer') this.wakeConsumer = null;
    else this.wakePump = null;
    resolve?.();
  }
}
