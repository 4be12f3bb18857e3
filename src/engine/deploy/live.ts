/** Reads the live counterparts of rendered objects: one list request per kind. */
import type { ClusterClient } from '../cluster/client';
import type { ExistingObjects } from '../render/render';
import type { K8sObject, K8sSecret, Route } from '../k8s-types';
import { isOwnedBy, keyOf } from './ownership';

/** Live objects named like `objects`, keyed `Kind/name`. */
export async function readLive(
  client: ClusterClient,
  namespace: string,
  objects: K8sObject[],
): Promise<Map<string, K8sObject>> {
  const wanted = new Set(objects.map(keyOf));
  const kinds = new Map(objects.map((o) => [`${o.apiVersion}/${o.kind}`, o]));
  const lists = await Promise.all(
    [...kinds.values()].map((o) => client.list(o.apiVersion, o.kind, { namespace })),
  );
  const live = new Map<string, K8sObject>();
  for (const item of lists.flat()) {
    if (wanted.has(keyOf(item))) live.set(keyOf(item), item);
  }
  return live;
}

/** What the renderer keeps from a live instance: its credentials and admitted route hosts. */
export function existingFrom(live: Map<string, K8sObject>, instance: string): ExistingObjects {
  const secrets: Record<string, K8sSecret> = {};
  const routes: Record<string, Route> = {};
  for (const o of live.values()) {
    if (!isOwnedBy(o, instance)) continue;
    if (o.kind === 'Secret') secrets[o.metadata.name] = o as K8sSecret;
    if (o.kind === 'Route') routes[o.metadata.name] = o as Route;
  }
  return { secrets, routes };
}
