/**
 * Apply order: service accounts, RBAC, secrets and configuration, network policies, volumes, then
 * the data stores, the ClearML servers, and last Services and Routes. Objects in one tier do not
 * depend on each other and are written in parallel; a tier starts when the one before it is
 * written. Nothing in the first tier refers to another object's existence, so those kinds share
 * one tier; the network policies are thus in place before any pod starts.
 */
import { componentOf } from '../components';
import type { K8sObject } from '../k8s-types';

export const TIERS = [
  'accounts, grants, secrets and volumes',
  'data stores',
  'ClearML servers',
  'services and routes',
  'other',
] as const;

export type TierName = (typeof TIERS)[number];

const DATA_STORES = new Set(['mongodb', 'redis', 'elasticsearch']);

export function tierOf(obj: K8sObject): TierName {
  switch (obj.kind) {
    case 'ServiceAccount':
    case 'Role':
    case 'RoleBinding':
    case 'Secret':
    case 'ConfigMap':
    // Network isolation is in place before any data store or server pod starts.
    case 'NetworkPolicy':
    case 'PersistentVolumeClaim':
      return 'accounts, grants, secrets and volumes';
    case 'Deployment':
    case 'StatefulSet':
    case 'PodDisruptionBudget': {
      const component = componentOf(obj);
      return component && DATA_STORES.has(component) ? 'data stores' : 'ClearML servers';
    }
    case 'Service':
    case 'Route':
      return 'services and routes';
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
