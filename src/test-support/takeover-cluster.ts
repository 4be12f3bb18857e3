/**
 * A fake cluster for take-overs: server-side apply merges the fields a request names into the
 * live object, controllers roll every workload out at once, and a switch makes one kind of
 * request fail.
 */
import type { ApplyOptions, ObjectRef } from '../engine/cluster/client';
import { ApiError } from '../engine/cluster/errors';
import type { K8sObject } from '../engine/k8s-types';
import { FakeClusterClient } from './fake-client';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(live: unknown, applied: unknown): unknown {
  if (!isObject(live) || !isObject(applied)) return applied;
  const out: Record<string, unknown> = { ...live };
  for (const [k, v] of Object.entries(applied)) out[k] = merge(live[k], v);
  return out;
}

/**
 * The fake cluster with server-side apply's merge of the fields a request names, controllers
 * that roll every workload out at once, and a switch to make one kind of request fail.
 */
export class TakeoverCluster extends FakeClusterClient {
  fail?: (method: 'apply' | 'delete', what: K8sObject | ObjectRef) => boolean;

  override async apply<T extends K8sObject>(obj: T, options: ApplyOptions = {}): Promise<T> {
    if (this.fail?.('apply', obj)) throw new ApiError(500, { message: 'injected failure' });
    const live = this.objects.get(
      `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`,
    );
    const merged = live && !options.dryRun ? (merge(live, obj) as T) : obj;
    return super.apply(merged, options);
  }

  override async delete(ref: ObjectRef): Promise<void> {
    if (this.fail?.('delete', ref)) throw new ApiError(500, { message: 'injected failure' });
    return super.delete(ref);
  }

  override async list<T extends K8sObject = K8sObject>(
    apiVersion: string,
    kind: string,
    options?: { namespace?: string; labelSelector?: string },
  ): Promise<T[]> {
    const items = await super.list<T>(apiVersion, kind, options);
    if (kind !== 'Deployment' && kind !== 'StatefulSet') return items;
    return items.map((w) => {
      const replicas = (w as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
      return {
        ...w,
        metadata: { ...w.metadata, generation: 1 },
        status: {
          observedGeneration: 1,
          replicas,
          readyReplicas: replicas,
          updatedReplicas: replicas,
          availableReplicas: replicas,
        },
      };
    });
  }

  named(kind: string, name: string) {
    return [...this.objects.values()].find((o) => o.kind === kind && o.metadata.name === name) as
      (K8sObject & { spec?: { replicas?: number }; data?: Record<string, string> }) | undefined;
  }
}
