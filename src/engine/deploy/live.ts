/**
 * Reads the live counterparts of rendered objects: one list request per kind, each kind read at
 * most once per run, and the instance's Secret by name.
 */
import type { ClusterClient } from '../cluster/client';
import { type ExistingObjects, type RenderResult, renderWithPlan } from '../render/render';
import type { SccPlanEntry } from '../scc/plan';
import type { ClearMLValues } from '../values/schema';
import type { K8sObject, K8sSecret, Route } from '../k8s-types';
import { type ExistingSecretGap, existingSecretGap } from '../render/secrets';
import { readExistingSecret } from './existing-secret';
import { isOwnedBy, keyOf } from './ownership';
import { type InstallRecord, recordName } from './record';
import { objectName } from '../names';

/** Kinds read one object at a time by name, never listed: a list would return other apps' data. */
const READ_BY_NAME = new Set(['Secret']);

export type LiveReader = (objects: K8sObject[]) => Promise<Map<string, K8sObject>>;

/**
 * A reader of live objects named like the ones it is given, keyed `Kind/name`. Each kind is
 * listed once and each by-name object read once, however often the reader is asked: objects
 * that only a later render names (the files path Route) come from the lists already read.
 */
export function liveReader(client: ClusterClient, namespace: string): LiveReader {
  const reads = new Map<string, Promise<K8sObject[]>>();
  const once = (key: string, read: () => Promise<K8sObject[]>) => {
    let pending = reads.get(key);
    if (!pending) {
      pending = read();
      reads.set(key, pending);
    }
    return pending;
  };
  const readOf = (o: K8sObject) =>
    READ_BY_NAME.has(o.kind)
      ? once(`${o.apiVersion}/${o.kind}/${o.metadata.name}`, async () => {
          const ref = { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace };
          const found = await client.get(ref);
          return found ? [found] : [];
        })
      : once(`${o.apiVersion}/${o.kind}`, () => client.list(o.apiVersion, o.kind, { namespace }));
  return async (objects) => {
    const wanted = new Set(objects.map(keyOf));
    const found = await Promise.all(objects.map(readOf));
    const live = new Map<string, K8sObject>();
    for (const item of found.flat()) if (wanted.has(keyOf(item))) live.set(keyOf(item), item);
    return live;
  };
}

/**
 * Live objects named like `objects`, keyed `Kind/name`: one list request per kind, except
 * Secrets, which are read by name so that only `get` on the instance's own Secret is needed.
 */
export function readLive(
  client: ClusterClient,
  namespace: string,
  objects: K8sObject[],
): Promise<Map<string, K8sObject>> {
  return liveReader(client, namespace)(objects);
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
  /** Live counterparts of `objects` and the install record, keyed `Kind/name`. */
  live: Map<string, K8sObject>;
  /** The instance's install record, from the same ConfigMap list as the others. */
  record?: InstallRecord;
  /** What the Secret named in `credentials.existingSecret` lacks, when it lacks something. */
  credentialsGap?: ExistingSecretGap;
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
  // The namespace's SCC ranges matter only to the plan, not to the names: a first render names
  // the objects while the namespace is read, and the lists of their kinds go out with it.
  const reader = liveReader(client, values.namespace);
  // The install record is a ConfigMap: it comes from the list of ConfigMaps, not a request of its own.
  const recordStub: K8sObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: recordName(values.name), namespace: values.namespace },
  };
  const namespace = client
    .get({ apiVersion: 'v1', kind: 'Namespace', name: values.namespace })
    .catch(tolerate(undefined));
  // The Secret named in credentials.existingSecret: one read by name, only when named.
  // A Secret that could not be read (tolerated while a form is filled in) is not judged missing.
  const source = readExistingSecret(client, values).then(
    (secret) => ({ secret, read: true }),
    (err: unknown) => tolerate({ secret: undefined, read: false })(err),
  );
  const drafted = renderWithPlan(values).then(async (draft) => ({
    draft,
    live: await reader([...draft.objects, recordStub]).catch(
      tolerate(new Map<string, K8sObject>()),
    ),
  }));
  const [ns, { draft, live }, { secret: existingSecret, read: secretRead }] = await Promise.all([
    namespace,
    drafted,
    source,
  ]);
  const rerender = (current: Map<string, K8sObject>) =>
    renderWithPlan(
      values,
      { ...existingFrom(current, values.name), existingSecret },
      {
        namespaceAnnotations: ns?.metadata.annotations,
      },
    );
  const { objects, plan } = await rerender(live);
  // Objects that only exist once a live object is known (the files path Route needs the app
  // Route's admitted host), or that the namespace's ranges add to the plan, were not in the
  // draft: their live counterparts come from the same reads (a kind the draft lacked is listed
  // now), so a re-run finds them unchanged instead of reporting them created.
  const named = new Set(draft.objects.map(keyOf));
  const late = objects.filter((o) => !named.has(keyOf(o)));
  if (late.length) {
    const more = await reader(late).catch(tolerate(new Map<string, K8sObject>()));
    for (const [key, object] of more) live.set(key, object);
  }
  const record = live.get(keyOf(recordStub)) as InstallRecord | undefined;
  const instanceSecret = existingFrom(live, values.name).secrets?.[
    objectName(values.name, 'credentials')
  ];
  const credentialsGap = secretRead
    ? existingSecretGap(values, instanceSecret, existingSecret)
    : undefined;
  return { objects, plan, live, record, rerender, ...(credentialsGap ? { credentialsGap } : {}) };
}
