// Taking over the volumes and credentials of an upstream chart install: existing claims are
// mounted as they are, the stores run as the owner of their files with the least SCC that admits
// that, and the chart's credentials land in the instance's own Secret.
import { describe, expect, it } from 'vitest';
import type { K8sObject, K8sSecret, PodSpec, Workload } from '../k8s-types';
import { isWorkload } from '../k8s-types';
import { createValues } from '../values';
import { deploymentOf, exampleValues, find, statefulSetOf } from '../test-helpers';
import { decodeBase64, encodeBase64 } from './base64';
import { render, renderWithPlan } from './render';
import { existingSecretGap } from './secrets';

const NS = {
  'openshift.io/sa.scc.uid-range': '1000680000/10000',
  'openshift.io/sa.scc.supplemental-groups': '1000680000/10000',
};

const claimOf = (pod: PodSpec, volume: string) =>
  pod.volumes?.find((v) => v.name === volume)?.persistentVolumeClaim?.claimName;

const podOf = (objects: K8sObject[], name: string): PodSpec =>
  (objects.find((o) => isWorkload(o) && o.metadata.name === name) as Workload).spec.template.spec;

describe('existing claims', async () => {
  const { objects, plan } = await renderWithPlan(
    exampleValues('adopt-chart'),
    {},
    {
      namespaceAnnotations: NS,
    },
  );

  it('renders no claim of its own for a store on an existing claim', () => {
    expect(objects.filter((o) => o.kind === 'PersistentVolumeClaim')).toEqual([]);
    expect(statefulSetOf(objects, 'clearml-redis').spec.volumeClaimTemplates).toBeUndefined();
    expect(
      statefulSetOf(objects, 'clearml-elasticsearch').spec.volumeClaimTemplates,
    ).toBeUndefined();
  });

  it('mounts each existing claim at the store’s data path', () => {
    expect(claimOf(podOf(objects, 'clearml-fileserver'), 'fileserver-data')).toBe(
      'clearml-fileserver-data',
    );
    expect(claimOf(podOf(objects, 'clearml-mongodb'), 'datadir')).toBe('clearml-mongodb');
    expect(claimOf(podOf(objects, 'clearml-redis'), 'data')).toBe(
      'redis-data-clearml-redis-master-0',
    );
    expect(claimOf(podOf(objects, 'clearml-elasticsearch'), 'data')).toBe(
      'clearml-elastic-master-clearml-elastic-master-0',
    );
    const es = podOf(objects, 'clearml-elasticsearch').containers[0];
    expect(es.volumeMounts).toContainEqual({
      name: 'data',
      mountPath: '/usr/share/elasticsearch/data',
    });
  });

  it('runs each store as the owner of its files, with that fsGroup for a non-root owner', () => {
    expect(podOf(objects, 'clearml-mongodb').securityContext).toMatchObject({
      runAsUser: 1001,
      fsGroup: 1001,
      fsGroupChangePolicy: 'OnRootMismatch',
    });
    expect(podOf(objects, 'clearml-redis').securityContext).toMatchObject({
      runAsUser: 1001,
      fsGroup: 1001,
    });
    expect(podOf(objects, 'clearml-elasticsearch').securityContext).toMatchObject({
      runAsUser: 1000,
      fsGroup: 1000,
    });
    expect(podOf(objects, 'clearml-fileserver').securityContext).toEqual({ runAsUser: 0 });
  });

  it('plans nonroot-v2 for the non-root owners and anyuid for root, saying which store, claim and UID', () => {
    const entry = (sa: string) => plan.find((e) => e.serviceAccount === sa)!;
    for (const [sa, scc] of [
      ['clearml-mongodb', 'nonroot-v2'],
      ['clearml-redis', 'nonroot-v2'],
      ['clearml-elasticsearch', 'nonroot-v2'],
      ['clearml-fileserver', 'anyuid'],
    ]) {
      expect(entry(sa).scc, sa).toBe(scc);
    }
    expect(entry('clearml-mongodb').reason).toBe(
      "runs as the fixed UID 1001, outside the namespace's UID range: the files of MongoDB on the existing claim clearml-mongodb belong to UID 1001, so it runs as that UID to write them",
    );
    expect(entry('clearml-mongodb').i18n.params?.note).toMatchObject({
      id: 'scc.note.claimOwner',
      params: { claim: 'clearml-mongodb', uid: '1001' },
    });
    expect(entry('clearml-fileserver').reason).toBe(
      'runs as root: the files of File server on the existing claim clearml-fileserver-data belong to UID 0, so it runs as that UID to write them',
    );
    // The SCC granted is the one the pods land on.
    expect(entry('clearml-redis').landsOn).toEqual({ 'clearml-redis': 'nonroot-v2' });
  });

  it('grants those SCCs through the usual RoleBindings', () => {
    const bindings = objects.filter((o) => o.kind === 'RoleBinding').map((o) => o.metadata.name);
    expect(bindings).toEqual(
      expect.arrayContaining(['clearml-scc-nonroot-v2', 'clearml-scc-anyuid']),
    );
  });
});

