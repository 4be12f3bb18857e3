/**
 * A fake cluster ready for a deploy in `team-a`: the namespace with the SCC ranges OpenShift
 * annotates, and a default StorageClass `standard`.
 */
import { FakeClusterClient } from './fake-client';

export const deployReadyCluster = () =>
  new FakeClusterClient([
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'team-a',
        annotations: {
          'openshift.io/sa.scc.uid-range': '1000650000/10000',
          'openshift.io/sa.scc.supplemental-groups': '1000650000/10000',
        },
      },
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
    },
  ]);
