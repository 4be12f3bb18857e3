// Builds the plugin the way `npm run build` does and checks what the console will load.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type StatsModule } from 'webpack';
import semver from 'semver';
// @ts-expect-error webpack ships no types for its semver helpers
import { parseRange, satisfy } from 'webpack/lib/util/semver';
import { consoleBuild } from './console-builds';
import { pageRequests } from './page-requests';

const outBase = mkdtempSync(join(tmpdir(), 'clearml-plugin-build-'));

interface Manifest {
  name: string;
  dependencies: Record<string, string>;
  customProperties: { console: { displayName: string } };
  extensions: { type: string; properties: Record<string, unknown> }[];
  loadScripts: string[];
}

interface Built {
  outDir: string;
  manifest: Manifest;
  /** Paths of the modules bundled into the build. */
  modulePaths: string[];
  /** Requests the build consumes from the console's share scope. */
  consumed: string[];
}

const built: Record<string, Built> = {};

const flatten = (mods: StatsModule[] | undefined): StatsModule[] =>
  (mods ?? []).flatMap((m) => [m, ...flatten(m.modules)]);

// Both builds at once, as `npm run build` makes them (one webpack run, two compilers).
beforeAll(async () => {
  process.env.NODE_ENV = 'production';
  process.env.PLUGIN_OUTPUT_DIR = join(outBase, 'dist');
  const { default: configs, outputDir } = await import('../webpack.config');
  const multi = await new Promise<webpack.MultiStats>((resolve, reject) =>
    webpack(
      configs.map((c) => ({ ...c, mode: 'production' as const })),
      (err, result) => (err || !result ? reject(err) : resolve(result)),
    ),
  );
  for (const stats of multi.stats) {
    const id = stats.compilation.name ?? '';
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    const warnings = stats.toJson({ all: false, warnings: true }).warnings ?? [];
    expect(warnings.map((w) => w.message)).toEqual([]);
    const modules = flatten(
      stats.toJson({ all: false, modules: true, nestedModules: true }).modules,
    );
    const outDir = outputDir(consoleBuild(id));
    built[id] = {
      outDir,
      manifest: JSON.parse(readFileSync(join(outDir, 'plugin-manifest.json'), 'utf8')),
      modulePaths: modules.map((m) => m.nameForCondition ?? m.name ?? ''),
      consumed: modules
        .filter((m) => m.moduleType === 'consume-shared-module')
        .map((m) => (m.name ?? '').replace(/^consume shared module \(default\) /, '')),
    };
  }
}, 600_000);

afterAll(() => rmSync(outBase, { recursive: true, force: true }));

describe('plugin builds', () => {
  it('makes one build for consoles 4.22+ and one for 4.19 to 4.21, with their API ranges', () => {
    expect(Object.keys(built).sort()).toEqual(['4.19', '4.22']);
    expect(built['4.22'].manifest.dependencies['@console/pluginAPI']).toBe('>=4.22.0-0');
    expect(built['4.19'].manifest.dependencies['@console/pluginAPI']).toBe('>=4.19.0-0 <4.22.0-0');
    expect(built['4.19'].outDir).toBe(`${built['4.22'].outDir}-4.19`);
    const range = (v: string) => (id: string) =>
      semver.satisfies(v, built[id].manifest.dependencies['@console/pluginAPI'], {
        includePrerelease: true,
      });
    // What the console's loader accepts (runtime/plugin-dependencies.ts): exactly one build each.
    for (const [release, id] of [
      ['4.18.9', undefined],
      ['4.19.0', '4.19'],
      ['4.20.12', '4.19'],
      ['4.21.0-ec.2', '4.19'],
      ['4.22.0-ec.1', '4.22'],
      ['4.22.3', '4.22'],
      ['4.23.0', '4.22'],
    ] as const) {
      expect(['4.19', '4.22'].filter(range(release)), release).toEqual(id ? [id] : []);
    }
  });
});

describe('plugin build for consoles 4.19 to 4.21', () => {
  it('asks each shared singleton for a range those consoles meet, so none logs Unsatisfied version', () => {
    // 4.19 and 4.20 register every module as `*`; 4.21 at its installed versions, its SDK as
    // 0.0.0-fixed (openshift/console release-4.20 shared-modules-init.ts, release-4.21
    // frontend/yarn.lock). The check is the consume runtime's own (webpack/lib/util/semver).
    const console421: Record<string, string> = {
      ...consoleBuild('4.19').shared,
      '@openshift-console/dynamic-plugin-sdk': '0.0.0-fixed',
      '@openshift-console/dynamic-plugin-sdk-internal': '0.0.0-fixed',
      redux: '4.0.4',
    };
    const asked = built['4.19'].consumed.map((c) => {
      const [, key, range] = /^(.+?)@([^@]*?)(?: \(singleton\))?$/.exec(c) ?? [];
      return { key, range };
    });
    expect(asked.map((a) => a.key)).toContain('react');
    for (const { key, range } of asked) {
      const parsed = parseRange(range);
      expect(satisfy(parsed, '*'), `${key}@${range} in console 4.20`).toBe(true);
      expect(satisfy(parsed, consoleBuild('4.19').shared[key]), `${key}@${range}`).toBe(true);
      expect(satisfy(parsed, console421[key]), `${key}@${range} in console 4.21`).toBe(true);
    }
    // The 4.22 build still asks for the 4.22 console's versions.
    expect(built['4.22'].consumed).toContain('react@^18.3.1 (singleton)');
  });

  it('calls no React 18 API, which their shared React 17 lacks', () => {
    const dir = built['4.19'].outDir;
    const code = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const react18 =
      /\.(useId|useSyncExternalStore|useInsertionEffect|useTransition|useDeferredValue|startTransition)\b/g;
    expect(code.match(react18) ?? []).toEqual([]);
    // The same check finds them where they are used: the 4.22 build calls useId.
    const current = readdirSync(built['4.22'].outDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(built['4.22'].outDir, f), 'utf8'))
      .join('\n');
    expect(current.match(react18)).toContain('.useId');
  });
});

