/**
 * Grants an administrator may have made with `oc adm policy add-scc-to-user <scc> -z <sa> -n <ns>`
 * instead of applying the hand-off's YAML. In openshift/oc `pkg/cli/admin/policy/modify_scc.go`
 * (commit f5339639, `AddSCC`), that command adds the service account to a binding named
 * `system:openshift:scc:<scc>` whose roleRef is the ClusterRole of the same name: a RoleBinding
 * in `<ns>` when `-n` is given explicitly (a ClusterRoleBinding without it), shared with every
 * other account granted that way. Such a binding is not ours, so uninstall only takes the
 * instance's own service accounts out of it, and deletes it when no other subject is left (as
 * `oc adm policy remove-scc-from-user` does).
 */
import { describeRef } from '../cluster/api-paths';
import type { ClusterClient, ObjectRef } from '../cluster/client';
import { explainErrorMessage } from '../cluster/errors';
import type { K8sObject } from '../k8s-types';
import { list, type Message, msg } from '../messages/message';
import { objectName, type ObjectKey } from '../names';
import { isOwnedBy } from './ownership';

const OC_BINDING_PREFIX = 'system:openshift:scc:';

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

/** A RoleBinding as it may be live: any subjects, written by anyone. */
export interface LiveRoleBinding extends K8sObject {
  roleRef: { apiGroup: string; kind: string; name: string };
  subjects?: Subject[];
}

/** Every ServiceAccount an instance can have. */
const ACCOUNT_KEYS: ObjectKey[] = [
  'apiserver',
  'fileserver',
  'webserver',
  'mongodb',
  'redis',
  'elasticsearch',
];

export interface ReleaseOutcome {
  ref: ObjectRef;
  state: 'released' | 'deleted' | 'failed';
  /** Why it failed, in English. */
  message?: string;
  /** The same as a message id with parameters, for the page to translate. */
  i18n?: Message;
}

/**
 * The instance's service accounts: those it owns, and those of its names that no longer exist (a
 * previous uninstall deleted them). An account of that name that belongs to someone else is never
 * counted. `accounts` are the namespace's live ServiceAccounts (one list).
 */
export function instanceAccounts(accounts: K8sObject[], instance: string): Set<string> {
  const live = new Map(accounts.map((a) => [a.metadata.name, a]));
  const names = ACCOUNT_KEYS.map((key) => objectName(instance, key));
  return new Set(names.filter((name) => !live.has(name) || isOwnedBy(live.get(name)!, instance)));
}

/**
 * Takes the subjects `drop` matches out of a live binding (a RoleBinding or a
 * ClusterRoleBinding): deletes the binding when none is left, as `oc adm policy
 * remove-scc-from-user` does, else writes only its subjects, and only if nobody changed the
 * binding meanwhile (its resourceVersion).
 */
export async function removeSubjects(
  client: ClusterClient,
  ref: ObjectRef,
  live: LiveRoleBinding,
  drop: (s: Subject) => boolean,
): Promise<'released' | 'deleted' | 'unchanged'> {
  const subjects = live.subjects ?? [];
  const remaining = subjects.filter((s) => !drop(s));
  if (remaining.length === subjects.length) return 'unchanged';
  if (!remaining.length) {
    await client.delete(ref);
    return 'deleted';
  }
  await client.apply(
    {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: {
        name: ref.name,
        ...(ref.namespace ? { namespace: ref.namespace } : {}),
        resourceVersion: live.metadata.resourceVersion,
      },
      roleRef: live.roleRef,
      subjects: remaining,
    } as LiveRoleBinding,
    { force: true },
  );
  return 'released';
}

/**
 * Takes the instance's accounts out of the namespace's `system:openshift:scc:*` RoleBindings;
 * `roleBindings` are the namespace's live RoleBindings (one list).
 */
export async function releaseSccBindings(
  client: ClusterClient,
  namespace: string,
  ours: Set<string>,
  roleBindings: K8sObject[],
): Promise<ReleaseOutcome[]> {
  const bindings = roleBindings as LiveRoleBinding[];
  const isOurs = (s: Subject) =>
    s.kind === 'ServiceAccount' && ours.has(s.name) && (s.namespace ?? namespace) === namespace;
  const outcomes: ReleaseOutcome[] = [];
  for (const b of bindings) {
    const name = b.metadata.name;
    if (
      !name.startsWith(OC_BINDING_PREFIX) ||
      b.roleRef.kind !== 'ClusterRole' ||
      b.roleRef.name !== name
    ) {
      continue;
    }
    const subjects = b.subjects ?? [];
    const ref: ObjectRef = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      name,
      namespace,
    };
    try {
      const state = await removeSubjects(client, ref, b, isOurs);
      if (state !== 'unchanged') outcomes.push({ ref, state });
    } catch (err) {
      const accounts = subjects.filter(isOurs).map((s) => s.name);
      const scc = name.slice(OC_BINDING_PREFIX.length);
      const what = msg('uninstall.what.update', { object: describeRef(ref) });
      const commands = accounts.map(
        (sa) => `oc adm policy remove-scc-from-user ${scc} -z ${sa} -n ${namespace}`,
      );
      const why = msg('uninstall.releaseFailed', {
        error: explainErrorMessage(err, what),
        commands: list(commands, '; '),
      });
      outcomes.push({ ref, state: 'failed', message: why.text, i18n: why });
    }
  }
  return outcomes;
}
