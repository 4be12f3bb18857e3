/**
 * Why a volume stays Pending, from the cluster's StorageClasses when the user may list them, else
 * from the persistent volume controller's ProvisioningFailed event: for a claim naming a class
 * that does not exist, kube-controller-manager's PV controller records its lister's not-found
 * error, `storageclass.storage.k8s.io "<name>" not found` (kubernetes master since 1.2x,
 * pkg/controller/volume/persistentvolume/pv_controller.go: `provisionClaim` records the error of
 * `findProvisionablePlugin` as a ProvisioningFailed event).
 */
import type { ComponentHealth, LiveEvent, LivePvc, LiveStorageClass } from './types';

const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

const isDefault = (c: LiveStorageClass) =>
  DEFAULT_ANNOTATIONS.some((a) => c.metadata.annotations?.[a] === 'true');

/** "fast, standard (the default)", or a sentence saying there is none. */
function choices(classes: LiveStorageClass[]): string {
  if (!classes.length) return 'none exists on this cluster, so ask an administrator to create one';
  return classes
    .map((c) => (isDefault(c) ? `${c.metadata.name} (the default)` : c.metadata.name))
    .join(', ');
}

const NOT_FOUND = /storageclass(?:\.storage\.k8s\.io)? "([^"]+)" not found/i;

export function pendingVolumeVerdict(
  pvc: LivePvc,
  classes: LiveStorageClass[] | undefined,
  events: LiveEvent[],
): { state: ComponentHealth; reason: string } {
  const name = pvc.metadata.name;
  const wanted = pvc.spec?.storageClassName;
  if (wanted && classes && !classes.some((c) => c.metadata.name === wanted)) {
    return {
      state: 'Failed',
      reason: `Volume ${name} cannot be provisioned: the StorageClass ${wanted} does not exist; choose one of ${choices(classes)}, or ask an administrator to create ${wanted}.`,
    };
  }
  const notFound = events
    .filter((e) => e.involvedObject.name === name && e.reason === 'ProvisioningFailed')
    .map((e) => NOT_FOUND.exec(e.message ?? '')?.[1])
    .find((n) => n !== undefined && n === wanted);
  if (notFound && !classes) {
    return {
      state: 'Failed',
      reason: `Volume ${name} cannot be provisioned: the StorageClass ${notFound} does not exist; choose one of the cluster's StorageClasses (ask an administrator which, as you may not list them).`,
    };
  }
  if (!wanted && classes && !classes.some(isDefault)) {
    return {
      state: 'Failed',
      reason: `Volume ${name} cannot be provisioned: no StorageClass is set and the cluster has no default; choose one of ${choices(classes)}.`,
    };
  }
  return {
    state: 'Progressing',
    reason: wanted
      ? `Volume ${name} is waiting for storage from StorageClass ${wanted}.`
      : `Volume ${name} is waiting for storage: no StorageClass is set and the cluster has no default.`,
  };
}
