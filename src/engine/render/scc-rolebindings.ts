import type { RoleBinding } from '../k8s-types';
import { messageData } from '../messages/message';
import type { ObjectKey } from '../names';
import type { SccPlanEntry } from '../scc/plan';
import type { SccName } from '../scc/sccs';
import { meta, type RenderContext } from './context';

export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
/**
 * The same reasons as message ids with parameters (JSON, each distinct reason once), so that the
 * page can say them in its own language; the description above stays English for `oc describe`.
 */
export const REASONS_ANNOTATION = 'clearml-console-plugin/reasons';

const BINDING_KEYS: Partial<Record<SccName, ObjectKey>> = {
  anyuid: 'sccAnyuid',
  'nonroot-v2': 'sccNonroot',
  privileged: 'sccPrivileged',
};

/**
 * One namespaced RoleBinding per granted SCC, to ClusterRole `system:openshift:scc:<scc>`, with the
 * instance's service accounts as subjects. restricted-v2 is granted to everyone already.
 */
export function renderSccRoleBindings(ctx: RenderContext, plan: SccPlanEntry[]): RoleBinding[] {
  const bySCC = new Map<SccName, SccPlanEntry[]>();
  for (const entry of plan) {
    if (entry.scc && entry.scc !== 'restricted-v2') {
      bySCC.set(entry.scc, [...(bySCC.get(entry.scc) ?? []), entry]);
    }
  }
  const bindings: RoleBinding[] = [];
  for (const [scc, entries] of bySCC) {
    const key = BINDING_KEYS[scc];
    if (!key) {
      continue;
    }
    const why = entries.map((e) => `${e.serviceAccount}: ${e.reason}`).join('; ');
    const distinct = new Map(entries.map((e) => [e.reason, e.i18n]));
    const reasons = JSON.stringify([...distinct.values()].map(messageData));
    bindings.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(ctx, key, 'security', {
        [DESCRIPTION_ANNOTATION]: why,
        [REASONS_ANNOTATION]: reasons,
      }),
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: `system:openshift:scc:${scc}`,
      },
      subjects: entries.map((e) => ({
        kind: 'ServiceAccount',
        name: e.serviceAccount,
        namespace: ctx.values.namespace,
      })),
    });
  }
  return bindings.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}
