/**
 * Deploy: read what is live, render with the live credentials and route hosts kept, refuse to
 * touch foreign objects, dry-run everything, hand SCC grants to an administrator when the user
 * may not create them (and optionally wait), apply tier by tier, render again once the Routes
 * have hosts, and write the install record. Running it again with the same values changes nothing.
 */
import type { ClusterClient } from '../cluster/client';
import type { K8sObject } from '../k8s-types';
import { renderWithPlan } from '../render/render';
import type { SccPlanEntry } from '../scc/plan';
import type { ClearMLValues } from '../values/schema';
import { type ApplyEvent, applyAll, type ApplyProblem, dryRunAll, type ObjectState } from './apply';
import { sleep } from './concurrency';
import { type AdminHandoff, adminHandoff, isGranted, mayGrant, sccGrantsOf } from './grants';
import { existingFrom, readLive } from './live';
import { isOwnedBy, keyOf } from './ownership';
import { type InstallRecord, recordName, renderRecord } from './record';

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
}

export type DeployEvent =
  | ApplyEvent
  | { type: 'handoff'; handoff: AdminHandoff }
  | { type: 'grants'; state: 'waiting' | 'granted' | 'applied' };

export interface DeployResult {
  ok: boolean;
  /** Objects created or changed. */
  changed: number;
  states: { ref: { kind: string; name: string }; state: ObjectState }[];
  problems: ApplyProblem[];
  /** Why the deploy stopped, in words, when it did. */
  stoppedBecause?: 'invalid' | 'foreign-objects' | 'grants-missing' | 'apply-failed';
  handoff?: AdminHandoff;
  plan: SccPlanEntry[];
}

const differs = (a: K8sObject, b: K8sObject | undefined) => JSON.stringify(a) !== JSON.stringify(b);

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const { client, values, onEvent, signal } = options;
  const namespace = values.namespace;
  const instance = values.name;
  const emit = (e: DeployEvent) => onEvent?.(e);

  emit({
    type: 'phase',
    phase: 'read',
    message: `Reading what instance ${instance} already has in ${namespace}`,
  });
  const ns = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  const renderNow = async (live: Map<string, K8sObject>) =>
    renderWithPlan(values, existingFrom(live, instance), {
      namespaceAnnotations: ns?.metadata.annotations,
    });

  // A first render names the objects; the live read then supplies credentials and route hosts.
  const draft = await renderNow(new Map());
  const recordRef = { apiVersion: 'v1', kind: 'ConfigMap', name: recordName(instance), namespace };
  const [live, previousRecord] = await Promise.all([
    readLive(client, namespace, draft.objects),
    client.get<InstallRecord>(recordRef),
  ]);
  if (previousRecord) live.set(keyOf(previousRecord), previousRecord);
  let { objects, plan } = await renderNow(live);
  const record = renderRecord(values, previousRecord);
  const base = { changed: 0, states: [], plan };

  const foreign = objects.filter(
    (o) => live.has(keyOf(o)) && !isOwnedBy(live.get(keyOf(o))!, instance),
  );
  if (previousRecord && !isOwnedBy(previousRecord, instance)) foreign.push(previousRecord);
  if (foreign.length) {
    return {
      ...base,
      ok: false,
      stoppedBecause: 'foreign-objects',
      problems: foreign.map((o) => ({
        ref: { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace },
        message: `${o.kind} ${o.metadata.name} already exists and does not belong to instance ${instance}; it was not touched. Choose another instance name or remove that object.`,
      })),
    };
  }

  // SCC grants the user may not create are left to an administrator.
  const grants = sccGrantsOf(objects);
  const allowed = await Promise.all(grants.map((g) => mayGrant(client, g, namespace)));
  const adminGrants = grants.filter((_, i) => !allowed[i]);
  const skip = new Set(adminGrants.map((g) => keyOf(g.binding)));
  const handoff = adminGrants.length ? adminHandoff(adminGrants, namespace) : undefined;

  const problems = await dryRunAll({
    client,
    objects: [...objects, record],
    live,
    skip,
    onEvent: emit,
    signal,
  });
  if (problems.length) {
    return { ...base, ok: false, stoppedBecause: 'apply-failed', problems, handoff };
  }

  if (handoff) {
    emit({ type: 'handoff', handoff });
    const granted = async () =>
      (await Promise.all(adminGrants.map((g) => isGranted(client, g, namespace)))).every(Boolean);
    const deadline = Date.now() + (options.waitForGrantsMs ?? 0);
    let ok = await granted();
    if (!ok && deadline > Date.now()) emit({ type: 'grants', state: 'waiting' });
    while (!ok && Date.now() < deadline) {
      await sleep(options.grantPollMs ?? 2000, signal);
      ok = await granted();
    }
    if (!ok) {
      return {
        ...base,
        ok: false,
        stoppedBecause: 'grants-missing',
        handoff,
        problems: adminGrants.map((g) => ({
          ref: {
            apiVersion: g.binding.apiVersion,
            kind: 'RoleBinding',
            name: g.binding.metadata.name,
            namespace,
          },
          message: `Service accounts ${g.serviceAccounts.join(', ')} may not use SCC ${g.scc} yet. Ask a cluster administrator to apply the grants in the hand-off, then deploy again.`,
        })),
      };
    }
    emit({ type: 'grants', state: 'granted' });
  }

  const first = await applyAll({
    client,
    objects: [...objects, record],
    live,
    skip,
    onEvent: emit,
    signal,
  });
  let changed = first.changed;
  const states = first.states;
  if (first.problems.length) {
    return {
      ok: false,
      changed,
      states,
      problems: first.problems,
      stoppedBecause: 'apply-failed',
      handoff,
      plan,
    };
  }

  // The web UI is told the Routes' hosts; on a first install they exist only once admitted.
  const routeNames = objects.filter((o) => o.kind === 'Route').map(keyOf);
  const deadline = Date.now() + (options.routeWaitMs ?? 15_000);
  while (
    routeNames.some(
      (k) => !(live.get(k) as { status?: { ingress?: unknown[] } })?.status?.ingress?.length,
    ) &&
    Date.now() < deadline
  ) {
    await sleep(50, signal);
    const routes = await client.list('route.openshift.io/v1', 'Route', { namespace });
    for (const r of routes) if (routeNames.includes(keyOf(r))) live.set(keyOf(r), r);
  }
  const again = await renderNow(live);
  const applied = new Map(objects.map((o) => [keyOf(o), o]));
  const updates = again.objects.filter(
    (o) => !skip.has(keyOf(o)) && differs(o, applied.get(keyOf(o))),
  );
  if (updates.length) {
    const second = await applyAll({ client, objects: updates, live, onEvent: emit, signal });
    changed += second.changed;
    states.push(...second.states);
    if (second.problems.length) {
      return {
        ok: false,
        changed,
        states,
        problems: second.problems,
        stoppedBecause: 'apply-failed',
        handoff,
        plan,
      };
    }
    ({ objects, plan } = again);
  }
  emit({
    type: 'phase',
    phase: 'done',
    message: changed ? `${changed} objects written` : 'Nothing to change',
  });
  return { ok: true, changed, states, problems: [], handoff, plan };
}
