/**
 * Waits until every component of an instance is Ready, as `helm install --wait` does: each
 * workload has observed its latest spec and all its replicas are ready. Reports each change.
 */
import type { ClusterClient } from '../cluster/client';
import { sleep } from '../deploy/concurrency';
import { instanceStatus } from './model';
import { readLiveState } from './read';
import type { ComponentStatus, InstanceStatus, LiveState } from './types';

export interface WaitForReadyOptions {
  client: ClusterClient;
  namespace: string;
  instance: string;
  timeoutMs: number;
  pollMs?: number;
  signal?: AbortSignal;
  /** Called with the components whose state, readiness or reason changed since the last read. */
  onChange?: (changed: ComponentStatus[], status: InstanceStatus) => void;
}

export interface WaitForReadyResult {
  ready: boolean;
  status: InstanceStatus;
}

/** Whether each workload's controller has seen its latest spec (else its status is stale). */
const observed = (live: LiveState) =>
  [...live.deployments, ...live.statefulSets].every(
    (w) => (w.status?.observedGeneration ?? 0) >= (w.metadata.generation ?? 0),
  );

const fingerprint = (c: ComponentStatus) => `${c.state}|${c.ready}/${c.desired}|${c.reason}`;

export async function waitForReady(options: WaitForReadyOptions): Promise<WaitForReadyResult> {
  const { client, namespace, instance, signal } = options;
  const deadline = Date.now() + options.timeoutMs;
  const seen = new Map<string, string>();
  for (;;) {
    const live = await readLiveState(client, namespace, instance);
    const status = instanceStatus(instance, live);
    const changed = status.components.filter((c) => seen.get(c.component) !== fingerprint(c));
    for (const c of changed) seen.set(c.component, fingerprint(c));
    if (changed.length) options.onChange?.(changed, status);
    if (status.ready && observed(live)) return { ready: true, status };
    if (Date.now() >= deadline) return { ready: false, status };
    await sleep(Math.min(options.pollMs ?? 2000, Math.max(0, deadline - Date.now())), signal);
  }
}
