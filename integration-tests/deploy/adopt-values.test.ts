/**
 * Taking over an upstream chart install on the local control plane: the chart's claims and
 * Secret exist first (as Helm leaves them); the instance mounts the claims, copies the
 * credentials, becomes Ready, and neither deploy nor uninstall (with the data) touches them.
 */
import { FIELD_MANAGER } from '../../src/engine/cluster/client';
import { deploy } from '../../src/engine/deploy/deploy';
import { uninstall } from '../../src/engine/deploy/uninstall';
import type { K8sObject, K8sSecret } from '../../src/engine/k8s-types';
import { decodeBase64, encodeBase64 } from '../../src/engine/render/base64';
import { useTestNamespace } from '../support/cluster';
import { clientAs, exampleValues, waitForReady } from './engine-helpers';

const CLAIMS = [
  'clearml-fileserver-data',
  'clearml-mongodb',
  'redis-data-clearml-redis-master-0',
  'clearml-elastic-master-clearml-elastic-master-0',
];
const CHART = {
  apiserver_key: 'CHARTAPIKEY000000000',
  apiserver_secret: 'chart-api-secret-0123456789abcdefghijklmnopqrstuv',
  secure_auth_token_secret: 'chart-token-secret-0123456789abcdefghijklmnop',
  test_user_key: 'CHARTTESTKEY00000000',
  test_user_secret: 'chart-test-secret-0123456789abcdefghijklmnopq',
  fileserver_key: 'CHARTFILEKEY00000000',
  fileserver_secret: 'chart-file-secret-0123456789abcdefghijklmnopq',
};
const helmLabels = {
  'app.kubernetes.io/instance': 'clearml',
  'app.kubernetes.io/managed-by': 'Helm',
};

describe('deploy over an upstream chart install', () => {
  const ns = useTestNamespace({ prefix: 'adopt' });

  it('mounts the chart claims, copies its credentials, gets Ready and leaves claims and Secret as they were', async () => {
    const client = clientAs('admin');
    const namespace = ns.name;
    for (const name of CLAIMS) {
      await client.create<K8sObject>({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name, namespace, labels: helmLabels },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      } as K8sObject);
    }
    await client.create<K8sSecret>({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'clearml-conf', namespace, labels: helmLabels },
      type: 'Opaque',
      data: Object.fromEntries(Object.entries(CHART).map(([k, v]) => [k, encodeBase64(v)])),
    });
    // What this tool could have changed: labels, annotations and spec; and whether it ever wrote
    // the claim (its field manager). The cluster's own controllers may still update them.
    const snapshot = async () =>
      (await client.list('v1', 'PersistentVolumeClaim', { namespace }))
        .map((c) => {
          const m = c.metadata as typeof c.metadata & { managedFields?: { manager?: string }[] };
          return JSON.stringify({
            name: m.name,
            uid: m.uid,
            labels: m.labels,
            spec: (c as { spec?: { accessModes?: unknown; resources?: unknown } }).spec?.resources,
            writtenByUs: (m.managedFields ?? []).some((f) => f.manager === FIELD_MANAGER),
          });
        })
        .sort();
    const claimsBefore = await snapshot();
    const secretRef = { apiVersion: 'v1', kind: 'Secret', name: 'clearml-conf', namespace };
    const secretBefore = (await client.get(secretRef))?.metadata.resourceVersion;

    const values = exampleValues('adopt-chart.yaml', namespace);
    const result = await deploy({ client, values });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.plan.find((e) => e.serviceAccount === 'clearml-mongodb')?.scc).toBe('nonroot-v2');
    await waitForReady(namespace, values.name);

    const own = await client.get<K8sSecret>({ ...secretRef, name: 'clearml-credentials' });
    for (const [k, v] of Object.entries(CHART))
      expect(decodeBase64(own?.data?.[k] ?? ''), k).toBe(v);
    const mongodb = await client.get<
      K8sObject & { spec: { template: { spec: { volumes: unknown[] } } } }
    >({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'clearml-mongodb', namespace });
    expect(mongodb?.spec.template.spec.volumes).toContainEqual({
      name: 'datadir',
      persistentVolumeClaim: { claimName: 'clearml-mongodb' },
    });
    // No claim of its own; the chart's are the same objects, never written by this tool.
    expect(await snapshot()).toEqual(claimsBefore);
    expect((await client.get(secretRef))?.metadata.resourceVersion).toBe(secretBefore);

    const removed = await uninstall({ client, namespace, instance: values.name, deleteData: true });
    expect(removed.problems).toEqual([]);
    expect(await snapshot()).toEqual(claimsBefore);
    expect((await client.get(secretRef))?.metadata.resourceVersion).toBe(secretBefore);
  });
});
