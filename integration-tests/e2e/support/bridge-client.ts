/**
 * Raw HTTP access to the development host's bridge from the test process, as a browser would
 * make it: a `csrf-token` cookie from the index page, the identity cookie, and (optionally) the
 * `X-CSRFToken` header. Used for test steps through the API and for proving the CSRF rule.
 */
import { parseAllDocuments } from 'yaml';
import type { ClusterUser } from './users';

type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
};

/** API path of a namespaced collection, e.g. `/apis/apps/v1/namespaces/ns/deployments`. */
export const collectionPath = (apiVersion: string, kind: string, namespace?: string) => {
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const lower = kind.toLowerCase();
  const plural = lower.endsWith('s')
    ? `${lower}es`
    : lower.endsWith('y')
      ? `${lower.slice(0, -1)}ies`
      : `${lower}s`;
  return namespace ? `${base}/namespaces/${namespace}/${plural}` : `${base}/${plural}`;
};

export type RawResponse = { status: number; body: string; json: () => unknown };

export class BridgeClient {
  private csrf?: string;

  constructor(
    private readonly baseURL: string,
    private readonly user: ClusterUser = 'admin',
  ) {}

  private async token() {
    if (!this.csrf) {
      const res = await fetch(this.baseURL);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('csrf-token='));
      if (!cookie) throw new Error('the host did not set a csrf-token cookie');
      this.csrf = cookie.slice('csrf-token='.length).split(';')[0];
      await res.text();
    }
    return this.csrf;
  }

  /** A request to `/api/kubernetes<apiPath>`; `csrf: false` leaves the header out. */
  async request(
    method: string,
    apiPath: string,
    body?: unknown,
    options: { csrf?: boolean; contentType?: string } = {},
  ): Promise<RawResponse> {
    const token = await this.token();
    const headers: Record<string, string> = {
      Cookie: `csrf-token=${token}; dev-host-user=${this.user}`,
      Accept: 'application/json',
      // The host accepts writes only from its own pages.
      Origin: new URL(this.baseURL).origin,
    };
    if (options.csrf ?? true) headers['X-CSRFToken'] = token;
    if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
    const res = await fetch(new URL(`api/kubernetes${apiPath}`, this.baseURL), {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text, json: () => JSON.parse(text) };
  }

  async createNamespace(name: string) {
    const res = await this.request('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'clearml.test/ephemeral': 'true' } },
    });
    if (res.status !== 201 && res.status !== 409) {
      throw new Error(`creating namespace ${name}: ${res.status} ${res.body}`);
    }
  }

  async deleteNamespace(name: string) {
    await this.request('DELETE', `/api/v1/namespaces/${name}`);
  }

  /** GET as JSON; throws unless 200. */
  async get<T = unknown>(apiPath: string): Promise<T> {
    const res = await this.request('GET', apiPath);
    if (res.status !== 200) throw new Error(`GET ${apiPath}: ${res.status} ${res.body}`);
    return res.json() as T;
  }

  /** The items of a list (optionally with a label selector). */
  async list<T = KubeObject>(collection: string, labelSelector?: string): Promise<T[]> {
    const query = labelSelector ? `?labelSelector=${encodeURIComponent(labelSelector)}` : '';
    return (await this.get<{ items: T[] }>(`${collection}${query}`)).items;
  }

  /** A strategic-merge (default) or JSON merge patch; throws unless 200. */
  async patch(apiPath: string, body: unknown, type: 'strategic' | 'merge' = 'strategic') {
    const contentType =
      type === 'strategic'
        ? 'application/strategic-merge-patch+json'
        : 'application/merge-patch+json';
    const res = await this.request('PATCH', apiPath, body, { contentType });
    if (res.status !== 200) throw new Error(`PATCH ${apiPath}: ${res.status} ${res.body}`);
    return res.json();
  }

  /**
   * Creates every object of a multi-document YAML (what an administrator does with
   * `oc apply -f`); objects that exist already are replaced.
   */
  async applyYaml(text: string, defaultNamespace?: string) {
    const objects = parseAllDocuments(text)
      .map((d) => d.toJS() as KubeObject | null)
      .filter((o): o is KubeObject => !!o && typeof o === 'object' && 'kind' in o);
    if (!objects.length) throw new Error('no objects in the YAML');
    for (const o of objects) {
      const ns = o.metadata.namespace ?? defaultNamespace;
      const collection = collectionPath(o.apiVersion, o.kind, ns);
      const created = await this.request('POST', collection, o);
      if (created.status === 409) {
        const current = await this.get<KubeObject>(`${collection}/${o.metadata.name}`);
        const replaced = await this.request('PUT', `${collection}/${o.metadata.name}`, {
          ...o,
          metadata: { ...o.metadata, resourceVersion: current.metadata.resourceVersion },
        });
        if (replaced.status !== 200) {
          throw new Error(
            `replacing ${o.kind} ${o.metadata.name}: ${replaced.status} ${replaced.body}`,
          );
        }
      } else if (created.status !== 201) {
        throw new Error(`creating ${o.kind} ${o.metadata.name}: ${created.status} ${created.body}`);
      }
    }
    return objects;
  }

  /** Binds a ClusterRole to a user in a namespace (e.g. `admin` for `developer`). */
  async grant(namespace: string, user: ClusterUser, clusterRole: string) {
    const res = await this.request(
      'POST',
      `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: `${user}-${clusterRole}` },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
      },
    );
    if (res.status !== 201 && res.status !== 409) {
      throw new Error(
        `binding ${clusterRole} to ${user} in ${namespace}: ${res.status} ${res.body}`,
      );
    }
  }
}
