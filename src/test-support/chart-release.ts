/**
 * A release `clearml` of the upstream chart as the API server lists it, for status and page
 * tests: workloads labelled as the chart and its subcharts label them (see
 * engine/adopt/releases.ts), pods and ReplicaSets linked by owner references only, and Helm's
 * release Secrets with a `release` payload the page must never receive.
 */
import type { ChartWorkload } from '../engine/adopt/releases';
import type { LivePod, LiveWorkload } from '../engine/status/types';

export const CHART_NAMESPACE = 'team-a';

const chartLabels = {
  'helm.sh/chart': 'clearml-7.14.4',
  'app.kubernetes.io/instance': 'clearml',
  'app.kubernetes.io/version': '2.0',
  'app.kubernetes.io/managed-by': 'Helm',
};
const bitnami = (chart: string) => ({
  'helm.sh/chart': chart,
  'app.kubernetes.io/instance': 'clearml',
  'app.kubernetes.io/managed-by': 'Helm',
});
const elastic = { heritage: 'Helm', release: 'clearml', chart: 'elasticsearch' };

type Spec = [kind: 'Deployment' | 'StatefulSet', name: string, labels: object, sa: string];

const SPECS: Spec[] = [
  ['Deployment', 'clearml-apiserver', chartLabels, 'clearml-apiserver'],
  ['Deployment', 'clearml-apiserver-asyncdelete', chartLabels, 'clearml-apiserver'],
  ['Deployment', 'clearml-fileserver', chartLabels, 'clearml-fileserver'],
  ['Deployment', 'clearml-webserver', chartLabels, 'clearml-webserver'],
  ['Deployment', 'clearml-mongodb', bitnami('mongodb-13.18.5'), 'clearml-mongodb'],
  ['StatefulSet', 'clearml-redis-master', bitnami('redis-17.8.3'), 'clearml-redis'],
  ['StatefulSet', 'clearml-elastic-master', elastic, 'clearml-elastic-master'],
];

export interface ChartLive {
  deployments: (LiveWorkload & ChartWorkload)[];
  statefulSets: (LiveWorkload & ChartWorkload)[];
  replicaSets: LiveWorkload[];
  pods: LivePod[];
}

const runningStatus = (name: string): LivePod['status'] => ({
  phase: 'Running',
  conditions: [{ type: 'Ready', status: 'True' }],
  containerStatuses: [
    {
      name,
      image: `example/${name}:1`,
      ready: true,
      restartCount: 0,
      state: { running: {} },
    },
  ],
});

/** A pod whose container keeps crashing, as the kubelet reports it. */
export const crashLooping = (name: string): LivePod['status'] => ({
  phase: 'Running',
  conditions: [{ type: 'Ready', status: 'False' }],
  containerStatuses: [
    {
      name,
      image: `example/${name}:1`,
      ready: false,
      restartCount: 6,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } },
      lastState: { terminated: { reason: 'Error', exitCode: 1 } },
    },
  ],
});

/**
 * The release's live objects, every workload ready unless `notReady` names it; `without` leaves
 * workloads out (e.g. an external Elasticsearch).
 */
export function chartLive(
  options: {
    notReady?: Record<string, LivePod['status']>;
    without?: string[];
    namespace?: string;
  } = {},
): ChartLive {
  const namespace = options.namespace ?? CHART_NAMESPACE;
  const out: ChartLive = { deployments: [], statefulSets: [], replicaSets: [], pods: [] };
  for (const [kind, name, labels, sa] of SPECS) {
    if (options.without?.includes(name)) continue;
    const podStatus = options.notReady?.[name];
    const ready = podStatus ? 0 : 1;
    const workload: LiveWorkload & ChartWorkload = {
      kind,
      metadata: { name, namespace, labels: labels as Record<string, string>, generation: 1 },
      spec: {
        replicas: 1,
        template: {
          spec: {
            serviceAccountName: sa,
            containers: [{ name: 'main', image: `example/${name}:1` }],
          },
        },
      },
      status: { replicas: 1, readyReplicas: ready, updatedReplicas: 1, availableReplicas: ready },
    };
    // Pods carry their own selector labels, never the chart's instance label for the release.
    const podLabels = { app: name };
    let owner = { kind: 'StatefulSet', name };
    if (kind === 'Deployment') {
      const rs = `${name}-5d8f7c6b9`;
      out.replicaSets.push({
        kind: 'ReplicaSet',
        metadata: { name: rs, namespace, ownerReferences: [{ kind: 'Deployment', name }] },
      });
      owner = { kind: 'ReplicaSet', name: rs };
      out.deployments.push(workload);
    } else {
      out.statefulSets.push(workload);
    }
    out.pods.push({
      kind: 'Pod',
      metadata: {
        name: kind === 'Deployment' ? `${owner.name}-x2k4p` : `${name}-0`,
        namespace,
        labels: podLabels,
        ownerReferences: [owner],
      },
      spec: { containers: [{ name: 'main', image: `example/${name}:1` }] },
      status: podStatus ?? runningStatus('main'),
    });
  }
  return out;
}

/** Helm's release records of `clearml`: two revisions, each with the encoded release payload. */
export const helmRecords = (namespace = CHART_NAMESPACE) =>
  [1, 2].map((v) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: {
      name: `sh.helm.release.v1.clearml.v${v}`,
      namespace,
      labels: {
        owner: 'helm',
        name: 'clearml',
        version: String(v),
        status: v === 2 ? 'deployed' : 'superseded',
      },
    },
    data: { release: 'SDRzSUFBQUFBQUFBLytTOWEzUGJ0cmZ2OSs3ZjRtU1ZQc3A0TTJINXFHd2FpPQ==' },
  }));

/** What the blog's `oc adm policy add-scc-to-user` grants left: two cluster-wide bindings. */
export const blogBindings = () => {
  const sa = (name: string) => ({ kind: 'ServiceAccount', name, namespace: CHART_NAMESPACE });
  const binding = (scc: string, subjects: ReturnType<typeof sa>[]) => ({
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
  return [
    binding('anyuid', [sa('clearml-mongodb'), sa('clearml-redis'), sa('default')]),
    binding('privileged', [sa('clearml-elastic-master')]),
  ];
};
