// Builds the plugin the way `npm run build` does and checks what the console will load.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack, { type StatsModule } from 'webpack';
import { pageRequests } from './page-requests';

const outDir = mkdtempSync(join(tmpdir(), 'clearml-plugin-build-'));
let modulePaths: string[] = [];
let manifest: {
  name: string;
  dependencies: Record<string, string>;
  customProperties: { console: { displayName: string } };
  extensions: { type: string; properties: Record<string, unknown> }[];
  loadScripts: string[];
};

const flatten = (mods: StatsModule[] | undefined): string[] =>
  (mods ?? []).flatMap((m) => [m.nameForCondition ?? m.name ?? '', ...flatten(m.modules)]);

beforeAll(async () => {
  process.env.NODE_ENV = 'production';
  process.env.PLUGIN_OUTPUT_DIR = outDir;
  const { default: config } = await import('../webpack.config');
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack({ ...config, mode: 'production' }, (err, result) =>
      err || !result ? reject(err) : resolve(result),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  modulePaths = flatten(stats.toJson({ all: false, modules: true, nestedModules: true }).modules);
  manifest = JSON.parse(readFileSync(join(outDir, 'plugin-manifest.json'), 'utf8'));
}, 600_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('plugin build', () => {
  it('writes the manifest with the plugin identity and console range', () => {
    expect(manifest.name).toBe('clearml-console-plugin');
    expect(manifest.customProperties.console.displayName).toBe('ClearML');
    expect(manifest.dependencies['@console/pluginAPI']).toBe('>=4.22.0-0');
  });

  it('declares the page route, both navigation items and the add card', () => {
    const route = manifest.extensions.find((e) => e.type === 'console.page/route');
    expect(route?.properties.path).toEqual(['/clearml/ns/:ns', '/clearml/all-namespaces']);
    expect(route?.properties.perspective).toBeUndefined();

    const nav = manifest.extensions.filter((e) => e.type === 'console.navigation/href');
    expect(nav.map((n) => n.properties.perspective).sort()).toEqual(['admin', 'dev']);
    for (const item of nav) {
      expect(item.properties.href).toBe('/clearml');
      expect(item.properties.namespaced).toBe(true);
    }
    expect(nav.find((n) => n.properties.perspective === 'admin')?.properties.section).toBe(
      'workloads',
    );

    const card = manifest.extensions.find((e) => e.type === 'dev-console.add/action');
    expect(card?.properties.href).toBe('/clearml/ns/:namespace');
    expect(card?.properties.accessReview).toEqual([
      { group: 'apps', resource: 'deployments', verb: 'create' },
    ]);
  });

  it('exposes every module a code reference names', () => {
    const refs = JSON.stringify(manifest.extensions).match(/"\$codeRef":"([^"]+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    const entry = readFileSync(join(outDir, manifest.loadScripts[0]), 'utf8');
    for (const ref of refs) {
      const moduleName = ref.replace(/.*:"([^".]+).*"/, '$1');
      expect(entry).toMatch(new RegExp(`[{,]"?${moduleName}"?:`));
      const chunk = readdirSync(outDir).find((f) => f.startsWith(`exposed-${moduleName}-chunk`));
      expect(chunk, `chunk for ${moduleName}`).toBeDefined();
    }
  });

  it('copies the English locale where the console fetches it', () => {
    const locale = JSON.parse(
      readFileSync(join(outDir, 'locales/en/plugin__clearml-console-plugin.json'), 'utf8'),
    );
    expect(locale.ClearML).toBe('ClearML');
  });

  it('bundles no copy of the modules the console shares', () => {
    const shared = [
      '/node_modules/react/',
      '/node_modules/react-dom/',
      '/node_modules/react-router/',
      '/node_modules/react-i18next/',
      '/node_modules/@openshift-console/dynamic-plugin-sdk/',
      '/node_modules/@patternfly/react-topology/',
    ];
    expect(modulePaths.length).toBeGreaterThan(0);
    // react/jsx-runtime is a small adapter that calls into the console's shared React.
    const bundled = modulePaths.filter(
      (p) => shared.some((s) => p.includes(s)) && !/\/react\/(cjs\/react-)?jsx-runtime/.test(p),
    );
    expect(bundled).toEqual([]);
  });

  it('opens the page with at most 6 requests to the plugin', async () => {
    const fetched = await pageRequests(outDir, manifest.loadScripts[0], 'ClearMLPage');
    expect(fetched[0]).toMatch(/^plugin-entry/);
    expect(fetched.some((f) => f.startsWith('exposed-ClearMLPage-chunk'))).toBe(true);
    expect(fetched.length, fetched.join('\n')).toBeLessThanOrEqual(6);
  });
});
