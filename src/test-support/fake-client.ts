/**
 * An in-memory fake of the engine's ClusterClient: objects keyed by kind/namespace/name, access
 * reviews answered from a deny list, and hooks to make a request fail the way the API does.
 */
import {
  type ApplyOptions,
  type ClusterClient,
  FIELD_MANAGER,
  type ListOptions,
  type ObjectRef,
  type ResourceAttributes,
} from '../engine/cluster/client';
import { listAccept } from '../engine/cluster/api-paths';
import { ApiError, type ApiStatus } from '../engine/cluster/errors';
import type { K8sObject } from '../engine/k8s-types';

export interface FakeCall {
  method: 'get' | 'list' | 'apply' | 'create' | 'delete' | 'canI' | 'serves';
  what: string;
  dryRun?: boolean;
  /** For lists: the label selector and the Accept header the request would carry. */
  labelSelector?: string;
  accept?: string;
}

type Failure = (obj: K8sObject, options: ApplyOptions) => ApiError | undefined;

const ADMITTED_AT = '2026-01-01T00:00:00Z';

const key = (kind: string, namespace: string | undefined, name: string) =>
  `${kind}/${namespace ?? ''}/${name}`;

export class FakeClusterClient implements ClusterClient {
  objects = new Map<string, K8sObject>();
  calls: FakeCall[] = [];
  /** Access reviews denied, written `verb resource` or `verb resource/name`. */
  denied = new Set<string>();
  /** API group/versions not served (e.g. `project.openshift.io/v1`). */
  unserved = new Set<string>();
  applyFailure?: Failure;
  /** Makes a list fail as the API would (e.g. 403 for a kind the user may not list). */
  listFailure?: (kind: string, options: ListOptions) => ApiError | undefined;
  private rv = 1;

  constructor(objects: K8sObject[] = []) {
    for (const o of objects) this.put(o);
  }

  put(o: K8sObject) {
    const stored = {
      ...o,
      metadata: { ...o.metadata, resourceVersion: String(this.rv++) },
    } as K8sObject;
    // The router admits every Route at once, with its host or a generated one.
    if (o.kind === 'Route') {
      const spec = (o as { spec?: { host?: string } }).spec;
      const host = spec?.host ?? `${o.metadata.name}-${o.metadata.namespace}.apps.example.com`;
      const admitted = { type: 'Admitted', status: 'True', lastTransitionTime: ADMITTED_AT };
      Object.assign(stored, {
        status: { ingress: [{ host, routerName: 'default', conditions: [admitted] }] },
      });
    }
    this.objects.set(key(o.kind, o.metadata.namespace, o.metadata.name), stored);
    return stored;
  }

  async get<T extends K8sObject = K8sObject>(ref: ObjectRef): Promise<T | undefined> {
    this.calls.push({ method: 'get', what: `${ref.kind}/${ref.name}` });
    return this.objects.get(key(ref.kind, ref.namespace, ref.name)) as T | undefined;
  }

