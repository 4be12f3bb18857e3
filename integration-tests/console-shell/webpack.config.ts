/**
 * Build of the development console host (not shipped). Module federation fills the share scope
 * `default` with the singletons of the console the build stands in for (eager); `@console/...`
 * requests made by the npm SDK are redirected to the host's implementations in src/console, or
 * to a stand-in that fails loudly for the internals the host does not reproduce.
 *
 * Two builds from the one src/ (host-builds.ts): console 4.22's (React 18, react-router 7, from
 * the root node_modules) and that of consoles 4.19–4.21 (React 17 and react-dom 17 for the whole
 * page, react-router 5 with v5-compat 6, … from console-4.20/node_modules, by resolve.alias).
 * `CONSOLE_SHELL_BUILDS=4.22,4.19` makes both; 4.22 alone by default.
 */
import * as fs from 'fs';
import * as path from 'path';
import webpack, { type Configuration, type RuleSetRule } from 'webpack';
import { HOST_BUILDS, selectedHostBuilds, type HostBuild } from './host-builds';

const here = __dirname;
const root = path.resolve(here, '../..');
const src = path.resolve(here, 'src');
const consoleDir = path.resolve(src, 'console');
export const hostDist = HOST_BUILDS['4.22'].outDir;

/** Console module specifiers the SDK requires, and the host file that implements each. */
const consoleModules: Record<string, string> = {
  '@console/shared/src/utils/console-fetch': 'console-fetch.ts',
  '@console/internal/models': 'models.ts',
  '@console/internal/components/utils/resource-link': 'resource-link.tsx',
  '@console/internal/components/utils/resource-icon': 'resource-link.tsx',
  '@console/internal/components/factory/ListPage/ListPageHeader': 'ListPageHeader.tsx',
  '@console/shared/src/components/document-title/DocumentTitle': 'DocumentTitle.tsx',
  '@console/shared/src/components/datetime/Timestamp': 'Timestamp.tsx',
  '@console/shared/src/hooks/useActiveNamespace': 'useActiveNamespace.ts',
  '@console/shared/src/hooks/useUserPreference': 'useUserPreference.ts',
  // The 4.20 SDK's name for it (lib/api/dynamic-core-api.js, useUserSettings).
  '@console/shared/src/hooks/useUserSettings': 'useUserPreference.ts',
  '@console/dynamic-plugin-sdk/src/perspective/useActivePerspective': 'useActivePerspective.ts',
  '@console/dynamic-plugin-sdk/src/api/useResolvedExtensions': 'extensions.ts',
  '@console/internal/components/namespace-bar': 'namespace-bar.tsx',
  '@console/internal/components/AsyncCodeEditor': 'code-editor.tsx',
};

const singleton = (version: string, extra: Record<string, unknown> = {}) => ({
  singleton: true,
  eager: true,
  version,
  requiredVersion: false as const,
  ...extra,
});

const sdkModules = (version: string) => ({
  '@openshift-console/dynamic-plugin-sdk': singleton(version, {
    import: path.resolve(src, 'sdk/lib-core.ts'),
  }),
  '@openshift-console/dynamic-plugin-sdk-internal': singleton(version, {
    import: path.resolve(src, 'sdk/lib-internal.ts'),
  }),
});

/** Console 4.22 share-scope versions (frontend/yarn.lock on release-4.22). */
const shared422 = {
  react: singleton('18.3.1'),
  'react-redux': singleton('9.2.0'),
  redux: singleton('5.0.1'),
  'redux-thunk': singleton('3.1.0'),
  'react-router': singleton('7.13.1'),
  'react-i18next': singleton('16.5.8'),
  '@patternfly/react-topology': singleton('6.4.0'),
  '@openshift/dynamic-plugin-sdk': singleton('8.0.0'),
  ...sdkModules('4.22.0'),
};

