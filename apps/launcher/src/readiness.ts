import { say } from './console.js';
import { delay } from './timing.js';

const POLL_MS = 500;
const SLOW_HINT_AFTER_MS = 60_000;

/**
 * Polls the API's readiness endpoint (database, queue and a live worker) until it answers 200.
 * Resolves false when `shutdown` is aborted first.
 */
export async function waitUntilReady(url: string, shutdown: AbortSignal): Promise<boolean> {
  const slowAfter = Date.now() + SLOW_HINT_AFTER_MS;
  let hinted = false;
  while (!shutdown.aborted) {
    if (await answersOk(url, shutdown)) return true;
    if (!hinted && Date.now() > slowAfter) {
      hinted = true;
      say(`still waiting for ${url}; the api and worker log lines above should say why`);
    }
    await delay(POLL_MS);
  }
  return false;
}

async function answersOk(url: string, shutdown: AbortSignal): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.any([shutdown, AbortSignal.timeout(2_000)]) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    // Not listening yet, or shutting down: both simply mean "not ready".
    return false;
  }
}
