/**
 * The health of a chart release in the status model's terms. The chart's objects carry neither
 * this plugin's component label nor one instance label for all of them (the ClearML pods are
 * labelled `app.kubernetes.io/instance: <fullname>-<component>`, the Elastic ones `release`), so
 * each workload is mapped to its component by name (`chartComponent`) and its pods and
 * ReplicaSets are found through their owner references. Copies of them, labelled as a managed
 * instance's would be, then go through the same `instanceStatus` as a managed instance.
 */
import { COMPONENT_LABEL, COMPONENTS, type ComponentId, INSTANCE_LABEL } from '../components';
import { instanceStatus } from '../status/model';
import type { InstanceStatus, LiveRoute, LiveState, Meta } from '../status/types';
import type { ChartRelease } from './releases';

/** A Route as the release's users expose its Services (`oc expose svc/<release>-webserver`). */
interface RouteToService extends LiveRoute {
  spec?: LiveRoute['spec'] & { to?: { kind?: string; name?: string } };
}

const owned = (meta: Meta, kind: string, names: Set<string>) =>
  (meta.ownerReferences ?? []).some((o) => o.kind === kind && names.has(o.name));

function relabel<T extends { metadata: Meta }>(o: T, release: string, component: ComponentId): T {
  const labels = { ...o.metadata.labels, [INSTANCE_LABEL]: release, [COMPONENT_LABEL]: component };
  return { ...o, metadata: { ...o.metadata, labels } };
}

function routeUrl(route: RouteToService | undefined): string | undefined {
  const host = route?.status?.ingress?.find((i) => i.host)?.host ?? route?.spec?.host;
  if (!route || !host) return undefined;
  return `${route.spec?.tls ? 'https' : 'http'}://${host}${route.spec?.path ?? ''}`;
}

/**
 * Only the release's own objects, labelled as the status model expects. `live` holds the
 * project's lists (workloads, ReplicaSets, pods, claims, events), not filtered by any label.
 */
export function releaseLiveState(release: ChartRelease, live: LiveState): LiveState {
  const out: LiveState = {
    deployments: [],
    statefulSets: [],
    replicaSets: [],
    pods: [],
    pvcs: live.pvcs,
    routes: [],
    events: live.events,
    storageClasses: live.storageClasses,
  };
  const taken = new Set<ComponentId>();
  for (const w of release.workloads) {
    // Redis with replicas has two StatefulSets: the master stands for the component.
    if (!w.component || taken.has(w.component)) continue;
    const isDeployment = w.kind === 'Deployment';
    const workload = (isDeployment ? live.deployments : live.statefulSets).find(
      (x) => x.metadata.name === w.name,
    );
    if (!workload) continue;
    taken.add(w.component);
    const tag = <T extends { metadata: Meta }>(o: T) => relabel(o, release.release, w.component!);
    (isDeployment ? out.deployments : out.statefulSets).push(tag(workload));
    const replicaSets = isDeployment
      ? live.replicaSets.filter((r) => owned(r.metadata, 'Deployment', new Set([w.name])))
      : [];
    out.replicaSets.push(...replicaSets.map(tag));
    const owners = isDeployment
      ? { kind: 'ReplicaSet', names: new Set(replicaSets.map((r) => r.metadata.name)) }
      : { kind: 'StatefulSet', names: new Set([w.name]) };
    out.pods.push(
      ...live.pods.filter((p) => owned(p.metadata, owners.kind, owners.names)).map(tag),
    );
  }
  return out;
}

/**
 * The release's status: each component it runs, with readiness and a reason from the same model
 * as a managed instance. Components the chart does not run here (an external Elasticsearch, say)
 * are absent, and nothing waits for them. URLs come from Routes to the release's Services.
 */
export function releaseStatus(release: ChartRelease, live: LiveState): InstanceStatus {
  const mine = releaseLiveState(release, live);
  const present = new Set(release.workloads.map((w) => w.component));
  const external = COMPONENTS.map((c) => c.id).filter((id) => !present.has(id));
  const status = instanceStatus(release.release, mine, { external });
  const serviceOf = (component: ComponentId) =>
    release.workloads.find((w) => w.component === component)?.name;
  const url = (component: ComponentId) => {
    const service = serviceOf(component);
    if (!service) return undefined;
    const routes = live.routes as RouteToService[];
    return routeUrl(routes.find((r) => r.spec?.to?.name === service));
  };
  return {
    ...status,
    urls: { app: url('webserver'), api: url('apiserver'), files: url('fileserver') },
  };
}
