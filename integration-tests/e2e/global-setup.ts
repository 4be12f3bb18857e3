/**
 * Global setup of the browser suite: installs Debian's Chromium when missing, builds the plugin
 * (production) and the development console host, starts the local control plane (or reuses a
 * running one; `KUBECONFIG` selects another cluster instead), serves the host on a free
 * 127.0.0.1 port and creates the namespace the tests work in. Teardown stops what it started.
 *
 * E2E_SKIP_BUILD=1 reuses the existing plugin and host builds. E2E_CONSOLE=4.20 (or
 * CONSOLE_VERSION=4.20, as for `npm start`) makes the host present that console release, with
 * its share scope (the React 17 host build for 4.19–4.21), and serve the plugin build made for
 * it (dist-4.19/ for 4.19–4.21).
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { consoleRelease, defaultPlugin, serve } from '../console-shell/server/main';
import clusterSetup from '../support/global-setup';
import { BridgeClient } from './support/bridge-client';
import type { E2EContext } from './support/context';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await run('bash', ['scripts/install-chromium.sh']);
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // The console 4.19–4.21 host's own packages (React 17, …), when missing or out of date.
    await run('node', ['scripts/ensure-node-modules.mjs']);
    await run('npx', ['webpack'], { NODE_ENV: 'production' });
    // Both host builds in one webpack run: console 4.22's and that of consoles 4.19–4.21.
    await run('npx', ['webpack', '--config', 'integration-tests/console-shell/webpack.config.ts'], {
      CONSOLE_SHELL_BUILDS: '4.22,4.19',
    });
  }

  let kubeconfig = process.env.KUBECONFIG;
  let stopCluster: (() => Promise<void>) | undefined;
  if (!kubeconfig) {
    stopCluster = await clusterSetup();
    kubeconfig = path.join(
      process.env.CLUSTER_STATE_DIR ?? path.join(root, '.cluster'),
      'kubeconfig',
    );
  }

  const presented = process.env.E2E_CONSOLE ?? process.env.CONSOLE_VERSION;
  const releaseVersion = presented ? consoleRelease(presented) : undefined;
  const plugin = defaultPlugin(releaseVersion);
  const host = await serve({
    kubeconfig,
    port: 0,
    plugins: [plugin],
    quiet: true,
    releaseVersion,
  });
  const admin = new BridgeClient(host.url, 'admin');
  const namespace = `e2e-${Math.random().toString(36).slice(2, 8)}`;
  await admin.createNamespace(namespace);
  console.error(
    `[e2e] console host ${host.url} (console ${releaseVersion ?? '4.22.0'}, plugin ${plugin.dir ?? plugin.url}), namespace ${namespace}`,
  );

  const context: E2EContext = {
    consoleURL: host.url,
    namespace,
    teamNamespace: process.env.E2E_TEAM_NAMESPACE ?? 'team-a',
  };
  project.provide('e2e', context);

  return async () => {
    if (process.env.E2E_KEEP_NAMESPACE !== '1') await admin.deleteNamespace(namespace);
    await host.close();
    await stopCluster?.();
  };
}