/**
 * Consoles 4.19–4.21: the list of shared-modules-meta.ts on release-4.20 (the same in
 * @openshift-console/dynamic-plugin-sdk-webpack 4.19.0, lib/shared-modules/shared-modules-meta.js:
 * no `@openshift/dynamic-plugin-sdk`), at the 4.20 console's versions. Each entry imports the
 * exact copy in console-4.20/node_modules, so react-router is v5 here while v5-compat keeps its
 * own nested react-router 6. `@patternfly/react-topology` is the root's copy (6.4, within the
 * `^6.2` those consoles ask for).
 */
const shared419 = (pkgs: string): Record<string, { version: string; import: string }> => {
  const at = (name: string, version: string) => ({
    version,
    import: path.join(pkgs, 'node_modules', name),
  });
  return {
    react: at('react', '17.0.1'),
    'react-redux': at('react-redux', '7.2.9'),
    redux: at('redux', '4.0.1'),
    'redux-thunk': at('redux-thunk', '2.4.0'),
    'react-router': at('react-router', '5.3.4'),
    'react-router-dom': at('react-router-dom', '5.3.4'),
    'react-router-dom-v5-compat': at('react-router-dom-v5-compat', '6.11.2'),
    'react-i18next': at('react-i18next', '11.18.6'),
    '@patternfly/react-topology': {
      version: '6.4.0',
      import: path.resolve(root, 'node_modules/@patternfly/react-topology'),
    },
    '@openshift-console/dynamic-plugin-sdk': {
      version: '4.20.0',
      import: path.resolve(src, 'sdk/lib-core.ts'),
    },
    '@openshift-console/dynamic-plugin-sdk-internal': {
      version: '4.20.0',
      import: path.resolve(src, 'sdk/lib-internal.ts'),
    },
  };
};

/**
 * For the 4.19 build: one copy of each share-scope package (console-4.20's) for every importer —
 * host, PatternFly, the PluginStore —, and one copy of what those packages and the root's both
 * use (i18next, Immutable, PatternFly). `react-router` is not aliased globally: v5-compat must
 * keep its nested react-router 6; host sources get v5 through the rule in `rules419`.
 */
const alias419 = (pkgs: string): Record<string, string> => {
  const fromPkgs = (name: string) => path.join(pkgs, 'node_modules', name);
  const fromRoot = (name: string) => path.join(root, 'node_modules', name);
  return {
    react: fromPkgs('react'),
    'react-dom': fromPkgs('react-dom'),
    'react-redux': fromPkgs('react-redux'),
    redux: fromPkgs('redux'),
    'redux-thunk': fromPkgs('redux-thunk'),
    'react-i18next': fromPkgs('react-i18next'),
    'react-router-dom': fromPkgs('react-router-dom'),
    'react-router-dom-v5-compat': fromPkgs('react-router-dom-v5-compat'),
    '@openshift-console/dynamic-plugin-sdk': fromPkgs('@openshift-console/dynamic-plugin-sdk'),
    i18next: fromRoot('i18next'),
    immutable: fromRoot('immutable'),
    '@patternfly/react-topology': fromRoot('@patternfly/react-topology'),
    '@patternfly/react-core': fromRoot('@patternfly/react-core'),
    '@patternfly/react-icons': fromRoot('@patternfly/react-icons'),
    '@patternfly/react-styles': fromRoot('@patternfly/react-styles'),
    '@patternfly/react-tokens': fromRoot('@patternfly/react-tokens'),
  };
};

const minimize = process.env.CONSOLE_SHELL_MINIMIZE === 'true';

/**
 * The 4.22 build shares through ModuleFederationPlugin (each key provided, and consumed by the
 * host's own imports of it). The 4.19 build only provides (ProvideSharedPlugin, keyed by the
 * exact files): the host reaches the same copies through resolve.alias, and consuming
 * `react-router` by request would also capture v5-compat's import of its own react-router 6.
 */
