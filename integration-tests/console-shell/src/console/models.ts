/**
 * Static model definitions, as the console registers them for built-in kinds. API discovery
 * fills in verbs and short names; the static definition wins for these refs (keyed by bare
 * kind because they are not CRDs), so extras such as `propagationPolicy` reach `k8sDelete`.
 */
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';

type ModelInput = Omit<K8sModel, 'label' | 'labelPlural' | 'abbr'> & {
  abbr?: string;
  label?: string;
  labelPlural?: string;
};

const model = (m: ModelInput): K8sModel => ({
  ...m,
  label: m.label ?? m.kind,
  labelPlural: m.labelPlural ?? `${m.kind}s`,
  abbr: m.abbr ?? m.kind.replace(/[^A-Z]/g, '').slice(0, 4),
});

// core/v1
export const NamespaceModel = model({
  apiVersion: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  abbr: 'NS',
  namespaced: false,
  id: 'namespace',
});
export const PodModel = model({
  apiVersion: 'v1',
  kind: 'Pod',
  plural: 'pods',
  abbr: 'P',
  namespaced: true,
  id: 'pod',
});
export const ServiceModel = model({
  apiVersion: 'v1',
  kind: 'Service',
  plural: 'services',
  abbr: 'S',
  namespaced: true,
  id: 'service',
});
export const ServiceAccountModel = model({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  abbr: 'SA',
  namespaced: true,
  id: 'serviceaccount',
});
export const ConfigMapModel = model({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  abbr: 'CM',
  namespaced: true,
  id: 'configmap',
});
export const SecretModel = model({
  apiVersion: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  abbr: 'S',
  namespaced: true,
  id: 'secret',
});
export const PersistentVolumeClaimModel = model({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  abbr: 'PVC',
  namespaced: true,
  id: 'persistentvolumeclaim',
});
export const PersistentVolumeModel = model({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  abbr: 'PV',
  namespaced: false,
  id: 'persistentvolume',
});
export const EventModel = model({
  apiVersion: 'v1',
  kind: 'Event',
  plural: 'events',
  abbr: 'E',
  namespaced: true,
  id: 'event',
});
export const NodeModel = model({
  apiVersion: 'v1',
  kind: 'Node',
  plural: 'nodes',
  abbr: 'N',
  namespaced: false,
  id: 'node',
});
export const ResourceQuotaModel = model({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  plural: 'resourcequotas',
  abbr: 'RQ',
  namespaced: true,
  id: 'resourcequota',
});
export const LimitRangeModel = model({
  apiVersion: 'v1',
  kind: 'LimitRange',
  plural: 'limitranges',
  abbr: 'LR',
  namespaced: true,
  id: 'limitrange',
});
export const EndpointsModel = model({
  apiVersion: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  abbr: 'EP',
  namespaced: true,
  id: 'endpoints',
  labelPlural: 'Endpoints',
});

// apps/v1
export const DeploymentModel = model({
  apiVersion: 'v1',
  apiGroup: 'apps',
  kind: 'Deployment',
  plural: 'deployments',
  abbr: 'D',
  namespaced: true,
  id: 'deployment',
  propagationPolicy: 'Foreground',
});
export const StatefulSetModel = model({
  apiVersion: 'v1',
  apiGroup: 'apps',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  abbr: 'SS',
  namespaced: true,
  id: 'statefulset',
  propagationPolicy: 'Foreground',
});
export const DaemonSetModel = model({
  apiVersion: 'v1',
  apiGroup: 'apps',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  abbr: 'DS',
  namespaced: true,
  id: 'daemonset',
  propagationPolicy: 'Foreground',
});
export const ReplicaSetModel = model({
  apiVersion: 'v1',
  apiGroup: 'apps',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  abbr: 'RS',
  namespaced: true,
  id: 'replicaset',
  propagationPolicy: 'Foreground',
});
export const ControllerRevisionModel = model({
  apiVersion: 'v1',
  apiGroup: 'apps',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  abbr: 'CR',
  namespaced: true,
  id: 'controllerrevision',
});

// batch/v1
export const JobModel = model({
  apiVersion: 'v1',
  apiGroup: 'batch',
  kind: 'Job',
  plural: 'jobs',
  abbr: 'J',
  namespaced: true,
  id: 'job',
  propagationPolicy: 'Foreground',
});
export const CronJobModel = model({
  apiVersion: 'v1',
  apiGroup: 'batch',
  kind: 'CronJob',
  plural: 'cronjobs',
  abbr: 'CJ',
  namespaced: true,
  id: 'cronjob',
  propagationPolicy: 'Foreground',
});

