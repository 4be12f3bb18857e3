/**
 * Environment variables the renderer sets itself, per component. `extraEnv` may not set them:
 * each would change wiring the plugin owns (credentials, data-store addresses, Route URLs).
 *
 * Names the servers parse into a configuration tree are compared as that tree's paths:
 * - `CLEARML__a__b` is the path `a.b`, lower-cased (clearml-server v2.3.0
 *   apiserver/config/basic.py:93-109 and fileserver/config/basic.py), merged in sorted order, so
 *   `CLEARML__SECURE__CREDENTIALS` and `CLEARML__secure__credentials__apiserver__user_key` touch
 *   the same setting. A user path is refused when it equals, contains or lies inside a path the
 *   renderer sets.
 * - `WEBSERVER__a__b` is the web UI's `configuration.json` path `a.b`, matched case-insensitively
 *   (clearml-server v2.3.0 docker/build/internal_files/update_from_env.py).
 *
 * `render/reserved-env.test.ts` renders many variants and checks that every variable a
 * component's main container gets is covered here, so this list cannot fall behind the renderer.
 */
import { type Message, msg } from '../messages/message';
import { RESOURCE_COMPONENTS, type ResourceComponent } from './presets';

/** The component keys under `components` in the values: the same as the resource presets'. */
export const VALUES_COMPONENTS = RESOURCE_COMPONENTS;
export type ValuesComponent = ResourceComponent;

type Family = 'server' | 'webserver' | 'mongodb' | 'redis' | 'elasticsearch';

const FAMILY: Record<ValuesComponent, Family> = {
  apiserver: 'server',
  asyncDelete: 'server',
  fileserver: 'server',
  webserver: 'webserver',
  mongodb: 'mongodb',
  redis: 'redis',
  elasticsearch: 'elasticsearch',
};

/** The prefix of names a component parses as configuration paths, if any. */
export function configPrefix(component: ValuesComponent): string | undefined {
  const family = FAMILY[component];
  return family === 'server' ? 'CLEARML__' : family === 'webserver' ? 'WEBSERVER__' : undefined;
}

/** Configuration paths (lower case) the renderer sets on the three ClearML server containers. */
const SERVER_PATHS = [
  'hosts.elastic.workers.hosts',
  'hosts.elastic.events.hosts',
  'hosts.elastic.datasets.hosts',
  'hosts.elastic.logs.hosts',
  'hosts.mongo.backend.host',
  'hosts.mongo.auth.host',
  'hosts.api_server',
  'apiserver.default_company',
  'apiserver.default_company_name',
  'apiserver.auth.session_auth_cookie_name',
  'apiserver.auth.cookies.domain',
  'apiserver.auth.fixed_users.enabled',
  'apiserver.auth.fixed_users.pass_hashed',
  'apiserver.auth.fixed_users.users',
  'apiserver.pre_populate.enabled',
  'apiserver.pre_populate.zip_files',
  'secure.auth.token_secret',
  'secure.http.session_secret.apiserver',
  ...['apiserver', 'fileserver', 'webserver', 'tests', 'services_agent'].flatMap((user) => [
    `secure.credentials.${user}.user_key`,
    `secure.credentials.${user}.user_secret`,
  ]),
  'services.async_urls_delete.fileserver.url_prefixes',
  'fileserver.auth.cookie_names',
  'logging.handlers.text_file.filename',
];

/**
 * The agents' users: `secure.credentials.agent_<name>.*` (render/agents/credentials.ts); a path
 * above them (`secure.credentials`, `secure`) already overlaps the users listed above.
 */
const AGENT_CREDENTIALS = /^secure\.credentials\.agent_[a-z0-9_]+(\.|$)/;

const WEBSERVER_PATHS = ['apibaseurl', 'usefilesproxy', 'filebaseurl', 'displayedserverurls'];

