import type { Route } from '../k8s-types';
import type { ObjectKey } from '../names';
import { meta, type LabelComponent, type RenderContext } from './context';

/** Router annotation that allows slow, large artifact uploads on the files route. */
export const ROUTE_TIMEOUT_ANNOTATION = 'haproxy.router.openshift.io/timeout';

function route(
  ctx: RenderContext,
  key: ObjectKey,
  component: LabelComponent,
  serviceKey: ObjectKey,
  host: string | undefined,
  annotations?: Record<string, string>,
): Route {
  return {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: meta(ctx, key, component, annotations),
    spec: {
      ...(host ? { host } : {}),
      to: { kind: 'Service', name: ctx.name(serviceKey), weight: 100 },
      port: { targetPort: 'http' },
      tls: {
        termination: 'edge',
        insecureEdgeTerminationPolicy: ctx.values.exposure.insecureEdgeTerminationPolicy,
      },
      wildcardPolicy: 'None',
    },
  };
}

/** Edge-TLS Routes: `<instance>-app` (web UI), `<instance>-api` and `<instance>-files` (SDK, agents). */
export function renderRoutes(ctx: RenderContext): Route[] {
  const v = ctx.values;
  if (!v.exposure.routes) {
    return [];
  }
  const hosts = v.exposure.hosts;
  const routes: Route[] = [route(ctx, 'apiRoute', 'apiserver', 'apiserver', hosts.api)];
  if (v.components.webserver.enabled) {
    routes.unshift(route(ctx, 'appRoute', 'webserver', 'webserver', hosts.app));
  }
  if (v.components.fileserver.enabled) {
    routes.push(
      route(ctx, 'filesRoute', 'fileserver', 'fileserver', hosts.files, {
        [ROUTE_TIMEOUT_ANNOTATION]: v.exposure.filesTimeout,
      }),
    );
  }
  return routes;
}
