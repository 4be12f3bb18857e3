/** Reads the live counterparts of rendered objects: one list request per kind. */
import type { ClusterClient } from '../cluster/client';
import { type ExistingObjects, type RenderResult, renderWithPlan } from '../render/render';
import type { SccPlanEntry } from '../scc/plan';
import type { ClearMLValues } from '../values/schema';
import type { K8sObject, K8sSecret, Route } from '../k8s-types';
import { isOwnedBy, keyOf } from './ownership';

/** Kinds read one object at a time by name, never listed: a list would return other apps' data. */
const READ_BY_NAME = new Set(['Secret']);

/**
 * Live objects named like `objects`, keyed `Kind/name`: one list request per kind, except
 * Secrets, which are read by name so that only `get` on the instance's own Secret is needed.
 */
export async function readLive(
  client: ClusterClient,
  namespace: string,
  objects: K8sObject[],
): Promise<Map<string, K8sObject>> {
  const wanted = new Set(objects.map(keyOf));
  const byName = objects.filter((o) => READ_BY_NAME.has(o.kind));
  const kinds = new Map(
    objects.filter((o) => !READ_BY_NAME.has(o.kind)).map((o) => [`${o.apiVersion}/${o.kind}`, o]),
  );
  const [lists, singles] = await Promise.all([
    Promise.all([...kinds.values()].map((o) => client.list(o.apiVersion, o.kind, { namespace }))),
    Promise.all(
      byName.map((o) =>
        client.get({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace }),
      ),
    ),
  ]);
  const live = new Map<string, K8sObject>();
  for (const item of [...lists.flat(), ...singles]) {
    if (item && wanted.has(keyOf(item))) live.set(keyOf(item), item);
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

export interface ClusterPlan {
  objects: K8sObject[];
  plan: SccPlanEntry[];
  /** Live counterparts of `objects`, keyed `Kind/name`. */
  live: Map<string, K8sObject>;
  /** Renders again with what `live` holds now (e.g. once Routes have hosts). */
  rerender: (live: Map<string, K8sObject>) => Promise<RenderResult>;
}

/**
 * Renders an instance as it would be applied to this cluster: the namespace's SCC annotations
 * for the plan, and the live credentials and Route hosts kept.
 */
export async function renderForCluster(
  client: ClusterClient,
  values: ClearMLValues,
  options: { tolerateReadErrors?: boolean } = {},
): Promise<ClusterPlan> {
  // A form that is still being filled in may name a project the user cannot read (yet).
  const tolerate =
    <T>(fallback: T) =>
    (err: unknown) => {
      if (options.tolerateReadErrors) return fallback;
      throw err;
    };
  const ns = await client
    .get({ apiVersion: 'v1', kind: 'Namespace', name: values.namespace })
    .catch(tolerate(undefined));
  const rerender = (live: Map<string, K8sObject>) =>
    renderWithPlan(values, existingFrom(live, values.name), {
      namespaceAnnotations: ns?.metadata.annotations,
    });
  // A first render names the objects; the live read then supplies credentials and route hosts.
  const draft = await rerender(new Map());
  const live = await readLive(client, values.namespace, draft.objects).catch(
    tolerate(new Map<string, K8sObject>()),
  );
  const { objects, plan } = await rerender(live);
  // Objects that only exist once a live object is known (the files path Route needs the app
  // Route's admitted host) were not in the draft: read their live counterparts too, so a re-run
  // finds them unchanged instead of reporting them created.
  const drafted = new Set(draft.objects.map(keyOf));
  const late = objects.filter((o) => !drafted.has(keyOf(o)));
  if (late.length) {
    const more = await readLive(client, values.namespace, late).catch(
      tolerate(new Map<string, K8sObject>()),
    );
    for (const [key, object] of more) live.set(key, object);
  }
  return { objects, plan, live, rerender };
}
