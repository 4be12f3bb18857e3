import { COMPONENT_LABEL, COMPONENTS, componentOf } from '../components';
import type { K8sObject } from '../k8s-types';

/**
 * Apply order: identities and grants first, then config, network isolation (before any pod
 * starts), storage, Services, workloads, exposure.
 */
const KIND_RANK: Record<string, number> = {
  ServiceAccount: 0,
  Role: 1,
  RoleBinding: 1,
  Secret: 2,
  ConfigMap: 2,
  NetworkPolicy: 3,
  PersistentVolumeClaim: 4,
  Service: 5,
  // Workloads of both kinds follow the components' start order.
  StatefulSet: 6,
  Deployment: 6,
  PodDisruptionBudget: 7,
  Route: 8,
};

function rank(obj: K8sObject): [number, number] {
  // Agents are not components of the server: they follow all of them (they wait for the API).
  const component =
    obj.metadata.labels?.[COMPONENT_LABEL] === 'agent'
      ? COMPONENTS.length
      : COMPONENTS.findIndex((c) => c.id === componentOf(obj));
  return [KIND_RANK[obj.kind] ?? 99, component];
}

/** A stable, deterministic order (kind, then component start order, then name); returns a copy. */
export function sortObjects<T extends K8sObject>(objects: readonly T[]): T[] {
  return [...objects].sort((a, b) => {
    const [ka, ca] = rank(a);
    const [kb, cb] = rank(b);
    return (
      ka - kb ||
      ca - cb ||
      a.kind.localeCompare(b.kind) ||
      a.metadata.name.localeCompare(b.metadata.name)
    );
  });
}
