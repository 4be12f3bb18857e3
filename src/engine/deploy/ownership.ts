/** Which live objects belong to an instance, and which ones only share a name with ours. */
import { INSTANCE_LABEL } from '../components';
import type { K8sObject } from '../k8s-types';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'clearml-console-plugin';

export function isOwnedBy(obj: K8sObject, instance: string): boolean {
  const labels = obj.metadata.labels ?? {};
  return labels[MANAGED_BY_LABEL] === MANAGED_BY && labels[INSTANCE_LABEL] === instance;
}

export function instanceSelector(instance: string): string {
  return `${MANAGED_BY_LABEL}=${MANAGED_BY},${INSTANCE_LABEL}=${instance}`;
}

export const keyOf = (o: { kind: string; metadata: { name: string } }) =>
  `${o.kind}/${o.metadata.name}`;
