/**
 * Build of the development console host (not shipped). Module federation fills the share scope
 * `default` with the console 4.22 singletons (eager); `@console/...` requests made by the npm SDK
 * are redirected to the host's implementations in src/console, or to a stand-in that fails
 * loudly for the internals the host does not reproduce.
 */
import * as fs from 'fs';
import * as path from 'path';
import webpack, { type Configuration } from 'webpack';

const here = __dirname;
const root = path.resolve(here, '../..');
const src = path.resolve(here, 'src');
const consoleDir = path.resolve(src, 'console');
export const hostDist = path.resolve(root, 'integration-tests/results/console-shell');

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
  '@console/dynamic-plugin-sdk/src/perspective/useActivePerspective': 'useActivePerspective.ts',
  '@console/dynamic-plugin-sdk/src/api/useResolvedExtensions': 'extensions.ts',
  '@console/internal/components/namespace-bar': 'namespace-bar.tsx',
  '@console/internal/components/AsyncCodeEditor': 'code-editor.tsx',
};

/** Console 4.22 share-scope versions (frontend/yarn.lock on release-4.22). */
const singleton = (version: string, extra: Record<string, unknown> = {}) => ({
  singleton: true,
  eager: true,
  version,
  requiredVersion: false as const,
  ...extra,
});

const shared = {
  react: singleton('18.3.1'),
  'react-redux': singleton('9.2.0'),
  redux: singleton('5.0.1'),
  'redux-thunk': singleton('3.1.0'),
  'react-router': singleton('7.13.1'),
  'react-i18next': singleton('16.5.8'),
  '@patternfly/react-topology': singleton('6.4.0'),
  '@openshift/dynamic-plugin-sdk': singleton('8.0.0'),
  '@openshift-console/dynamic-plugin-sdk': singleton('4.22.0', {
    import: path.resolve(src, 'sdk/lib-core.ts'),
  }),
  '@openshift-console/dynamic-plugin-sdk-internal': singleton('4.22.0', {
    import: path.resolve(src, 'sdk/lib-internal.ts'),
  }),
};

const minimize = process.env.CONSOLE_SHELL_MINIMIZE === 'true';

const config: Configuration = {
  mode: minimize ? 'production' : 'development',
  context: here,
  entry: { main: path.resolve(src, 'index.tsx') },
  output: {
    // Build output lives with the other generated test artefacts (ignored by git, lint and format).
    path: hostDist,
    publicPath: '/static/',
    filename: '[name].js',
    chunkFilename: '[name].chunk.js',
    uniqueName: 'openshift-console',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    modules: [path.resolve(root, 'node_modules'), 'node_modules'],
  },
  module: {
    rules: [
      {
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
      },
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
    new webpack.container.ModuleFederationPlugin({ shared }),
  ],
  devtool: false,
  cache: {
    type: 'filesystem',
    cacheDirectory: path.resolve(root, 'node_modules/.cache/console-shell-webpack'),
    buildDependencies: { config: [__filename] },
  },
  optimization: { minimize, splitChunks: false },
  performance: { hints: false },
  stats: 'errors-warnings',
};

if (!fs.existsSync(consoleDir)) {
  throw new Error(`missing ${consoleDir}`);
}

export default config;
