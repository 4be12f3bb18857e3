/**
 * Retries what may succeed when repeated: throttling (429, honouring the server's retry-after),
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
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function retrying(client: ClusterClient, options: RetryOptions = {}): ClusterClient {
  const { attempts = 5, baseDelayMs = 250, sleep = wait } = options;
  const retry = async <R>(call: () => Promise<R>): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        if (attempt >= attempts || !isTransient(err)) throw err;
        const asked = isApiError(err) ? (err.details?.retryAfterSeconds ?? 0) * 1000 : 0;
        await sleep(Math.max(asked, baseDelayMs * 2 ** (attempt - 1)));
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
