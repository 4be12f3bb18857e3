/**
 * Uninstall: deletes everything an instance owns, SCC grants included. The data stays unless
 * asked: PersistentVolumeClaims and the credentials Secret that opens them are kept, so deploying
 * the same instance again finds its data and can read it.
 */
import { describeRef, refOf } from '../cluster/api-paths';
import type { ClusterClient, ObjectRef } from '../cluster/client';
import { explainError } from '../cluster/errors';
import type { K8sObject } from '../k8s-types';
import { objectName } from '../names';
import { mapLimit } from './concurrency';
import { instanceSelector, isOwnedBy } from './ownership';
import { instanceAccounts, releaseSccBindings } from './release-scc-bindings';

/**
 * Every kind an instance may own, in the order to delete them (front end first). Its one Secret
 * is read by name, not listed (see `readLive`), and deleted after the ConfigMaps.
 */
const OWNED_KINDS: [string, string][] = [
  ['route.openshift.io/v1', 'Route'],
  ['v1', 'Service'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['v1', 'ConfigMap'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['v1', 'ServiceAccount'],
  ['v1', 'PersistentVolumeClaim'],
];

export interface UninstallOptions {
  client: ClusterClient;
  namespace: string;
  instance: string;
  deleteData?: boolean;
  onEvent?: (event: {
    ref: ObjectRef;
    /** `released`: the instance's service accounts were taken out of a shared SCC binding. */
    state: 'deleted' | 'kept' | 'released' | 'failed';
    message?: string;
  }) => void;
}

export interface UninstallResult {
  deleted: ObjectRef[];
  kept: ObjectRef[];
  /** Shared `system:openshift:scc:*` RoleBindings the instance's service accounts were taken out of. */
  released: ObjectRef[];
  problems: { ref: ObjectRef; message: string }[];
}

export async function uninstall(options: UninstallOptions): Promise<UninstallResult> {
  const { client, namespace, instance, deleteData = false, onEvent } = options;
  const selector = { namespace, labelSelector: instanceSelector(instance) };
  const lists = await Promise.all(
    OWNED_KINDS.map(([apiVersion, kind]) =>
      client.list(apiVersion, kind, selector).catch((err: unknown) => {
        // A cluster without Routes has none to delete.
        if (kind === 'Route' && (err as { status?: number }).status === 404) return [];
        throw err;
      }),
    ),
  );
  const credentials = objectName(instance, 'credentials');
  const secret = await client.get({
    apiVersion: 'v1',
    kind: 'Secret',
    name: credentials,
    namespace,
  });
  if (secret && isOwnedBy(secret, instance)) {
    lists.splice(OWNED_KINDS.findIndex(([, kind]) => kind === 'ConfigMap') + 1, 0, [secret]);
  }
  const isData = (o: K8sObject) =>
    o.kind === 'PersistentVolumeClaim' || (o.kind === 'Secret' && o.metadata.name === credentials);
  const result: UninstallResult = { deleted: [], kept: [], released: [], problems: [] };
  // Grants made with `oc adm policy add-scc-to-user … -n`, before the accounts go.
  const accounts = await instanceAccounts(client, namespace, instance);
  for (const outcome of await releaseSccBindings(client, namespace, accounts)) {
    if (outcome.state === 'failed') {
      result.problems.push({ ref: outcome.ref, message: outcome.message ?? '' });
    } else {
      result[outcome.state].push(outcome.ref);
    }
    onEvent?.(outcome);
  }
  for (const items of lists) {
    await mapLimit(items, 8, async (o) => {
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
        const message = explainError(err, `delete ${describeRef(ref)}`);
        result.problems.push({ ref, message });
        onEvent?.({ ref, state: 'failed', message });
      }
    });
  }
  return result;
}
