import * as k8s from '@kubernetes/client-node';
import { type ClaimingRoute, hostClaims } from './host-claims';
import { runInformer } from './informer';

/**
 * Plays the OpenShift router for Routes: generates `spec.host` when it is empty
 * (`<name>-<namespace>.<domain>`, annotation `openshift.io/host.generated`) and records in
 * `status.ingress` whether the `default` router serves the route: admitted, or rejected with
 * `HostAlreadyClaimed` when an older route holds its host and path (host-claims.ts). When a
 * route goes, the routes that shared its host are judged again, so the next in line is served.
 */
interface Route extends k8s.KubernetesObject {
  spec?: { host?: string; subdomain?: string; path?: string; wildcardPolicy?: string };
  status?: {
    ingress?: Array<{
      host?: string;
      routerName?: string;
      conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
    }>;
  };
}

const GROUP = 'route.openshift.io';
const VERSION = 'v1';
const PLURAL = 'routes';
const ROUTER = 'default';

export function routeHost(route: Route, domain: string): string {
  if (route.spec?.host) return route.spec.host;
  if (route.spec?.subdomain) return `${route.spec.subdomain}.${domain}`;
  const name = (route.metadata?.name ?? '').replace(/\./g, '-');
  return `${name}-${route.metadata?.namespace ?? ''}.${domain}`;
}

const claimant = (r: Route): ClaimingRoute => ({
  namespace: r.metadata?.namespace ?? '',
  name: r.metadata?.name ?? '',
  uid: r.metadata?.uid ?? '',
  created: String(r.metadata?.creationTimestamp ?? ''),
  path: r.spec?.path ?? '',
});

export function startRouteAdmitter(kc: k8s.KubeConfig, domain: string): void {
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
  // The verdict written per route UID, so stale informer copies do not trigger a second write.
  const written = new Map<string, string>();

  const patch = (route: Route, body: object, status: boolean) => {
    const params = {
      group: GROUP,
      version: VERSION,
      namespace: route.metadata!.namespace!,
      plural: PLURAL,
      name: route.metadata!.name!,
      body,
    };
    return status
      ? custom.patchNamespacedCustomObjectStatus(params, merge)
      : custom.patchNamespacedCustomObject(params, merge);
  };

  const judge = async (route: Route, peers: readonly Route[]) => {
    if (route.metadata?.deletionTimestamp) return;
    const name = route.metadata!.name!;
    const namespace = route.metadata!.namespace!;
    const host = routeHost(route, domain);
    if (!route.spec?.host && !route.spec?.subdomain) {
      const body = {
        metadata: { annotations: { 'openshift.io/host.generated': 'true' } },
        spec: { host },
      };
      await patch(route, body, false);
    }
    const sameHost = peers.filter(
      (p) => !p.metadata?.deletionTimestamp && routeHost(p, domain) === host,
    );
    if (!sameHost.some((p) => p.metadata?.uid === route.metadata?.uid)) sameHost.push(route);
    const verdict = hostClaims(host, sameHost.map(claimant)).get(`${namespace}/${name}`)!;
    const condition = verdict.admitted
      ? { type: 'Admitted', status: 'True' }
      : { type: 'Admitted', status: 'False', reason: verdict.reason, message: verdict.message };
    const current = route.status?.ingress?.find((i) => i.routerName === ROUTER);
    const live = current?.conditions?.find((c) => c.type === 'Admitted');
    const uid = route.metadata!.uid ?? `${namespace}/${name}`;
    const said = `${host}|${condition.status}|${condition.message ?? ''}`;
    const upToDate =
      current?.host === host &&
      live?.status === condition.status &&
      (live?.message ?? '') === (condition.message ?? '');
    if (upToDate || written.get(uid) === said) return;
    await patch(
      route,
      {
        status: {
          ingress: [
            {
              host,
              routerName: ROUTER,
              routerCanonicalHostname: `router-${ROUTER}.${domain}`,
              wildcardPolicy: route.spec?.wildcardPolicy ?? 'None',
              conditions: [{ ...condition, lastTransitionTime: new Date().toISOString() }],
            },
          ],
        },
      },
      true,
    );
    written.set(uid, said);
    console.log(
      `[route-admitter] ${namespace}/${name}: ${verdict.admitted ? 'admitted' : `rejected (${verdict.reason})`} as ${host}`,
    );
  };

  const informer: k8s.Informer<Route> & k8s.ObjectCache<Route> = runInformer<Route>(
    'route-admitter',
    kc,
    `/apis/${GROUP}/${VERSION}/${PLURAL}`,
    async () =>
      (await custom.listClusterCustomObject({
        group: GROUP,
        version: VERSION,
        plural: PLURAL,
      })) as k8s.KubernetesListObject<Route>,
    (route: Route): Promise<void> => judge(route, informer.list()),
    10_000,
    // The routes that shared the host of one that went are judged again.
    async (gone: Route): Promise<void> => {
      const host = routeHost(gone, domain);
      const rest = informer.list().filter((r) => r.metadata?.uid !== gone.metadata?.uid);
      for (const r of rest.filter((p) => routeHost(p, domain) === host)) await judge(r, rest);
    },
  );
}
