/**
 * Uninstall: deletes everything an instance owns, SCC grants included. The data stays unless
 * asked: PersistentVolumeClaims and the credentials Secret that opens them are kept, so deploying
 * the same instance again finds its data and can read it. The agents' task pods belong to the
 * glue, not to the plugin (they carry no instance label): they are removed only when asked, after
 * the glue that could start more is gone, and otherwise counted in the result.
 */
import { describeRef, refOf } from '../cluster/api-paths';
import { COMPONENT_LABEL } from '../components';
import type { ClusterClient, ObjectRef } from '../cluster/client';
import { explainErrorMessage } from '../cluster/errors';
import type { K8sObject } from '../k8s-types';
import { type Message, msg } from '../messages/message';
import { objectName } from '../names';
import { taskPodSelector } from '../render/agents/names';
import { IN_FLIGHT } from './apply';
import { mapLimit } from './concurrency';
import { instanceSelector, isOwnedBy } from './ownership';
import { RECORD_LABEL } from './record';
import { instanceAccounts, releaseSccBindings } from './release-scc-bindings';
import { TIERS, tierOf } from './tiers';

/**
 * Every kind an instance may own. Its one Secret is read by name, not listed (see `readLive`).
 * ServiceAccounts and RoleBindings are listed whole: the same lists tell which of our account
 * names someone else holds and which `oc adm policy` grants name our accounts.
 */
