/**
 * The status model: from live workloads, pods, volumes, routes and events, the health of each
 * ClearML component with a reason in plain words, and the instance's overall readiness.
 */
import { COMPONENTS, COMPONENT_LABEL, type ComponentId, INSTANCE_LABEL } from '../components';
import { list, type Message, msg } from '../messages/message';
import { objectName } from '../names';
import type { K8sObject } from '../k8s-types';
import { type Demand, demandOf } from '../preflight/quota';
import { agentStatuses } from './agents';
import { failedCreate, podProblem } from './pod-problems';
import { pendingVolumeVerdict } from './storage-reason';
import type {
  ComponentHealth,
  ComponentStatus,
  EventSummary,
  InstanceStatus,
  LiveEvent,
  LiveRoute,
  LiveState,
  Meta,
  RouteProblem,
} from './types';

const inInstance = (instance: string) => (o: { metadata: Meta }) =>
  o.metadata.labels?.[INSTANCE_LABEL] === instance;
const inComponent = (id: ComponentId) => (o: { metadata: Meta }) =>
  o.metadata.labels?.[COMPONENT_LABEL] === id;

const RECENT_WARNINGS = 5;

function warningsFor(events: LiveEvent[], names: Set<string>): EventSummary[] {
  return events
    .filter(
      (e) => e.type === 'Warning' && e.involvedObject.name && names.has(e.involvedObject.name),
    )
    .sort((a, b) =>
      (b.lastTimestamp ?? b.eventTime ?? '').localeCompare(a.lastTimestamp ?? a.eventTime ?? ''),
    )
    .slice(0, RECENT_WARNINGS)
    .map((e) => ({
      reason: e.reason ?? '',
      message: e.message ?? '',
      object: `${e.involvedObject.kind ?? ''}/${e.involvedObject.name}`,
      count: e.count ?? 1,
      time: e.lastTimestamp ?? e.eventTime,
    }));
}

/**
 * What the instance asks of a quota when fully rolled out: its workloads' pod templates and
 * claim templates, and its other volumes.
 */
function instanceDemand(live: LiveState, instance: string): Demand {
  const workloads = [...live.deployments, ...live.statefulSets].filter(
    (w) => inInstance(instance)(w) && Array.isArray(w.spec?.template?.spec?.containers),
  );
  const templated = (name: string) =>
    live.statefulSets.some((s) =>
      (
        (s.spec as { volumeClaimTemplates?: { metadata?: { name?: string } }[] })
          ?.volumeClaimTemplates ?? []
      ).some((t) => name.startsWith(`${t.metadata?.name}-${s.metadata.name}-`)),
    );
  const volumes = live.pvcs.filter(
    (c) =>
      inInstance(instance)(c) &&
      !templated(c.metadata.name) &&
      c.spec?.resources?.requests?.storage,
  );
  return demandOf([
    ...workloads.map((w) => ({ apiVersion: 'apps/v1', ...w }) as unknown as K8sObject),
    ...volumes.map(
      (c) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...c }) as unknown as K8sObject,
    ),
  ]);
}

function routeUrl(route: LiveRoute | undefined): string | undefined {
  const host = route?.status?.ingress?.find((i) => i.host)?.host ?? route?.spec?.host;
  if (!host) return undefined;
  return `${route?.spec?.tls ? 'https' : 'http'}://${host}${route?.spec?.path ?? ''}`;
}

/**
 * The Routes a router rejected, in words. The OpenShift router records a rejection as an ingress
 * entry whose `Admitted` condition is False; `HostAlreadyClaimed` means an older Route holds the
 * host and path (openshift/router pkg/router/controller/unique_host.go), and it passes to this
 * one when that Route is removed.
 */
