/**
 * Runs Debian's redis-server with the command, arguments and environment the renderer gives the
 * Redis container, changing only the port and the data directory (and binding 127.0.0.1), then
 * checks that it answers the rendered probe, serves the ClearML servers' password, and keeps the
 * data across a restart (append-only file in the data directory).
 *
 * Needs redis-server and redis-cli on PATH (Debian `redis-server`); installed by
 * `npm run test:integration`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EnvVar, StatefulSet } from '../../src/engine/k8s-types';
import { render } from '../../src/engine/render/render';
import { PORTS } from '../../src/engine/render/endpoints';
import { createValues } from '../../src/engine/values';

if (!spawnSync('sh', ['-c', 'command -v redis-server && command -v redis-cli']).stdout.length) {
  throw new Error(
    'redis-server is missing: run "bash scripts/ensure-debian-packages.sh redis-server redis-server" (npm run test:integration does)',
  );
}

const PASSWORD = 'R3dis-pa55/word+with=specials~0123456';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

describe('Redis as rendered', async () => {
  const objects = await render(createValues({ credentials: { redisPassword: PASSWORD } }));
  const sts = objects.find((o) => o.kind === 'StatefulSet' && o.metadata.name === 'clearml-redis');
  const container = (sts as StatefulSet).spec.template.spec.containers[0];
  const mount = container.volumeMounts?.find((m) => m.name === 'data')?.mountPath ?? '';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearml-redis-'));
  const port = await freePort();
  const children: ChildProcess[] = [];

  const adapt = (args: string[]) =>
    args.map((a, i) =>
      args[i - 1] === '--port' ? String(port) : args[i - 1] === '--dir' ? dataDir : a,
    );
  const env = (vars: EnvVar[] = []) =>
    Object.fromEntries(vars.map((e) => [e.name, e.value ?? (e.valueFrom ? PASSWORD : '')]));

  /** The probe as rendered, pointed at the test port. */
  const probe = () => {
    const [cmd, ...rest] = container.readinessProbe?.exec?.command ?? [];
    const adapted = rest.map((a) => a.replace(`-p ${PORTS.redis}`, `-p ${port}`));
    return spawnSync(cmd, adapted, { env: { ...process.env, ...env(container.env) } }).status;
  };
  const cli = (...args: string[]) =>
    spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {
      env: { ...process.env, REDISCLI_AUTH: PASSWORD },
      encoding: 'utf8',
    }).stdout.trim();

  async function start(): Promise<ChildProcess> {
    const command = container.command ?? [];
    const args = [...adapt(container.args ?? []), '--bind', '127.0.0.1'];
    const child = spawn(command[0], [...command.slice(1), ...args], {
      env: { PATH: process.env.PATH, ...env(container.env) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const deadline = Date.now() + 20_000;
    while (probe() !== 0) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('redis did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    return child;
  }
  async function stop(child: ChildProcess): Promise<void> {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its data in the volume mount with an append-only file', () => {
    expect(mount).toBe('/data');
    expect(container.args).toEqual(expect.arrayContaining(['--dir', mount, '--appendonly', 'yes']));
  });

  it('serves, requires the password, disables FLUSHALL and persists across a restart', async () => {
    const first = await start();
    expect(cli('PING')).toBe('PONG');
    const anonymous = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'PING'], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(anonymous.stdout).toContain('NOAUTH');
    expect(cli('SET', 'clearml:test', 'kept ü')).toBe('OK');
    expect(cli('FLUSHALL')).toContain('unknown command');
    await stop(first);
    expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);

    await start();
    expect(cli('GET', 'clearml:test')).toBe('kept ü');
  });
});
