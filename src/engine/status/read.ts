/** Reads the live state the status model needs: a bounded set of list requests. */
import type { ClusterClient } from '../cluster/client';
import { instanceSelector } from '../deploy/ownership';
import type { LiveState } from './types';

export async function readLiveState(
  client: ClusterClient,
  namespace: string,
  instance: string,
): Promise<LiveState> {
  const selector = { namespace, labelSelector: instanceSelector(instance) };
  const [deployments, statefulSets, replicaSets, pods, pvcs, routes, events, storageClasses] =
    await Promise.all([
      client.list('apps/v1', 'Deployment', selector),
      client.list('apps/v1', 'StatefulSet', selector),
      client.list('apps/v1', 'ReplicaSet', selector),
      client.list('v1', 'Pod', selector),
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
    pods,
    pvcs,
    routes,
    events,
    storageClasses,
  } as unknown as LiveState;
}