describe.each(['4.22', '4.19'])('plugin build for consoles %s', (id) => {
  const outDir = () => built[id].outDir;
  const manifest = () => built[id].manifest;

  it('writes the manifest with the plugin identity and its console range', () => {
    expect(manifest().name).toBe('clearml-console-plugin');
    expect(manifest().customProperties.console.displayName).toBe('ClearML');
    expect(manifest().dependencies['@console/pluginAPI']).toBe(consoleBuild(id).pluginAPI);
  });

  it('declares the page route, both navigation items and the add card', () => {
    const route = manifest().extensions.find((e) => e.type === 'console.page/route');
    expect(route?.properties.path).toEqual(['/clearml/ns/:ns', '/clearml/all-namespaces']);
    expect(route?.properties.perspective).toBeUndefined();

    const nav = manifest().extensions.filter((e) => e.type === 'console.navigation/href');
    expect(nav.map((n) => n.properties.perspective).sort()).toEqual(['admin', 'dev']);
    for (const item of nav) {
      expect(item.properties.href).toBe('/clearml');
      expect(item.properties.namespaced).toBe(true);
    }
    expect(nav.find((n) => n.properties.perspective === 'admin')?.properties.section).toBe(
      'workloads',
    );

    const card = manifest().extensions.find((e) => e.type === 'dev-console.add/action');
    expect(card?.properties.href).toBe('/clearml/ns/:namespace');
    expect(card?.properties.accessReview).toEqual([
      { group: 'apps', resource: 'deployments', verb: 'create' },
    ]);
  });

  it('exposes every module a code reference names', () => {
    const refs = JSON.stringify(manifest().extensions).match(/"\$codeRef":"([^"]+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    const entry = readFileSync(join(outDir(), manifest().loadScripts[0]), 'utf8');
    for (const ref of refs) {
      const moduleName = ref.replace(/.*:"([^".]+).*"/, '$1');
      expect(entry).toMatch(new RegExp(`[{,]"?${moduleName}"?:`));
      const chunk = readdirSync(outDir()).find((f) => f.startsWith(`exposed-${moduleName}-chunk`));
      expect(chunk, `chunk for ${moduleName}`).toBeDefined();
    }
  });

  it('copies the English locale where the console fetches it', () => {
    const locale = JSON.parse(
      readFileSync(join(outDir(), 'locales/en/plugin__clearml-console-plugin.json'), 'utf8'),
    );
    expect(locale.ClearML).toBe('ClearML');
  });

  it('bundles no copy of the modules its consoles share', () => {
    const shared = [
      ...Object.keys(consoleBuild(id).shared).map((name) => `/node_modules/${name}/`),
      '/node_modules/react-dom/',
    ];
    const { modulePaths } = built[id];
    expect(modulePaths.length).toBeGreaterThan(0);
    // react/jsx-runtime is a small adapter that calls into the console's shared React.
    const bundled = modulePaths.filter(
      (p) => shared.some((s) => p.includes(s)) && !/\/react\/(cjs\/react-)?jsx-runtime/.test(p),
    );
    expect(bundled).toEqual([]);
  });

  it('routes with the router its consoles share and takes nothing else from them', () => {
    const consumed = built[id].consumed.map((c) => c.replace(/@[^@]*$/, ''));
    expect(consumed.filter((c) => !(c in consoleBuild(id).shared))).toEqual([]);
    // Consoles 4.19–4.21 share react-router 5, which has no useNavigate: the plugin must take
    // the v6 API from react-router-dom-v5-compat there, and react-router 7 from 4.22 on.
    const router = id === '4.22' ? 'react-router' : 'react-router-dom-v5-compat';
    const other = id === '4.22' ? 'react-router-dom-v5-compat' : 'react-router';
    expect(consumed).toContain(router);
    expect(consumed).not.toContain(other);
  });

  it('opens the page with at most 6 requests to the plugin', async () => {
    const fetched = await pageRequests(outDir(), manifest().loadScripts[0], 'ClearMLPage', id);
    expect(fetched[0]).toMatch(/^plugin-entry/);
    expect(fetched.some((f) => f.startsWith('exposed-ClearMLPage-chunk'))).toBe(true);
    expect(fetched.length, fetched.join('\n')).toBeLessThanOrEqual(6);
  });

  it('keeps the entry and the page open within the size budgets', async () => {
    const gz = (f: string) => gzipSync(readFileSync(join(outDir(), f)), { level: 9 }).length;
    const { budget } = consoleBuild(id);
    const entry = manifest().loadScripts[0];
    expect(gz(entry)).toBeLessThanOrEqual(budget.entry);
    const fetched = await pageRequests(outDir(), entry, 'ClearMLPage', id);
    const pageOpen = fetched.reduce((sum, f) => sum + gz(f), 0);
    expect(pageOpen, fetched.join('\n')).toBeLessThanOrEqual(budget.pageOpen ?? Infinity);
  });
});
