import type { EnvVar, K8sObject } from '../k8s-types';
import { resolveResources } from '../values/resources';
import type { RenderContext } from './context';
import { apiserverUrl, apiserverWaitTargets, fileserverUrl, PORTS } from './endpoints';
import {
  basePodSpec,
  SERVER_POD_ANNOTATIONS,
  SERVER_POD_SECURITY,
  serverImage,
  waitInitContainer,
  WEBSERVER_CONTAINER_SECURITY,
} from './pod';
import { extraEnvVars } from './component-extras';
import { webConfigFiles } from './config-files';
import { httpProbe, LIVENESS, READINESS, STARTUP } from './probes';
import { deployment, service } from './workload';

/**
 * How the browser finds the API and file server (see docs/architecture.md): the UI calls the API
 * through its own origin (`/api`, proxied by nginx in the pod), so it works on any Route host;
 * the external files URL, once known, lets the UI route artifact links through `/files`.
 */
export function webserverEnv(ctx: RenderContext): EnvVar[] {
  const v = ctx.values;
  const env: EnvVar[] = [
    { name: 'NGINX_APISERVER_ADDRESS', value: apiserverUrl(ctx) },
    {
      name: 'NGINX_FILESERVER_ADDRESS',
      // nginx refuses to start with an unresolvable upstream; without a file server, /files
      // requests reach the API server and fail there.
      value: v.components.fileserver.enabled ? fileserverUrl(ctx) : apiserverUrl(ctx),
    },
    // WEBSERVER__* values must be JSON.
    { name: 'WEBSERVER__apiBaseUrl', value: JSON.stringify('/api') },
    { name: 'WEBSERVER__useFilesProxy', value: 'true' },
  ];
  if (ctx.urls.files) {
    env.push({ name: 'WEBSERVER__fileBaseUrl', value: JSON.stringify(ctx.urls.files) });
  }
  const displayed: Record<string, string> = {};
  if (ctx.urls.api) {
    displayed.apiServer = ctx.urls.api;
  }
  if (ctx.urls.files) {
    displayed.filesServer = ctx.urls.files;
  }
  if (Object.keys(displayed).length > 0) {
    env.push({ name: 'WEBSERVER__displayedServerUrls', value: JSON.stringify(displayed) });
  }
  if (v.components.webserver.disableIpv6) {
    env.push({ name: 'DISABLE_NGINX_IPV6', value: 'true' });
  }
  return [...env, ...extraEnvVars(ctx, 'webserver')];
}

/** The web UI Deployment (nginx on port 80) and its Service on 8080. */
export function renderWebserver(ctx: RenderContext): K8sObject[] {
  const v = ctx.values;
  const image = serverImage(ctx, 'webserver');
  const config = webConfigFiles(ctx);
  const pod = basePodSpec(ctx, ctx.name('webserver'), 'webserver', {
    securityContext: SERVER_POD_SECURITY,
    initContainers: [waitInitContainer(ctx, 'init-webserver', image, apiserverWaitTargets(ctx))],
    containers: [
      {
        name: 'clearml-webserver',
        image,
        imagePullPolicy: v.images.pullPolicy,
        args: ['webserver'],
        ports: [{ name: 'http', containerPort: PORTS.webserver, protocol: 'TCP' }],
        env: webserverEnv(ctx),
        resources: resolveResources(v, 'webserver'),
        startupProbe: httpProbe('/', 'http', STARTUP),
        livenessProbe: httpProbe('/', 'http', LIVENESS),
        readinessProbe: httpProbe('/', 'http', READINESS),
        ...(config ? { volumeMounts: config.mounts } : {}),
        securityContext: WEBSERVER_CONTAINER_SECURITY,
      },
    ],
    volumes: config ? [config.volume] : [],
  });
  return [
    ...(config ? [config.configMap] : []),
    deployment(ctx, 'webserver', 'webserver', {
      replicas: v.components.webserver.replicas,
      pod,
      podAnnotations: { ...SERVER_POD_ANNOTATIONS, ...config?.annotations },
    }),
    service(ctx, 'webserver', 'webserver', [
      { name: 'http', port: PORTS.webserverService, targetPort: 'http' },
    ]),
  ];
}
