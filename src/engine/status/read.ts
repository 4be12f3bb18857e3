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
  const [deployments, statefulSets, replicaSets, pods, pvcs, routes, events] = await Promise.all([
    client.list('apps/v1', 'Deployment', selector),
    client.list('apps/v1', 'StatefulSet', selector),
    client.list('apps/v1', 'ReplicaSet', selector),
    client.list('v1', 'Pod', selector),
    client.list('v1', 'PersistentVolumeClaim', selector),
    client.list('route.openshift.io/v1', 'Route', selector).catch(() => []),
    client.list('v1', 'Event', { namespace, fieldSelector: 'type=Warning' }),
  ]);
  return {
    deployments,
    statefulSets,
    replicaSets,
    pods,
    pvcs,
    routes,
    events,
  } as unknown as LiveState;
}
