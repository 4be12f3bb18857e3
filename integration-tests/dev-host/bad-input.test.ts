/**
 * Hostile input to the development host: each request gets a 4xx within seconds, and the
 * process keeps serving afterwards. The host runs as its own process against the local control
 * plane, so a crash shows as an exit and a hang as a missing answer.
 */
import * as net from 'node:net';
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
  // The impersonated developer may watch here, so only the host's own checks can refuse.
  namespace = await createTestNamespace({
    prefix: 'dev-host',
    waitForSccAnnotations: false,
    grants: { developer: 'view' },
  });
});

afterAll(async () => {
  await host?.stop();
  if (namespace) await deleteNamespace(namespace);
});

/** `Impersonate-User.<b64>` as the console encodes it (`=`→`_`, `/`→`-`). */
const impersonation = (kind: 'User' | 'Group', bytes: Buffer) =>
  `Impersonate-${kind}.${bytes.toString('base64').replace(/=/g, '_').replace(/\//g, '-')}`;

const upgradeStatus = async (headers: Record<string, string>, target?: string) =>
  rawStatusLine(host.port, upgradeHead(host.port, namespace, headers, target));

describe('the development host under bad input', () => {
  it('still proxies a well-formed impersonated watch', async () => {
    await expect(
      upgradeStatus({
        'Sec-WebSocket-Protocol': impersonation('User', Buffer.from('developer')),
        Cookie: 'dev-host-user=admin',
      }),
    ).resolves.toMatch(/^HTTP\/1\.1 101 /);
  });

  it.each([
    ['a line feed', Buffer.from('admin\nImpersonate-Group: system:masters')],
    ['a carriage return', Buffer.from('admin\r')],
    ['a NUL byte', Buffer.from('ad\0min')],
    ['an escape sequence', Buffer.from('\u001b[31madmin')],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x41])],
    ['nothing', Buffer.alloc(0)],
  ])('answers 400 to an impersonation sub-protocol holding %s', async (_what, bytes) => {
    for (const kind of ['User', 'Group'] as const) {
      await expect(
        upgradeStatus({ 'Sec-WebSocket-Protocol': impersonation(kind, bytes) }),
      ).resolves.toMatch(/^HTTP\/1\.1 400 /);
    }
    await expectAlive(host);
  });

  it('answers 400 to sub-protocols that are not HTTP tokens', async () => {
    for (const protocol of ['a/b', 'Impersonate-User.!!', 'x y']) {
      await expect(upgradeStatus({ 'Sec-WebSocket-Protocol': protocol })).resolves.toMatch(
        /^HTTP\/1\.1 400 /,
      );
    }
    await expectAlive(host);
  });

  it('answers 400 to a malformed cookie of its own and ignores foreign ones', async () => {
    const token = await csrfToken(host.port);
    for (const cookie of ['csrf-token=%E0%A4%A', 'dev-host-user=%']) {
      await expect(upgradeStatus({ Cookie: cookie })).resolves.toMatch(/^HTTP\/1\.1 400 /);
      const index = await request(host.port, { path: '/', headers: { Cookie: cookie } });
      expect(index.status).toBe(400);
      const write = await request(host.port, {
        method: 'POST',
        path: `/api/kubernetes/api/v1/namespaces/${namespace}/configmaps`,
        headers: { Cookie: cookie, 'X-CSRFToken': token, Origin: host.origin },
        body: '{}',
      });
      expect(write.status).toBe(400);
    }
    // Another application on 127.0.0.1 shares the cookie jar; its cookies are not ours to judge.
    const foreign = await request(host.port, {
      path: '/',
      headers: { Cookie: 'other-app=%; dev-host-user=admin' },
    });
    expect(foreign.status).toBe(200);
    await expectAlive(host);
  });

  it('answers 4xx to request targets that are not plain paths', async () => {
    for (const target of ['//', '//[', '//attacker.example/x', '/api/kubernetes//[']) {
      await expect(upgradeStatus({}, target), target).resolves.toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    const absolute = await rawStatusLine(
      host.port,
      `GET http://attacker.example/ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}`,
    );
    expect(absolute).toMatch(/^HTTP\/1\.1 400 /);
    for (const target of ['//[', '/api/plugins/x', '/api/plugins/clearml-console-plugin/%zz']) {
      const answer = await request(host.port, { path: target });
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
    }
    await expectAlive(host);
  });

  it('survives a client that resets the connection while its watch is being opened', async () => {
    for (let i = 0; i < 20; i += 1) {
      const socket = net.connect(host.port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(`${upgradeHead(host.port, namespace)}\r\n\r\n`);
      await new Promise((r) => setTimeout(r, i % 4));
      socket.resetAndDestroy();
    }
    await new Promise((r) => setTimeout(r, 500));
    await expectAlive(host);
  });
});
