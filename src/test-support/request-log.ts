/**
 * Wraps a ClusterClient and writes down each call as the HTTP request the REST client would send
 * for it: verb, path (built with the engine's own path functions) and, for writes and reviews,
 * the body. Two equal entries are the same request sent twice.
 */
import {
  applyPath,
  createPath,
  groupVersionPath,
  listAccept,
  listPath,
  objectPath,
  refOf,
} from '../engine/cluster/api-paths';
import { type ClusterClient, FIELD_MANAGER } from '../engine/cluster/client';

export interface LoggedRequest {
  verb: 'GET' | 'PATCH' | 'POST' | 'DELETE';
  path: string;
  body?: string;
  /** The Accept header, when it is not plain JSON. */
  accept?: string;
}

export function withRequestLog(inner: ClusterClient): {
  client: ClusterClient;
  requests: LoggedRequest[];
} {
  const requests: LoggedRequest[] = [];
  const log = (verb: LoggedRequest['verb'], path: string, body?: unknown) =>
    requests.push({ verb, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const client: ClusterClient = {
    get: (ref) => {
      log('GET', objectPath(ref));
      return inner.get(ref);
    },
    list: (apiVersion, kind, options) => {
      log('GET', listPath(apiVersion, kind, options));
      if (options?.metadataOnly) requests[requests.length - 1].accept = listAccept(options);
      return inner.list(apiVersion, kind, options);
    },
    apply: (obj, options = {}) => {
      log('PATCH', applyPath(refOf(obj), FIELD_MANAGER, options), obj);
      return inner.apply(obj, options);
    },
    create: (obj) => {
      log('POST', createPath(obj.apiVersion, obj.kind, obj.metadata.namespace), obj);
      return inner.create(obj);
    },
    delete: (ref, options) => {
      log('DELETE', objectPath(ref));
      return inner.delete(ref, options);
    },
    canI: (attributes) => {
      log('POST', createPath('authorization.k8s.io/v1', 'SelfSubjectAccessReview'), attributes);
      return inner.canI(attributes);
    },
    serves: (apiVersion, kind) => {
      log('GET', groupVersionPath(apiVersion));
      return inner.serves(apiVersion, kind);
    },
  };
  return { client, requests };
}

/** `VERB path` of each request sent more than once (same verb, path and body). */
export function repeatedRequests(requests: LoggedRequest[]): string[] {
  const seen = new Map<string, number>();
  for (const r of requests) {
    const key = JSON.stringify([r.verb, r.path, r.body]);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.entries()]
    .filter(([, n]) => n > 1)
    .map(([key]) => {
      const [verb, path] = JSON.parse(key) as [string, string];
      return `${verb} ${path}`;
    });
}
