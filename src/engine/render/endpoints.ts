import type { EnvVar } from '../k8s-types';
import type { RenderContext } from './context';
import { secretEnv, type WaitTarget } from './pod';
import { SECRET_KEYS } from './secrets';

export const PORTS = {
  apiserver: 8008,
  fileserver: 8081,
  webserver: 80,
  webserverService: 8080,
  mongodb: 27017,
  redis: 6379,
  elasticsearchHttp: 9200,
  elasticsearchTransport: 9300,
} as const;

/** The server's default company id (the chart leaves `default_company` empty in async delete). */
export const DEFAULT_COMPANY_ID = 'd1bd92a3b039400cbafc60a7a5b1e52b';

export const apiserverUrl = (ctx: RenderContext): string =>
  `http://${ctx.name('apiserver')}:${PORTS.apiserver}`;
export const fileserverUrl = (ctx: RenderContext): string =>
  `http://${ctx.name('fileserver')}:${PORTS.fileserver}`;

/** `CLEARML__HOSTS__ELASTIC__*__HOSTS`: the JSON host list, with the scheme the chart left empty. */
export function elasticHostsJson(ctx: RenderContext): string {
  const es = ctx.values.components.elasticsearch;
  if (!es.enabled && es.external) {
    return es.external.hosts;
  }
  return JSON.stringify([
    { host: ctx.name('elasticsearch'), port: PORTS.elasticsearchHttp, scheme: 'http' },
  ]);
}

export function redisEnv(ctx: RenderContext): EnvVar[] {
  const redis = ctx.values.components.redis;
  const external = !redis.enabled ? redis.external : undefined;
  return [
    { name: 'CLEARML_REDIS_SERVICE_HOST', value: external?.host ?? ctx.name('redis') },
    { name: 'CLEARML_REDIS_SERVICE_PORT', value: String(external?.port ?? PORTS.redis) },
  ];
}

export function mongoEnv(ctx: RenderContext): EnvVar[] {
  if (ctx.values.components.mongodb.enabled) {
    return [
      {
        name: 'CLEARML_MONGODB_SERVICE_CONNECTION_STRING',
        value: `mongodb://${ctx.name('mongodb')}:${PORTS.mongodb}`,
      },
    ];
  }
  return [
    secretEnv(ctx, 'CLEARML__HOSTS__MONGO__BACKEND__HOST', SECRET_KEYS.mongodbBackend),
    secretEnv(ctx, 'CLEARML__HOSTS__MONGO__AUTH__HOST', SECRET_KEYS.mongodbAuth),
  ];
}

export function elasticEnv(ctx: RenderContext): EnvVar[] {
  const es = ctx.values.components.elasticsearch;
  // An external host list may hold credentials, so it is read from the Secret.
  const external = !es.enabled && es.external;
  const hosts = elasticHostsJson(ctx);
  return ['WORKERS', 'EVENTS', 'DATASETS', 'LOGS'].map((index) => {
    const name = `CLEARML__HOSTS__ELASTIC__${index}__HOSTS`;
    return external ? secretEnv(ctx, name, SECRET_KEYS.elasticsearchHosts) : { name, value: hosts };
  });
}

/** What the apiserver and async delete wait for: the bundled data stores only. */
/** What the servers that talk to the API server wait for before they start. */
export const apiserverWaitTargets = (ctx: RenderContext): WaitTarget[] => [
  { http: `${apiserverUrl(ctx)}/debug.ping` },
];

export function dataStoreWaitTargets(ctx: RenderContext): WaitTarget[] {
  const c = ctx.values.components;
  const targets: WaitTarget[] = [];
  if (c.elasticsearch.enabled) {
    targets.push({
      http: `http://${ctx.name('elasticsearch')}:${PORTS.elasticsearchHttp}/_cluster/health`,
    });
  }
  if (c.mongodb.enabled) {
    targets.push({ tcp: { host: ctx.name('mongodb'), port: PORTS.mongodb } });
  }
  if (c.redis.enabled) {
    targets.push({ tcp: { host: ctx.name('redis'), port: PORTS.redis } });
  }
  return targets;
}

/** URL prefixes of stored artifacts that async delete may remove: external and in-cluster. */
export function filesUrlPrefixes(ctx: RenderContext): string[] {
  return [...(ctx.urls.files ? [ctx.urls.files] : []), fileserverUrl(ctx)];
}
