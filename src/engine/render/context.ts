import type { ComponentId } from '../components';
import type { K8sObject, ObjectMeta, Route, StringMap } from '../k8s-types';
import { objectName, type ObjectKey } from '../names';
import type { ClearMLValues } from '../values/schema';

/** What every component renderer needs: the values plus derived names and external URLs. */
export interface RenderContext {
  values: ClearMLValues;
  name: (key: ObjectKey) => string;
  /** Hosts of the web UI and API when known (custom host, or the admitted host of the live Route). */
  hosts: { app?: string; api?: string };
  /** External https URLs when known; files are `https://<app host>/files` with the web UI. */
  urls: { app?: string; api?: string; files?: string };
  credentialsSecret: string;
}

export const MANAGED_BY = 'clearml-console-plugin';

/** `app.kubernetes.io/name` per component. */
const APP_NAMES: Record<ComponentId | 'credentials' | 'security' | 'agent', string> = {
  apiserver: 'clearml-apiserver',
  'async-delete': 'clearml-async-delete',
  fileserver: 'clearml-fileserver',
  webserver: 'clearml-webserver',
  mongodb: 'mongodb',
  redis: 'redis',
  elasticsearch: 'elasticsearch',
  credentials: 'clearml',
  security: 'clearml',
  agent: 'clearml-agent',
};

export type LabelComponent = keyof typeof APP_NAMES;

export function selectorLabels(ctx: RenderContext, component: LabelComponent): StringMap {
  return {
    'app.kubernetes.io/instance': ctx.values.name,
    'app.kubernetes.io/component': component,
  };
}

export function labels(ctx: RenderContext, component: LabelComponent): StringMap {
  return {
    'app.kubernetes.io/name': APP_NAMES[component],
    ...selectorLabels(ctx, component),
    // The console's Topology view groups workloads by this label: one group per instance.
    'app.kubernetes.io/part-of': ctx.values.name,
    'app.kubernetes.io/managed-by': MANAGED_BY,
  };
}

export function meta(
  ctx: RenderContext,
  key: ObjectKey,
  component: LabelComponent,
  annotations?: StringMap,
): ObjectMeta {
  return {
    name: ctx.name(key),
    namespace: ctx.values.namespace,
    labels: labels(ctx, component),
    ...(annotations ? { annotations } : {}),
  };
}

/** The path under the web UI's host at which the file server is exposed (see routes.ts). */
export const FILES_PATH = '/files';

export function createContext(
  values: ClearMLValues,
  liveRoutes: Record<string, Route> = {},
): RenderContext {
  const name = (key: ObjectKey) => objectName(values.name, key);
  const hostOf = (custom: string | undefined, route: ObjectKey): string | undefined =>
    custom ?? (values.exposure.routes ? admittedHost(liveRoutes[name(route)]) : undefined);
  const h = values.exposure.hosts;
  const hosts = { app: hostOf(h.app, 'appRoute'), api: hostOf(h.api, 'apiRoute') };
  const https = (host: string | undefined) => (host ? `https://${host}` : undefined);
  // With the web UI, files live on its origin under /files, where its session cookie is sent.
  const files = values.components.webserver.enabled
    ? hosts.app && `https://${hosts.app}${FILES_PATH}`
    : https(hostOf(h.files, 'filesRoute'));
  return {
    values,
    name,
    credentialsSecret: name('credentials'),
    hosts,
    urls: { app: https(hosts.app), api: https(hosts.api), files },
  };
}

/**
 * The host the console would show for a Route: the admitted ingress with the oldest transition,
 * else `spec.host`.
 */
export function admittedHost(route: Route | undefined): string | undefined {
  if (!route) {
    return undefined;
  }
  const admitted = (route.status?.ingress ?? [])
    .map((ing) => ({
      host: ing.host,
      since: ing.conditions?.find((c) => c.type === 'Admitted' && c.status === 'True')
        ?.lastTransitionTime,
    }))
    .filter((x) => x.since !== undefined)
    .sort((a, b) => (a.since as string).localeCompare(b.since as string));
  return admitted[0]?.host ?? route.spec.host;
}

export function isObject<T extends K8sObject>(obj: T | undefined): obj is T {
  return obj !== undefined;
}
