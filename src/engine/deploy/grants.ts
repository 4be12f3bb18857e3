/**
 * SCC grants: the namespaced RoleBindings to `system:openshift:scc:<scc>` that the renderer
 * emits, whether the user may create them, and the hand-off for an administrator when not.
 */
import { kubeYaml } from '../yaml';
import type { AccessReviewResult, ClusterClient, ResourceAttributes } from '../cluster/client';
import type { K8sObject } from '../k8s-types';
import { list, type Message, messageFromJson, msg } from '../messages/message';
import { DESCRIPTION_ANNOTATION, REASONS_ANNOTATION } from '../render/scc-rolebindings';

export const SCC_ROLE_PREFIX = 'system:openshift:scc:';

interface RoleBindingLike extends K8sObject {
  roleRef: { apiGroup: string; kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

export interface SccGrant {
  scc: string;
  binding: RoleBindingLike;
  serviceAccounts: string[];
}

export function sccGrantsOf(objects: K8sObject[]): SccGrant[] {
  return objects
    .filter(
      (o): o is RoleBindingLike =>
        o.kind === 'RoleBinding' &&
        (o as RoleBindingLike).roleRef?.kind === 'ClusterRole' &&
        (o as RoleBindingLike).roleRef.name.startsWith(SCC_ROLE_PREFIX),
    )
    .map((binding) => ({
      scc: binding.roleRef.name.slice(SCC_ROLE_PREFIX.length),
      binding,
      serviceAccounts: (binding.subjects ?? [])
        .filter((s) => s.kind === 'ServiceAccount')
        .map((s) => s.name),
    }));
}

/**
 * May the current user create this grant? Either they hold `use` on the SCC in the namespace
 * (the escalation check then passes) or they may `bind` the ClusterRole there.
 */
export async function mayGrant(
  client: Pick<ClusterClient, 'canI'>,
  grant: SccGrant,
  namespace: string,
): Promise<boolean> {
  const [create, use, bind] = await Promise.all([
    client.canI({
      group: 'rbac.authorization.k8s.io',
      resource: 'rolebindings',
      verb: 'create',
      namespace,
    }),
    client.canI({
      group: 'security.openshift.io',
      resource: 'securitycontextconstraints',
      verb: 'use',
      name: grant.scc,
      namespace,
    }),
    client.canI({
      group: 'rbac.authorization.k8s.io',
      resource: 'clusterroles',
      verb: 'bind',
      name: `${SCC_ROLE_PREFIX}${grant.scc}`,
      namespace,
    }),
  ]);
  return create.allowed && (use.allowed || bind.allowed);
}

/**
 * `canI` that asks each question once: the grants of one deploy share `create rolebindings`.
 * For one run only, so a grant an administrator has just made is seen by the next run.
 */
export function memoizedAccessReviews(
  client: Pick<ClusterClient, 'canI'>,
): (attributes: ResourceAttributes) => Promise<AccessReviewResult> {
  const answers = new Map<string, Promise<AccessReviewResult>>();
  return (attributes) => {
    const key = JSON.stringify(attributes);
    let answer = answers.get(key);
    if (!answer) {
      answer = client.canI(attributes);
      answers.set(key, answer);
    }
    return answer;
  };
}

/**
 * Has every service account of the grant been given `use` on its SCC, by our binding or by any
 * other (e.g. `oc adm policy add-scc-to-user … -z … -n …`)? Asked with LocalSubjectAccessReviews,
 * which a project administrator may create.
 */
export async function isGranted(
  client: ClusterClient,
  grant: SccGrant,
  namespace: string,
): Promise<boolean> {
  const answers = await Promise.all(
    grant.serviceAccounts.map((sa) =>
      client.create<K8sObject, K8sObject & { status?: { allowed?: boolean } }>({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'LocalSubjectAccessReview',
        metadata: { name: '', namespace },
        spec: {
          user: `system:serviceaccount:${namespace}:${sa}`,
          groups: [
            'system:serviceaccounts',
            `system:serviceaccounts:${namespace}`,
            'system:authenticated',
          ],
          resourceAttributes: {
            group: 'security.openshift.io',
            resource: 'securitycontextconstraints',
            verb: 'use',
            name: grant.scc,
            namespace,
          },
        },
      } as K8sObject),
    ),
  );
  return answers.every((a) => a.status?.allowed === true);
}

export interface AdminHandoff {
  namespace: string;
  /** `reason` in English; `i18n`, when the binding carries it, the same for the page. */
  grants: { scc: string; serviceAccounts: string[]; reason?: string; i18n?: Message }[];
  /** The RoleBindings as YAML, ready for `oc apply -f -`. */
  yaml: string;
  /** Applies the YAML above (saved as clearml-scc-grants.yaml). */
  applyCommand: string;
  /** The equivalent `oc adm policy` commands, one per service account, all namespaced. */
  policyCommands: string[];
}

/** The why of a binding, each distinct reason once ("sa: reason; sa: reason" → "reason"). */
function reasonOf(binding: RoleBindingLike): string | undefined {
  const text = binding.metadata.annotations?.[DESCRIPTION_ANNOTATION];
  if (!text) return undefined;
  const reasons = text.split('; ').map((part) => part.replace(/^[a-z0-9-]+: /, ''));
  return [...new Set(reasons)].join('; ');
}

/** The reasons of a binding as one message, each distinct reason once; undefined if unreadable. */
function reasonMessageOf(binding: RoleBindingLike): Message | undefined {
  const text = binding.metadata.annotations?.[REASONS_ANNOTATION];
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const reasons = parsed.map(messageFromJson);
  if (!reasons.length || reasons.some((r) => r === undefined)) return undefined;
  const distinct = [...new Map(reasons.map((r) => [r!.text, r!])).values()];
  return msg('scc.reasons', { reasons: list(distinct, '; ') });
}

export function adminHandoff(grants: SccGrant[], namespace: string): AdminHandoff {
  const bindings = grants.map((g) => {
    const { binding } = g;
    return {
      apiVersion: binding.apiVersion,
      kind: binding.kind,
      metadata: {
        name: binding.metadata.name,
        namespace,
        labels: binding.metadata.labels,
        annotations: binding.metadata.annotations,
      },
      roleRef: binding.roleRef,
      subjects: binding.subjects,
    };
  });
  const yaml = bindings.map((b) => kubeYaml(b)).join('---\n');
  const policyCommands = grants.flatMap((g) =>
    g.serviceAccounts.map(
      (sa) => `oc adm policy add-scc-to-user ${g.scc} -z ${sa} -n ${namespace}`,
    ),
  );
  return {
    namespace,
    grants: grants.map((g) => {
      const i18n = reasonMessageOf(g.binding);
      return {
        scc: g.scc,
        serviceAccounts: g.serviceAccounts,
        reason: reasonOf(g.binding),
        ...(i18n ? { i18n } : {}),
      };
    }),
    yaml,
    applyCommand: `oc apply -n ${namespace} -f clearml-scc-grants.yaml`,
    policyCommands,
  };
}
