/**
 * Test fixtures: what `helm install <release> clearml/clearml` (chart 7.14) leaves in a project,
 * with Routes from `oc expose svc` and the Red Hat blog's four cluster-wide SCC grants. Names
 * follow the chart's rules (fullname is the release when it contains "clearml", else
 * `<release>-clearml`; Elastic's objects are always `clearml-elastic-master…`).
 */
import type { K8sObject } from '../k8s-types';

export interface ChartInstallOptions {
  release?: string;
  namespace?: string;
  /** Claims left out, by name. */
  withoutClaims?: string[];
  /** `clearml.existingSecret`. */
  existingSecret?: string;
  /** Routes made with `oc expose svc` for these components. */
  exposed?: ('webserver' | 'apiserver' | 'fileserver')[];
  status?: string;
  appVersion?: string;
  /** The chart Secret's keys and values (decoded); CHART_SECRET by default. */
  secretData?: Record<string, string>;
  /** Redis's claim retention policy (Bitnami `persistentVolumeClaimRetentionPolicy`). */
  redisRetention?: { whenDeleted: string; whenScaled: string };
}

/** The chart's Secret keys (clearml-server-reference.md §5), with made-up values. */
export const CHART_SECRET: Record<string, string> = {
  apiserver_key: 'AAAAAAAAAAAAAAAAAAAA',
  apiserver_secret: 'a'.repeat(50),
  secure_auth_token_secret: 'b'.repeat(50),
  test_user_key: 'BBBBBBBBBBBBBBBBBBBB',
  test_user_secret: 'c'.repeat(50),
  fileserver_key: 'CCCCCCCCCCCCCCCCCCCC',
  fileserver_secret: 'd'.repeat(50),
};

