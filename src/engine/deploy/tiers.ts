/**
 * Apply order: service accounts, RBAC, secrets and configuration, network policies, volumes,
 * Services and Routes, then the data stores, then the ClearML servers (with the agents and their
 * task pod templates). Objects in one tier do not depend on each other and are written in
 * parallel; a tier starts when the one before it is written. Nothing in the first tier needs
 * another object to exist (a Service or Route without its pods simply has no endpoints, and Helm
 * also installs Services before workloads), so those kinds share one tier; the network policies
 * are thus in place before any pod starts. Routes come first because the router gives them their
 * hosts while the data stores are written: the servers and the task pod templates carry those
 * URLs.
 */
import { COMPONENT_LABEL, componentOf } from '../components';
import type { K8sObject } from '../k8s-types';

export const TIERS = [
  'accounts, grants, secrets, volumes, services and routes',
  'data stores',
  'ClearML servers',
  'other',
] as const;

export type TierName = (typeof TIERS)[number];

const DATA_STORES = new Set(['mongodb', 'redis', 'elasticsearch']);

export function tierOf(obj: K8sObject): TierName {
  switch (obj.kind) {
    case 'ConfigMap':
      // An agent's task pod template carries the external URLs of the API and file server.
      return obj.metadata.labels?.[COMPONENT_LABEL] === 'agent'
        ? 'ClearML servers'
        : 'accounts, grants, secrets, volumes, services and routes';
    case 'ServiceAccount':
    case 'Role':
    case 'RoleBinding':
    case 'Secret':
    // Network isolation is in place before any data store or server pod starts.
    case 'NetworkPolicy':
    case 'PersistentVolumeClaim':
    case 'Service':
    case 'Route':
      return 'accounts, grants, secrets, volumes, services and routes';
    case 'Deployment':
    case 'StatefulSet':
    case 'PodDisruptionBudget': {
      const component = componentOf(obj);
      return component && DATA_STORES.has(component) ? 'data stores' : 'ClearML servers';
    }
    default:
      return 'other';
  }
}

/** Objects grouped by tier, in apply order; empty tiers are left out. */
export function groupByTier(objects: K8sObject[]): { tier: TierName; objects: K8sObject[] }[] {
  return TIERS.map((tier) => ({ tier, objects: objects.filter((o) => tierOf(o) === tier) })).filter(
    (group) => group.objects.length > 0,
  );
}

/** The same objects sorted in apply order (stable within a tier). */
export function inApplyOrder(objects: K8sObject[]): K8sObject[] {
  return groupByTier(objects).flatMap((group) => group.objects);
}
