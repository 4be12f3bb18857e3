/**
 * Runs the bridge-like server for the development console host.
 *
 *   tsx integration-tests/console-shell/server/main.ts --kubeconfig FILE
 *       [--port 9000] [--plugin NAME=DIR|URL]... [--user admin] [--i18n-preload NS]...
 *       [--host-dist DIR] [--console 4.20]
 *
 * `--console` presents that console release (4.19 … 4.22 or x.y.z): the host build with that
 * console's share scope (../host-builds.ts; React 17 and react-router 5 for 4.19–4.21) and the
 * plugin build made for it (dist-4.19/ for 4.19–4.21) unless --plugin names another. The
 * environment variable CONSOLE_VERSION does the same when --console is not given.
 *
 * Listens on 127.0.0.1 only (port 0 picks a free one) and prints `Console host: <url>`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildForConsole, consoleBuild } from '../../../scripts/console-builds';
import { hostBuildFor } from '../host-builds';
import { createBridge, type PluginSource } from './bridge';
import { loadKubeconfig, type Identity } from './kubeconfig';

const root = path.resolve(__dirname, '../../..');

export type ServeOptions = {
  kubeconfig?: string;
  port: number;
  plugins: PluginSource[];
  user?: string;
  i18nNamespaces?: string[];
  hostDist?: string;
  quiet?: boolean;
  /** The console release the host presents (SERVER_FLAGS.releaseVersion); 4.22.0 by default. */
  releaseVersion?: string;
};

/** `4.20` → `4.20.0`; a full version as it is. */
export const consoleRelease = (value: string) => (/^\d+\.\d+$/.test(value) ? `${value}.0` : value);

/** The plugin build directory for a console release (dist/ when none supports it). */
const pluginDirFor = (release?: string) =>
  path.join(root, (release && buildForConsole(release)?.outDir) || consoleBuild('4.22').outDir);

export const defaultPlugin = (release?: string): PluginSource => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return { name: pkg.consolePlugin.name, dir: pluginDirFor(release) };
};

export const parsePlugin = (value: string): PluginSource => {
  const i = value.indexOf('=');
  if (i <= 0) throw new Error(`--plugin expects NAME=DIR|URL, got "${value}"`);
  const name = value.slice(0, i);
  const where = value.slice(i + 1);
  return /^https?:\/\//.test(where) ? { name, url: where } : { name, dir: path.resolve(where) };
};

export const serve = async (options: ServeOptions) => {
  const hostDist = options.hostDist ?? hostBuildFor(options.releaseVersion).outDir;
  if (!fs.existsSync(path.join(hostDist, 'main.js'))) {
    const build = hostBuildFor(options.releaseVersion).id;
    throw new Error(
      `the console host is not built (${hostDist}/main.js missing): ` +
        `CONSOLE_SHELL_BUILDS=${build} npm run console-shell:build`,
    );
  }
  let identities: Identity[] = [];
  if (options.kubeconfig) {
    identities = loadKubeconfig(options.kubeconfig).identities;
  }
  const bridge = createBridge({
    hostDist,
    plugins: options.plugins,
    identities,
    defaultUser: options.user,
    i18nNamespaces: options.i18nNamespaces,
    releaseVersion: options.releaseVersion,
    log: options.quiet ? undefined : (line) => console.error(`[bridge] ${line}`),
  });
  await new Promise<void>((resolve, reject) => {
    bridge.server.once('error', reject);
    bridge.server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = bridge.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { ...bridge, url: `http://127.0.0.1:${port}/`, port };
};

const main = async () => {
  const args = process.argv.slice(2);
  const options: ServeOptions = {
    port: Number(process.env.CONSOLE_HOST_PORT ?? 9000),
    plugins: [],
    kubeconfig: process.env.KUBECONFIG,
    i18nNamespaces: [],
    releaseVersion: process.env.CONSOLE_VERSION
      ? consoleRelease(process.env.CONSOLE_VERSION)
      : undefined,
  };
  for (let i = 0; i < args.length; i += 1) {
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${args[i - 1]} needs a value`);
      return v;
    };
    switch (args[i]) {
      case '--kubeconfig':
        options.kubeconfig = value();
        break;
      case '--port':
        options.port = Number(value());
        break;
      case '--plugin':
        options.plugins.push(parsePlugin(value()));
        break;
      case '--user':
        options.user = value();
        break;
      case '--i18n-preload':
        options.i18nNamespaces!.push(value());
        break;
      case '--host-dist':
        options.hostDist = path.resolve(value());
        break;
      case '--console':
        options.releaseVersion = consoleRelease(value());
        break;
      default:
        throw new Error(`unknown argument ${args[i]}`);
    }
  }
  if (options.plugins.length === 0) options.plugins.push(defaultPlugin(options.releaseVersion));
  const running = await serve(options);
  console.log(`Console host: ${running.url}`);
  console.log(
    `  users: ${running.users.join(', ') || '(none: no kubeconfig)'}; default ${running.defaultUser ?? '-'}`,
  );
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

if (typeof module !== 'undefined' && require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
