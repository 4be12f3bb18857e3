/**
 * Apply order. Objects in one tier do not depend on each other and are written in parallel;
 * a tier starts when the one before it is written.
 */
import { componentOf } from '../components';
import type { K8sObject } from '../k8s-types';

export const TIERS = [
  'service accounts',
  'security grants',
  'secrets and configuration',
  'volumes',
  'data stores',
  'ClearML servers',
  'services',
  'routes',
  'other',
] as const;

export type TierName = (typeof TIERS)[number];

const DATA_STORES = new Set(['mongodb', 'redis', 'elasticsearch']);

export function tierOf(obj: K8sObject): TierName {
  switch (obj.kind) {
    case 'ServiceAccount':
      return 'service accounts';
    case 'Role':
    case 'RoleBinding':
      return 'security grants';
    case 'Secret':
    case 'ConfigMap':
      return 'secrets and configuration';
    case 'PersistentVolumeClaim':
      return 'volumes';
    case 'Deployment':
    case 'StatefulSet':
    case 'PodDisruptionBudget': {
      const component = componentOf(obj);
      return component && DATA_STORES.has(component) ? 'data stores' : 'ClearML servers';
    }
    case 'Service':
      return 'services';
    case 'Route':
      return 'routes';
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
