/**
 * Why a volume stays Pending, from the cluster's StorageClasses when the user may list them, else
 * from the persistent volume controller's ProvisioningFailed event: for a claim naming a class
 * that does not exist, kube-controller-manager's PV controller records its lister's not-found
 * error, `storageclass.storage.k8s.io "<name>" not found` (kubernetes master since 1.2x,
 * pkg/controller/volume/persistentvolume/pv_controller.go: `provisionClaim` records the error of
 * `findProvisionablePlugin` as a ProvisioningFailed event).
 */
import { list, type Message, type MessageParam, msg } from '../messages/message';
import type { ComponentHealth, LiveEvent, LivePvc, LiveStorageClass } from './types';

const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

const isDefault = (c: LiveStorageClass) =>
  DEFAULT_ANNOTATIONS.some((a) => c.metadata.annotations?.[a] === 'true');

/** "fast, standard (the default)", or a sentence saying there is none. */
function choices(classes: LiveStorageClass[]): MessageParam {
  if (!classes.length) return msg('status.pvc.noClassExists');
  return list(
    classes.map((c) =>
      isDefault(c) ? msg('status.pvc.defaultClass', { name: c.metadata.name }) : c.metadata.name,
    ),
  );
}

const NOT_FOUND = /storageclass(?:\.storage\.k8s\.io)? "([^"]+)" not found/i;

export function pendingVolumeVerdict(
  pvc: LivePvc,
  classes: LiveStorageClass[] | undefined,
  events: LiveEvent[],
): { state: ComponentHealth; reason: Message } {
  const name = pvc.metadata.name;
  const wanted = pvc.spec?.storageClassName;
  if (wanted && classes && !classes.some((c) => c.metadata.name === wanted)) {
    return {
      state: 'Failed',
      reason: msg('status.pvc.missingClass', {
        pvc: name,
        storageClass: wanted,
        choices: choices(classes),
      }),
    };
  }
  const notFound = events
    .filter((e) => e.involvedObject.name === name && e.reason === 'ProvisioningFailed')
    .map((e) => NOT_FOUND.exec(e.message ?? '')?.[1])
    .find((n) => n !== undefined && n === wanted);
  if (notFound && !classes) {
    return {
      state: 'Failed',
      reason: msg('status.pvc.missingClassUnlisted', { pvc: name, storageClass: notFound }),
    };
  }
  if (!wanted && classes && !classes.some(isDefault)) {
    return {
      state: 'Failed',
      reason: msg('status.pvc.noStorageClass', { pvc: name, choices: choices(classes) }),
    };
  }
  return {
    state: 'Progressing',
    reason: wanted
      ? msg('status.pvc.waiting', { pvc: name, storageClass: wanted })
      : msg('status.pvc.waitingNoDefault', { pvc: name }),
  };
}
