/**
 * The development host presenting console 4.20 or 4.22 (`--console`), with each plugin build:
 * a console loads only the build whose `@console/pluginAPI` range includes its version, and
 * refuses the other before fetching any of its scripts, saying why in the browser console.
 */
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { defaultPlugin, serve } from '../../console-shell/server/main';
import { launchChromium } from '../support/browser';

const root = path.resolve(__dirname, '..', '..', '..');
const name = defaultPlugin().name;
// The cluster of the global setup (a host without identities waits out its API retries).
const kubeconfig =
  process.env.KUBECONFIG ??
  path.join(process.env.CLUSTER_STATE_DIR ?? path.join(root, '.cluster'), 'kubeconfig');

/** Console messages and plugin files fetched while the host presenting `release` starts. */
const openHost = async (browser: Browser, release: string, outDir: string) => {
  const host = await serve({
    kubeconfig,
    port: 0,
    plugins: [{ name, dir: path.join(root, outDir) }],
    quiet: true,
    releaseVersion: release,
  });
  const page = await browser.newPage();
  const messages: string[] = [];
  const fetched: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  page.on('request', (r) => {
    const m = /\/api\/plugins\/[^/]+\/([^?]+)/.exec(r.url());
    if (m) fetched.push(m[1]);
  });
  try {
    await page.goto(host.url);
    await expect
      .poll(() => messages.some((t) => /has been loaded|Failed to resolve dependencies/.test(t)), {
        timeout: 30_000,
      })
      .toBe(true);
    return { messages, fetched };
  } finally {
    await page.close();
    await host.close();
  }
};

describe('console versions and plugin builds', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('console 4.20 refuses the 4.22 build with its message and loads none of its scripts', async () => {
    const { messages, fetched } = await openHost(browser, '4.20.0', 'dist');
    // The first line: the Error's stack follows it.
    const refusal = messages.find((t) => t.startsWith('Failed to resolve dependencies'));
    expect(refusal?.split('\n')[0]).toBe(
      `Failed to resolve dependencies of plugin ${name} Error: Unmet dependency on Console plugin API: @console/pluginAPI: required >=4.22.0-0, current 4.20.0`,
    );
    expect(fetched).toEqual(['plugin-manifest.json']);
  });

  it('console 4.20 loads the 4.19 build through loadPluginEntry, without a deprecation warning', async () => {
    const { messages, fetched } = await openHost(browser, '4.20.0', 'dist-4.19');
    expect(messages).toContain(`Plugin ${name} has been loaded`);
    expect(fetched.some((f) => f.startsWith('plugin-entry.'))).toBe(true);
    expect(messages.filter((t) => /DEPRECATION|Unmet/.test(t))).toEqual([]);
  });

  it('console 4.22 refuses the 4.19 build and loads the 4.22 one', async () => {
    const old = await openHost(browser, '4.22.0', 'dist-4.19');
    expect(old.messages.join('\n')).toContain(
      'Custom dependency @console/pluginAPI not met: required range >=4.19.0-0 <4.22.0-0, resolved version 4.22.0',
    );
    expect(old.fetched).toEqual(['plugin-manifest.json']);
    const current = await openHost(browser, '4.22.0', 'dist');
    expect(current.messages).toContain(`Plugin ${name} has been loaded`);
  });
});
