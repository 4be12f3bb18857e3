/**
 * Which SCCs reach a chart release's service accounts, and how that compares with what the
 * plugin's least-privilege plan gives the same components.
 *
 * A grant can come from three places (openshift/oc `pkg/cli/admin/policy/modify_scc.go`, `AddSCC`,
 * oc >= 4.5): `oc adm policy add-scc-to-user <scc> -z <sa>` without `-n` writes or extends the
 * cluster-wide ClusterRoleBinding `system:openshift:scc:<scc>`, with `-n` a RoleBinding of that
 * name in the namespace; both bind the ClusterRole `system:openshift:scc:<scc>` (the binding's
 * name may differ when written by hand, so the role decides). Older oc releases, and people
 * editing SCCs by hand, put `system:serviceaccount:<ns>:<sa>` into the SCC's `users` (or
 * `system:serviceaccounts:<ns>` into its `groups`), which admission still honours.
 */
import type { ComponentId } from '../components';
import { componentOf } from '../components';
import type { K8sObject } from '../k8s-types';
import { type Message, msg } from '../messages/message';
import type { SccPlanEntry } from '../scc/plan';
import type { ChartRelease } from './releases';

const SCC_ROLE = 'system:openshift:scc:';

export interface Binding {
  kind: 'ClusterRoleBinding' | 'RoleBinding';
  metadata: { name: string; namespace?: string };
  roleRef: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

export interface SccUsers {
  metadata: { name: string };
  users?: string[] | null;
  groups?: string[] | null;
}

export interface SccGrantFound {
  scc: string;
  serviceAccount: string;
  via: 'ClusterRoleBinding' | 'RoleBinding' | 'SCC users' | 'SCC groups';
  /** The binding's name, or the SCC's for its own lists. */
  object: string;
  /** Whether it reaches beyond the namespace's objects (a cluster-scoped object). */
  clusterWide: boolean;
  /** How it compares with the plan: more than needed, what is needed, or no workload runs as it. */
  verdict: 'excess' | 'needed' | 'unused';
  message: Message;
}

/** How much an SCC allows, for comparing a grant with a need. Unknown SCCs count as anyuid. */
const RANK: Record<string, number> = {
  'restricted-v3': 0,
  'restricted-v2': 0,
  restricted: 0,
  'nonroot-v2': 1,
  nonroot: 1,
  anyuid: 2,
  'hostmount-anyuid': 3,
  hostnetwork: 3,
  'hostnetwork-v2': 3,
  hostaccess: 3,
  privileged: 4,
};
const rank = (scc: string) => RANK[scc] ?? RANK.anyuid;

/** The SCC the plan gives each component (its pods' service account's entry). */
export function plannedSccs(
  objects: K8sObject[],
  plan: SccPlanEntry[],
): Partial<Record<ComponentId, string>> {
  const needs: Partial<Record<ComponentId, string>> = {};
  for (const o of objects) {
    const component = componentOf(o);
    const entry = component && plan.find((e) => e.pods.includes(o.metadata.name));
    if (component && entry?.scc) needs[component] = entry.scc;
  }
  return needs;
}

function via(grant: Omit<SccGrantFound, 'verdict' | 'message'>, namespace: string): Message {
  switch (grant.via) {
    case 'ClusterRoleBinding':
      return msg('adopt.via.clusterRoleBinding', { name: grant.object });
    case 'RoleBinding':
      return msg('adopt.via.roleBinding', { name: grant.object, namespace });
    case 'SCC users':
      return msg('adopt.via.sccUsers', { scc: grant.object });
    default:
      return msg('adopt.via.sccGroups', {
        scc: grant.object,
        group: `system:serviceaccounts:${namespace}`,
      });
  }
}

/** Every SCC grant that reaches the release's service accounts, each with its verdict in words. */
export function auditReleaseGrants(input: {
  release: ChartRelease;
  namespace: string;
  bindings: Binding[];
  sccs: SccUsers[];
  /** What the plan gives each component (`plannedSccs`). */
  needs: Partial<Record<ComponentId, string>>;
}): SccGrantFound[] {
  const { release, namespace, bindings, sccs, needs } = input;
  const found: Omit<SccGrantFound, 'verdict' | 'message'>[] = [];
  for (const b of bindings) {
    if (b.roleRef.kind !== 'ClusterRole' || !b.roleRef.name.startsWith(SCC_ROLE)) continue;
    if (b.kind === 'RoleBinding' && b.metadata.namespace !== namespace) continue;
    const scc = b.roleRef.name.slice(SCC_ROLE.length);
    for (const s of b.subjects ?? []) {
      const sameNamespace = (s.namespace ?? b.metadata.namespace) === namespace;
      if (s.kind !== 'ServiceAccount' || !sameNamespace) continue;
      if (!release.serviceAccounts.includes(s.name)) continue;
      const clusterWide = b.kind === 'ClusterRoleBinding';
      found.push({
        scc,
        serviceAccount: s.name,
        via: b.kind,
        object: b.metadata.name,
        clusterWide,
      });
    }
  }
  for (const scc of sccs) {
    for (const sa of release.serviceAccounts) {
      if (scc.users?.includes(`system:serviceaccount:${namespace}:${sa}`)) {
        const name = scc.metadata.name;
        found.push({
          scc: name,
          serviceAccount: sa,
          via: 'SCC users',
          object: name,
          clusterWide: true,
        });
      }
    }
    if (scc.groups?.includes(`system:serviceaccounts:${namespace}`)) {
      for (const sa of release.serviceAccounts) {
        const name = scc.metadata.name;
        found.push({
          scc: name,
          serviceAccount: sa,
          via: 'SCC groups',
          object: name,
          clusterWide: true,
        });
      }
    }
  }
  return found.map((g) => {
    const components = release.workloads.filter((w) => w.serviceAccount === g.serviceAccount);
    const how = via(g, namespace);
    if (!components.length) {
      const message = msg('adopt.grant.unused', {
        account: g.serviceAccount,
        scc: g.scc,
        via: how,
      });
      return { ...g, verdict: 'unused', message };
    }
    // The most any of its components needs; restricted-v2 when the plan asks for nothing.
    const needed = components
      .map((w) => (w.component && needs[w.component]) || 'restricted-v2')
      .reduce((a, b) => (rank(b) > rank(a) ? b : a));
    const names = components.map((w) => w.name).join(', ');
    const elastic = components.some((w) => w.component === 'elasticsearch');
    if (rank(g.scc) <= rank(needed)) {
      const message = msg('adopt.grant.needed', { workloads: names, scc: g.scc, via: how });
      return { ...g, verdict: 'needed', message };
    }
    const message = msg(elastic ? 'adopt.grant.excessElastic' : 'adopt.grant.excess', {
      workloads: names,
      scc: g.scc,
      via: how,
      needed,
    });
    return { ...g, verdict: 'excess', message };
  });
}
