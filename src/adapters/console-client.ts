/**
 * The console's cluster client. Reads, creates and deletes go through the SDK's k8s functions;
 * server-side apply, dry runs and API discovery, which they lack, go through `consoleFetch`.
 * Every request passes the console's Kubernetes proxy with the user's own identity.
 */
import {
  consoleFetch,
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sListItems,
  type K8sModel,
  type K8sResourceCommon,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  APPLY_CONTENT_TYPE,
  applyPath,
  groupVersionPath,
  listAccept,
  listPath,
  modelFor,
  refOf,
} from '../engine/cluster/api-paths';
import { type ClusterClient, FIELD_MANAGER } from '../engine/cluster/client';
import { retrying } from '../engine/cluster/retrying-client';
import { ApiError, type ApiStatus, NetworkError } from '../engine/cluster/errors';
import type { K8sObject } from '../engine/k8s-types';
import { selectorFromString } from './label-selector';

const API_ROOT = '/api/kubernetes';

const model = (apiVersion: string, kind: string) => modelFor(apiVersion, kind) as K8sModel;

/** SDK and consoleFetch errors carry `code` (HTTP status) and `json` (the API Status). */
function toApiError(err: unknown): Error {
  const e = err as { code?: number; status?: number; json?: ApiStatus; message?: string };
  const status = e?.code ?? e?.json?.code ?? e?.status;
  if (typeof status === 'number' && status > 0) return new ApiError(status, e.json, e.message);
  return err instanceof TypeError ? new NetworkError(err.message) : (err as Error);
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toApiError(err);
  }
}

const asSdk = (o: K8sObject) => o as unknown as K8sResourceCommon;

export function createConsoleClient(): ClusterClient {
  return retrying(sdkClient());
}

function sdkClient(): ClusterClient {
  const discovery = new Map<string, Promise<Set<string> | undefined>>();

  return {
    async get(ref) {
      try {
        return (await guard(() =>
          k8sGet({
            model: model(ref.apiVersion, ref.kind),
            name: ref.name,
            ns: ref.namespace,
          }),
        )) as never;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return undefined;
        throw err;
      }
    },
    async list(apiVersion, kind, options = {}) {
      if (options.metadataOnly) {
        // The SDK's list functions accept whole objects only; this asks for metadata alone.
        const response = await guard(() =>
          consoleFetch(`${API_ROOT}${listPath(apiVersion, kind, options)}`, {
            method: 'GET',
            headers: { Accept: listAccept(options) },
          }),
        );
        const list = (await response.json()) as { items?: K8sObject[] };
        return (list.items ?? []).map((item) => ({ ...item, apiVersion, kind })) as never;
      }
      // k8sList turns `labelSelector` into text with selectorToString, so it must be an object.
      const queryParams: Record<string, unknown> = {};
      if (options.namespace) queryParams.ns = options.namespace;
      if (options.labelSelector)
        queryParams.labelSelector = selectorFromString(options.labelSelector);
      if (options.fieldSelector) queryParams.fieldSelector = options.fieldSelector;
      const items = await guard(() =>
        k8sListItems({ model: model(apiVersion, kind), queryParams: queryParams as never }),
      );
      return items.map((item) => ({ ...item, apiVersion, kind })) as never;
    },
    async apply(obj, options = {}) {
      const response = await guard(() =>
        consoleFetch(`${API_ROOT}${applyPath(refOf(obj), FIELD_MANAGER, options)}`, {
          method: 'PATCH',
          headers: { 'Content-Type': APPLY_CONTENT_TYPE, Accept: 'application/json' },
          body: JSON.stringify(obj),
        }),
      );
      return (await response.json()) as typeof obj;
    },
    create(obj) {
      return guard(() =>
        k8sCreate({
          model: model(obj.apiVersion, obj.kind),
          data: asSdk(obj),
          ns: obj.metadata.namespace,
        }),
      ) as never;
    },
    async delete(ref, options = {}) {
      try {
        await guard(() =>
          k8sDelete({
            model: model(ref.apiVersion, ref.kind),
            resource: {
              apiVersion: ref.apiVersion,
              kind: ref.kind,
              metadata: { name: ref.name, namespace: ref.namespace },
            },
            json: {
              apiVersion: 'v1',
              kind: 'DeleteOptions',
              propagationPolicy: options.propagationPolicy ?? 'Background',
            },
          }),
        );
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      }
    },
    async canI(attributes) {
      // A fresh review each time: the SDK's checkAccess memoises answers for the page's life,
      // which would hide a grant an administrator has just made.
      const review = (await guard(() =>
        k8sCreate({
          model: model('authorization.k8s.io/v1', 'SelfSubjectAccessReview'),
          data: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes: attributes },
          } as K8sResourceCommon,
        }),
      )) as { status?: { allowed?: boolean; reason?: string } };
      return { allowed: review.status?.allowed === true, reason: review.status?.reason };
    },
    async serves(apiVersion, kind) {
      let cached = discovery.get(apiVersion);
      if (!cached) {
        cached = guard(() => consoleFetch(`${API_ROOT}${groupVersionPath(apiVersion)}`))
          .then(
            async (r) =>
              new Set(
                ((await r.json()) as { resources: { kind: string }[] }).resources.map(
                  (x) => x.kind,
                ),
              ),
          )
          .catch((err: unknown) => {
            discovery.delete(apiVersion);
            if (err instanceof ApiError && err.status === 404) return undefined;
            throw err;
          });
        discovery.set(apiVersion, cached);
      }
      const kinds = await cached;
      return kinds !== undefined && (kind === undefined || kinds.has(kind));
    },
  };
}
