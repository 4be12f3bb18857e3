import * as path from 'path';
import type { Configuration as WebpackConfiguration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const isProd = process.env.NODE_ENV === 'production';
const devPort = Number(process.env.PLUGIN_DEV_PORT ?? 9001);

interface Configuration extends WebpackConfiguration {
  devServer?: DevServerConfiguration;
}

const config: Configuration = {
  mode: isProd ? 'production' : 'development',
  // No entry: ConsoleRemotePlugin generates the federated container entry.
  entry: {},
  context: path.resolve(__dirname, 'src'),
  output: {
    path: path.resolve(__dirname, process.env.PLUGIN_OUTPUT_DIR ?? 'dist'),
    filename: isProd ? '[name]-bundle-[contenthash].min.js' : '[name]-bundle.js',
    chunkFilename: isProd ? '[name]-chunk-[chunkhash].min.js' : '[name]-chunk.js',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    // PatternFly imports react-dom only for createPortal; the console does not share react-dom,
    // so the plugin uses a one-function stand-in instead of bundling a second copy.
    alias: { 'react-dom$': path.resolve(__dirname, 'src/shims/react-dom-portal.ts') },
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
  devServer: {
    host: '127.0.0.1',
    port: devPort,
    static: path.resolve(__dirname, 'dist'),
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
  },
  plugins: [
    // PatternFly is bundled into the page's chunks instead of shared module by module: the
    // console's shared copies (react-core 6.4.2 in 4.22) are older than the plugin's, so each of
    // the ~40 modules the page uses was fetched as its own fallback file. Bundled, opening the
    // page costs the entry, the exposed chunk and a few vendor chunks (`npm run size`).
    new ConsoleRemotePlugin({ sharedDynamicModuleSettings: { packageSpecs: {} } }),
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
};

export default config;
