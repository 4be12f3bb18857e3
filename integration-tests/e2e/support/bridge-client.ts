/**
 * Raw HTTP access to the development host's bridge from the test process, as a browser would
 * make it: a `csrf-token` cookie from the index page, the identity cookie, and (optionally) the
 * `X-CSRFToken` header. Used for test steps through the API and for proving the CSRF rule.
 */
import type { ClusterUser } from './users';

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
}