export function routeProblems(routes: LiveRoute[]): RouteProblem[] {
  const problems: RouteProblem[] = [];
  for (const r of routes) {
    for (const ingress of r.status?.ingress ?? []) {
      const admitted = ingress.conditions?.find((c) => c.type === 'Admitted');
      if (admitted?.status !== 'False') continue;
      const host = ingress.host ?? r.spec?.host;
      const reason = admitted.reason ?? 'Rejected';
      const detail = admitted.message ?? '';
      const said =
        reason === 'HostAlreadyClaimed'
          ? msg('status.route.hostClaimed', { route: r.metadata.name, host: host ?? '', detail })
          : msg('status.route.rejected', {
              route: r.metadata.name,
              router: ingress.routerName ?? 'default',
              reason,
              detail,
            });
      problems.push({ route: r.metadata.name, host, reason, message: said.text, i18n: said });
      break;
    }
  }
  return problems;
}

/** "n of m ready", never more than m: pods beyond the desired count are a rollout's surge. */
export function readyPhrase(ready: number, desired: number): Message {
  if (ready <= desired) return msg('status.readyCount', { ready, desired });
  return msg('status.readySurge', { desired, count: ready - desired });
}

export interface StatusOptions {
  /**
   * Components that run outside these workloads (a chart release without them): their absence
   * is no reason to wait. For a managed instance every dependency is its own, so none.
   */
  external?: ComponentId[];
}