describe('existing claims without ownerUid', () => {
  it('keep restricted-v2 and the namespace’s UID range', async () => {
    const values = createValues({
      storage: {
        mongodb: { existingClaim: { name: 'old-mongo' } },
        redis: { existingClaim: { name: 'old-redis' } },
      },
    });
    const { objects, plan } = await renderWithPlan(values, {}, { namespaceAnnotations: NS });
    expect(claimOf(podOf(objects, 'clearml-mongodb'), 'datadir')).toBe('old-mongo');
    expect(podOf(objects, 'clearml-mongodb').securityContext?.runAsUser).toBeUndefined();
    expect(plan.find((e) => e.serviceAccount === 'clearml-mongodb')?.scc).toBe('restricted-v2');
    expect(plan.find((e) => e.serviceAccount === 'clearml-redis')?.scc).toBe('restricted-v2');
    // The stores without an existing claim keep theirs.
    expect(
      objects.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata.name),
    ).toEqual(['clearml-fileserver-data']);
    expect(statefulSetOf(objects, 'clearml-elasticsearch').spec.volumeClaimTemplates).toHaveLength(
      1,
    );
  });

  it('a file server running as a non-root owner logs to a volume of its own', async () => {
    const values = createValues({
      storage: { fileserver: { existingClaim: { name: 'files', ownerUid: 5000 } } },
    });
    const { objects, plan } = await renderWithPlan(values, {}, { namespaceAnnotations: NS });
    const pod = deploymentOf(objects, 'clearml-fileserver').spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsUser: 5000, runAsNonRoot: true });
    expect(pod.containers[0].volumeMounts).toContainEqual({
      name: 'logs',
      mountPath: '/var/log/clearml',
    });
    expect(plan.find((e) => e.serviceAccount === 'clearml-fileserver')?.scc).toBe('nonroot-v2');
  });
});

describe('credentials from an existing Secret', () => {
  const CHART = {
    apiserver_key: 'CHARTAPIKEY000000000',
    apiserver_secret: 'chart-api-secret-0123456789abcdefghijklmnopqrstuv',
    secure_auth_token_secret: 'chart-token-secret-0123456789abcdefghijklmnop',
    test_user_key: 'CHARTTESTKEY00000000',
    test_user_secret: 'chart-test-secret-0123456789abcdefghijklmnopq',
    fileserver_key: 'CHARTFILEKEY00000000',
    fileserver_secret: 'chart-file-secret-0123456789abcdefghijklmnopq',
  };
  const chartSecret = (data: Record<string, string> = CHART): K8sSecret => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'clearml-conf', namespace: 'clearml' },
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeBase64(v)])),
  });
  const values = createValues({ credentials: { existingSecret: 'clearml-conf' } });
  const secretOf = (objects: K8sObject[]) => {
    const s = find<K8sSecret>(objects, 'Secret', 'clearml-credentials');
    return (k: string) => decodeBase64(s.data?.[k] ?? '');
  };

  it('copies the chart’s credentials into the instance’s Secret', async () => {
    const get = secretOf(await render(values, { existingSecret: chartSecret() }));
    for (const [k, v] of Object.entries(CHART)) expect(get(k), k).toBe(v);
    // What the chart does not have is generated as usual.
    expect(get('session_secret')).toHaveLength(64);
  });

  it('lets credentials already in the instance’s Secret win, and given values win over both', async () => {
    const live: K8sSecret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'clearml-credentials' },
      data: { apiserver_key: encodeBase64('LIVEKEY0000000000000') },
    };
    const given = createValues({
      credentials: {
        existingSecret: 'clearml-conf',
        tests: { accessKey: 'GIVENKEY000000000000', secretKey: 'g'.repeat(40) },
      },
    });
    const get = secretOf(
      await render(given, {
        secrets: { 'clearml-credentials': live },
        existingSecret: chartSecret(),
      }),
    );
    expect(get('apiserver_key')).toBe('LIVEKEY0000000000000');
    expect(get('apiserver_secret')).toBe(CHART.apiserver_secret);
    expect(get('test_user_key')).toBe('GIVENKEY000000000000');
  });

  it('reports a missing Secret, missing keys and unusable values, by key name only', () => {
    expect(existingSecretGap(values, undefined, undefined)).toEqual({
      secret: 'clearml-conf',
      absent: true,
      missingKeys: [],
      unusableKeys: [],
    });
    const { fileserver_key: _k, fileserver_secret: _s, ...rest } = CHART;
    const gap = existingSecretGap(
      values,
      undefined,
      chartSecret({ ...rest, apiserver_secret: 'has"quote', test_user_key: '' }),
    );
    expect(gap).toEqual({
      secret: 'clearml-conf',
      absent: false,
      missingKeys: ['test_user_key', 'fileserver_key', 'fileserver_secret'],
      unusableKeys: ['apiserver_secret'],
    });
    expect(JSON.stringify(gap)).not.toContain('quote');
    expect(existingSecretGap(values, undefined, chartSecret())).toBeUndefined();
    expect(existingSecretGap(createValues(), undefined, undefined)).toBeUndefined();
  });

  it('needs nothing from a Secret that is gone once the instance’s own Secret has it all', async () => {
    const first = find<K8sSecret>(
      await render(values, { existingSecret: chartSecret() }),
      'Secret',
      'clearml-credentials',
    );
    expect(existingSecretGap(values, first, undefined)).toBeUndefined();
  });
});
