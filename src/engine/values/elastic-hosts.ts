import { z } from 'zod';

/**
 * External Elasticsearch hosts, in the shapes the server's client accepts. clearml-server v2.0.0
 * passes `hosts.elastic.<cluster>.hosts` unchanged to `Elasticsearch(hosts=…)`
 * (apiserver/es_factory.py:85-93), pinned to elasticsearch-py 8.17.0 (apiserver/requirements.txt).
 * That client takes URL strings or mappings with only `scheme`, `host`, `port`, `path_prefix`
 * (elasticsearch-py 8.x elasticsearch/_sync/client/utils.py `hosts_to_node_configs`,
 * `host_mapping_to_node_config`; no `http_auth` in a mapping), and its node config requires the
 * scheme, which the chart's connection string left out.
 */
const HOST_PATTERN = /^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$/;
const PATH_PATTERN = /^(\/[A-Za-z0-9._~-]+)+$/;

export const elasticHostObject = z.strictObject({
  host: z
    .string()
    .max(253, 'host must be at most 253 characters')
    .regex(HOST_PATTERN, 'host must be a host name or IP address such as es.example.com'),
  port: z
    .int('port must be a whole number')
    .min(1, 'port must be between 1 and 65535')
    .max(65535, 'port must be between 1 and 65535')
    .default(9200),
  scheme: z
    .string()
    .refine((text) => text === 'http' || text === 'https', {
      message: 'scheme must be http or https',
    })
    .default('http'),
  pathPrefix: z
    .string()
    .regex(PATH_PATTERN, 'path prefix must be a path such as /elastic')
    .optional(),
});

const URL_FORMAT = 'must be a URL with scheme, host and port, such as http://es.example.com:9200';

function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return URL_FORMAT;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'URL scheme must be http or https';
  }
  // elastic-transport url_to_node_config fills in 443 for https only; http needs its port.
  if (url.protocol === 'http:' && !url.port && !/^http:\/\/[^/]*:\d+(\/|$)/.test(text)) {
    return URL_FORMAT;
  }
  if (/["\\\s]/.test(text)) {
    return 'URL must percent-encode quotes, backslashes and spaces';
  }
  if (url.search || url.hash) {
    return 'URL must not have a query or fragment';
  }
  if (url.pathname !== '/' && !PATH_PATTERN.test(url.pathname.replace(/\/$/, ''))) {
    return 'URL path must be a plain path such as /elastic';
  }
  return undefined;
}

export const elasticHostUrl = z.string().superRefine((text, ctx) => {
  const problem = urlProblem(text);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
});

export const elasticHosts = z
  .array(
    z.union([elasticHostUrl, elasticHostObject], {
      error: 'each host must be a URL or a {host, port, scheme} entry',
    }),
    { error: 'hosts must be a list of URLs or {host, port, scheme} entries' },
  )
  .min(1, 'hosts must list at least one Elasticsearch node');

export type ElasticHostInput = z.output<typeof elasticHostObject> | string;

/**
 * One node as written to `CLEARML__HOSTS__ELASTIC__*__HOSTS`: a URL stays a URL (the client turns
 * a user and password in it into a Basic Authorization header and fills in 443 for https,
 * elastic-transport `url_to_node_config`); an entry becomes the client's mapping.
 */
export type ElasticNode =
  string | { host: string; port: number; scheme: string; path_prefix?: string };

export function elasticNode(entry: ElasticHostInput): ElasticNode {
  if (typeof entry === 'string') {
    return entry;
  }
  return {
    host: entry.host,
    port: entry.port,
    scheme: entry.scheme,
    ...(entry.pathPrefix ? { path_prefix: entry.pathPrefix } : {}),
  };
}

/** The node list as written to `CLEARML__HOSTS__ELASTIC__*__HOSTS` (JSON, which is valid HOCON). */
export const elasticNodesValue = (entries: ElasticHostInput[]): string =>
  JSON.stringify(entries.map(elasticNode));

/** Values entries back from a stored node list (for an upgrade that reads the Secret). */
export function elasticEntriesOf(stored: string): ElasticHostInput[] | undefined {
  try {
    const nodes = JSON.parse(stored) as ElasticNode[];
    if (!Array.isArray(nodes)) {
      return undefined;
    }
    return nodes.map((n) =>
      typeof n === 'string'
        ? n
        : {
            host: n.host,
            port: n.port,
            scheme: n.scheme as 'http' | 'https',
            ...(n.path_prefix ? { pathPrefix: n.path_prefix } : {}),
          },
    );
  } catch {
    return undefined;
  }
}
