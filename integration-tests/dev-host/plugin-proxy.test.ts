/**
 * `/api/plugins/<name>/…` proxies to the plugin's (dev) server, the way `npm start` runs it. It
 * must reach that server only: a path such as `///host/x` must not turn into a request to
 * another host carrying the browser's headers.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLUGIN, expectAlive, request, startDevHost, type DevHost } from './dev-host';

type Seen = { path: string; authorization?: string };

/** A real HTTP server on a free loopback port that records what reaches it. */
const recordingServer = async (answer: (path: string) => [number, string]) => {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const [status, body] = answer(req.url ?? '');
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { seen, port, close };
};

let pluginServer: Awaited<ReturnType<typeof recordingServer>>;
let elsewhere: Awaited<ReturnType<typeof recordingServer>>;
let host: DevHost;

beforeAll(async () => {
  pluginServer = await recordingServer((path) =>
    path === '/plugin-manifest.json'
      ? [200, JSON.stringify({ name: PLUGIN })]
      : [404, '{"error":"not found"}'],
  );
  elsewhere = await recordingServer(() => [200, '{"stolen":true}']);
  host = await startDevHost(`http://127.0.0.1:${pluginServer.port}`);
});

afterAll(async () => {
  await host?.stop();
  await pluginServer?.close();
  await elsewhere?.close();
});

describe('the plugin proxy of the development host', () => {
  it("serves the plugin's files from its server", async () => {
    const manifest = await request(host.port, {
      path: `/api/plugins/${PLUGIN}/plugin-manifest.json`,
    });
    expect(manifest.status).toBe(200);
    expect(JSON.parse(manifest.body)).toEqual({ name: PLUGIN });
    expect(pluginServer.seen.map((s) => s.path)).toContain('/plugin-manifest.json');
  });

  it('never reaches another host, whatever the path says', async () => {
    const other = `127.0.0.1:${elsewhere.port}`;
    for (const rest of [`//${other}/x`, `///${other}/x`, `/\\\\${other}/x`, `\\\\${other}/x`]) {
      const answer = await request(host.port, {
        path: `/api/plugins/${PLUGIN}/${rest}`,
        headers: { Authorization: 'Bearer browser-token' },
      });
      expect(answer.status, rest).toBe(404);
      expect(answer.body).not.toMatch(/stolen/);
    }
    expect(elsewhere.seen).toEqual([]);
    await expectAlive(host);
  });

  it("does not pass the browser's Authorization header to the plugin's server either", async () => {
    pluginServer.seen.length = 0;
    await request(host.port, {
      path: `/api/plugins/${PLUGIN}/plugin-manifest.json`,
      headers: { Authorization: 'Bearer browser-token' },
    });
    expect(pluginServer.seen).toEqual([
      { path: '/plugin-manifest.json', authorization: undefined },
    ]);
  });
});
