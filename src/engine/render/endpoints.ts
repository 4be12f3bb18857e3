import type { EnvVar } from '../k8s-types';
import { elasticNodesValue } from '../values/elastic-hosts';
import type { RenderContext } from './context';
import { secretEnv, secretHoconEnv, type WaitTarget } from './pod';
import { SECRET_KEYS } from './secrets';

/** The user the ClearML servers connect to the bundled MongoDB as (see mongodb.ts). */
export const MONGODB_USER = 'clearml';

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

/**
 * `CLEARML__HOSTS__ELASTIC__*__HOSTS`: a list of `{host, port, scheme}` nodes. The server's
 * default has the same shape (clearml-server v2.0.0 apiserver/config/default/hosts.conf:5,15);
 * the scheme, which the chart left empty, is required by the ES 8 client (see elastic-hosts.ts).
 */
export const bundledElasticHostsValue = (ctx: RenderContext): string =>
  elasticNodesValue([
    { host: ctx.name('elasticsearch'), port: PORTS.elasticsearchHttp, scheme: 'http' },
  ]);

export function redisEnv(ctx: RenderContext): EnvVar[] {
  const redis = ctx.values.components.redis;
  const external = !redis.enabled ? redis.external : undefined;
  return [
    { name: 'CLEARML_REDIS_SERVICE_HOST', value: external?.host ?? ctx.name('redis') },
    { name: 'CLEARML_REDIS_SERVICE_PORT', value: String(external?.port ?? PORTS.redis) },
    // clearml-server v2.0.0 and v2.3.0: apiserver/redis_manager.py and fileserver/redis_manager.py
    // read the password from CLEARML_REDIS_SERVICE_PASSWORD.
    ...(redis.enabled
      ? [secretEnv(ctx, 'CLEARML_REDIS_SERVICE_PASSWORD', SECRET_KEYS.redisPassword)]
      : []),
  ];
}

export function mongoEnv(ctx: RenderContext): EnvVar[] {
  if (ctx.values.components.mongodb.enabled) {
    // clearml-server v2.0.0 and v2.3.0 apiserver/database/__init__.py: host, port, username,
    // password and query are set into each database's URL (`mongodb://…/backend`, `…/auth`).
    // The user lives in `admin`, hence authSource. Upstream logs that URL (password included)
    // when it registers the connection; nothing here can prevent that.
    return [
      { name: 'CLEARML_MONGODB_SERVICE_HOST', value: ctx.name('mongodb') },
      { name: 'CLEARML_MONGODB_SERVICE_PORT', value: String(PORTS.mongodb) },
      { name: 'CLEARML_MONGODB_SERVICE_USERNAME', value: MONGODB_USER },
      secretEnv(ctx, 'CLEARML_MONGODB_SERVICE_PASSWORD', SECRET_KEYS.mongodbPassword),
      { name: 'CLEARML_MONGODB_SERVICE_QUERY', value: 'authSource=admin' },
    ];
  }
  // Parsed as HOCON by the server: quoted through $(VAR) expansion (see hocon.ts; the values
  // schema refuses `"` and `\` in MongoDB URLs).
  return [
    ...secretHoconEnv(ctx, 'CLEARML__HOSTS__MONGO__BACKEND__HOST', SECRET_KEYS.mongodbBackend),
    ...secretHoconEnv(ctx, 'CLEARML__HOSTS__MONGO__AUTH__HOST', SECRET_KEYS.mongodbAuth),
  ];
}

export function elasticEnv(ctx: RenderContext): EnvVar[] {
  const es = ctx.values.components.elasticsearch;
  // An external host list may hold credentials, so it is read from the Secret.
  const external = !es.enabled && es.external;
  const hosts = bundledElasticHostsValue(ctx);
  return ['WORKERS', 'EVENTS', 'DATASETS', 'LOGS'].map((index) => {
    const name = `CLEARML__HOSTS__ELASTIC__${index}__HOSTS`;
    return external ? secretEnv(ctx, name, SECRET_KEYS.elasticsearchHosts) : { name, value: hosts };
  });
}

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

/** The async delete's file server URL prefixes, read by the API server and the async delete job. */
export const ASYNC_DELETE_PREFIXES_ENV =
  'CLEARML__services__async_urls_delete__fileserver__url_prefixes';

/** URL prefixes of stored artifacts that async delete may remove: external and in-cluster. */
export function filesUrlPrefixes(ctx: RenderContext): string[] {
  return [...(ctx.urls.files ? [ctx.urls.files] : []), fileserverUrl(ctx)];
}