/** Plain names, with a hint where a values field sets the same thing. */
const PLAIN: Record<Family, Record<string, string>> = {
  server: {
    CLEARML_CONFIG_PATH: '',
    CLEARML_CONFIG_DIR: 'components.apiserver.extraConfig',
    CLEARML_ENV: '',
    CLEARML_REDIS_SERVICE_HOST: 'components.redis.external',
    CLEARML_REDIS_SERVICE_PORT: 'components.redis.external',
    CLEARML_REDIS_SERVICE_PASSWORD: 'credentials.redisPassword',
    CLEARML_MONGODB_SERVICE_HOST: 'components.mongodb.external',
    CLEARML_MONGODB_SERVICE_PORT: 'components.mongodb.external',
    CLEARML_MONGODB_SERVICE_USERNAME: '',
    CLEARML_MONGODB_SERVICE_PASSWORD: 'credentials.mongodbPassword',
    CLEARML_MONGODB_SERVICE_QUERY: '',
    PYTHONPATH: '',
  },
  webserver: {
    NGINX_APISERVER_ADDRESS: '',
    NGINX_FILESERVER_ADDRESS: '',
    DISABLE_NGINX_IPV6: 'components.webserver.disableIpv6',
  },
  mongodb: { MONGODB_PASSWORD: 'credentials.mongodbPassword' },
  redis: { REDIS_PASSWORD: 'credentials.redisPassword' },
  elasticsearch: {
    'node.name': '',
    'node.roles': '',
    ...Object.fromEntries(
      ['data', 'ingest', 'master', 'ml', 'remote_cluster_client'].map((r) => [`node.${r}`, '']),
    ),
    'cluster.initial_master_nodes': 'components.elasticsearch.replicas',
    'discovery.seed_hosts': '',
    'cluster.name': '',
    'network.host': '',
    'cluster.deprecation_indexing.enabled': '',
    ES_JAVA_OPTS: 'components.elasticsearch.heap',
    'bootstrap.memory_lock': '',
    'cluster.routing.allocation.node_initial_primaries_recoveries': '',
    'cluster.routing.allocation.disk.watermark.low': '',
    'cluster.routing.allocation.disk.watermark.high': '',
    'cluster.routing.allocation.disk.watermark.flood_stage': '',
    'http.compression_level': '',
    'reindex.remote.whitelist': '',
    'xpack.security.enabled': '',
    'xpack.monitoring.enabled': '',
    'node.store.allow_mmap': 'components.elasticsearch.allowMmap',
  },
};

/** `SECRET_<KEY>` variables carry Secret values into `CLEARML__*` settings (render/pod.ts). */
const SECRET_CARRIER = /^SECRET_/;

const overlaps = (a: string, b: string) =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** The configuration path a name sets, lower-cased, or undefined for a plain name. */
export function configPath(component: ValuesComponent, name: string): string | undefined {
  const prefix = configPrefix(component);
  if (!prefix || !name.startsWith(prefix)) {
    return undefined;
  }
  return name.slice(prefix.length).split('__').join('.').toLowerCase();
}

/**
 * Why `name` may not be set through `extraEnv` of `component`, or undefined when it may. The
 * message names the variable and, where there is one, the values field to use instead.
 */
export function reservedEnvProblem(component: ValuesComponent, name: string): Message | undefined {
  const family = FAMILY[component];
  const path = configPath(component, name);
  if (path !== undefined) {
    const paths = family === 'server' ? SERVER_PATHS : WEBSERVER_PATHS;
    const hit =
      paths.find((p) => overlaps(path, p)) ??
      (family === 'server' && AGENT_CREDENTIALS.test(path) ? path : undefined);
    return hit === undefined ? undefined : msg('values.env.changesSetting', { name, setting: hit });
  }
  const plain = PLAIN[family];
  if (Object.hasOwn(plain, name)) {
    const hint = plain[name];
    return hint
      ? msg('values.env.setByPluginUse', { name, field: hint })
      : msg('values.env.setByPlugin', { name });
  }
  if (family === 'server' && SECRET_CARRIER.test(name)) {
    return msg('values.env.secretCarrier', { name });
  }
  return undefined;
}
