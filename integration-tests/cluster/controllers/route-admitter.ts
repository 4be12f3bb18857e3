import * as k8s from '@kubernetes/client-node';
import { runInformer } from './informer';

/**
 * Plays the OpenShift router for Routes: generates `spec.host` when it is empty
 * (`<name>-<namespace>.<domain>`, annotation `openshift.io/host.generated`) and records the
 * route as admitted by the `default` router in `status.ingress`.
 */
interface Route extends k8s.KubernetesObject {
  spec?: { host?: string; subdomain?: string; wildcardPolicy?: string };
  status?: {
    ingress?: Array<{
      host?: string;
      routerName?: string;
      conditions?: Array<{ type: string; status: string }>;
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

export function startRouteAdmitter(kc: k8s.KubeConfig, domain: string): void {
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
  // Hosts admitted per route UID, so stale informer copies do not trigger a second admission.
  const admittedHosts = new Map<string, string>();

  runInformer<Route>(
    'route-admitter',
    kc,
    `/apis/${GROUP}/${VERSION}/${PLURAL}`,
    async () =>
      (await custom.listClusterCustomObject({
        group: GROUP,
        version: VERSION,
        plural: PLURAL,
      })) as k8s.KubernetesListObject<Route>,
    async (route) => {
      if (route.metadata?.deletionTimestamp) return;
      const name = route.metadata!.name!;
      const namespace = route.metadata!.namespace!;
      const host = routeHost(route, domain);
      if (!route.spec?.host && !route.spec?.subdomain) {
        await custom.patchNamespacedCustomObject(
          {
            group: GROUP,
            version: VERSION,
            namespace,
            plural: PLURAL,
            name,
            body: {
              metadata: { annotations: { 'openshift.io/host.generated': 'true' } },
              spec: { host },
            },
          },
          merge,
        );
      }
      const admitted = route.status?.ingress?.some(
        (i) =>
          i.routerName === ROUTER &&
          i.host === host &&
          i.conditions?.some((c) => c.type === 'Admitted' && c.status === 'True'),
      );
      const uid = route.metadata!.uid ?? `${namespace}/${name}`;
      if (admitted || admittedHosts.get(uid) === host) return;
      await custom.patchNamespacedCustomObjectStatus(
        {
          group: GROUP,
          version: VERSION,
          namespace,
          plural: PLURAL,
          name,
          body: {
            status: {
              ingress: [
                {
                  host,
                  routerName: ROUTER,
                  routerCanonicalHostname: `router-${ROUTER}.${domain}`,
                  wildcardPolicy: route.spec?.wildcardPolicy ?? 'None',
                  conditions: [
                    {
                      type: 'Admitted',
                      status: 'True',
                      lastTransitionTime: new Date().toISOString(),
                    },
                  ],
                },
              ],
            },
          },
        },
        merge,
      );
      admittedHosts.set(uid, host);
      console.log(`[route-admitter] ${namespace}/${name}: admitted as ${host}`);
    },
  );
}
