// Deploying over an upstream chart install: the chart's claims and Secret are read or mounted,
// never written or deleted; the chart's credentials reach the instance's Secret; what the
// Secret lacks stops the deploy before anything is written, without saying any value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FakeClusterClient } from '../../test-support/fake-client';
import type { K8sObject, K8sSecret } from '../k8s-types';
import { checkValues } from '../preflight/check-values';
import { decodeBase64, encodeBase64 } from '../render/base64';
import { createValues, type ClearMLValuesInput } from '../values';
import { deploy } from './deploy';
import { uninstall } from './uninstall';

const adoptChart = parse(
  readFileSync(join(__dirname, '..', '..', '..', 'examples', 'adopt-chart.yaml'), 'utf8'),
) as ClearMLValuesInput;
const values = createValues(adoptChart);

const CHART = {
  apiserver_key: 'CHARTAPIKEY000000000',
  apiserver_secret: 'chart-api-secret-0123456789abcdefghijklmnopqrstuv',
  secure_auth_token_secret: 'chart-token-secret-0123456789abcdefghijklmnop',
  test_user_key: 'CHARTTESTKEY00000000',
  test_user_secret: 'chart-test-secret-0123456789abcdefghijklmnopq',
  fileserver_key: 'CHARTFILEKEY00000000',
  fileserver_secret: 'chart-file-secret-0123456789abcdefghijklmnopq',
};

/** The chart's objects as Helm leaves them: labelled for the release, managed by Helm. */
const helmLabels = {
  'app.kubernetes.io/instance': 'clearml',
  'app.kubernetes.io/managed-by': 'Helm',
};
const chartSecret = (data: Record<string, string> = CHART): K8sSecret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'clearml-conf', namespace: 'clearml', labels: helmLabels },
  type: 'Opaque',
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeBase64(v)])),
});
const CLAIMS = [
  'clearml-fileserver-data',
  'clearml-mongodb',
  'redis-data-clearml-redis-master-0',
  'clearml-elastic-master-clearml-elastic-master-0',
];
const chartClaims = (): K8sObject[] =>
  CLAIMS.map((name) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'clearml', labels: helmLabels },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } } },
  }));

function cluster(secret: K8sSecret | null = chartSecret()) {
  return new FakeClusterClient([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'clearml' } },
    ...chartClaims(),
    ...(secret ? [secret] : []),
  ]);
}

const stored = (client: FakeClusterClient, kind: string, name: string) =>
  client.objects.get(`${kind}/clearml/${name}`);
const decoded = (s: K8sSecret | undefined, k: string) => decodeBase64(s?.data?.[k] ?? '');

