import type { Route } from '../k8s-types';
import type { ObjectKey } from '../names';
import { FILES_PATH, meta, type LabelComponent, type RenderContext } from './context';

/** Router annotation for the server-side timeout (slow uploads, long API calls). */
export const ROUTE_TIMEOUT_ANNOTATION = 'haproxy.router.openshift.io/timeout';
/** Router annotation that replaces the matched Route path before the request reaches the pod. */
export const ROUTE_REWRITE_ANNOTATION = 'haproxy.router.openshift.io/rewrite-target';

function route(
  ctx: RenderContext,
  key: ObjectKey,
  component: LabelComponent,
  target: { service: ObjectKey; host?: string; path?: string },
  annotations?: Record<string, string>,
): Route {
  return {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: meta(ctx, key, component, annotations),
    spec: {
      ...(target.host ? { host: target.host } : {}),
      ...(target.path ? { path: target.path } : {}),
      to: { kind: 'Service', name: ctx.name(target.service), weight: 100 },
      port: { targetPort: 'http' },
      tls: {
        termination: 'edge',
        insecureEdgeTerminationPolicy: ctx.values.exposure.insecureEdgeTerminationPolicy,
      },
      wildcardPolicy: 'None',
    },
  };
}

/**
 * The files Route. With the web UI it is a path Route `/files` on the web UI's host, rewritten to
 * `/` for the file server: the UI of a production build fetches debug images, artifacts and models
 * straight from the files URL (clearml-web v2.0 settings/admin/base-admin.service.ts:68-80 skips
 * the `/files` proxy unless asked, and only plots and widgets ask), and the file server wants the
 * session cookie (clearml-server v2.0.0 fileserver/auth.py:98-122), which the browser sends only
 * to the web UI's host. Same origin, so the cookie is sent and nothing else receives it. A
 * generated web UI host is known only once its Route is admitted, so the files Route follows in
 * the deploy, which writes it once the Routes have their hosts.
 */
function filesRoute(ctx: RenderContext): Route | undefined {
  const v = ctx.values;
  const annotations = { [ROUTE_TIMEOUT_ANNOTATION]: v.exposure.filesTimeout };
  if (!v.components.webserver.enabled) {
    return route(
      ctx,
      'filesRoute',
      'fileserver',
      {
        service: 'fileserver',
        host: v.exposure.hosts.files,
      },
      annotations,
    );
  }
  if (!ctx.hosts.app) {
    return undefined;
  }
  return route(
    ctx,
    'filesRoute',
    'fileserver',
    { service: 'fileserver', host: ctx.hosts.app, path: FILES_PATH },
    { ...annotations, [ROUTE_REWRITE_ANNOTATION]: '/' },
  );
}

/** Edge-TLS Routes: `<instance>-app` (web UI), `<instance>-api` (SDK, agents) and `-files`. */
export function renderRoutes(ctx: RenderContext): Route[] {
  const v = ctx.values;
  if (!v.exposure.routes) {
    return [];
  }
  const hosts = v.exposure.hosts;
  const apiTimeout = v.exposure.apiTimeout;
  const routes: Route[] = [
    route(
      ctx,
      'apiRoute',
      'apiserver',
      { service: 'apiserver', host: hosts.api },
      apiTimeout ? { [ROUTE_TIMEOUT_ANNOTATION]: apiTimeout } : undefined,
    ),
  ];
  if (v.components.webserver.enabled) {
    routes.unshift(route(ctx, 'appRoute', 'webserver', { service: 'webserver', host: hosts.app }));
  }
  const files = v.components.fileserver.enabled ? filesRoute(ctx) : undefined;
  if (files) {
    routes.push(files);
  }
  return routes;
}