  async list<T extends K8sObject = K8sObject>(
    _apiVersion: string,
    kind: string,
    options: ListOptions = {},
  ): Promise<T[]> {
    this.calls.push({
      method: 'list',
      what: kind,
      ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}),
      accept: listAccept(options),
    });
    const failure = this.listFailure?.(kind, options);
    if (failure) throw failure;
    const wanted = (options.labelSelector ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => p.split('='));
    const found = [...this.objects.values()].filter(
      (o) =>
        o.kind === kind &&
        (!options.namespace || o.metadata.namespace === options.namespace) &&
        wanted.every(([k, v]) => o.metadata.labels?.[k] === v),
    );
    // A PartialObjectMetadataList holds each item's metadata and nothing else.
    return (
      options.metadataOnly
        ? found.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, metadata: o.metadata }))
        : found
    ) as T[];
  }

  async apply<T extends K8sObject>(obj: T, options: ApplyOptions = {}): Promise<T> {
    this.calls.push({
      method: 'apply',
      what: `${obj.kind}/${obj.metadata.name}`,
      dryRun: options.dryRun,
    });
    const failure = this.applyFailure?.(obj, options) ?? this.escalation(obj);
    if (failure) throw failure;
    const existing = this.objects.get(key(obj.kind, obj.metadata.namespace, obj.metadata.name));
    if (options.dryRun)
      return {
        ...obj,
        metadata: { ...obj.metadata, resourceVersion: existing?.metadata.resourceVersion },
      };
    // Server-side apply leaves the status alone: an object whose spec is the same is unchanged.
    if (
      existing &&
      JSON.stringify({
        ...existing,
        metadata: { ...existing.metadata, resourceVersion: undefined, managedFields: undefined },
        status: undefined,
      }) ===
        JSON.stringify({
          ...obj,
          metadata: { ...obj.metadata, resourceVersion: undefined },
          status: undefined,
        })
    )
      return existing as T;
    // The field manager of server-side apply, as the API server records it.
    const managedFields = [{ manager: FIELD_MANAGER, operation: 'Apply' }];
    return this.put({ ...obj, metadata: { ...obj.metadata, managedFields } } as K8sObject) as T;
  }

  /**
   * The API server's RBAC escalation check, which runs for dry runs too: binding a ClusterRole
   * needs its permissions (for an SCC role, `use` on the SCC) or `bind` on it; an unchanged
   * binding passes.
   */
  private escalation(obj: K8sObject): ApiError | undefined {
    const roleRef = (obj as { roleRef?: { kind: string; name: string } }).roleRef;
    const scc = /^system:openshift:scc:(.+)$/.exec(roleRef?.name ?? '')?.[1];
    if (obj.kind !== 'RoleBinding' || roleRef?.kind !== 'ClusterRole' || !scc) return undefined;
    // An update that changes nothing but managed fields is not checked (IsOnlyMutatingGCFields).
    const existing = this.objects.get(key(obj.kind, obj.metadata.namespace, obj.metadata.name));
    const content = (o: K8sObject) => {
      const {
        resourceVersion: _rv,
        managedFields: _mf,
        ...metadata
      } = o.metadata as unknown as Record<string, unknown>;
      return JSON.stringify({ ...o, metadata });
    };
    if (existing && content(existing) === content(obj)) return undefined;
    const holds = (verb: string, resource: string, name: string) =>
      !this.denied.has(`${verb} ${resource}`) && !this.denied.has(`${verb} ${resource}/${name}`);
    return holds('use', 'securitycontextconstraints', scc) ||
      holds('bind', 'clusterroles', roleRef!.name)
      ? undefined
      : escalationForbidden(obj.metadata.name);
  }

  async create<T extends K8sObject, R extends K8sObject = T>(obj: T): Promise<R> {
    this.calls.push({ method: 'create', what: `${obj.kind}/${obj.metadata?.name ?? ''}` });
    if (obj.kind === 'LocalSubjectAccessReview') {
      const attrs = (obj as unknown as { spec: { resourceAttributes: ResourceAttributes } }).spec
        .resourceAttributes;
      return {
        ...obj,
        status: {
          allowed: !(
            this.denied.has('use securitycontextconstraints') ||
            this.denied.has(`use securitycontextconstraints/${attrs.name}`)
          ),
        },
      } as unknown as R;
    }
    if (obj.kind === 'ProjectRequest') {
      this.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: obj.metadata.name } });
      return this.put({ ...obj, apiVersion: 'project.openshift.io/v1', kind: 'Project' }) as R;
    }
    return this.put(obj) as unknown as R;
  }

  async delete(ref: ObjectRef): Promise<void> {
    this.calls.push({ method: 'delete', what: `${ref.kind}/${ref.name}` });
    this.objects.delete(key(ref.kind, ref.namespace, ref.name));
  }

  async canI(a: ResourceAttributes) {
    this.calls.push({ method: 'canI', what: `${a.verb} ${a.resource}` });
    const denied =
      this.denied.has(`${a.verb} ${a.resource}`) ||
      (a.name !== undefined && this.denied.has(`${a.verb} ${a.resource}/${a.name}`));
    return { allowed: !denied };
  }

  async serves(apiVersion: string) {
    this.calls.push({ method: 'serves', what: apiVersion });
    return !this.unserved.has(apiVersion);
  }
}

/** The API's answer when a user binds an SCC role they do not hold themselves. */
export const escalationForbidden = (name: string) =>
  new ApiError(403, {
    kind: 'Status',
    status: 'Failure',
    reason: 'Forbidden',
    code: 403,
    message: `rolebindings.rbac.authorization.k8s.io "${name}" is forbidden: user "dev" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held`,
  } satisfies ApiStatus);

export const invalid = (message: string, field: string) =>
  new ApiError(422, {
    kind: 'Status',
    reason: 'Invalid',
    code: 422,
    message,
    details: { causes: [{ field, message }] },
  });
