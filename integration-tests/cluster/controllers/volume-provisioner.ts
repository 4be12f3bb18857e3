import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { isConflictOrExists, runInformer } from './informer';

/**
 * A minimal external provisioner for StorageClasses whose provisioner is `clearml.local/hostpath`:
 * it creates one hostPath PersistentVolume pre-bound to each pending claim (kube-controller-manager
 * then completes the binding) and deletes released volumes whose reclaim policy is Delete.
 */
export const PROVISIONER = 'clearml.local/hostpath';
const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

export function startVolumeProvisioner(kc: k8s.KubeConfig, volumeDir: string): void {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const storage = kc.makeApiClient(k8s.StorageV1Api);

  const classFor = async (name: string | undefined): Promise<k8s.V1StorageClass | undefined> => {
    const classes = (await storage.listStorageClass()).items;
    if (name) return classes.find((c) => c.metadata?.name === name);
    return classes.find(
      (c) => c.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
    );
  };

  runInformer<k8s.V1PersistentVolumeClaim>(
    'volume-provisioner',
    kc,
    '/api/v1/persistentvolumeclaims',
    () => core.listPersistentVolumeClaimForAllNamespaces(),
    async (pvc) => {
      if (
        pvc.metadata?.deletionTimestamp ||
        pvc.spec?.volumeName ||
        pvc.status?.phase !== 'Pending'
      )
        return;
      const sc = await classFor(pvc.spec?.storageClassName);
      if (!sc || sc.provisioner !== PROVISIONER) return;
      const namespace = pvc.metadata!.namespace!;
      const name = pvc.metadata!.name!;
      const pvName = `pvc-${pvc.metadata!.uid}`;
      try {
        await core.createPersistentVolume({
          body: {
            metadata: { name: pvName, annotations: { [PROVISIONED_BY]: PROVISIONER } },
            spec: {
              capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
              accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
              volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
              persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
              storageClassName: sc.metadata!.name,
              hostPath: { path: path.join(volumeDir, namespace, name), type: 'DirectoryOrCreate' },
              claimRef: {
                apiVersion: 'v1',
                kind: 'PersistentVolumeClaim',
                namespace,
                name,
                uid: pvc.metadata!.uid,
              },
            },
          },
        });
        console.log(`[volume-provisioner] ${namespace}/${name}: created ${pvName}`);
      } catch (err) {
        if (!isConflictOrExists(err)) throw err;
      }
    },
  );

  runInformer<k8s.V1PersistentVolume>(
    'volume-reclaimer',
    kc,
    '/api/v1/persistentvolumes',
    () => core.listPersistentVolume(),
    async (pv) => {
      if (pv.metadata?.annotations?.[PROVISIONED_BY] !== PROVISIONER) return;
      if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete')
        return;
      try {
        await core.deletePersistentVolume({ name: pv.metadata!.name! });
        console.log(`[volume-reclaimer] deleted released ${pv.metadata!.name}`);
      } catch (err) {
        if (!isConflictOrExists(err)) throw err;
      }
    },
  );
}