export function chartInstall(options: ChartInstallOptions = {}) {
  const release = options.release ?? 'clearml';
  const ns = options.namespace ?? 'clearml';
  const full = release.includes('clearml') ? release : `${release}-clearml`;
  const sub = (chart: string) => (release.includes(chart) ? release : `${release}-${chart}`);
  const elastic = 'clearml-elastic-master';
  const secret = options.existingSecret ?? 'clearml-conf';
  const chartLabels = {
    'helm.sh/chart': 'clearml-7.14.4',
    'app.kubernetes.io/instance': release,
    'app.kubernetes.io/version': options.appVersion ?? '2.0',
    'app.kubernetes.io/managed-by': 'Helm',
  };
  const bitnami = { 'app.kubernetes.io/instance': release, 'app.kubernetes.io/managed-by': 'Helm' };
  const elasticLabels = { release, chart: 'elasticsearch', app: elastic };
  const meta = (name: string, labels: Record<string, string>) => ({ name, namespace: ns, labels });
  const deployment = (
    name: string,
    labels: Record<string, string>,
    sa: string,
    extra: Record<string, unknown> = {},
  ): K8sObject =>
    ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...meta(name, labels), uid: `uid-${name}` },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: name } },
        template: { spec: { serviceAccountName: sa, ...extra } },
      },
    }) as K8sObject;
  const keyEnv = {
    containers: [
      {
        name: 'clearml-apiserver',
        env: [
          {
            name: 'CLEARML__secure__credentials__apiserver__user_key',
            valueFrom: { secretKeyRef: { name: secret, key: 'apiserver_key' } },
          },
        ],
      },
    ],
  };
  const claimVolume = (volume: string, claimName: string) => ({
    volumes: [{ name: volume, persistentVolumeClaim: { claimName } }],
  });
  const redisSet = `${sub('redis')}-master`;
  const workloads: K8sObject[] = [
    deployment(`${full}-apiserver`, chartLabels, 'clearml-apiserver', keyEnv),
    deployment(`${full}-apiserver-asyncdelete`, chartLabels, 'clearml-apiserver', keyEnv),
    deployment(
      `${full}-fileserver`,
      chartLabels,
      'clearml-fileserver',
      claimVolume('fileserver-data', `${full}-fileserver-data`),
    ),
    deployment(`${full}-webserver`, chartLabels, 'clearml-webserver'),
    deployment(sub('mongodb'), bitnami, sub('mongodb'), claimVolume('datadir', sub('mongodb'))),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { ...meta(redisSet, bitnami), uid: `uid-${redisSet}` },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: redisSet } },
        volumeClaimTemplates: [{ metadata: { name: 'redis-data' } }],
        ...(options.redisRetention
          ? { persistentVolumeClaimRetentionPolicy: options.redisRetention }
          : {}),
        template: { spec: { serviceAccountName: sub('redis') } },
      },
    } as K8sObject,
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { ...meta(elastic, elasticLabels), uid: `uid-${elastic}` },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: elastic } },
        volumeClaimTemplates: [{ metadata: { name: elastic } }],
        template: { spec: { serviceAccountName: elastic } },
      },
    } as K8sObject,
  ];
  const claimNames = [
    `${full}-fileserver-data`,
    sub('mongodb'),
    `redis-data-${redisSet}-0`,
    `${elastic}-${elastic}-0`,
  ];
  const claims = claimNames
    .filter((c) => !options.withoutClaims?.includes(c))
    .map((name) => {
      const owned = options.redisRetention?.whenDeleted === 'Delete' && name.includes(redisSet);
      return {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          ...meta(name, name.startsWith(elastic) ? { app: elastic } : bitnami),
          ...(owned
            ? {
                ownerReferences: [
                  {
                    apiVersion: 'apps/v1',
                    kind: 'StatefulSet',
                    name: redisSet,
                    uid: `uid-${redisSet}`,
                  },
                ],
              }
            : {}),
        },
        spec: { accessModes: ['ReadWriteOnce'] },
      } as K8sObject;
    });
  const services = [
    `${full}-apiserver`,
    `${full}-fileserver`,
    `${full}-webserver`,
    sub('mongodb'),
    redisSet,
    `${sub('redis')}-headless`,
  ]
    .map((name) => ({ apiVersion: 'v1', kind: 'Service', metadata: meta(name, chartLabels) }))
    .concat([{ apiVersion: 'v1', kind: 'Service', metadata: meta(elastic, elasticLabels) }]);
  const routes = (options.exposed ?? []).map((c) => ({
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    // `oc expose svc` names the Route after the Service and copies its labels.
    metadata: meta(`${full}-${c}`, chartLabels),
    spec: {
      host: `${full}-${c}-${ns}.apps.example.com`,
      to: { kind: 'Service', name: `${full}-${c}` },
      port: { targetPort: 'http' },
    },
  }));
  const accounts = [
    'clearml-apiserver',
    'clearml-fileserver',
    'clearml-webserver',
    sub('mongodb'),
    sub('redis'),
    elastic,
  ].map((name) => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: meta(name, chartLabels),
  }));
  const other: K8sObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(`${full}-webserver-configmap`, chartLabels),
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(secret, chartLabels),
      data: Object.fromEntries(
        Object.entries(options.secretData ?? CHART_SECRET).map(([k, v]) => [
          k,
          Buffer.from(v).toString('base64'),
        ]),
      ),
    } as K8sObject,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(`sh.helm.release.v1.${release}.v1`, {
        owner: 'helm',
        name: release,
        version: '1',
        status: options.status ?? 'deployed',
      }),
    },
  ];
  const account = (name: string) => ({ kind: 'ServiceAccount', name, namespace: ns });
  const crb = (scc: string, subjects: object[]) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: `system:openshift:scc:${scc}` },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: `system:openshift:scc:${scc}`,
    },
    subjects,
  });
  const grants = [
    crb('anyuid', [account(sub('mongodb')), account(sub('redis')), account('default')]),
    crb('privileged', [account(elastic)]),
  ] as K8sObject[];
  return {
    release,
    namespace: ns,
    fullname: full,
    claimNames,
    objects: [...workloads, ...claims, ...services, ...routes, ...accounts, ...other, ...grants],
  };
}