describe('deploying over an upstream chart install', () => {
  it('copies the chart credentials, mounts its claims and writes neither claims nor its Secret', async () => {
    const client = cluster();
    const before = CLAIMS.map((n) => JSON.stringify(stored(client, 'PersistentVolumeClaim', n)));
    const secretBefore = JSON.stringify(stored(client, 'Secret', 'clearml-conf'));
    const result = await deploy({ client, values, routeWaitMs: 0 });
    expect(result.ok).toBe(true);

    const own = stored(client, 'Secret', 'clearml-credentials') as K8sSecret;
    for (const [k, v] of Object.entries(CHART)) expect(decoded(own, k), k).toBe(v);
    expect(CLAIMS.map((n) => JSON.stringify(stored(client, 'PersistentVolumeClaim', n)))).toEqual(
      before,
    );
    expect(JSON.stringify(stored(client, 'Secret', 'clearml-conf'))).toBe(secretBefore);
    // No claim of its own, and nothing written to the chart's objects.
    const kinds = [...client.objects.values()].filter((o) => o.kind === 'PersistentVolumeClaim');
    expect(kinds.map((o) => o.metadata.name).sort()).toEqual([...CLAIMS].sort());
    const writes = client.calls.filter((c) => c.method === 'apply').map((c) => c.what);
    expect(
      writes.filter((w) => w === 'Secret/clearml-conf' || w.startsWith('PersistentVolumeClaim/')),
    ).toEqual([]);
    // The chart's Secret was read once, by name.
    expect(client.calls.filter((c) => c.what === 'Secret/clearml-conf')).toEqual([
      { method: 'get', what: 'Secret/clearml-conf' },
    ]);
  });

  it('an upgrade after the chart’s Secret is gone keeps the copied credentials', async () => {
    const client = cluster();
    expect((await deploy({ client, values, routeWaitMs: 0 })).ok).toBe(true);
    client.objects.delete('Secret/clearml/clearml-conf');
    const again = await deploy({ client, values, routeWaitMs: 0 });
    expect(again.ok).toBe(true);
    const own = stored(client, 'Secret', 'clearml-credentials') as K8sSecret;
    expect(decoded(own, 'apiserver_secret')).toBe(CHART.apiserver_secret);
  });

  it('stops before writing anything when the Secret is missing, and preflight says so', async () => {
    const client = cluster(null);
    const result = await deploy({ client, values, routeWaitMs: 0 });
    expect(result).toMatchObject({ ok: false, stoppedBecause: 'credentials-missing' });
    expect(result.problems.map((p) => p.message)).toEqual([
      "Secret clearml-conf (credentials.existingSecret) does not exist in clearml, and the instance's own Secret does not hold those credentials yet. Create it with the upstream chart's keys, or remove credentials.existingSecret.",
    ]);
    expect(client.calls.filter((c) => c.method === 'apply' && !c.dryRun)).toEqual([]);

    const { report } = await checkValues(cluster(null), values);
    expect(report.canDeploy).toBe(false);
    expect(report.findings.find((f) => f.area === 'credentials')).toMatchObject({
      severity: 'error',
      i18n: { id: 'credentials.existingSecret.absent' },
    });
  });

  it('preflight finds every existing claim, and says which one is missing', async () => {
    const ok = await checkValues(cluster(), values);
    expect(ok.report.canDeploy).toBe(true);
    const client = cluster();
    client.objects.delete('PersistentVolumeClaim/clearml/clearml-mongodb');
    const { report } = await checkValues(client, values);
    expect(report.canDeploy).toBe(false);
    expect(report.findings.filter((f) => f.id.startsWith('storage-claim-'))).toEqual([
      expect.objectContaining({
        id: 'storage-claim-mongodb',
        severity: 'error',
        message:
          'PersistentVolumeClaim clearml-mongodb (storage.mongodb.existingClaim) does not exist in clearml, so MongoDB would not start. Name a claim of that project, or remove storage.mongodb.existingClaim.',
      }),
    ]);
  });

  it('names the missing and unusable keys, never a value', async () => {
    const { fileserver_secret: _gone, ...rest } = CHART;
    const client = cluster(chartSecret({ ...rest, test_user_secret: 'bad"value\\here' }));
    const result = await deploy({ client, values, routeWaitMs: 0 });
    expect(result.stoppedBecause).toBe('credentials-missing');
    expect(result.problems.map((p) => p.i18n?.id)).toEqual([
      'credentials.existingSecret.missingKeys',
      'credentials.existingSecret.unusableKeys',
    ]);
    expect(result.problems[0].message).toContain('lacks fileserver_secret');
    expect(result.problems[1].message).toContain('test_user_secret');
    const said = JSON.stringify(result);
    for (const v of [...Object.values(rest), 'bad"value']) {
      expect(said).not.toContain(v);
      expect(said).not.toContain(encodeBase64(v));
    }
    expect(stored(client, 'Secret', 'clearml-credentials')).toBeUndefined();
  });

  it('uninstall, even with the data, leaves the chart’s claims and Secret alone', async () => {
    const client = cluster();
    expect((await deploy({ client, values, routeWaitMs: 0 })).ok).toBe(true);
    const result = await uninstall({
      client,
      namespace: 'clearml',
      instance: 'clearml',
      deleteData: true,
    });
    expect(result.problems).toEqual([]);
    for (const name of CLAIMS) expect(stored(client, 'PersistentVolumeClaim', name)).toBeDefined();
    expect(stored(client, 'Secret', 'clearml-conf')).toBeDefined();
    expect(result.deleted.some((r) => r.kind === 'PersistentVolumeClaim')).toBe(false);
    // Its own Secret went with the data.
    expect(stored(client, 'Secret', 'clearml-credentials')).toBeUndefined();
  });

  it('uninstall still deletes the claims the instance created, when asked', async () => {
    const client = cluster();
    const mixed = createValues({
      ...adoptChart,
      storage: { ...adoptChart.storage, redis: {} },
    });
    expect((await deploy({ client, values: mixed, routeWaitMs: 0 })).ok).toBe(true);
    // The StatefulSet's claim, as the controller would create it from the template.
    client.put({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'data-clearml-redis-0',
        namespace: 'clearml',
        labels: {
          'app.kubernetes.io/instance': 'clearml',
          'app.kubernetes.io/managed-by': 'clearml-console-plugin',
        },
      },
    });
    const result = await uninstall({
      client,
      namespace: 'clearml',
      instance: 'clearml',
      deleteData: true,
    });
    expect(
      result.deleted.filter((r) => r.kind === 'PersistentVolumeClaim').map((r) => r.name),
    ).toEqual(['data-clearml-redis-0']);
    for (const name of CLAIMS) expect(stored(client, 'PersistentVolumeClaim', name)).toBeDefined();
  });
});

describe('a value given for an existing-secret credential', () => {
  it('needs no key from the Secret', async () => {
    const { apiserver_key: _k, apiserver_secret: _s, ...rest } = CHART;
    const client = cluster(chartSecret(rest));
    const given = createValues({
      ...adoptChart,
      credentials: {
        existingSecret: 'clearml-conf',
        apiserver: { accessKey: 'GIVENKEY000000000000', secretKey: 'g'.repeat(40) },
      },
    });
    const result = await deploy({ client, values: given, routeWaitMs: 0 });
    expect(result.ok).toBe(true);
    const own = stored(client, 'Secret', 'clearml-credentials') as K8sSecret;
    expect(decoded(own, 'apiserver_key')).toBe('GIVENKEY000000000000');
    expect(decoded(own, 'test_user_key')).toBe(CHART.test_user_key);
  });
});
