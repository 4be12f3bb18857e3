/** REST paths for the kinds the engine reads and writes. */
import type { ListOptions, ObjectRef } from './client';

interface KindInfo {
  plural: string;
  namespaced: boolean;
}

/** Kinds keyed by `apiVersion/kind`. Only what ClearML objects and their status need. */
const KINDS: Record<string, KindInfo> = {
  'v1/Namespace': { plural: 'namespaces', namespaced: false },
  'v1/ServiceAccount': { plural: 'serviceaccounts', namespaced: true },
  'v1/Secret': { plural: 'secrets', namespaced: true },
  'v1/ConfigMap': { plural: 'configmaps', namespaced: true },
  'v1/Service': { plural: 'services', namespaced: true },
  'v1/PersistentVolumeClaim': { plural: 'persistentvolumeclaims', namespaced: true },
  'v1/Pod': { plural: 'pods', namespaced: true },
  'v1/Event': { plural: 'events', namespaced: true },
  'v1/ResourceQuota': { plural: 'resourcequotas', namespaced: true },
  'v1/LimitRange': { plural: 'limitranges', namespaced: true },
  'apps/v1/Deployment': { plural: 'deployments', namespaced: true },
  'apps/v1/StatefulSet': { plural: 'statefulsets', namespaced: true },
  'apps/v1/ReplicaSet': { plural: 'replicasets', namespaced: true },
  'batch/v1/Job': { plural: 'jobs', namespaced: true },
  'policy/v1/PodDisruptionBudget': { plural: 'poddisruptionbudgets', namespaced: true },
  'networking.k8s.io/v1/NetworkPolicy': { plural: 'networkpolicies', namespaced: true },
  'rbac.authorization.k8s.io/v1/RoleBinding': { plural: 'rolebindings', namespaced: true },
  'rbac.authorization.k8s.io/v1/Role': { plural: 'roles', namespaced: true },
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': {
    plural: 'clusterrolebindings',
    namespaced: false,
  },
  'networking.k8s.io/v1/Ingress': { plural: 'ingresses', namespaced: true },
  'route.openshift.io/v1/Route': { plural: 'routes', namespaced: true },
  'storage.k8s.io/v1/StorageClass': { plural: 'storageclasses', namespaced: false },
  'authorization.k8s.io/v1/SelfSubjectAccessReview': {
    plural: 'selfsubjectaccessreviews',
    namespaced: false,
  },
  'authorization.k8s.io/v1/LocalSubjectAccessReview': {
    plural: 'localsubjectaccessreviews',
    namespaced: true,
  },
  'project.openshift.io/v1/ProjectRequest': { plural: 'projectrequests', namespaced: false },
  'project.openshift.io/v1/Project': { plural: 'projects', namespaced: false },
  'security.openshift.io/v1/SecurityContextConstraints': {
    plural: 'securitycontextconstraints',
    namespaced: false,
  },
  'console.openshift.io/v1/ConsolePlugin': { plural: 'consoleplugins', namespaced: false },
};

/** The fields of the console SDK's K8sModel that its k8s functions read. */
export interface ModelInfo {
  apiGroup?: string;
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  abbr: string;
  label: string;
  labelPlural: string;
}

export function modelFor(apiVersion: string, kind: string): ModelInfo {
  const { plural, namespaced } = kindInfo(apiVersion, kind);
  const [group, version] = apiVersion.includes('/')
    ? apiVersion.split('/')
    : [undefined, apiVersion];
  return {
    ...(group ? { apiGroup: group } : {}),
    apiVersion: version,
    kind,
    plural,
    namespaced,
    abbr: kind.replace(/[a-z]/g, ''),
    label: kind,
    labelPlural: `${kind}s`,
  };
}

export function kindInfo(apiVersion: string, kind: string): KindInfo {
  const info = KINDS[`${apiVersion}/${kind}`];
  if (!info) throw new Error(`The engine does not know the resource for ${kind} (${apiVersion}).`);
  return info;
}

/** `/api/v1` or `/apis/<group>/<version>`. */
export function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

function collectionPath(apiVersion: string, kind: string, namespace?: string): string {
  const { plural, namespaced } = kindInfo(apiVersion, kind);
  const base = groupVersionPath(apiVersion);
  if (namespaced && namespace)
    return `${base}/namespaces/${encodeURIComponent(namespace)}/${plural}`;
  return `${base}/${plural}`;
}

export function objectPath(ref: ObjectRef): string {
  return `${collectionPath(ref.apiVersion, ref.kind, ref.namespace)}/${encodeURIComponent(ref.name)}`;
}

export function listPath(apiVersion: string, kind: string, options: ListOptions = {}): string {
  const query = new URLSearchParams();
  if (options.labelSelector) query.set('labelSelector', options.labelSelector);
  if (options.fieldSelector) query.set('fieldSelector', options.fieldSelector);
  const qs = query.toString();
  return `${collectionPath(apiVersion, kind, options.namespace)}${qs ? `?${qs}` : ''}`;
}

export function createPath(apiVersion: string, kind: string, namespace?: string): string {
  return collectionPath(apiVersion, kind, namespace);
}

/** PATCH path for server-side apply, with field manager, force and dry-run flags. */
export function applyPath(
  ref: ObjectRef,
  fieldManager: string,
  options: { dryRun?: boolean; force?: boolean },
): string {
  const query = new URLSearchParams({ fieldManager });
  if (options.force) query.set('force', 'true');
  if (options.dryRun) query.set('dryRun', 'All');
  return `${objectPath(ref)}?${query.toString()}`;
}

export const APPLY_CONTENT_TYPE = 'application/apply-patch+yaml';

/**
 * The Accept header of a metadata-only list: the API server answers with a PartialObjectMetadataList
 * (kubernetes apimachinery `meta/v1` PartialObjectMetadataList, served since Kubernetes 1.15),
 * items without `data` or `spec`. No plain `application/json` fallback: a server that cannot
 * answer so refuses (406) rather than sending whole Secrets.
 */
export const METADATA_LIST_ACCEPT =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

/** The Accept header a list request sends. */
export const listAccept = (options: { metadataOnly?: boolean } = {}): string =>
  options.metadataOnly ? METADATA_LIST_ACCEPT : 'application/json';

export function refOf(obj: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}): ObjectRef {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
  };
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
