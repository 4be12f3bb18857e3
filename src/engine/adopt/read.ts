/**
 * The reads behind the page's view of a chart release: Helm's release records (labels only) and
 * the SCC grants that reach the release, each read only when the user may.
 */
import type { ClusterClient } from '../cluster/client';
import type { K8sObject } from '../k8s-types';
import { renderWithPlan } from '../render/render';
import { createValues } from '../values';
import type { ChartRelease, HelmRecord } from './releases';
import {
  auditReleaseGrants,
  type Binding,
  plannedSccs,
  type SccGrantFound,
  type SccUsers,
} from './scc-audit';

const RBAC = 'rbac.authorization.k8s.io/v1';
const SCC_VERSION = 'security.openshift.io/v1';

/**
 * Helm's release records in `namespace` as metadata only: the Secrets
 * `sh.helm.release.v1.<release>.v<revision>` hold the whole release (values included, so
 * possibly passwords) in `data.release`, and only their labels `name`, `status` and `version`
 * are needed (helm v3 `pkg/storage/driver/secrets.go`, `newSecretsObject`). Undefined when the
 * user may not list Secrets there, or the server cannot answer with metadata alone.
 */
export async function readHelmRecords(
  client: ClusterClient,
  namespace: string,
): Promise<HelmRecord[] | undefined> {
  try {
    return await client.list<K8sObject>('v1', 'Secret', {
      namespace,
      labelSelector: 'owner=helm',
      metadataOnly: true,
    });
  } catch {
    return undefined;
  }
}

export interface ReleaseAudit {
  grants: SccGrantFound[];
  /** Whether ClusterRoleBindings and SCCs were read; without both the audit is partial. */
  clusterRead: boolean;
  /** Whether the project's RoleBindings were read. */
  namespaceRead: boolean;
}

const allowed = (client: ClusterClient, attrs: Parameters<ClusterClient['canI']>[0]) =>
  client.canI(attrs).then(
    (r) => r.allowed,
    () => false,
  );

/**
 * The grants that reach the release's service accounts, compared with what the least-privilege
 * plan gives the same components. ClusterRoleBindings and SCCs are cluster-scoped: they are
 * listed only when access reviews say the user may list both (a cluster reader); the project's
 * RoleBindings when the user may list those.
 */
export async function readReleaseAudit(
  client: ClusterClient,
  release: ChartRelease,
  namespace: string,
): Promise<ReleaseAudit> {
  const [crbs, sccs, rbs] = await Promise.all([
    allowed(client, {
      group: 'rbac.authorization.k8s.io',
      resource: 'clusterrolebindings',
      verb: 'list',
    }),
    allowed(client, {
      group: 'security.openshift.io',
      resource: 'securitycontextconstraints',
      verb: 'list',
    }),
    allowed(client, {
      group: 'rbac.authorization.k8s.io',
      resource: 'rolebindings',
      verb: 'list',
      namespace,
    }),
  ]);
  const clusterRead = crbs && sccs;
  // The plan depends on neither the instance's name nor its project: it is asked per component.
  // A stand-in project keeps releases in projects a managed instance may not use (`default`).
  const planned = renderWithPlan(createValues({ name: 'clearml', namespace: 'clearml' }));
  const [clusterBindings, sccList, roleBindings, { objects, plan }] = await Promise.all([
    clusterRead ? client.list<K8sObject>(RBAC, 'ClusterRoleBinding') : [],
    clusterRead ? client.list<K8sObject>(SCC_VERSION, 'SecurityContextConstraints') : [],
    rbs ? client.list<K8sObject>(RBAC, 'RoleBinding', { namespace }) : [],
    planned,
  ]);
  const bindings = [
    ...clusterBindings.map((b) => ({ ...b, kind: 'ClusterRoleBinding' })),
    ...roleBindings.map((b) => ({ ...b, kind: 'RoleBinding' })),
  ] as unknown as Binding[];
  const grants = auditReleaseGrants({
    release,
    namespace,
    bindings,
    sccs: sccList as unknown as SccUsers[],
    needs: plannedSccs(objects, plan),
  });
  return { grants, clusterRead, namespaceRead: rbs };
}
