/**
 * The development host holds cluster-admin credentials on a loopback port that every web page
 * the developer opens can reach. Other sites must not be able to use them: WebSocket upgrades and
 * writes need the host's own `Origin`, and only the loopback names are served as `Host` (DNS
 * rebinding). Each refusal is checked next to the same request made the host's own way.
 */
import { WebSocket } from 'ws';
import { createTestNamespace, deleteNamespace } from '../support/cluster';
import {
  csrfToken,
  expectAlive,
  rawStatusLine,
  request,
  startDevHost,
  upgradeHead,
  type DevHost,
} from './dev-host';

let host: DevHost;
let namespace: string;

beforeAll(async () => {
  host = await startDevHost();
  namespace = await createTestNamespace({ prefix: 'dev-host', waitForSccAnnotations: false });
});

afterAll(async () => {
  await host?.stop();
  if (namespace) await deleteNamespace(namespace);
});

/** Opens a watch through the host with the `ws` client; resolves the HTTP status it got. */
const openWatch = (origin: string | undefined, hostName = `127.0.0.1:${host.port}`) =>
  new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(
      `ws://127.0.0.1:${host.port}/api/kubernetes/api/v1/namespaces/${namespace}/configmaps?watch=true`,
      { origin, headers: { Host: hostName }, handshakeTimeout: 5_000 },
    );
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    ws.on('error', reject);
  });

const configMap = (name: string) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

describe('the development host: own origin only', () => {
  it('opens a watch for its own pages (either loopback name)', async () => {
    await expect(openWatch(host.origin)).resolves.toBe(101);
    await expect(
      openWatch(`http://localhost:${host.port}`, `localhost:${host.port}`),
    ).resolves.toBe(101);
  });

  it('refuses a WebSocket upgrade from another origin or without one', async () => {
    await expect(openWatch('https://attacker.example')).resolves.toBe(403);
    // Same host name, other port: another local application.
    await expect(openWatch('http://127.0.0.1:3000')).resolves.toBe(403);
    await expect(openWatch('null')).resolves.toBe(403);
    await expect(openWatch(undefined)).resolves.toBe(403);
    await expectAlive(host);
  });

  it('refuses writes from another origin even with a valid CSRF token', async () => {
    const token = await csrfToken(host.port);
    const path = `/api/kubernetes/api/v1/namespaces/${namespace}/configmaps`;
    const write = (name: string, origin?: string) =>
      request(host.port, {
        method: 'POST',
        path,
        headers: {
          Cookie: `csrf-token=${token}; dev-host-user=admin`,
          'X-CSRFToken': token,
          'Content-Type': 'application/json',
          ...(origin ? { Origin: origin } : {}),
        },
        body: configMap(name),
      });

    const foreign = await write('from-attacker', 'https://attacker.example');
    expect(foreign.status).toBe(403);
    expect((await write('without-origin')).status).toBe(403);
    const own = await write('from-own-page', host.origin);
    expect(own.status).toBe(201);

    const names = JSON.parse(
      (await request(host.port, { path, headers: { Cookie: 'dev-host-user=admin' } })).body,
    ).items.map((cm: { metadata: { name: string } }) => cm.metadata.name);
    expect(names).toContain('from-own-page');
    expect(names).not.toContain('from-attacker');
    expect(names).not.toContain('without-origin');
  });

  it('refuses switching the identity from another origin', async () => {
    const token = await csrfToken(host.port);
    const answer = await request(host.port, {
      method: 'POST',
      path: '/api/dev-host/user',
      headers: {
        Cookie: `csrf-token=${token}`,
        'X-CSRFToken': token,
        Origin: 'https://attacker.example',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ user: 'viewer' }),
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('refuses API reads that the browser marks as made by another site', async () => {
    const path = `/api/kubernetes/api/v1/namespaces/${namespace}/configmaps`;
    const read = (site: string) =>
      request(host.port, { path, headers: { 'Sec-Fetch-Site': site } });
    expect((await read('cross-site')).status).toBe(403);
    expect((await read('same-site')).status).toBe(403);
    expect((await read('same-origin')).status).toBe(200);
  });
});

describe('the development host: loopback names only (DNS rebinding)', () => {
  it('serves 127.0.0.1:<port> and localhost:<port>', async () => {
    for (const name of [`127.0.0.1:${host.port}`, `localhost:${host.port}`]) {
      expect((await request(host.port, { path: '/', headers: { Host: name } })).status).toBe(200);
    }
  });

  it('answers 421 to any other Host, before reaching the API server', async () => {
    const path = `/api/kubernetes/api/v1/namespaces/${namespace}/secrets`;
    for (const name of [
      `attacker.example:${host.port}`,
      'attacker.example',
      `127.0.0.1:${host.port + 1}`,
      `127.0.0.1`,
      `[::1]:${host.port}`,
    ]) {
      const answer = await request(host.port, { path, headers: { Host: name } });
      expect(answer.status, name).toBe(421);
      expect(answer.body).not.toMatch(/"kind"/);
    }
    // A rebound page is its own origin: its Origin matches its Host, and both are refused.
    const rebound = `attacker.example:${host.port}`;
    await expect(openWatch(`http://${rebound}`, rebound)).resolves.toBe(421);
    await expect(
      rawStatusLine(host.port, upgradeHead(host.port, namespace, { Host: '' })),
    ).resolves.toMatch(/^HTTP\/1\.1 (400|421) /);
    await expectAlive(host);
  });
});
