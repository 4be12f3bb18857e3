/** Reads the live state the status model needs: a bounded set of list requests. */
import type { ClusterClient } from '../cluster/client';
import { instanceSelector } from '../deploy/ownership';
import type { K8sObject } from '../k8s-types';
import { taskPodSelector } from '../render/agents/names';
import type { LiveState } from './types';

/**
 * The instance's pods and its agents' task pods as one list. Task pods carry neither the
 * instance nor the managed-by label (the glue owns them), so one label selector cannot match
 * both: they come from a second list, one for all agents together.
 */
export function mergePods<T extends { metadata: { name: string } }>(
  instancePods: T[],
  taskPods: T[],
): T[] {
  const seen = new Set(instancePods.map((p) => p.metadata.name));
  return [...instancePods, ...taskPods.filter((p) => !seen.has(p.metadata.name))];
}

export async function readLiveState(
  client: ClusterClient,
  namespace: string,
  instance: string,
): Promise<LiveState> {
  const selector = { namespace, labelSelector: instanceSelector(instance) };
  const [deployments, statefulSets, replicaSets, pods, taskPods, pvcs, routes, events, classes] =
    await Promise.all([
      client.list('apps/v1', 'Deployment', selector),
      client.list('apps/v1', 'StatefulSet', selector),
      client.list('apps/v1', 'ReplicaSet', selector),
      client.list('v1', 'Pod', selector),
      client.list('v1', 'Pod', { namespace, labelSelector: taskPodSelector(instance) }),
      client.list('v1', 'PersistentVolumeClaim', selector),
      client.list('route.openshift.io/v1', 'Route', selector).catch(() => []),
      client.list('v1', 'Event', { namespace, fieldSelector: 'type=Warning' }),
      // Many users may not list StorageClasses (cluster-scoped): then the model reads events.
      client.list('storage.k8s.io/v1', 'StorageClass').catch(() => undefined),
    ]);
  return {
    deployments,
    statefulSets,
    replicaSets,
    pods: mergePods<K8sObject>(pods, taskPods),
    pvcs,
    routes,
    events,
    storageClasses: classes,
  } as unknown as LiveState;
}