const OWNED_KINDS: [string, string][] = [
  ['route.openshift.io/v1', 'Route'],
  ['v1', 'Service'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['v1', 'ConfigMap'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['v1', 'PersistentVolumeClaim'],
];
const ACCOUNTS: [string, string] = ['v1', 'ServiceAccount'];
const ROLE_BINDINGS: [string, string] = ['rbac.authorization.k8s.io/v1', 'RoleBinding'];

/**
 * The order to delete in, two waves of concurrent deletes: first what serves and runs (Routes,
 * Services, the ClearML servers, the agents and the data stores), so the instance stops being
 * reachable and its pods start to go; then what they ran with (accounts, grants, secrets,
 * configuration, network policies and volumes). A data store deleted with the servers loses
 * nothing: its volume stays until the pods that mount it are gone (the PVC protection
 * finalizer), and it is kept anyway unless the data is deleted. The install record goes with
 * the last wave, so a run that stopped half-way still lists the instance to be uninstalled again.
 */
export function deleteWaves(objects: K8sObject[]): K8sObject[][] {
  const isRecord = (o: K8sObject) => o.metadata.labels?.[RECORD_LABEL] === 'true';
  const serves = (o: K8sObject) =>
    o.kind === 'Route' || o.kind === 'Service' || tierOf(o) !== TIERS[0];
  const first = objects.filter((o) => !isRecord(o) && serves(o));
  const rest = objects.filter((o) => !isRecord(o) && !serves(o));
  return [first, [...rest, ...objects.filter(isRecord)]].filter((wave) => wave.length > 0);
}

export interface UninstallOptions {
  client: ClusterClient;
  namespace: string;
  instance: string;
  deleteData?: boolean;
  /** Also delete the task pods the agents started (running ones included). */
  deleteTaskPods?: boolean;
  /** Requests in flight at once (default `IN_FLIGHT`). */
  concurrency?: number;
  onEvent?: (event: {
    ref: ObjectRef;
    /** `released`: the instance's service accounts were taken out of a shared SCC binding. */
    state: 'deleted' | 'kept' | 'released' | 'failed';
    message?: string;
    i18n?: Message;
  }) => void;
}

export interface UninstallResult {
  deleted: ObjectRef[];
  kept: ObjectRef[];
  /** Shared `system:openshift:scc:*` RoleBindings the instance's service accounts were taken out of. */
  released: ObjectRef[];
  /** Task pods of the agents left in place (`deleteTaskPods` not set). */
  taskPodsLeft: ObjectRef[];
  /** What to do about `taskPodsLeft`, when there are any. */
  taskPodsNote?: Message;
  /** What could not be deleted or released: in English, and as a message for the page. */
  problems: { ref: ObjectRef; message: string; i18n?: Message }[];
}

/** What uninstall says about the task pods it left. */
export function taskPodsNote(namespace: string, instance: string, pods: ObjectRef[]): Message {
  return msg('uninstall.taskPodsLeft', {
    count: pods.length,
    namespace,
    pods: pods.map((p) => p.name).join(', '),
    selector: taskPodSelector(instance),
  });
}

/**
 * What uninstall would find of the instance's agents: how many glue Deployments it has (the
 * component label render/agents gives them) and the task pods they started that exist now.
 */
export async function agentsOf(
  client: ClusterClient,
  namespace: string,
  instance: string,
): Promise<{ agents: number; taskPods: number }> {
  const [glue, pods] = await Promise.all([
    client.list('apps/v1', 'Deployment', {
      namespace,
      labelSelector: `${instanceSelector(instance)},${COMPONENT_LABEL}=agent`,
    }),
    client.list('v1', 'Pod', { namespace, labelSelector: taskPodSelector(instance) }),
  ]);
  return { agents: glue.length, taskPods: pods.length };
}

export async function uninstall(options: UninstallOptions): Promise<UninstallResult> {
  const { client, namespace, instance, deleteData = false, concurrency = IN_FLIGHT } = options;
  const { onEvent, deleteTaskPods = false } = options;
  const selector = { namespace, labelSelector: instanceSelector(instance) };
  const credentials = objectName(instance, 'credentials');
  // Every read at once: one list per kind and the Secret by name.
  const [lists, accounts, roleBindings, secret, taskPods] = await Promise.all([
    Promise.all(
      OWNED_KINDS.map(([apiVersion, kind]) =>
        client.list(apiVersion, kind, selector).catch((err: unknown) => {
          // A cluster without Routes has none to delete.
          if (kind === 'Route' && (err as { status?: number }).status === 404) return [];
          throw err;
        }),
      ),
    ),
    client.list(...ACCOUNTS, { namespace }),
    client.list(...ROLE_BINDINGS, { namespace }),
    client.get({ apiVersion: 'v1', kind: 'Secret', name: credentials, namespace }),
    client.list('v1', 'Pod', { namespace, labelSelector: taskPodSelector(instance) }),
  ]);
  const owned = (o: K8sObject) => isOwnedBy(o, instance);
  const objects = [
    ...lists.flat(),
    ...accounts.filter(owned),
    ...roleBindings.filter(owned),
    ...(secret && owned(secret) ? [secret] : []),
  ];
  const isData = (o: K8sObject) =>
    o.kind === 'PersistentVolumeClaim' || (o.kind === 'Secret' && o.metadata.name === credentials);
  const result: UninstallResult = {
    deleted: [],
    kept: [],
    released: [],
    taskPodsLeft: [],
    problems: [],
  };
  // Grants made with `oc adm policy add-scc-to-user … -n`, released before the accounts go.
  const released = releaseSccBindings(
    client,
    namespace,
    instanceAccounts(accounts, instance),
    roleBindings,
  ).then((outcomes) => {
    for (const outcome of outcomes) {
      if (outcome.state === 'failed') {
        result.problems.push({
          ref: outcome.ref,
          message: outcome.message ?? '',
          ...(outcome.i18n ? { i18n: outcome.i18n } : {}),
        });
      } else {
        result[outcome.state].push(outcome.ref);
      }
      onEvent?.(outcome);
    }
  });
  const remove = async (o: K8sObject) => {
    const ref = refOf({ ...o, metadata: { ...o.metadata, namespace } });
    if (isData(o) && !deleteData) {
      result.kept.push(ref);
      onEvent?.({ ref, state: 'kept' });
      return;
    }
    try {
      await client.delete(ref);
      result.deleted.push(ref);
      onEvent?.({ ref, state: 'deleted' });
    } catch (err) {
      const i18n = explainErrorMessage(
        err,
        msg('uninstall.what.delete', { object: describeRef(ref) }),
      );
      result.problems.push({ ref, message: i18n.text, i18n });
      onEvent?.({ ref, state: 'failed', message: i18n.text, i18n });
    }
  };
  const waves = deleteWaves(objects);
  for (const [i, wave] of waves.entries()) {
    // Shared SCC bindings are released before the last wave takes the accounts away.
    if (i === waves.length - 1) await released;
    await mapLimit(wave, concurrency, remove);
  }
  await released;
  if (deleteTaskPods) {
    await mapLimit(taskPods, concurrency, remove);
  } else if (taskPods.length) {
    result.taskPodsLeft = taskPods.map((p) =>
      refOf({ ...p, metadata: { ...p.metadata, namespace } }),
    );
    result.taskPodsNote = taskPodsNote(namespace, instance, result.taskPodsLeft);
  }
  return result;
}
