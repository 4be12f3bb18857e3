/**
 * Runs the development console host as its own process (as `npm start` does) against the local
 * control plane, so that a test can send it hostile requests and then check that the process is
 * still alive and answering. Requests go out over raw sockets or node:http, which let a test set
 * any `Host`, `Origin` or malformed header a browser or an attacker could send.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { KUBECONFIG_PATH, REPO_ROOT } from '../support/cluster';

export const PLUGIN = 'clearml-console-plugin';
const ANSWER_WITHIN_MS = 5_000;

export type DevHost = {
  port: number;
  url: string;
  /** `http://127.0.0.1:<port>`, what the host's own pages send as `Origin`. */
  origin: string;
  /** Everything the process wrote to stdout and stderr. */
  output: () => string;
  exitCode: () => number | null;
  stop: () => Promise<void>;
};

/** Starts the host with the cluster's identities; `plugin` is a build folder or a URL. */
export async function startDevHost(plugin?: string): Promise<DevHost> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clearml-dev-host-'));
  const hostDist = path.join(work, 'host');
  fs.mkdirSync(hostDist);
  fs.writeFileSync(path.join(hostDist, 'main.js'), '/* console host */\n');
  const pluginDir = path.join(work, 'plugin');
  fs.mkdirSync(pluginDir);
  fs.writeFileSync(path.join(pluginDir, 'plugin-manifest.json'), JSON.stringify({ name: PLUGIN }));

  const child: ChildProcess = spawn(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [
      path.join(REPO_ROOT, 'integration-tests/console-shell/server/main.ts'),
      '--kubeconfig',
      KUBECONFIG_PATH,
      '--port',
      '0',
      '--host-dist',
      hostDist,
      '--plugin',
      `${PLUGIN}=${plugin ?? pluginDir}`,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${output}`)), 60_000);
    const look = () => {
      const m = /Console host: (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited ${code} while starting:\n${output}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    port,
    url,
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    exitCode: () => child.exitCode,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request with exactly these headers (Host included); rejects if no answer in 5 s. */
export function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
        setHost: false,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.setTimeout(ANSWER_WITHIN_MS, () =>
      req.destroy(new Error(`no answer to ${options.method ?? 'GET'} ${options.path} in 5 s`)),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Writes `head` (request line and headers, CRLF-separated, without the blank line) on a raw
 * socket and returns the status line of the answer; rejects if none comes within 5 s.
 */
export function rawStatusLine(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 5 s to:\n${head}`));
    }, ANSWER_WITHIN_MS);
    socket.on('data', (c: Buffer) => {
      data += c.toString('latin1');
      const end = data.indexOf('\r\n');
      if (end >= 0) {
        clearTimeout(timer);
        socket.destroy();
        resolve(data.slice(0, end));
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (!data.includes('\r\n'))
        reject(new Error(`connection closed without an answer to:\n${head}`));
    });
    socket.write(`${head}\r\n\r\n`, 'latin1');
  });
}

/** The request line and headers of a WebSocket watch on ConfigMaps in `namespace`. */
export function upgradeHead(
  port: number,
  namespace: string,
  headers: Record<string, string> = {},
  target = `/api/kubernetes/api/v1/namespaces/${namespace}/configmaps?watch=true`,
): string {
  const all: Record<string, string> = {
    Host: `127.0.0.1:${port}`,
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    Origin: `http://127.0.0.1:${port}`,
    ...headers,
  };
  return [
    `GET ${target} HTTP/1.1`,
    ...Object.entries(all)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}: ${v}`),
  ].join('\r\n');
}

/** The `csrf-token` cookie of a fresh index page, as the host's own pages get it. */
export async function csrfToken(port: number): Promise<string> {
  const index = await request(port, { path: '/' });
  const cookie = ([] as string[])
    .concat(index.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('csrf-token='));
  if (!cookie) throw new Error('the host set no csrf-token cookie');
  return cookie.slice('csrf-token='.length).split(';')[0];
}

/** The host is still running and serves its index page. */
export async function expectAlive(host: DevHost): Promise<void> {
  expect(host.exitCode(), host.output()).toBeNull();
  const index = await request(host.port, { path: '/' });
  expect(index.status).toBe(200);
}
