/**
 * Runs nginx with the nginx.conf the chart renders, against a production build of the plugin,
 * the way the container runs it: as an arbitrary non-root UID with GID 0 (when the tests run as
 * root), with only the /tmp stand-in writable, over TLS. Checks MIME types, headers and probes.
 *
 * Needs an nginx binary on PATH (e.g. the Debian `nginx` package); installed by `npm run test:integration`. Only
 * the listen address differs from the real configuration: the test binds 127.0.0.1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, waitFor } from '../support/cluster';
import { PLUGIN_NAME, pick, render, runOk, type Manifest } from './chart';
import { CONSOLE_BUILDS } from '../../scripts/console-builds';

const nginxBinary = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
if (!nginxBinary) {
  throw new Error(
    'nginx is missing: run "bash scripts/ensure-debian-packages.sh nginx nginx" (npm run test:integration does)',
  );
}
/** An arbitrary UID from a typical namespace range, as restricted-v2 would assign. */
const ARBITRARY_UID = 1000680000;
const runAsOtherUser = process.getuid?.() === 0 && fs.existsSync('/usr/bin/setpriv');

const EXPECTED_TYPES: Record<string, string> = {
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  map: 'application/json',
  css: 'text/css',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
};

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
}

describe('nginx serving the plugin with the chart configuration', () => {
  let work: string;
  let dist: string;
  let port: number;
  let ca: string;
  let nginx: ChildProcess | undefined;
  let log = '';

  const get = (urlPath: string): Promise<Response> =>
    new Promise((resolve, reject) => {
      const req = https.get(
        { host: '127.0.0.1', port, path: urlPath, ca, servername: 'localhost' },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
    });

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'clearml-nginx-'));
    dist = path.join(work, 'html');
    const cert = path.join(work, 'cert');
    const tmp = path.join(work, 'tmp');
    fs.mkdirSync(cert);
    fs.mkdirSync(tmp);

    // Production build, as the Containerfile runs it.
    await runOk(path.join(REPO_ROOT, 'node_modules', '.bin', 'webpack'), [], {
      env: { NODE_ENV: 'production', PLUGIN_OUTPUT_DIR: dist },
    });
    // The 4.19–4.21 build where the Containerfile copies it: under /4.19/ of the 4.22 one.
    fs.renameSync(`${dist}-4.19`, path.join(dist, '4.19'));
    await runOk('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      path.join(cert, 'tls.key'),
      '-out',
      path.join(cert, 'tls.crt'),
    ]);
    ca = fs.readFileSync(path.join(cert, 'tls.crt'), 'utf8');

    // The configuration exactly as the chart renders it, with paths moved into the work dir.
    const objects: Manifest[] = await render();
    const cm = pick<k8s.V1ConfigMap & Manifest>(objects, 'ConfigMap', `${PLUGIN_NAME}-nginx`);
    port = await freePort();
    const conf = cm
      .data!['nginx.conf'].replaceAll(' /tmp/', ` ${tmp}/`)
      .replaceAll('/var/cert/', `${cert}/`)
      .replace('root /usr/share/nginx/html;', `root ${dist};`)
      .replace('listen [::]:9443 ssl ipv6only=off;', `listen 127.0.0.1:${port} ssl;`);
    const unmoved = conf
      .split('\n')
      .filter((l) => !l.trim().startsWith('#') && !l.includes(work))
      .filter((l) => /\/tmp\/|\/var\/cert|\/usr\/share\/nginx|9443/.test(l));
    expect(unmoved).toEqual([]);
    const confFile = path.join(work, 'nginx.conf');
    fs.writeFileSync(confFile, conf);

    // Readable by everyone, writable only in tmp (owned by the UID nginx runs as).
    for (const p of [
      work,
      ...filesUnder(work),
      ...fs.readdirSync(dist).map((f) => path.join(dist, f)),
    ]) {
      fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
    }
    if (runAsOtherUser) fs.chownSync(tmp, ARBITRARY_UID, 0);

    // Through a shell with a file as stdout: nginx opens /dev/stdout, which fails on the socket
    // pairs Node uses for child stdio.
    const testLog = path.join(work, 'nginx-t.log');
    const test = spawnSync(
      'sh',
      ['-c', `"$0" -t -q -e stderr -c "$1" >"$2" 2>&1`, nginxBinary, confFile, testLog],
      { encoding: 'utf8' },
    );
    expect(test.status, fs.readFileSync(testLog, 'utf8')).toBe(0);
    for (const leftover of fs.readdirSync(tmp))
      fs.rmSync(path.join(tmp, leftover), { recursive: true });

    // The pipe to `cat` belongs to the UID, like a container runtime's stdio does, so nginx can
    // open /dev/stdout for its access log.
    const command = `exec ${nginxBinary} -e stderr -c ${confFile} 2>&1 | cat`;
    const argv = runAsOtherUser
      ? [
          '/usr/bin/setpriv',
          `--reuid=${ARBITRARY_UID}`,
          '--regid=0',
          '--clear-groups',
          'sh',
          '-c',
          command,
        ]
      : ['sh', '-c', command];
    nginx = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stdout?.on('data', (c: Buffer) => (log += c.toString()));
    nginx.stderr?.on('data', (c: Buffer) => (log += c.toString()));
    await waitFor(async () => (await get('/healthz')).status === 200, {
      timeoutMs: 15_000,
      description: `nginx to answer on 127.0.0.1:${port}`,
    }).catch((err: Error) => {
      throw new Error(`${err.message}\nnginx output:\n${log}`);
    });
  }, 120_000);

  afterAll(() => {
    if (nginx?.pid) {
      try {
        process.kill(-nginx.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('serves the plugin manifest over TLS for the readiness probe', async () => {
    const res = await get('/plugin-manifest.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json\b/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect((JSON.parse(res.body.toString()) as { name: string }).name).toBe(PLUGIN_NAME);
  });

  it('serves each build at the base path the chart gives the console, with its API range', async () => {
    for (const build of CONSOLE_BUILDS) {
      const res = await get(`${build.basePath}plugin-manifest.json`);
      expect(res.status, build.basePath).toBe(200);
      const manifest = JSON.parse(res.body.toString()) as {
        dependencies: Record<string, string>;
      };
      expect(manifest.dependencies['@console/pluginAPI']).toBe(build.pluginAPI);
    }
  });

  it('serves every file of both builds with its MIME type and nosniff', async () => {
    const files = filesUnder(dist);
    expect(files.filter((f) => /plugin-entry\..*\.js$/.test(f))).toHaveLength(2);
    for (const file of files) {
      const rel = path.relative(dist, file).split(path.sep).join('/');
      const ext = path.extname(file).slice(1);
      const res = await get(`/${rel}`);
      expect(res.status, rel).toBe(200);
      expect(res.body.equals(fs.readFileSync(file)), rel).toBe(true);
      expect(EXPECTED_TYPES[ext], `no expectation for .${ext}`).toBeDefined();
      expect(res.headers['content-type'], rel).toMatch(new RegExp(`^${EXPECTED_TYPES[ext]}\\b`));
      expect(res.headers['x-content-type-options'], rel).toBe('nosniff');
    }
  });

  it('caches content-hashed scripts for good and everything else never', async () => {
    const files = filesUnder(dist).map((f) => path.relative(dist, f).split(path.sep).join('/'));
    const hashed = files.filter((f) => /[.-][0-9a-f]{16,}\.min\.js$/.test(f));
    expect(hashed.length).toBeGreaterThan(1);
    for (const f of hashed) {
      expect((await get(`/${f}`)).headers['cache-control'], f).toContain('immutable');
    }
    const locale = `/locales/en/plugin__${PLUGIN_NAME}.json`;
    expect((await get(locale)).headers['cache-control']).toBe('no-cache');
  });

  it('answers the liveness probe and 404s unknown files', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body.toString()).toBe('ok\n');
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/../etc/passwd')).status).toBe(400);
  });

  it.runIf(runAsOtherUser)('runs as the arbitrary non-root UID', () => {
    const pid = fs.readFileSync(path.join(work, 'tmp', 'nginx.pid'), 'utf8').trim();
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    expect(status).toMatch(new RegExp(`^Uid:\\s+${ARBITRARY_UID}\\s`, 'm'));
    expect(status).toMatch(/^Gid:\s+0\s/m);
  });
});
