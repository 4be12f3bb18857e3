import { readFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import type {
  Compiler,
  WebpackPluginInstance,
  Configuration as WebpackConfiguration,
} from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import { ConsoleRemotePlugin as ConsoleRemotePlugin419 } from '@openshift-console/dynamic-plugin-sdk-webpack-4-19';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { CONSOLE_BUILDS, type ConsoleBuild } from './scripts/console-builds';

const isProd = process.env.NODE_ENV === 'production';
const devPort = Number(process.env.PLUGIN_DEV_PORT ?? 9001);

interface Configuration extends WebpackConfiguration {
  devServer?: DevServerConfiguration;
}

/** Which builds to make: `PLUGIN_BUILDS=4.19` (comma-separated ids), all by default. */
const selected = (process.env.PLUGIN_BUILDS ?? '').split(',').filter(Boolean);
const builds = CONSOLE_BUILDS.filter((b) => selected.length === 0 || selected.includes(b.id));
if (builds.length === 0)
  throw new Error(`PLUGIN_BUILDS=${process.env.PLUGIN_BUILDS} names no build`);

/** Where a build is written: dist/ and dist-4.19/, or PLUGIN_OUTPUT_DIR and its `-4.19` sibling. */
export const outputDir = (build: ConsoleBuild) =>
  path.resolve(
    __dirname,
    (process.env.PLUGIN_OUTPUT_DIR ?? 'dist') + build.outDir.slice('dist'.length),
  );

// Each build uses the webpack plugin of its console's SDK, which lists the modules those
// consoles share; the manifest differs only in its `@console/pluginAPI` range.
// PatternFly is bundled into the page's chunks instead of shared module by module: the
// console's shared copies (react-core 6.4.2 in 4.22) are older than the plugin's, so each of
// the ~40 modules the page uses was fetched as its own fallback file, and consoles 4.19–4.21
// share no PatternFly module at all. Bundled, opening the page costs the entry, the exposed
// chunk and a few vendor chunks (`npm run size`).
const remotePlugin = (build: ConsoleBuild) => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, 'package.json'), 'utf8'));
  const pluginMetadata = {
    ...pkg.consolePlugin,
    dependencies: { ...pkg.consolePlugin.dependencies, '@console/pluginAPI': build.pluginAPI },
  };
  const sharedDynamicModuleSettings = { packageSpecs: {} };
  return build.id === '4.22'
    ? new ConsoleRemotePlugin({ pluginMetadata, sharedDynamicModuleSettings })
    : withSharedRanges(
        new ConsoleRemotePlugin419({
          pluginMetadata,
          sharedDynamicModuleSettings,
          // Compares the installed react, react-router… (the 4.22 ones) with the SDK package's
          // ranges; the ranges of consoles 4.19–4.21 are checked by scripts/plugin-build.test.ts.
          validateSharedModules: false,
        }),
        build.requiredVersions ?? {},
      );
};

/**
 * The SDK webpack plugin 4.19.0 asks each shared singleton for the range that the
 * `dependencies` of the installed `@openshift-console/dynamic-plugin-sdk` give it
 * (lib/webpack/ConsoleRemotePlugin.js, `getWebpackSharedModules`, read while it is applied),
 * else for the range in package.json. The installed SDK is 4.22's, so while the plugin is
 * applied it sees the ranges of the build's consoles instead (scripts/console-builds.ts).
 */
// The SDK webpack plugin's own module cache, where it reads the SDK package from.
const load = createRequire(__filename);

const withSharedRanges = (plugin: WebpackPluginInstance, ranges: Record<string, string>) => ({
  apply(compiler: Compiler) {
    const sdkPackage = load(
      load.resolve('@openshift-console/dynamic-plugin-sdk/package.json', {
        paths: [load.resolve('@openshift-console/dynamic-plugin-sdk-webpack-4-19')],
      }),
    ) as { dependencies?: Record<string, string> };
    const own = sdkPackage.dependencies;
    sdkPackage.dependencies = { ...own, ...ranges };
    try {
      plugin.apply(compiler);
    } finally {
      sdkPackage.dependencies = own;
    }
  },
});

const makeConfig = (build: ConsoleBuild, first: boolean): Configuration => ({
  name: build.id,
  mode: isProd ? 'production' : 'development',
  // No entry: ConsoleRemotePlugin generates the federated container entry.
  entry: {},
  context: path.resolve(__dirname, 'src'),
  output: {
    path: outputDir(build),
    filename: isProd ? '[name]-bundle-[contenthash].min.js' : '[name]-bundle.js',
    chunkFilename: isProd ? '[name]-chunk-[chunkhash].min.js' : '[name]-chunk.js',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    // PatternFly imports react-dom only for createPortal; the console does not share react-dom,
    // so the plugin uses a one-function stand-in instead of bundling a second copy.
    alias: {
      'react-dom$': path.resolve(__dirname, 'src/shims/react-dom-portal.ts'),
      // The compatibility module of the build's consoles replaces src/compat/console-api.ts.
      ...(build.compatModule && {
        [path.resolve(__dirname, 'src/compat/console-api')]: path.resolve(
          __dirname,
          build.compatModule,
        ),
      }),
    },
  },
  module: {
    rules: [
      {
        test: /\.(jsx?|tsx?)$/,
        exclude: /node_modules/,
        use: [
          {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { noEmit: false, module: 'esnext', sourceMap: !isProd },
            },
          },
        ],
      },
      {
        test: /\.css$/,
        use: ['style-loader', 'css-loader'],
      },
      {
        test: /\.(png|jpg|jpeg|gif|svg|woff2?|ttf|eot|otf)(\?.*$|$)/,
        type: 'asset/resource',
        generator: { filename: isProd ? 'assets/[contenthash][ext]' : 'assets/[name][ext]' },
      },
    ],
  },
  // One dev server for the first selected build (`npm start -- --console <version>`).
  devServer: first ? devServer(build) : undefined,
  plugins: [
    remotePlugin(build),
    new CopyWebpackPlugin({
      patterns: [{ from: path.resolve(__dirname, 'i18n'), to: 'locales' }],
    }),
  ],
  devtool: isProd ? false : 'source-map',
  optimization: {
    chunkIds: isProd ? 'deterministic' : 'named',
    minimize: isProd,
  },
  performance: { hints: false },
  // package.json lists react-router-dom-v5-compat for the 4.19 build's router (its types); the
  // 4.22 build does not import it, so the SDK's deprecation notice does not apply to it.
  ignoreWarnings:
    build.id === '4.22' ? [/shared module react-router-dom-v5-compat has been deprecated/] : [],
});

const devServer = (build: ConsoleBuild): DevServerConfiguration => ({
  host: '127.0.0.1',
  port: devPort,
  static: outputDir(build),
  allowedHosts: 'all',
  // The console (or the development host) fetches the plugin from another origin.
  headers: {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
    'Access-Control-Allow-Headers': 'X-Requested-With, Content-Type, Authorization',
  },
  devMiddleware: { writeToDisk: true },
  hot: false,
  liveReload: false,
  client: false,
});

export default builds.map((build, i) => makeConfig(build, i === 0));
