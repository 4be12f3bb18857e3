/**
 * Deploy: read what is live, render with the live credentials and route hosts kept, refuse to
 * touch foreign objects, dry-run everything, hand SCC grants to an administrator when the user
 * may not create them (and optionally wait), apply tier by tier with the install record in the
 * last tier, and render again only when the Routes got new hosts. Running it again with the same
 * values changes nothing. No request is sent twice in one run, except polls for the Route hosts.
 */
import { type ClusterClient, FIELD_MANAGER, type ObjectRef } from '../cluster/client';
import type { K8sObject, Route } from '../k8s-types';
import { msg, said } from '../messages/message';
import { admittedHost } from '../render/context';
import type { SccPlanEntry } from '../scc/plan';
import type { ClearMLValues } from '../values/schema';
import {
  type ApplyEvent,
  applyAll,
  type ApplyOutcome,
  type ApplyProblem,
  dryRunAll,
  type ObjectState,
} from './apply';
import { sleep } from './concurrency';
import {
  type AdminHandoff,
  adminHandoff,
  isGranted,
  mayGrant,
  memoizedAccessReviews,
  type SccGrant,
  sccGrantsOf,
} from './grants';
import { existingSecretMessages } from './existing-secret';
import { renderForCluster } from './live';
import { instanceSelector, isOwnedBy, keyOf } from './ownership';
import { recordName, renderRecord } from './record';
import { groupByTier, TIERS, tierOf } from './tiers';
import { checkUpgrade, type UpgradeCheck } from './upgrade';
import { mongoPrepareJobName, runMongoPrepare } from './upgrade-mongodb';

export interface DeployOptions {
  client: ClusterClient;
  values: ClearMLValues;
  /** Wait this long for an administrator to apply the SCC grants; 0 fails at once. */
  waitForGrantsMs?: number;
  grantPollMs?: number;
  /** How long to wait for the Routes to be admitted before telling the web UI their hosts. */
  routeWaitMs?: number;
  onEvent?: (event: DeployEvent) => void;
  signal?: AbortSignal;
  /** Requests in flight at once (default `IN_FLIGHT`). */
  concurrency?: number;
}

export type DeployEvent =
  | ApplyEvent
  | { type: 'handoff'; handoff: AdminHandoff }
  | { type: 'grants'; state: 'waiting' | 'granted' | 'applied' }
  | { type: 'upgrade'; check: UpgradeCheck };

export interface DeployResult {
  ok: boolean;
  /** Objects created or changed, each counted once even when both passes wrote it. */
  changed: number;
  states: { ref: ObjectRef; state: ObjectState }[];
  problems: ApplyProblem[];
  /** Why the deploy stopped, in words, when it did. */
  stoppedBecause?:
    | 'invalid'
    | 'foreign-objects'
    | 'credentials-missing'
    | 'upgrade-refused'
    | 'upgrade-failed'
    | 'grants-missing'
    | 'apply-failed';
  /** The release step, when this deploy changes the installed release or a data store's. */
  upgrade?: UpgradeCheck;
  handoff?: AdminHandoff;
  plan: SccPlanEntry[];
}

const differs = (a: K8sObject, b: K8sObject | undefined) => JSON.stringify(a) !== JSON.stringify(b);

/** Whether this tool's field manager wrote the live object (server-side apply). */
const writtenByUs = (o: K8sObject) =>
  (o.metadata as { managedFields?: { manager?: string }[] }).managedFields?.some(
    (f) => f.manager === FIELD_MANAGER,
  ) ?? false;

type Stop = Pick<DeployResult, 'stoppedBecause' | 'problems'>;

