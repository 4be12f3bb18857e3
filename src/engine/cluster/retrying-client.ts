/**
 * Retries what may succeed when repeated: throttling (429, honouring the server's Retry-After,
 * and holding back every other request of the client for as long),
 * server errors such as "storage is (re)initializing" after an API server restart, and network
 * errors. Every call the engine makes is safe to repeat: reads, server-side apply, access
 * reviews, and deletes that treat 404 as done. Both cluster adapters are wrapped in it.
 */
import type { ClusterClient } from './client';
import { isApiError, isTransient } from './errors';

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told of every 429 the server answered (for benchmarks and logs). */
  onThrottled?: (err: unknown) => void;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function retrying(client: ClusterClient, options: RetryOptions = {}): ClusterClient {
  const { attempts = 5, baseDelayMs = 250, sleep = wait, onThrottled } = options;
  // After a 429 no request of this client goes out before the server's Retry-After is over.
  let pausedUntil = 0;
  const retry = async <R>(call: () => Promise<R>): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      // A retry has waited its own delay; a first attempt waits out a pause another one set.
      const paused = attempt === 1 ? pausedUntil - Date.now() : 0;
      if (paused > 0) await sleep(paused);
      try {
        return await call();
      } catch (err) {
        const throttled = isApiError(err) && err.status === 429;
        if (throttled) onThrottled?.(err);
        if (attempt >= attempts || !isTransient(err)) throw err;
        const asked = isApiError(err) ? (err.details?.retryAfterSeconds ?? 0) * 1000 : 0;
        const delay = Math.max(asked, baseDelayMs * 2 ** (attempt - 1));
        if (throttled) pausedUntil = Math.max(pausedUntil, Date.now() + delay);
        await sleep(delay);
      }
    }
  };
  return {
    get: ((ref) => retry(() => client.get(ref))) as ClusterClient['get'],
    list: ((apiVersion, kind, opts) =>
      retry(() => client.list(apiVersion, kind, opts))) as ClusterClient['list'],
    apply: ((obj, opts) => retry(() => client.apply(obj, opts))) as ClusterClient['apply'],
    create: ((obj) => retry(() => client.create(obj))) as ClusterClient['create'],
    delete: (ref, opts) => retry(() => client.delete(ref, opts)),
    canI: (attributes) => retry(() => client.canI(attributes)),
    serves: (apiVersion, kind) => retry(() => client.serves(apiVersion, kind)),
  };
}
