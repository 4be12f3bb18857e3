import { z } from 'zod';
import { type Message, msg } from '../messages/message';
import { addIssue, rule } from './rule-message';

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
    .max(253, rule('values.es.host.tooLong'))
    .regex(HOST_PATTERN, rule('values.es.host.format')),
  port: z
    .int(rule('values.es.port.whole'))
    .min(1, rule('values.es.port.range'))
    .max(65535, rule('values.es.port.range'))
    .default(9200),
  scheme: z
    .string()
    .refine((text) => text === 'http' || text === 'https', {
      message: rule('values.es.scheme'),
    })
    .default('http'),
  pathPrefix: z.string().regex(PATH_PATTERN, rule('values.es.pathPrefix')).optional(),
});

function urlProblem(text: string): Message | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return msg('values.es.url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return msg('values.es.urlScheme');
  }
  // elastic-transport url_to_node_config fills in 443 for https only; http needs its port.
  if (url.protocol === 'http:' && !url.port && !/^http:\/\/[^/]*:\d+(\/|$)/.test(text)) {
    return msg('values.es.url');
  }
  if (/["\\\s]/.test(text)) {
    return msg('values.es.urlEncode');
  }
  if (url.search || url.hash) {
    return msg('values.es.urlQuery');
  }
  if (url.pathname !== '/' && !PATH_PATTERN.test(url.pathname.replace(/\/$/, ''))) {
    return msg('values.es.urlPath');
  }
  return undefined;
}

export const elasticHostUrl = z.string().superRefine((text, ctx) => {
  const problem = urlProblem(text);
  if (problem) {
    addIssue(ctx, problem);
  }
});

export const elasticHosts = z
  .array(
    z.union([elasticHostUrl, elasticHostObject], {
      error: rule('values.es.host'),
    }),
    { error: rule('values.es.hosts') },
  )
  .min(1, rule('values.es.hostsEmpty'));

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