const sharingPlugin = (build: HostBuild) => {
  if (build.id === '4.22')
    return new webpack.container.ModuleFederationPlugin({ shared: shared422 });
  const provides: Record<string, { shareKey: string; version: string; eager: boolean }> = {};
  for (const [shareKey, entry] of Object.entries(shared419(build.packagesDir))) {
    provides[entry.import] = { shareKey, version: entry.version, eager: true };
  }
  return new webpack.sharing.ProvideSharedPlugin({ shareScope: 'default', provides });
};

const tsRule = (build: HostBuild): RuleSetRule => ({
  test: /\.tsx?$/,
  include: src,
  use: [
    {
      loader: 'ts-loader',
      options: {
        transpileOnly: true,
        configFile: path.resolve(root, 'tsconfig.json'),
        compilerOptions: { noEmit: false, module: 'esnext', sourceMap: false },
      },
    },
  ],
  // Host sources that name react-router get v5 too, never the root's react-router 7.
  ...(build.id === '4.19' && {
    resolve: {
      alias: { 'react-router$': path.join(build.packagesDir, 'node_modules/react-router') },
    },
  }),
});

const hostConfig = (build: HostBuild): Configuration => ({
  name: `console-shell-${build.id}`,
  mode: minimize ? 'production' : 'development',
  context: here,
  entry: { main: path.resolve(src, 'index.tsx') },
  output: {
    // Build output lives with the other generated test artefacts (ignored by git, lint and format).
    path: build.outDir,
    publicPath: '/static/',
    filename: '[name].js',
    chunkFilename: '[name].chunk.js',
    uniqueName: 'openshift-console',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    // The 4.19 build resolves each package's dependencies next to it first (console-4.20's
    // react-router-dom gets its react-router 5, v5-compat its nested react-router 6).
    modules:
      build.id === '4.19'
        ? ['node_modules', path.resolve(root, 'node_modules')]
        : [path.resolve(root, 'node_modules'), 'node_modules'],
    ...(build.id === '4.19' && {
      alias: {
        ...alias419(build.packagesDir),
        // Routing and rendering of React 17 with react-router 5 (src/platform).
        [path.resolve(src, 'platform/host-platform')]: path.resolve(
          src,
          'platform/host-platform.react-17.tsx',
        ),
      },
    }),
  },
  module: {
    rules: [
      tsRule(build),
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      {
        test: /\.(png|jpg|jpeg|gif|svg|woff2?|ttf|eot|otf)(\?.*$|$)/,
        type: 'asset/resource',
        generator: { filename: 'assets/[name].[contenthash:8][ext]' },
      },
    ],
  },
  plugins: [
    new webpack.NormalModuleReplacementPlugin(/^@console\//, (resource) => {
      const file = consoleModules[resource.request];
      resource.request = file
        ? path.resolve(consoleDir, file)
        : path.resolve(consoleDir, 'unsupported.cjs');
    }),
    // The SDK's own .scss partials, flattened into one stylesheet.
    new webpack.NormalModuleReplacementPlugin(/\.scss$/, path.resolve(src, 'styles/sdk-lib.css')),
    sharingPlugin(build),
  ],
  devtool: false,
  cache: {
    type: 'filesystem',
    name: `console-shell-${build.id}-${minimize ? 'production' : 'development'}`,
    cacheDirectory: path.resolve(root, 'node_modules/.cache/console-shell-webpack'),
    buildDependencies: { config: [__filename, path.resolve(here, 'host-builds.ts')] },
  },
  optimization: { minimize, splitChunks: false },
  performance: { hints: false },
  stats: 'errors-warnings',
});

if (!fs.existsSync(consoleDir)) {
  throw new Error(`missing ${consoleDir}`);
}
for (const build of selectedHostBuilds()) {
  if (!fs.existsSync(path.join(build.packagesDir, 'node_modules'))) {
    throw new Error(
      `${build.packagesDir}/node_modules is missing: run node scripts/ensure-node-modules.mjs`,
    );
  }
}

const configs = selectedHostBuilds().map(hostConfig);
export default configs.length === 1 ? configs[0] : configs;
