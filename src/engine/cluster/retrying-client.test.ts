import type { ClusterClient } from './client';
import { ApiError, NetworkError } from './errors';
import { retrying } from './retrying-client';

const ns = { apiVersion: 'v1', kind: 'Namespace', name: 'a' };

function flaky(failures: Error[]): { client: ClusterClient; calls: () => number } {
  let calls = 0;
  const get = async () => {
    calls++;
    const next = failures.shift();
    if (next) throw next;
    return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } };
  };
  return { client: { get } as unknown as ClusterClient, calls: () => calls };
}

describe('retrying cluster client', () => {
  it('rides out a restarting API server and network errors', async () => {
    const delays: number[] = [];
    const { client, calls } = flaky([
      new ApiError(503, { message: 'storage is (re)initializing' }),
      new NetworkError('connect ECONNREFUSED 127.0.0.1:6443'),
    ]);
    const result = await retrying(client, { sleep: async (ms) => void delays.push(ms) }).get(ns);
    expect(result?.metadata.name).toBe('a');
    expect(calls()).toBe(3);
    expect(delays).toEqual([250, 500]);
  });

  it('waits as long as a 429 asks', async () => {
    const delays: number[] = [];
    const { client } = flaky([new ApiError(429, { details: { retryAfterSeconds: 3 } })]);
    await retrying(client, { sleep: async (ms) => void delays.push(ms) }).get(ns);
    expect(delays).toEqual([3000]);
  });

  it("holds back the client's other requests until a 429's Retry-After is over, and counts it", async () => {
    const delays: number[] = [];
    let throttled = 0;
    const { client } = flaky([new ApiError(429, { details: { retryAfterSeconds: 60 } })]);
    const retried = retrying(client, {
      sleep: async (ms) => void delays.push(ms),
      onThrottled: () => throttled++,
    });
    await retried.get(ns);
    // The next request waits out what is left of the minute before it goes out.
    await retried.get(ns);
    expect(throttled).toBe(1);
    expect(delays[0]).toBe(60_000);
    expect(delays[1]).toBeGreaterThan(50_000);
  });

  it('does not repeat what cannot succeed, and gives up after the last attempt', async () => {
    const forbidden = flaky([new ApiError(403, { message: 'no' })]);
    await expect(
      retrying(forbidden.client, { sleep: async () => {} }).get(ns),
    ).rejects.toMatchObject({ status: 403 });
    expect(forbidden.calls()).toBe(1);
    const down = flaky(Array.from({ length: 9 }, () => new ApiError(500, undefined)));
    await expect(
      retrying(down.client, { attempts: 4, sleep: async () => {} }).get(ns),
    ).rejects.toMatchObject({ status: 500 });
    expect(down.calls()).toBe(4);
  });
});
