/**
 * Which cluster-wide SCC grants a take-over may remove (step 5): the subjects of the release's
 * service accounts in ClusterRoleBindings to `system:openshift:scc:*` and in SCCs' `users` lists,
 * as `oc adm policy add-scc-to-user` without `-n` (oc >= 4.5) or oc <= 4.4 wrote them (openshift/oc
 * `pkg/cli/admin/policy/modify_scc.go`). Never another subject: an account that a workload or
 * pod outside the release also runs as (often `default`) keeps its grant, and a group grant
 * (`system:serviceaccounts:<ns>`) reaches more than the release, so it stays. A binding is deleted
 * only when it is left with no subject, as `oc adm policy remove-scc-from-user` does.
 */
import { msg, list } from '../messages/message';
import { finding, type Finding } from '../preflight/findings';
import { releaseWorkloads } from './takeover-values';
import type { GrantRemoval, TakeoverInput } from './takeover-types';

/** Accounts that something outside the release runs as, with what runs as them. */
function outsideUsers(input: TakeoverInput): Map<string, string[]> {
  const mine = new Set(releaseWorkloads(input).map((w) => w.metadata.name));
  const mineSets = input.release.workloads
    .filter((w) => w.kind === 'StatefulSet')
    .map((w) => w.name);
  const podOfRelease = (name: string, owners: { kind: string; name: string }[] = []) =>
    owners.some(
      (o) =>
        (o.kind === 'StatefulSet' && mine.has(o.name)) ||
        (o.kind === 'ReplicaSet' && [...mine].some((d) => o.name.startsWith(`${d}-`))),
    ) || mineSets.some((s) => new RegExp(`^${s}-\\d+$`).test(name));
  const users = new Map<string, string[]>();
  const add = (account: string, who: string) =>
    users.set(account, [...(users.get(account) ?? []), who]);
  for (const w of input.workloads) {
    if (mine.has(w.metadata.name)) continue;
    add(w.spec?.template?.spec?.serviceAccountName || 'default', `${w.kind} ${w.metadata.name}`);
  }
  for (const p of input.pods) {
    if (podOfRelease(p.metadata.name, p.metadata.ownerReferences)) continue;
    if ((p.metadata.ownerReferences ?? []).length) continue; // counted through its workload
    add(p.spec?.serviceAccountName || 'default', `Pod ${p.metadata.name}`);
  }
  return users;
}

const subjectOf = (namespace: string, account: string) =>
  `system:serviceaccount:${namespace}:${account}`;

/** The removals step 5 makes, and findings about the grants it leaves. */
export function planGrantRemovals(input: TakeoverInput): {
  removals: GrantRemoval[];
  findings: Finding[];
} {
  const { namespace } = input;
  const outside = outsideUsers(input);
  const findings: Finding[] = [];
  const byObject = new Map<string, GrantRemoval>();
  for (const g of input.grants) {
    if (g.via === 'SCC groups') {
      findings.push(
        finding(
          `adopt-grant-group-${g.scc}`,
          'adopt',
          'info',
          msg('adopt.finding.grantGroup', {
            scc: g.scc,
            via: g.message.params?.via ?? g.object,
            namespace,
          }),
        ),
      );
      continue;
    }
    if (!g.clusterWide || (g.via !== 'ClusterRoleBinding' && g.via !== 'SCC users')) continue;
    const others = outside.get(g.serviceAccount);
    if (others?.length) {
      findings.push(
        finding(
          `adopt-grant-shared-${g.scc}-${g.serviceAccount}`,
          'adopt',
          'info',
          msg('adopt.finding.grantShared', {
            scc: g.scc,
            account: g.serviceAccount,
            via: g.message.params?.via ?? g.object,
            workloads: list(others.slice(0, 5)),
          }),
        ),
      );
      continue;
    }
    const key = `${g.via}/${g.object}`;
    const entry = byObject.get(key) ?? {
      via: g.via,
      object: g.object,
      scc: g.scc,
      accounts: [],
      deletes: false,
    };
    if (!entry.accounts.includes(g.serviceAccount)) entry.accounts.push(g.serviceAccount);
    byObject.set(key, entry);
  }
  const removals = [...byObject.values()].map((r) => {
    if (r.via !== 'ClusterRoleBinding') return r;
    const binding = input.bindings.find(
      (b) => b.kind === 'ClusterRoleBinding' && b.metadata.name === r.object,
    );
    const left = (binding?.subjects ?? []).filter(
      (s) =>
        !(s.kind === 'ServiceAccount' && s.namespace === namespace && r.accounts.includes(s.name)),
    );
    return { ...r, deletes: left.length === 0 };
  });
  return { removals, findings };
}

/**
 * The commands that make the same removals, for a cluster administrator. Without `-n`, oc
 * (>= 4.5) edits the ClusterRoleBinding, and a `system:serviceaccount:<ns>:<sa>` argument becomes
 * that ServiceAccount subject (openshift/oc `pkg/cli/admin/policy/authz_helpers.go`, `buildSubjects`).
 */
export function removalCommands(removals: GrantRemoval[], namespace: string): string[] {
  return removals.flatMap((r) =>
    r.accounts.map((a) =>
      r.via === 'ClusterRoleBinding'
        ? `oc adm policy remove-scc-from-user ${r.scc} ${subjectOf(namespace, a)}`
        : `oc edit scc ${r.scc} (remove ${subjectOf(namespace, a)} from users)`,
    ),
  );
}

export { subjectOf };
