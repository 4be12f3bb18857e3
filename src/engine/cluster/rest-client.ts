/**
 * A ClusterClient over any transport that can send one HTTP request to the Kubernetes API.
 * The Node adapter plugs in a TLS transport built from a kubeconfig; tests can plug in their own.
 */
import type { K8sObject } from '../k8s-types';
import {
  APPLY_CONTENT_TYPE,
  applyPath,
  createPath,
  groupVersionPath,
  listAccept,
  listPath,
  objectPath,
  refOf,
} from './api-paths';
import { type ClusterClient, FIELD_MANAGER, type ResourceAttributes } from './client';
import { ApiError, type ApiStatus } from './errors';
import { parseStatus } from './status-body';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path below the API root, e.g. `/api/v1/namespaces/x/pods`, with query string. */
  path: string;
  body?: string;
  contentType?: string;
  /** The Accept header; `application/json` when absent. */
  accept?: string;
}

export interface HttpResponse {
  status: number;
  text: string;
  /** The `Retry-After` header, when the server sent one. */
  retryAfter?: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * The API Status of an error answer, with the `Retry-After` header's seconds when the body has
 * none: priority and fairness rejects with a plain-text 429 and only the header
 * (k8s.io/apiserver v0.34.3 pkg/server/filters/priority-and-fairness.go, `tooManyRequests`).
 */
function errorStatus(response: HttpResponse): ApiStatus | undefined {
  const status = parseStatus(response.text);
  const seconds = Number(response.retryAfter);
  if (!response.retryAfter || !Number.isFinite(seconds) || status?.details?.retryAfterSeconds) {
    return status;
  }
  return { ...status, details: { ...status?.details, retryAfterSeconds: seconds } };
}

async function call<T>(transport: Transport, request: HttpRequest): Promise<T> {
  const response = await transport(request);
  if (response.status < 200 || response.status >= 300) {
    throw new ApiError(response.status, errorStatus(response));
  }
  return (response.text ? JSON.parse(response.text) : undefined) as T;
}

const JSON_TYPE = 'application/json';

export function createRestClient(transport: Transport): ClusterClient {
  const discovery = new Map<string, Promise<Set<string> | undefined>>();

  const resourcesOf = (apiVersion: string) => {
    let cached = discovery.get(apiVersion);
    if (!cached) {
      cached = call<{ resources: { kind: string }[] }>(transport, {
        method: 'GET',
        path: groupVersionPath(apiVersion),
      }).then(
        (list) => new Set(list.resources.map((r) => r.kind)),
        (err: unknown) => {
          discovery.delete(apiVersion);
          if (err instanceof ApiError && err.status === 404) return undefined;
          throw err;
        },
      );
      discovery.set(apiVersion, cached);
    }
    return cached;
  };

  return {
    async get(ref) {
      try {
        return await call(transport, { method: 'GET', path: objectPath(ref) });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return undefined;
        throw err;
      }
    },
    async list(apiVersion, kind, options) {
      const list = await call<{ items?: K8sObject[] | null }>(transport, {
        method: 'GET',
        path: listPath(apiVersion, kind, options),
        ...(options?.metadataOnly ? { accept: listAccept(options) } : {}),
      });
      // List responses omit apiVersion and kind on items; put them back for callers. A
      // metadata-only list (PartialObjectMetadataList) that matches nothing comes back with
      // `"items": null` (a nil Go slice under a tag without omitempty, k8s.io/apimachinery
      // pkg/apis/meta/v1/types.go), so a missing array is an empty list.
      return (list.items ?? []).map((item) => ({ ...item, apiVersion, kind })) as never;
    },
    apply(obj, options = {}) {
      return call(transport, {
        method: 'PATCH',
        path: applyPath(refOf(obj), FIELD_MANAGER, options),
        body: JSON.stringify(obj),
        contentType: APPLY_CONTENT_TYPE,
      });
    },
    create(obj) {
      return call(transport, {
        method: 'POST',
        path: createPath(obj.apiVersion, obj.kind, obj.metadata.namespace),
        body: JSON.stringify(obj),
        contentType: JSON_TYPE,
      });
    },
    async delete(ref, options = {}) {
      try {
        await call(transport, {
          method: 'DELETE',
          path: objectPath(ref),
          body: JSON.stringify({
            apiVersion: 'v1',
            kind: 'DeleteOptions',
            propagationPolicy: options.propagationPolicy ?? 'Background',
          }),
          contentType: JSON_TYPE,
        });
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      }
    },
    async canI(attributes: ResourceAttributes) {
      const review = await call<{ status?: { allowed?: boolean; reason?: string } }>(transport, {
        method: 'POST',
        path: createPath('authorization.k8s.io/v1', 'SelfSubjectAccessReview'),
        body: JSON.stringify({
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: attributes },
        }),
        contentType: JSON_TYPE,
      });
      return { allowed: review.status?.allowed === true, reason: review.status?.reason };
    },
    async serves(apiVersion, kind) {
      const kinds = await resourcesOf(apiVersion);
      return kinds !== undefined && (kind === undefined || kinds.has(kind));
    },
  };
}
