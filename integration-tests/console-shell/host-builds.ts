/**
 * The development host's two builds, one per share scope a console presents to plugins:
 *
 * - `4.22`: React 18, react-router 7 (also registered as react-router-dom and
 *   react-router-dom-v5-compat), react-redux 9, … from the repository's own node_modules;
 * - `4.19`: what consoles 4.19–4.21 share (openshift/console release-4.20,
 *   frontend/packages/console-dynamic-plugin-sdk/src/shared-modules/shared-modules-meta.ts and
 *   frontend/package.json): React 17.0.1 rendering the whole page, react-router and
 *   react-router-dom 5.3.4, react-router-dom-v5-compat 6.11.2, react-i18next 11.18, react-redux
 *   7.2.9, redux 4.0.1, redux-thunk 2.4.0 and the 4.20 npm SDK, installed in console-4.20/
 *   (their own package: they conflict with the root package's React 18 peers).
 *
 * A host build is chosen like the plugin build: by the console release it presents
 * (scripts/console-builds.ts). Read by webpack.config.ts, server/main.ts, start.ts and the e2e
 * global setup.
 */
import * as path from 'path';
import { buildForConsole, consoleBuild, type ConsoleBuildId } from '../../scripts/console-builds';

const root = path.resolve(__dirname, '../..');

export type HostBuild = {
  /** The plugin build (and so the consoles) this host build stands in for. */
  id: ConsoleBuildId;
  /** Build output. */
  outDir: string;
  /** The folder with the share scope's packages; the repository root for 4.22. */
  packagesDir: string;
};

export const HOST_BUILDS: Record<ConsoleBuildId, HostBuild> = {
  '4.22': {
    id: '4.22',
    outDir: path.join(root, 'integration-tests/results/console-shell'),
    packagesDir: root,
  },
  '4.19': {
    id: '4.19',
    outDir: path.join(root, 'integration-tests/results/console-shell-4.19'),
    packagesDir: path.join(__dirname, 'console-4.20'),
  },
};

/** The host build presenting `release` (`4.20.0`); the 4.22 one when none is older. */
export const hostBuildFor = (release?: string): HostBuild =>
  HOST_BUILDS[(release && buildForConsole(release)?.id) || consoleBuild('4.22').id];

/** `CONSOLE_SHELL_BUILDS=4.22,4.19`: the host builds webpack makes (4.22 alone by default). */
export const selectedHostBuilds = (value = process.env.CONSOLE_SHELL_BUILDS): HostBuild[] =>
  (value || '4.22').split(',').map((id) => {
    const build = HOST_BUILDS[id.trim() as ConsoleBuildId];
    if (!build) {
      throw new Error(`Unknown host build "${id}"; one of ${Object.keys(HOST_BUILDS).join(', ')}`);
    }
    return build;
  });