/** Polls until every grant is in place or the wait is over; true when granted. */
async function waitForGrants(
  options: DeployOptions,
  grants: SccGrant[],
  emit: (e: DeployEvent) => void,
): Promise<boolean> {
  const { client, values, signal } = options;
  const granted = async () =>
    (await Promise.all(grants.map((g) => isGranted(client, g, values.namespace)))).every(Boolean);
  const deadline = Date.now() + (options.waitForGrantsMs ?? 0);
  let ok = await granted();
  if (!ok && deadline > Date.now()) emit({ type: 'grants', state: 'waiting' });
  while (!ok && Date.now() < deadline) {
    await sleep(options.grantPollMs ?? 2000, signal);
    ok = await granted();
  }
  if (ok) emit({ type: 'grants', state: 'granted' });
  return ok;
}

/**
 * Waits (briefly) until the instance's Routes are admitted, keeping them in `live`. The apply
 * answers carry the status of Routes admitted before (a re-run asks nothing); new ones are polled
 * by the instance's labels, so no poll repeats the read phase's list.
 */
async function waitForRouteHosts(
  options: DeployOptions,
  routeKeys: string[],
  live: Map<string, K8sObject>,
): Promise<void> {
  const { client, values, signal } = options;
  const admitted = (k: string) =>
    ((live.get(k) as { status?: { ingress?: unknown[] } })?.status?.ingress?.length ?? 0) > 0;
  const deadline = Date.now() + (options.routeWaitMs ?? 15_000);
  // The last tier took a while: the router may have admitted them already, so look at once.
  for (let poll = 0; !routeKeys.every(admitted) && Date.now() < deadline; poll++) {
    if (poll > 0) await sleep(50, signal);
    const routes = await client.list('route.openshift.io/v1', 'Route', {
      namespace: values.namespace,
      labelSelector: instanceSelector(values.name),
    });
    for (const r of routes) if (routeKeys.includes(keyOf(r))) live.set(keyOf(r), r);
  }
}

/** The hosts the renderer takes from the live Routes, in a comparable form. */
const routeHostsOf = (routeKeys: string[], live: Map<string, K8sObject>) =>
  JSON.stringify(routeKeys.map((k) => admittedHost(live.get(k) as Route | undefined) ?? null));

const foreignProblems = (foreign: K8sObject[], instance: string, namespace: string): Stop => ({
  stoppedBecause: 'foreign-objects',
  problems: foreign.map((o) => ({
    ref: { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace },
    ...said(msg('deploy.foreign', { kind: o.kind, name: o.metadata.name, instance })),
  })),
});

const missingGrantProblems = (grants: SccGrant[], namespace: string): Stop => ({
  stoppedBecause: 'grants-missing',
  problems: grants.map((g) => ({
    ref: {
      apiVersion: g.binding.apiVersion,
      kind: 'RoleBinding',
      name: g.binding.metadata.name,
      namespace,
    },
    ...said(msg('deploy.grantMissing', { accounts: g.serviceAccounts.join(', '), scc: g.scc })),
  })),
});

/** Objects applied once the Routes have their hosts: the servers and everything after them. */
const needsHosts = (o: K8sObject) => TIERS.indexOf(tierOf(o)) >= TIERS.indexOf('ClearML servers');

/**
 * Events once the Routes have their hosts: a phase of its own, with the reason and the objects
 * that carry the URLs, each of their events marked; the apply and dry-run phases it runs inside
 * are not announced again.
 */
