/** Realistic live objects for status tests, shaped as the API server returns them. */
import type { LivePod, LiveRoute, LiveState, LiveWorkload } from './types';

const labels = (component: string) => ({
  'app.kubernetes.io/instance': 'clearml',
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/managed-by': 'clearml-console-plugin',
});

export function workload(
  component: string,
  kind: 'Deployment' | 'StatefulSet',
  ready: number,
  desired = 1,
): LiveWorkload {
  return {
    kind,
    metadata: { name: `clearml-${component}`, labels: labels(component) },
    spec: { replicas: desired },
    status: {
      replicas: desired,
      readyReplicas: ready,
      updatedReplicas: desired,
      availableReplicas: ready,
    },
  };
}

export function pod(component: string, suffix: string, status: LivePod['status']): LivePod {
  return {
    metadata: { name: `clearml-${component}-${suffix}`, labels: labels(component) },
    spec: { containers: [{ name: component, image: `example/${component}:1` }] },
    status,
  };
}

/** What kube-scheduler (v1.34) says of a pod no node takes. */
export const SCHEDULER_MESSAGES = {
  noGpu:
    '0/1 nodes are available: 1 Insufficient nvidia.com/gpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
  unboundVolume:
    '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
};

/** The status of a pending pod the scheduler could not place, with its message. */
export const unschedulable = (message: string) =>
  ({
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }],
  }) satisfies LivePod['status'];

export const runningPod = (component: string) =>
  pod(component, 'abc12', {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [
      {
        name: component,
        image: `example/${component}:1`,
        ready: true,
        restartCount: 0,
        state: { running: {} },
      },
    ],
  });

/** Every component of the default instance up and ready. */
export function healthyInstance(): LiveState {
  const comps: [string, 'Deployment' | 'StatefulSet'][] = [
    ['mongodb', 'Deployment'],
    ['redis', 'StatefulSet'],
    ['elasticsearch', 'StatefulSet'],
    ['apiserver', 'Deployment'],
    ['fileserver', 'Deployment'],
    ['async-delete', 'Deployment'],
    ['webserver', 'Deployment'],
  ];
  return {
    deployments: comps.filter(([, k]) => k === 'Deployment').map(([c, k]) => workload(c, k, 1)),
    statefulSets: comps.filter(([, k]) => k === 'StatefulSet').map(([c, k]) => workload(c, k, 1)),
    replicaSets: [],
    pods: comps.map(([c]) => runningPod(c)),
    pvcs: [
      {
        metadata: { name: 'clearml-mongodb-data', labels: labels('mongodb') },
        spec: { storageClassName: 'standard', resources: { requests: { storage: '50Gi' } } },
        status: { phase: 'Bound', capacity: { storage: '50Gi' } },
      },
    ],
    routes: [
      {
        metadata: { name: 'clearml-app', labels: labels('webserver') },
        spec: { tls: { termination: 'edge' } },
        status: { ingress: [{ host: 'clearml-app-team-a.apps.example.com' }] },
      },
      {
        metadata: { name: 'clearml-api', labels: labels('apiserver') },
        spec: { host: 'api.example.com', tls: { termination: 'edge' } },
        status: { ingress: [{ host: 'api.example.com' }] },
      },
    ],
    events: [],
  };
}

/** A Route the router rejected: `Admitted` False with the router's reason and message. */
export function rejectedRoute(
  route: LiveRoute,
  host: string,
  reason: string,
  message: string,
  routerName = 'default',
): LiveRoute {
  return {
    ...route,
    status: {
      ingress: [
        { host, routerName, conditions: [{ type: 'Admitted', status: 'False', reason, message }] },
      ],
    },
  };
}