// rbac.authorization.k8s.io/v1
export const RoleModel = model({
  apiVersion: 'v1',
  apiGroup: 'rbac.authorization.k8s.io',
  kind: 'Role',
  plural: 'roles',
  abbr: 'R',
  namespaced: true,
  id: 'role',
});
export const RoleBindingModel = model({
  apiVersion: 'v1',
  apiGroup: 'rbac.authorization.k8s.io',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  abbr: 'RB',
  namespaced: true,
  id: 'rolebinding',
});
export const ClusterRoleModel = model({
  apiVersion: 'v1',
  apiGroup: 'rbac.authorization.k8s.io',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  abbr: 'CR',
  namespaced: false,
  id: 'clusterrole',
});
export const ClusterRoleBindingModel = model({
  apiVersion: 'v1',
  apiGroup: 'rbac.authorization.k8s.io',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  abbr: 'CRB',
  namespaced: false,
  id: 'clusterrolebinding',
});

// authorization.k8s.io/v1 and authentication.k8s.io/v1
export const SelfSubjectAccessReviewModel = model({
  apiVersion: 'v1',
  apiGroup: 'authorization.k8s.io',
  kind: 'SelfSubjectAccessReview',
  plural: 'selfsubjectaccessreviews',
  abbr: 'SSAR',
  namespaced: false,
});
export const SelfSubjectReviewModel = model({
  apiVersion: 'v1',
  apiGroup: 'authentication.k8s.io',
  kind: 'SelfSubjectReview',
  plural: 'selfsubjectreviews',
  abbr: 'SSR',
  namespaced: false,
});

// storage.k8s.io/v1
export const StorageClassModel = model({
  apiVersion: 'v1',
  apiGroup: 'storage.k8s.io',
  kind: 'StorageClass',
  plural: 'storageclasses',
  abbr: 'SC',
  namespaced: false,
  id: 'storageclass',
  labelPlural: 'StorageClasses',
});

// networking.k8s.io/v1
export const NetworkPolicyModel = model({
  apiVersion: 'v1',
  apiGroup: 'networking.k8s.io',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  abbr: 'NP',
  namespaced: true,
  id: 'networkpolicy',
  labelPlural: 'NetworkPolicies',
});
export const IngressModel = model({
  apiVersion: 'v1',
  apiGroup: 'networking.k8s.io',
  kind: 'Ingress',
  plural: 'ingresses',
  abbr: 'I',
  namespaced: true,
  id: 'ingress',
  labelPlural: 'Ingresses',
});

// policy/v1
export const PodDisruptionBudgetModel = model({
  apiVersion: 'v1',
  apiGroup: 'policy',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  abbr: 'PDB',
  namespaced: true,
  id: 'poddisruptionbudget',
});

// apiextensions.k8s.io/v1
export const CustomResourceDefinitionModel = model({
  apiVersion: 'v1',
  apiGroup: 'apiextensions.k8s.io',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  abbr: 'CRD',
  namespaced: false,
  id: 'customresourcedefinition',
});

// OpenShift groups
export const ProjectModel = model({
  apiVersion: 'v1',
  apiGroup: 'project.openshift.io',
  kind: 'Project',
  plural: 'projects',
  abbr: 'PR',
  namespaced: false,
  id: 'project',
});
export const RouteModel = model({
  apiVersion: 'v1',
  apiGroup: 'route.openshift.io',
  kind: 'Route',
  plural: 'routes',
  abbr: 'RT',
  namespaced: true,
  id: 'route',
});
export const SecurityContextConstraintsModel = model({
  apiVersion: 'v1',
  apiGroup: 'security.openshift.io',
  kind: 'SecurityContextConstraints',
  plural: 'securitycontextconstraints',
  abbr: 'SCC',
  namespaced: false,
  id: 'securitycontextconstraints',
  labelPlural: 'SecurityContextConstraints',
});
export const ConsolePluginModel = model({
  apiVersion: 'v1',
  apiGroup: 'console.openshift.io',
  kind: 'ConsolePlugin',
  plural: 'consoleplugins',
  abbr: 'CP',
  namespaced: false,
  id: 'consoleplugin',
  crd: true,
});
export const ConsoleLinkModel = model({
  apiVersion: 'v1',
  apiGroup: 'console.openshift.io',
  kind: 'ConsoleLink',
  plural: 'consolelinks',
  abbr: 'CL',
  namespaced: false,
  id: 'consolelink',
  crd: true,
});
export const ClusterVersionModel = model({
  apiVersion: 'v1',
  apiGroup: 'config.openshift.io',
  kind: 'ClusterVersion',
  plural: 'clusterversions',
  abbr: 'CV',
  namespaced: false,
  id: 'clusterversion',
  crd: true,
});
