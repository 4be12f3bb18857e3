/**
 * The development host presenting console 4.20 or 4.22 (`--console`), with each plugin build:
 * a console loads only the build whose `@console/pluginAPI` range includes its version, and
 * refuses the other before fetching any of its scripts, saying why in the browser console. Each
 * presents its console's share scope: React 17 and react-router 5 for 4.20, 18 and 7 for 4.22.
 */
import type { Browser } from 'playwright-core';
import { defaultPlugin } from '../../console-shell/server/main';
import { launchChromium } from '../support/browser';
import { serveConsole, sharedModule, sharedScopeVersions } from '../support/console-host';

const name = defaultPlugin().name;

/**
 * Console messages and plugin files fetched while the host presenting `release` starts, the
 * share scope it hands to plugins, the React version a plugin gets from it, and whether the
 * page was rendered by React 17's legacy `ReactDOM.render` (`_reactRootContainer`).
 */
const openHost = async (browser: Browser, release: string, outDir: string) => {
  const host = await serveConsole(release, outDir);
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
    const scope = await sharedScopeVersions(page);
    const react = await sharedModule<string>(page, 'react', 'version');
    const legacyRoot = await page.evaluate(
      () => '_reactRootContainer' in (document.getElementById('app') ?? {}),
    );
    return { messages, fetched, scope, react, legacyRoot };
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
    const { messages, fetched } = await openHost(browser, '4.20', 'dist');
    // The first line: the Error's stack follows it.
    const refusal = messages.find((t) => t.startsWith('Failed to resolve dependencies'));
    expect(refusal?.split('\n')[0]).toBe(
      `Failed to resolve dependencies of plugin ${name} Error: Unmet dependency on Console plugin API: @console/pluginAPI: required >=4.22.0-0, current 4.20.0`,
    );
    expect(fetched).toEqual(['plugin-manifest.json']);
  });

  it('console 4.20 loads the 4.19 build through loadPluginEntry, without a deprecation warning', async () => {
    const { messages, fetched } = await openHost(browser, '4.20', 'dist-4.19');
    expect(messages).toContain(`Plugin ${name} has been loaded`);
    expect(fetched.some((f) => f.startsWith('plugin-entry.'))).toBe(true);
    expect(messages.filter((t) => /DEPRECATION|Unmet|Unsatisfied version/.test(t))).toEqual([]);
  });

  it('console 4.20 shares React 17, react-router 5 and the rest of its scope, and renders with React 17', async () => {
    const { scope, react, legacyRoot } = await openHost(browser, '4.20', 'dist-4.19');
    // Consoles 4.19 and 4.20 register every module under the version key `*` (openshift/console
    // release-4.20, console-dynamic-plugin-sdk/src/shared-modules/shared-modules-init.ts).
    const keys = [
      '@openshift-console/dynamic-plugin-sdk',
      '@openshift-console/dynamic-plugin-sdk-internal',
      '@patternfly/react-topology',
      'react',
      'react-i18next',
      'react-redux',
      'react-router',
      'react-router-dom',
      'react-router-dom-v5-compat',
      'redux',
      'redux-thunk',
    ];
    expect(scope).toEqual(Object.fromEntries(keys.map((k) => [k, ['*']])));
    // The module itself, not only its key: React 17, which has no React 18-only API.
    expect(react).toBe('17.0.1');
    expect(legacyRoot).toBe(true);
  });

  it('console 4.22 shares React 18 and react-router 7 under all three router keys', async () => {
    const { scope, react, legacyRoot } = await openHost(browser, '4.22', 'dist');
    expect(scope.react).toEqual(['18.3.1']);
    expect(react).toMatch(/^18\./);
    for (const key of ['react-router', 'react-router-dom', 'react-router-dom-v5-compat']) {
      expect(scope[key], key).toEqual([expect.stringMatching(/^7\./)]);
    }
    expect(scope['@openshift/dynamic-plugin-sdk']).toEqual(['8.0.0']);
    expect(legacyRoot).toBe(false);
  });

  it('console 4.22 refuses the 4.19 build and loads the 4.22 one', async () => {
    const old = await openHost(browser, '4.22', 'dist-4.19');
    expect(old.messages.join('\n')).toContain(
      'Custom dependency @console/pluginAPI not met: required range >=4.19.0-0 <4.22.0-0, resolved version 4.22.0',
    );
    expect(old.fetched).toEqual(['plugin-manifest.json']);
    const current = await openHost(browser, '4.22', 'dist');
    expect(current.messages).toContain(`Plugin ${name} has been loaded`);
  });
});
