/**
 * `npm start`: the plugin's webpack dev server (watch mode, port 9001, writing dist/), the
 * development console host, and the local control plane (unless KUBECONFIG points at a cluster),
 * then prints the URL. Ctrl-C stops everything this command started.
 *
 * `npm start -- --console 4.20` (or CONSOLE_VERSION=4.20) presents that console release: the
 * host build with its share scope (React 17, react-router 5, … for 4.19–4.21; host-builds.ts),
 * and the plugin built for it (dist-4.19/ for 4.19–4.21); the host refuses a plugin whose
 * `@console/pluginAPI` range does not include it, as the console does.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildForConsole, consoleBuild } from '../../scripts/console-builds';
import { hostBuildFor } from './host-builds';
import { consoleRelease, defaultPlugin, serve } from './server/main';

const root = path.resolve(__dirname, '../..');
const pluginPort = Number(process.env.PLUGIN_DEV_PORT ?? 9001);
const hostPort = Number(process.env.CONSOLE_HOST_PORT ?? 9000);
const consoleArg = process.argv.indexOf('--console');
const release = consoleRelease(
  (consoleArg >= 0 ? process.argv[consoleArg + 1] : process.env.CONSOLE_VERSION) ?? '4.22',
);
const build = buildForConsole(release) ?? consoleBuild('4.22');
const children: ChildProcess[] = [];
let clusterStarted = false;
let stopping = false;

const log = (line: string) => console.error(`[start] ${line}`);

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const forward = (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });

const startLongRunning = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true, // own process group, so that stopping it also stops its children
  });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) log(`${cmd} ${args.join(' ')} exited (${code}); stopping`);
    void stop(code ?? 1);
  });
  return child;
};

const waitForHTTP = async (url: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

let closeBridge: (() => Promise<void>) | undefined;

const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  log('stopping');
  await closeBridge?.().catch(() => undefined);
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  if (clusterStarted) {
    await run('npm', ['run', '--silent', 'cluster:down']).catch((err: Error) => log(err.message));
  }
  process.exit(code);
};

const main = async () => {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const host = hostBuildFor(release);
  log(
    `building the console host (${host.id === '4.22' ? 'React 18' : 'React 17, react-router 5'})`,
  );
  await run('npx', ['webpack', '--config', 'integration-tests/console-shell/webpack.config.ts'], {
    CONSOLE_SHELL_BUILDS: host.id,
  });

  log(
    `starting the plugin dev server on 127.0.0.1:${pluginPort} (watch mode, ${build.outDir}/ ` +
      `for consoles ${build.consoles}; the host presents console ${release})`,
  );
  startLongRunning('npx', ['webpack', 'serve'], {
    PLUGIN_DEV_PORT: String(pluginPort),
    PLUGIN_BUILDS: build.id,
  });

  let kubeconfig = process.env.KUBECONFIG;
  if (kubeconfig) {
    log(`using the cluster from KUBECONFIG=${kubeconfig}`);
  } else {
    log('starting the local control plane (npm run cluster:up)');
    const output = await run('npm', ['run', '--silent', 'cluster:up']);
    clusterStarted = !output.includes('already running');
    kubeconfig = path.join(root, '.cluster', 'kubeconfig');
  }
  if (!fs.existsSync(kubeconfig)) throw new Error(`kubeconfig ${kubeconfig} not found`);

  const plugin = defaultPlugin(release);
  await waitForHTTP(`http://127.0.0.1:${pluginPort}/plugin-manifest.json`, 300_000);
  const running = await serve({
    kubeconfig,
    port: hostPort,
    // Like the console's bridge, fetch the plugin from its (dev) server.
    plugins: [{ name: plugin.name, url: `http://127.0.0.1:${pluginPort}` }],
    user: process.env.CONSOLE_HOST_USER,
    releaseVersion: release,
  });
  closeBridge = running.close;
  const ns = process.env.CONSOLE_HOST_NAMESPACE ?? 'team-a';
  console.log('');
  console.log(`Console host:  ${running.url}clearml/ns/${ns}`);
  console.log(
    `  users: ${running.users.join(', ')} (switch in the masthead); Ctrl-C stops everything`,
  );
};

main().catch((err: Error) => {
  console.error(`[start] ${err.message}`);
  void stop(1);
});
