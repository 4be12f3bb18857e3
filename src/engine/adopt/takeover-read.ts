/**
 * Reads what the take-over plan needs, one list per kind: the namespace's workloads, pods,
 * claims, Services, Routes and configuration, Helm's records of the release, the cluster-wide
 * SCC grants when the user may read them, the progress of a take-over in progress, and access
 * reviews for each step. Secrets are never listed whole: Helm's records and the release's own
 * Secrets by label, the credentials Secrets by name, and only their metadata is kept.
 */
import type { ClusterClient, ResourceAttributes } from '../cluster/client';
import { isApiError } from '../cluster/errors';
import type { K8sObject, K8sSecret } from '../k8s-types';
import { CHART_SECRET_KEYS } from '../render/secrets';
import { findChartReleases, type HelmRecord } from './releases';
import { auditReleaseGrants, type Binding, type SccUsers } from './scc-audit';
import { readProgress } from './takeover-progress';
import type {
  LiveClaim,
  LivePod,
  LiveWorkload,
  TakeoverInput,
  TakeoverStepId,
} from './takeover-types';

export interface ReadOptions {
  release: string;
  namespace: string;
  instance?: string;
  removeGrants?: boolean;
}

/** Metadata only: a Secret's data never leaves this module. */
const metadataOnly = (o: K8sObject): K8sObject => ({
  apiVersion: o.apiVersion ?? 'v1',
  kind: o.kind ?? 'Secret',
  metadata: o.metadata,
});

/** A list that the user may not read, or that the cluster does not serve, reads as empty. */
async function listOrEmpty<T extends K8sObject>(
  client: ClusterClient,
  apiVersion: string,
  kind: string,
  options: { namespace?: string; labelSelector?: string; metadataOnly?: boolean } = {},
): Promise<T[]> {
  try {
    if (!(await client.serves(apiVersion, kind))) return [];
    const items = await client.list<T>(apiVersion, kind, options);
    return items.map((o) => ({ ...o, apiVersion, kind }));
  } catch (err) {
    if (isApiError(err) && (err.status === 403 || err.status === 404)) return [];
    throw err;
  }
}

