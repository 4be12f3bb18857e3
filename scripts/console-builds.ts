/**
 * The plugin's two builds from the one src/: which consoles each serves, where it is written,
 * its `@console/pluginAPI` range, the compatibility module it uses and the singletons those
 * consoles share with plugins. Read by webpack.config.ts, the build test, `npm run size` and the
 * development host; the chart maps cluster versions to `basePath` (charts/…/_helpers.tpl).
 *
 * Shared singletons per console: openshift/console release-4.20 and main,
 * frontend/packages/console-dynamic-plugin-sdk/src/shared-modules/shared-modules-meta.ts (the
 * same list in @openshift-console/dynamic-plugin-sdk-webpack 4.19.0 and 4.22.0 on npm), with the
 * 4.20 console's versions (react 17.0.1, react-router 5.3.4, v5-compat 6.11.2, react-i18next
 * 11.18, react-redux 7.2.9, redux 4.0.1, redux-thunk 2.4.0; the react-i18next patch release here
 * is illustrative). These versions fill the share scope of scripts/page-requests.ts and the
 * development host.
 */
export type ConsoleBuildId = '4.22' | '4.19';

export interface ConsoleBuild {
  id: ConsoleBuildId;
  /** The console versions this build loads in, as people read them. */
  consoles: string;
  /** `@console/pluginAPI` in plugin-manifest.json, checked by the console before loading. */
  pluginAPI: string;
  /** Output folder, relative to the repository root. */
  outDir: string;
  /** Where the image serves it: the ConsolePlugin `basePath` that selects it. */
  basePath: string;
  /** The console release version the development host reports for `--console <id>`. */
  releaseVersion: string;
  /** The compatibility module that replaces src/compat/console-api.ts, if any. */
  compatModule?: string;
  /** Singletons the console puts in the `default` share scope, with their versions. */
  shared: Record<string, string>;
  /**
   * The range the build asks of each shared singleton, where the SDK webpack plugin's own would
   * not be met by these consoles (webpack logs `Unsatisfied version … of shared singleton …`).
   */
  requiredVersions?: Record<string, string>;
  /** `npm run size` budgets, gzip bytes: the entry, and opening the page where set. */
  budget: { entry: number; pageOpen?: number };
}

const KB = 1024;

const sdkModules = (version: string) => ({
  '@openshift-console/dynamic-plugin-sdk': version,
  '@openshift-console/dynamic-plugin-sdk-internal': version,
});

const shared419 = {
  ...sdkModules('4.20.0'),
  '@patternfly/react-topology': '6.2.0',
  react: '17.0.1',
  'react-i18next': '11.18.6',
  'react-redux': '7.2.9',
  'react-router': '5.3.4',
  'react-router-dom': '5.3.4',
  'react-router-dom-v5-compat': '6.11.2',
  redux: '4.0.1',
  'redux-thunk': '2.4.0',
};

/**
 * What the 4.19 build asks of those consoles' singletons. Left alone, the 4.19 SDK webpack
 * plugin would take the ranges of the installed (4.22) SDK and of package.json: react
 * `^18.3.1`, the SDK `4.22.0`, … The three consoles register the modules differently:
 *
 * - 4.19 and 4.20 put every module under the version key `*` (openshift/console release-4.19
 *   and release-4.20, frontend/packages/console-dynamic-plugin-sdk/src/shared-modules/
 *   shared-modules-init.ts, `initSharedScope`);
 * - 4.21 fills the scope with webpack's ModuleFederationPlugin at the versions it installs
 *   (release-4.21, frontend/webpack.config.ts and src/runtime/plugin-shared-modules.ts;
 *   frontend/yarn.lock: react 17.0.1, redux 4.0.4, react-i18next 11.18.6, …), its SDK as the
 *   workspace version `0.0.0-fixed`.
 *
 * webpack's consume runtime orders the version `*` after every numbered one, so it meets
 * `>=17.0.1` but not `^17.0.1`: each module asks for at least the 4.20 console's version, and
 * the console SDK keys for any version, prereleases such as 0.0.0-fixed included. The upper bound is the manifest's `@console/pluginAPI`.
 */
const requiredVersions419 = Object.fromEntries(
  Object.entries(shared419).map(([key, version]) => [
    key,
    key.startsWith('@openshift-console/') ? '>=0.0.0-0' : `>=${version}`,
  ]),
);

export const CONSOLE_BUILDS: readonly ConsoleBuild[] = [
  {
    id: '4.22',
    consoles: '4.22 and later',
    pluginAPI: '>=4.22.0-0',
    outDir: 'dist',
    basePath: '/',
    releaseVersion: '4.22.0',
    budget: { entry: 7 * KB },
    shared: {
      ...sdkModules('4.22.0'),
      '@openshift/dynamic-plugin-sdk': '8.0.0',
      '@patternfly/react-topology': '6.4.0',
      react: '18.3.1',
      'react-i18next': '16.5.8',
      'react-redux': '9.2.0',
      'react-router': '7.13.1',
      'react-router-dom': '7.13.1',
      'react-router-dom-v5-compat': '7.13.1',
      redux: '5.0.1',
      'redux-thunk': '3.1.0',
    },
  },
  {
    id: '4.19',
    consoles: '4.19, 4.20 and 4.21',
    pluginAPI: '>=4.19.0-0 <4.22.0-0',
    outDir: 'dist-4.19',
    basePath: '/4.19/',
    releaseVersion: '4.20.0',
    compatModule: 'src/compat/console-api.4-19.ts',
    // These consoles share neither react-dom nor PatternFly: the page brings its own.
    budget: { entry: 7 * KB, pageOpen: 350 * KB },
    shared: shared419,
    requiredVersions: requiredVersions419,
  },
];

export const consoleBuild = (id: string): ConsoleBuild => {
  const build = CONSOLE_BUILDS.find((b) => b.id === id);
  if (!build) {
    throw new Error(
      `Unknown console build "${id}"; one of ${CONSOLE_BUILDS.map((b) => b.id).join(', ')}`,
    );
  }
  return build;
};

/** The build for a console release (`4.20` or `4.20.3`), undefined when none supports it. */
export const buildForConsole = (release: string): ConsoleBuild | undefined => {
  const [major, minor] = release.split('.').map(Number);
  if (major !== 4 || !Number.isInteger(minor)) return undefined;
  if (minor >= 22) return consoleBuild('4.22');
  if (minor >= 19) return consoleBuild('4.19');
  return undefined;
};