function componentStatus(
  id: ComponentId,
  live: LiveState,
  instance: string,
  demand: Demand,
  options: StatusOptions,
): ComponentStatus | undefined {
  const info = COMPONENTS.find((c) => c.id === id)!;
  const mine = (o: { metadata: Meta }) => inInstance(instance)(o) && inComponent(id)(o);
  const workload = [...live.deployments, ...live.statefulSets].find(mine);
  if (!workload) return undefined;
  const replicaSets = live.replicaSets.filter(mine);
  const pods = live.pods.filter((p) => mine(p) && !p.metadata.deletionTimestamp);
  const claimNames = new Set(
    pods.flatMap((p) =>
      (p.spec?.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName ?? ''),
    ),
  );
  const pvcs = live.pvcs.filter((c) => mine(c) || claimNames.has(c.metadata.name));
  const names = new Set([
    workload.metadata.name,
    ...replicaSets.map((r) => r.metadata.name),
    ...pods.map((p) => p.metadata.name),
    ...pvcs.map((c) => c.metadata.name),
  ]);
  const ownEvents = live.events.filter(
    (e) => e.involvedObject.name && names.has(e.involvedObject.name),
  );
  const desired = workload.spec?.replicas ?? 1;
  const ready = workload.status?.readyReplicas ?? 0;
  const updated = workload.status?.updatedReplicas ?? 0;
  const podSummaries = pods.map((p) => {
    const problem = podProblem(p);
    return {
      name: p.metadata.name,
      phase: p.status?.phase ?? 'Pending',
      ready: p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
      restarts: (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
      problem: problem?.reason,
    };
  });

  const verdict = ((): { state: ComponentHealth; reason: Message } => {
    if (desired === 0) return { state: 'Ready', reason: msg('status.scaledToZero') };
    const allReady = ready >= desired && updated >= desired && pods.length <= desired;
    if (allReady) {
      // The Pods column already shows the counts; the reason says what is running and how
      // steadily.
      const image = workload.spec?.template?.spec?.containers?.[0]?.image;
      const restarts = podSummaries.reduce((n, p) => n + p.restarts, 0);
      const steady =
        restarts === 0 ? msg('status.noRestarts') : msg('status.restarts', { count: restarts });
      return {
        state: 'Ready',
        reason: image
          ? msg('status.running', { image, steady })
          : msg('status.serving', { steady }),
      };
    }
    const created = failedCreate(
      ownEvents.filter(
        (e) => e.involvedObject.kind === 'ReplicaSet' || e.involvedObject.kind === 'StatefulSet',
      ),
      demand,
    );
    if (created && pods.length < desired) return { state: 'Failed', reason: created.sentence };
    const problems = pods.map(podProblem).filter((p) => p !== undefined);
    const fatal = problems.find((p) => p.fatal);
    if (fatal) return { state: ready > 0 ? 'Degraded' : 'Failed', reason: fatal.i18n };
    const pending = pvcs.find((c) => c.status?.phase !== 'Bound');
    if (pending) return pendingVolumeVerdict(pending, live.storageClasses, ownEvents);
    const waitingOn = info.dependsOn.filter((dep) => {
      const depWorkload = [...live.deployments, ...live.statefulSets].find(
        (w) => inInstance(instance)(w) && inComponent(dep)(w),
      );
      if (!depWorkload) return !options.external?.includes(dep);
      const depDesired = depWorkload.spec?.replicas ?? 1;
      return (depWorkload.status?.readyReplicas ?? 0) < depDesired;
    });
    if (waitingOn.length) {
      const depNames = waitingOn.map((d) => msg(COMPONENTS.find((c) => c.id === d)!.nameId));
      return {
        state: 'Progressing',
        reason: msg('status.waitingFor', { components: list(depNames) }),
      };
    }
    const slow = problems[0];
    // Every desired replica serves while the new ones start: a rollout, not a degradation.
    if (ready >= desired) {
      const rollout = msg('status.rollingOut', {
        updated: Math.min(updated, desired),
        desired,
        ready: readyPhrase(ready, desired),
      });
      return {
        state: 'Progressing',
        reason: slow
          ? msg('status.rollingOutWithProblem', { rollout, problem: slow.i18n })
          : rollout,
      };
    }
    if (slow) return { state: ready > 0 ? 'Degraded' : 'Progressing', reason: slow.i18n };
    if (ready > 0)
      return { state: 'Degraded', reason: msg('status.partlyReady', { ready, desired }) };
    return { state: 'Progressing', reason: msg('status.starting', { ready, desired }) };
  })();

  return {
    component: id,
    displayName: info.displayName,
    state: verdict.state,
    reason: verdict.reason.text,
    i18n: verdict.reason,
    workload: { kind: workload.kind, name: workload.metadata.name },
    desired,
    ready,
    pods: podSummaries,
    pvcs: pvcs.map((c) => ({
      name: c.metadata.name,
      phase: c.status?.phase ?? 'Pending',
      size: c.status?.capacity?.storage ?? c.spec?.resources?.requests?.storage,
      storageClass: c.spec?.storageClassName,
    })),
    warnings: warningsFor(live.events, names),
  };
}

const SEVERITY: ComponentHealth[] = ['Ready', 'Progressing', 'Degraded', 'Failed'];

export function instanceStatus(
  instance: string,
  live: LiveState,
  options: StatusOptions = {},
): InstanceStatus {
  const demand = instanceDemand(live, instance);
  const components = COMPONENTS.map((c) =>
    componentStatus(c.id, live, instance, demand, options),
  ).filter((c): c is ComponentStatus => c !== undefined);
  // Task pods are reported, not judged: a task waiting for a GPU leaves the instance ready.
  const agents = agentStatuses(live, instance, demand);
  const worst = [...components, ...agents].reduce<ComponentHealth>(
    (acc, c) => (SEVERITY.indexOf(c.state) > SEVERITY.indexOf(acc) ? c.state : acc),
    'Ready',
  );
  const route = (key: 'appRoute' | 'apiRoute' | 'filesRoute') =>
    routeUrl(live.routes.find((r) => r.metadata.name === objectName(instance, key)));
  return {
    instance,
    ready:
      components.length > 0 &&
      components.every((c) => c.state === 'Ready') &&
      agents.every((a) => a.state === 'Ready'),
    state: components.length ? worst : 'Progressing',
    components,
    agents,
    urls: { app: route('appRoute'), api: route('apiRoute'), files: route('filesRoute') },
    routeProblems: routeProblems(
      (['appRoute', 'apiRoute', 'filesRoute'] as const)
        .map((key) => live.routes.find((r) => r.metadata.name === objectName(instance, key)))
        .filter((r): r is LiveRoute => r !== undefined),
    ),
  };
}
