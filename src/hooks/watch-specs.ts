/** What the pages watch: label-selected lists, a bounded number per page. */
import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { INSTANCE_LABEL } from '../engine';
import { RECORD_LABEL } from '../engine/deploy/record';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../engine/deploy/ownership';
import { AGENT_POD_LABEL } from '../engine/render/network-policies';
import { TAKEOVER_LABEL } from '../engine/adopt/takeover-progress';

export const ALL_NAMESPACES = '#ALL_NS#';

const gvk = (group: string, version: string, kind: string) => ({ group, version, kind });

export const GVK = {
  configMap: gvk('', 'v1', 'ConfigMap'),
  deployment: gvk('apps', 'v1', 'Deployment'),
  statefulSet: gvk('apps', 'v1', 'StatefulSet'),
  replicaSet: gvk('apps', 'v1', 'ReplicaSet'),
  pod: gvk('', 'v1', 'Pod'),
  pvc: gvk('', 'v1', 'PersistentVolumeClaim'),
  route: gvk('route.openshift.io', 'v1', 'Route'),
  event: gvk('', 'v1', 'Event'),
  secret: gvk('', 'v1', 'Secret'),
  storageClass: gvk('storage.k8s.io', 'v1', 'StorageClass'),
  project: gvk('project.openshift.io', 'v1', 'Project'),
  namespace: gvk('', 'v1', 'Namespace'),
};

const scope = (namespace: string) => (namespace === ALL_NAMESPACES ? {} : { namespace });

const managed = { [MANAGED_BY_LABEL]: MANAGED_BY };

/** Install records, then the workloads and Routes of every instance: four watches. */
export const instancesWatch = (namespace: string): Record<string, WatchK8sResource> => ({
  records: {
    groupVersionKind: GVK.configMap,
    isList: true,
    ...scope(namespace),
    selector: { matchLabels: { [RECORD_LABEL]: 'true' } },
  },
  deployments: {
    groupVersionKind: GVK.deployment,
    isList: true,
    ...scope(namespace),
    selector: { matchLabels: managed },
  },
  statefulSets: {
    groupVersionKind: GVK.statefulSet,
    isList: true,
    ...scope(namespace),
    selector: { matchLabels: managed },
  },
  routes: {
    groupVersionKind: GVK.route,
    isList: true,
    ...scope(namespace),
    selector: { matchLabels: managed },
    optional: true,
  },
});

/**
 * Everything the status of one instance is derived from: nine watches. StorageClasses are
 * optional: many users may not list them, and the status model then reads the volume's events.
 * The agents' task pods carry only the agent labels (the glue owns them, not the plugin), so they
 * have a watch of their own: one for all agents, merged into `pods` (see useInstanceLive).
 */
export const instanceWatch = (
  namespace: string,
  instance: string,
): Record<string, WatchK8sResource> => {
  const selector = { matchLabels: { ...managed, [INSTANCE_LABEL]: instance } };
  const list = (groupVersionKind: WatchK8sResource['groupVersionKind']) => ({
    groupVersionKind,
    isList: true,
    namespace,
    selector,
  });
  return {
    deployments: list(GVK.deployment),
    statefulSets: list(GVK.statefulSet),
    replicaSets: list(GVK.replicaSet),
    pods: list(GVK.pod),
    taskPods: {
      groupVersionKind: GVK.pod,
      isList: true,
      namespace,
      selector: { matchLabels: { [AGENT_POD_LABEL]: instance } },
    },
    pvcs: list(GVK.pvc),
    routes: { ...list(GVK.route), optional: true },
    events: {
      groupVersionKind: GVK.event,
      isList: true,
      namespace,
      fieldSelector: 'type=Warning',
    },
    storageClasses: { groupVersionKind: GVK.storageClass, isList: true, optional: true },
  };
};

/**
 * The workloads of upstream chart releases: the ClearML chart and its Bitnami subcharts label
 * theirs `app.kubernetes.io/managed-by: Helm`, the Elastic subchart its StatefulSet
 * `heritage: Helm` (elastic/helm-charts 7.17 `elasticsearch/templates/statefulset.yaml`).
 */
export const chartWorkloadsWatch = (namespace: string): Record<string, WatchK8sResource> => {
  const list = (groupVersionKind: WatchK8sResource['groupVersionKind'], label: string) => ({
    groupVersionKind,
    isList: true,
    ...scope(namespace),
    selector: { matchLabels: { [label]: 'Helm' } },
  });
  return {
    helmDeployments: list(GVK.deployment, 'app.kubernetes.io/managed-by'),
    helmStatefulSets: list(GVK.statefulSet, 'app.kubernetes.io/managed-by'),
    elasticStatefulSets: list(GVK.statefulSet, 'heritage'),
    // Take-overs in progress: once one removes its release's workloads, only this finds it.
    takeovers: {
      groupVersionKind: GVK.configMap,
      isList: true,
      ...scope(namespace),
      selector: { matchExpressions: [{ key: TAKEOVER_LABEL, operator: 'Exists' }] },
      optional: true,
    },
  };
};

/**
 * Everything the status of one chart release is derived from. The chart's pods share no label
 * across components, so pods, ReplicaSets, claims and events are the project's, matched to the
 * release's workloads by owner (engine/adopt/release-status.ts).
 */
export const releaseWatch = (namespace: string): Record<string, WatchK8sResource> => {
  const list = (groupVersionKind: WatchK8sResource['groupVersionKind']) => ({
    groupVersionKind,
    isList: true,
    namespace,
  });
  return {
    ...chartWorkloadsWatch(namespace),
    replicaSets: list(GVK.replicaSet),
    pods: list(GVK.pod),
    pvcs: list(GVK.pvc),
    routes: { ...list(GVK.route), optional: true },
    events: { ...list(GVK.event), fieldSelector: 'type=Warning' },
    storageClasses: { groupVersionKind: GVK.storageClass, isList: true, optional: true },
  };
};
