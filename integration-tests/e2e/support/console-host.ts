/**
 * A development host of its own for a test file, presenting another console release than the
 * global setup's (`--console`): the host build with that console's share scope (React 17 and
 * react-router 5 for 4.19–4.21, see console-shell/host-builds.ts) and the plugin build made
 * for it, on the global setup's cluster.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { consoleRelease, defaultPlugin, serve } from '../../console-shell/server/main';
import { ConsoleShell } from '../pages/ConsoleShell';
import { launchChromium } from './browser';
import type { ClusterUser } from './users';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The cluster of the global setup (a host without identities waits out its API retries). */
export const clusterKubeconfig = () =>
  process.env.KUBECONFIG ??
  path.join(process.env.CLUSTER_STATE_DIR ?? path.join(root, '.cluster'), 'kubeconfig');

/** Serves the host presenting `release` (`4.20`), with `pluginDir` or the build for it. */
export const serveConsole = (release: string, pluginDir?: string) => {
  const releaseVersion = consoleRelease(release);
  const plugin = defaultPlugin(releaseVersion);
  return serve({
    kubeconfig: clusterKubeconfig(),
    port: 0,
    plugins: [pluginDir ? { name: plugin.name, dir: path.join(root, pluginDir) } : plugin],
    quiet: true,
    releaseVersion,
  });
};

/** The share scope as the page hands it to plugins: each key with its registered versions. */
export const sharedScopeVersions = (page: Page): Promise<Record<string, string[]>> =>
  page.evaluate(() => {
    const scope = (window as { webpackSharedScope?: Record<string, object> }).webpackSharedScope;
    return Object.fromEntries(Object.entries(scope ?? {}).map(([k, v]) => [k, Object.keys(v)]));
  });

/** The module a plugin gets for `key` from the share scope, reduced to `pick` of it. */
export const sharedModule = <T>(page: Page, key: string, pick: string) =>
  page.evaluate(
    async ({ key, pick }) => {
      type Entry = { get: () => Promise<() => Record<string, unknown>> };
      const scope = (
        window as unknown as { webpackSharedScope: Record<string, Record<string, Entry>> }
      ).webpackSharedScope;
      const versions = Object.values(scope[key] ?? {});
      if (versions.length !== 1) throw new Error(`${key}: ${versions.length} versions shared`);
      const module = (await versions[0].get())();
      const value = module[pick];
      return (typeof value === 'function' ? 'function' : value) as T;
    },
    { key, pick },
  );

/** Per-file fixture: the host presenting `release`, one Chromium, fresh shells per test. */
export const useConsoleRelease = (release: string) => {
  let host: Awaited<ReturnType<typeof serveConsole>> | undefined;
  let browser: Browser | undefined;
  const open: ConsoleShell[] = [];
  beforeAll(async () => {
    host = await serveConsole(release);
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  return {
    shellAs: async (user: ClusterUser = 'admin', viewport?: { width: number; height: number }) => {
      if (!host || !browser) throw new Error('the host starts in beforeAll');
      const shell = await ConsoleShell.open(browser, host.url, user, viewport);
      open.push(shell);
      return shell;
    },
  };
};