function hostEvents(emit: (e: DeployEvent) => void, carried: K8sObject[]) {
  const names = carried.map((o) => `${o.kind} ${o.metadata.name}`).join(', ');
  const marked = new Set(carried.map(keyOf));
  emit({
    type: 'phase',
    phase: 'route-hosts',
    ...said(msg('deploy.phase.routeHosts', { objects: names })),
  });
  return (e: DeployEvent) => {
    if (e.type === 'phase') return;
    if (e.type === 'object' && marked.has(`${e.ref.kind}/${e.ref.name}`)) {
      emit({ ...e, pass: 'route-hosts' });
    } else {
      emit(e);
    }
  };
}

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const { client, values, onEvent, signal } = options;
  const { namespace, name: instance } = values;
  const emit = (e: DeployEvent) => onEvent?.(e);

  emit({
    type: 'phase',
    phase: 'read',
    ...said(msg('deploy.phase.read', { instance, namespace })),
  });
  const recordRef = { apiVersion: 'v1', kind: 'ConfigMap', name: recordName(instance), namespace };
  // One list per kind (the install record comes with the ConfigMaps), the Secret by name.
  const {
    objects,
    plan,
    live,
    record: previousRecord,
    rerender,
    credentialsGap,
  } = await renderForCluster(client, values);
  // The install record is written with the last tier, once the instance it names is there.
  const record = renderRecord(values, previousRecord);
  const writes = [...objects, record];

  let handoff: AdminHandoff | undefined;
  let changed = 0;
  const states: DeployResult['states'] = [];
  const stop = (why: Stop): DeployResult => ({ ok: false, changed, states, plan, handoff, ...why });

  const foreign = writes.filter(
    (o) => live.has(keyOf(o)) && !isOwnedBy(live.get(keyOf(o))!, instance),
  );
  if (foreign.length) return stop(foreignProblems(foreign, instance, namespace));

  // Credentials that credentials.existingSecret should supply but does not: nothing is written,
  // as generated ones would not be the credentials the data and its clients know.
  if (credentialsGap) {
    const ref = { apiVersion: 'v1', kind: 'Secret', name: credentialsGap.secret, namespace };
    return stop({
      stoppedBecause: 'credentials-missing',
      problems: existingSecretMessages(credentialsGap, namespace).map((m) => ({ ref, ...said(m) })),
    });
  }

  // Release steps are checked before anything is written: no downgrades, no skipped steps.
  const upgrade = checkUpgrade(values, previousRecord, live);
  if (upgrade.refusals.length) {
    return {
      ...stop({
        stoppedBecause: 'upgrade-refused',
        problems: upgrade.refusals.map((m) => ({ ref: recordRef, ...said(m) })),
      }),
      upgrade,
    };
  }
  if (upgrade.notes.length) emit({ type: 'upgrade', check: upgrade });

  // SCC grants the user may not create are left to an administrator. The dry run of a new grant
  // asks the API server's own RBAC escalation check; only when it refuses (403) do access
  // reviews tell a grant for an administrator from a failure. A binding someone else wrote
  // (an administrator applying the hand-off) passes that check unchanged whoever sends it
  // (k8s v1.34.3 pkg/registry/rbac/rolebinding/policybased/storage.go, `Update`:
  // `IsOnlyMutatingGCFields`), so for those the access reviews are asked first, as they decide.
  const grants = sccGrantsOf(objects);
  const grantOf = new Map(grants.map((g) => [keyOf(g.binding), g]));
  const reviews = { canI: memoizedAccessReviews(client) };
  const skip = new Set<string>();
  const othersWrote = grants.filter((g) => {
    const current = live.get(keyOf(g.binding));
    return current !== undefined && !writtenByUs(current);
  });
  const othersAllowed = await Promise.all(othersWrote.map((g) => mayGrant(reviews, g, namespace)));
  othersWrote.forEach((g, i) => !othersAllowed[i] && skip.add(keyOf(g.binding)));
  const handOff = async (o: K8sObject, err: unknown) => {
    const grant = grantOf.get(keyOf(o));
    if (!grant || (err as { status?: number }).status !== 403) return false;
    if (await mayGrant(reviews, grant, namespace)) return false;
    skip.add(keyOf(o));
    return true;
  };

  const input = { client, live, skip, onEvent: emit, signal, concurrency: options.concurrency };
  const problems = await dryRunAll({ ...input, objects: writes, handOff });
  const adminGrants = grants.filter((g) => skip.has(keyOf(g.binding)));
  if (adminGrants.length) handoff = adminHandoff(adminGrants, namespace);
  if (problems.length) return stop({ stoppedBecause: 'apply-failed', problems });

  if (handoff) {
    emit({ type: 'handoff', handoff });
    if (!(await waitForGrants(options, adminGrants, emit))) {
      return stop(missingGrantProblems(adminGrants, namespace));
    }
  }

  if (upgrade.prepareMongo) {
    emit({
      type: 'phase',
      phase: 'upgrade',
      ...said(msg('deploy.phase.upgrade', { series: upgrade.prepareMongo.series })),
    });
    try {
      await runMongoPrepare(client, values, upgrade.prepareMongo, { signal });
    } catch (err) {
      if (signal?.aborted) throw err;
      const ref = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: mongoPrepareJobName(instance),
        namespace,
      };
      return {
        ...stop({
          stoppedBecause: 'upgrade-failed',
          problems: [{ ref, message: err instanceof Error ? err.message : String(err) }],
        }),
        upgrade,
      };
    }
  }

  // Apply the tiers before the servers; by then the router has usually admitted the Routes
  // (they are in the first tier), so the objects that carry their URLs are rendered with the
  // hosts and written once. Only an object of an early tier that carries a URL (none by default)
  // is written again.
  const merge = (outcome: ApplyOutcome) => {
    for (const entry of outcome.states) {
      // An object written twice keeps one entry; "created" stays "created".
      const index = states.findIndex(
        (e) => e.ref.kind === entry.ref.kind && e.ref.name === entry.ref.name,
      );
      if (index < 0) states.push(entry);
      else if (states[index].state !== 'created') states[index] = entry;
    }
    changed = states.filter((e) => e.state === 'created' || e.state === 'configured').length;
    return outcome.problems.length
      ? stop({ stoppedBecause: 'apply-failed', problems: outcome.problems })
      : undefined;
  };
  const routeKeys = objects.filter((o) => o.kind === 'Route').map(keyOf);
  const renderedHosts = routeHostsOf(routeKeys, live);
  const early = objects.filter((o) => !needsHosts(o));
  const failedEarly = merge(await applyAll({ ...input, objects: early }));
  if (failedEarly) return failedEarly;

  let late = objects.filter(needsHosts);
  let again: K8sObject[] = [];
  let added: K8sObject[] = [];
  // The servers' tier continues the apply phase unless the hosts start a phase of their own.
  let onLate = (e: DeployEvent) => {
    if (e.type !== 'phase') emit(e);
  };
  await waitForRouteHosts(options, routeKeys, live);
  if (routeHostsOf(routeKeys, live) !== renderedHosts) {
    const first = new Map(objects.map((o) => [keyOf(o), o]));
    const revised = (await rerender(live)).objects.filter((o) => !skip.has(keyOf(o)));
    const carried = revised.filter((o) => differs(o, first.get(keyOf(o))));
    again = carried.filter((o) => !needsHosts(o) && first.has(keyOf(o)));
    added = carried.filter((o) => !needsHosts(o) && !first.has(keyOf(o)));
    late = revised.filter(needsHosts);
    onLate = hostEvents(emit, carried);
  }
  // The servers' tier, with whatever an earlier tier must write again; meanwhile an object that
  // only the hosts bring (the files path Route) is dry-run, and written with the last tier.
  const [head, ...rest] = groupByTier(late);
  const [servers, refused] = await Promise.all([
    applyAll({ ...input, objects: head?.objects ?? [], first: again, onEvent: onLate }),
    dryRunAll({ ...input, objects: added, onEvent: onLate }),
  ]);
  const failedServers = merge(servers);
  if (failedServers) return failedServers;
  if (refused.length) return stop({ stoppedBecause: 'apply-failed', problems: refused });
  const failedLast = merge(
    await applyAll({
      ...input,
      objects: rest.flatMap((g) => g.objects),
      last: [...added, record],
      onEvent: onLate,
    }),
  );
  if (failedLast) return failedLast;
  emit({
    type: 'phase',
    phase: 'done',
    ...said(changed ? msg('deploy.phase.done', { count: changed }) : msg('deploy.phase.nothing')),
  });
  return {
    ok: true,
    changed,
    states,
    problems: [],
    handoff,
    plan,
    ...(upgrade.notes.length ? { upgrade } : {}),
  };
}
