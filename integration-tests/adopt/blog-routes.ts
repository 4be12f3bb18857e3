/**
 * The Routes of a blog-style install: `oc expose service` of the web UI, API and file server,
 * which creates a Route named after the Service with the Service's labels and no host, so the
 * router generates one (openshift/oc `pkg/cli/expose/expose.go` on kubectl's expose, route
 * generator `RouteGenerator`); and what the router says about a Route.
 */
import * as k8s from '@kubernetes/client-node';
import { apiFor, waitFor } from '../support/cluster';

export interface ExposedRoute {
  /** The Route's name, that of the Service it exposes. */
  name: string;
  /** The host the router generated and admitted. */
  host: string;
}

const ROUTES = { group: 'route.openshift.io', version: 'v1', plural: 'routes' };

interface LiveRoute {
  spec?: { host?: string };
  status?: {
    ingress?: {
      host?: string;
      conditions?: { type: string; status: string; reason?: string }[];
    }[];
  };
}

/** What the router said about a Route: its host, whether it serves it, and why not. */
export async function routeAdmission(
  namespace: string,
  name: string,
): Promise<{ host?: string; admitted?: boolean; reason?: string }> {
  const route = (await apiFor('admin', k8s.CustomObjectsApi).getNamespacedCustomObject({
    ...ROUTES,
    namespace,
    name,
  })) as LiveRoute;
  const ingress = route.status?.ingress?.[0];
  const admitted = ingress?.conditions?.find((c) => c.type === 'Admitted');
  return {
    host: route.spec?.host,
    admitted: admitted ? admitted.status === 'True' : undefined,
    reason: admitted?.reason,
  };
}

/** The host the router admitted a Route with, or undefined while it is not admitted. */
export async function admittedHost(namespace: string, name: string): Promise<string | undefined> {
  const r = await routeAdmission(namespace, name);
  return r.admitted ? r.host : undefined;
}

/**
 * `oc expose service` of the web UI, API and file server Services: one Route per Service, named
 * and labelled after it, with no host of its own (the chart names them `<fullname>-<part>`).
 * Returns each with the host it was admitted as.
 */
export async function exposeLikeTheBlog(
  namespace: string,
  fullname: string,
): Promise<ExposedRoute[]> {
  const custom = apiFor('admin', k8s.CustomObjectsApi);
  const routes: ExposedRoute[] = [];
  for (const part of ['webserver', 'apiserver', 'fileserver']) {
    const name = `${fullname}-${part}`;
    const service = await apiFor('admin', k8s.CoreV1Api).readNamespacedService({ name, namespace });
    const port = service.spec?.ports?.[0];
    await custom.createNamespacedCustomObject({
      ...ROUTES,
      namespace,
      body: {
        apiVersion: 'route.openshift.io/v1',
        kind: 'Route',
        metadata: { name, labels: service.metadata?.labels ?? {} },
        spec: {
          to: { kind: 'Service', name, weight: 100 },
          port: { targetPort: port?.name ?? port?.port },
        },
      },
    });
    const host = await waitFor(() => admittedHost(namespace, name), {
      description: `Route ${name} admitted`,
    });
    routes.push({ name, host });
  }
  return routes;
}