const NAMESPACED_KINDS: [string, string][] = [
  ['v1', 'Service'],
  ['v1', 'ConfigMap'],
  ['v1', 'ServiceAccount'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['route.openshift.io/v1', 'Route'],
  ['networking.k8s.io/v1', 'Ingress'],
];

const RESOURCE: Record<string, { group: string; resource: string }> = {
  Deployment: { group: 'apps', resource: 'deployments' },
  StatefulSet: { group: 'apps', resource: 'statefulsets' },
  Service: { group: '', resource: 'services' },
  ConfigMap: { group: '', resource: 'configmaps' },
  Secret: { group: '', resource: 'secrets' },
  ServiceAccount: { group: '', resource: 'serviceaccounts' },
  Role: { group: 'rbac.authorization.k8s.io', resource: 'roles' },
  RoleBinding: { group: 'rbac.authorization.k8s.io', resource: 'rolebindings' },
  PodDisruptionBudget: { group: 'policy', resource: 'poddisruptionbudgets' },
  Route: { group: 'route.openshift.io', resource: 'routes' },
  Ingress: { group: 'networking.k8s.io', resource: 'ingresses' },
};

/** What each step asks of the API server, as access reviews. */
function stepChecks(
  namespace: string,
  deleteKinds: string[],
): Record<TakeoverStepId, ResourceAttributes[]> {
  const ns = (group: string, resource: string, verb: string) => ({
    group,
    resource,
    verb,
    namespace,
  });
  return {
    'protect-claims': [
      ns('', 'persistentvolumeclaims', 'patch'),
      ns('apps', 'statefulsets', 'patch'),
      ns('', 'configmaps', 'create'),
    ],
    'scale-down': [
      ns('apps', 'deployments', 'patch'),
      ns('apps', 'statefulsets', 'patch'),
      ns('', 'pods', 'list'),
    ],
    // The deploy runs its own checks (dry run of every object) before it writes.
    deploy: [ns('apps', 'deployments', 'create'), ns('', 'secrets', 'create')],
    'remove-release': deleteKinds
      .filter((k) => RESOURCE[k])
      .map((k) => ns(RESOURCE[k].group, RESOURCE[k].resource, 'delete')),
    'remove-grants': [
      { group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings', verb: 'update' },
      { group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings', verb: 'delete' },
      { group: 'security.openshift.io', resource: 'securitycontextconstraints', verb: 'update' },
    ],
  };
}

async function deniedPerStep(client: ClusterClient, namespace: string, deleteKinds: string[]) {
  const checks = stepChecks(namespace, deleteKinds);
  const denied: TakeoverInput['denied'] = {};
  for (const [step, attrs] of Object.entries(checks) as [TakeoverStepId, ResourceAttributes[]][]) {
    const answers = await Promise.all(attrs.map((a) => client.canI(a)));
    const no = attrs.filter((_, i) => !answers[i].allowed).map((a) => `${a.verb} ${a.resource}`);
    if (no.length) denied[step] = no;
  }
  return denied;
}

/** Everything `planTakeover` needs; `release` is undefined when no such release is found. */
export async function readTakeoverInput(
  client: ClusterClient,
  options: ReadOptions,
): Promise<TakeoverInput | undefined> {
  const { namespace, release: name } = options;
  const ns = { namespace };
  const [deployments, statefulSets, pods, claims, others, records, progress] = await Promise.all([
    client.list<LiveWorkload>('apps/v1', 'Deployment', ns),
    client.list<LiveWorkload>('apps/v1', 'StatefulSet', ns),
    client.list<LivePod>('v1', 'Pod', ns),
    client.list<LiveClaim>('v1', 'PersistentVolumeClaim', ns),
    Promise.all(NAMESPACED_KINDS.map(([v, k]) => listOrEmpty(client, v, k, ns))),
    listOrEmpty<HelmRecord & K8sObject>(client, 'v1', 'Secret', {
      namespace,
      labelSelector: `owner=helm,name=${name}`,
      // Labels are all that is needed; `data.release` holds the release's values (see read.ts).
      metadataOnly: true,
    }),
    readProgress(client, name, namespace),
  ]);
  const workloads = [
    ...deployments.map((w) => ({ ...w, apiVersion: 'apps/v1', kind: 'Deployment' })),
    ...statefulSets.map((w) => ({ ...w, apiVersion: 'apps/v1', kind: 'StatefulSet' })),
  ];
  const found = findChartReleases(workloads, records.length ? records : undefined).find(
    (r) => r.release === name,
  );
  const release = found ?? progress?.snapshot;
  if (!release) return undefined;

  const labelled = await Promise.all(
    [`app.kubernetes.io/instance=${name}`, `release=${name}`].map((labelSelector) =>
      listOrEmpty(client, 'v1', 'Secret', { namespace, labelSelector, metadataOnly: true }),
    ),
  );
  const releaseSecrets = labelled.flat().map(metadataOnly);
  const wanted = new Set(['clearml-conf', `${options.instance ?? `${name}-managed`}-credentials`]);
  for (const w of workloads) {
    for (const c of w.spec?.template?.spec?.containers ?? []) {
      for (const e of c.env ?? []) {
        if (e.valueFrom?.secretKeyRef?.key === 'apiserver_key') {
          wanted.add(e.valueFrom.secretKeyRef.name);
        }
      }
    }
  }
  if (progress?.values.credentials) wanted.add(progress.values.credentials.existingSecret);
  const gaps: Record<string, string[]> = {};
  const byName = await Promise.all(
    [...wanted].map(async (n) => {
      const s = await client.get<K8sSecret>({
        apiVersion: 'v1',
        kind: 'Secret',
        name: n,
        namespace,
      });
      if (s) gaps[n] = CHART_SECRET_KEYS.filter((k) => !s.data?.[k]);
      return s ? metadataOnly(s) : undefined;
    }),
  );
  const secrets = new Map(
    [...byName.filter((s): s is K8sObject => !!s), ...releaseSecrets].map((s) => [
      s.metadata.name,
      s,
    ]),
  );

  const [bindings, sccs] = await Promise.all([
    listOrEmpty<Binding & K8sObject>(client, 'rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'),
    listOrEmpty<SccUsers & K8sObject>(
      client,
      'security.openshift.io/v1',
      'SecurityContextConstraints',
    ),
  ]);
  const objects = [...others.flat(), ...secrets.values()];
  const roleBindings = objects.filter((o) => o.kind === 'RoleBinding') as unknown as Binding[];
  const grants = auditReleaseGrants({
    release,
    namespace,
    bindings: [...(bindings as Binding[]), ...roleBindings],
    sccs,
    needs: {},
  });
  const deleteKinds = [...new Set([...objects.map((o) => o.kind), 'Deployment', 'StatefulSet'])];
  return {
    release,
    namespace,
    instance: options.instance,
    removeGrants: options.removeGrants,
    workloads,
    pods,
    claims: claims.map((c) => ({ ...c, apiVersion: 'v1', kind: 'PersistentVolumeClaim' })),
    secretNames: [...secrets.keys()],
    secretGaps: gaps,
    objects,
    grants,
    bindings: bindings as Binding[],
    sccs,
    denied: await deniedPerStep(client, namespace, deleteKinds),
    progress,
  };
}
