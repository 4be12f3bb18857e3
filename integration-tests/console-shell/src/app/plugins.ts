/**
 * Plugin loading as the console 4.22 does it (and, presenting 4.19–4.21, with their
 * `@console/pluginAPI` check and `loadPluginEntry` callback first): one PluginStore with the `__load_plugin_entry__`
 * callback, consoleFetch as the fetch implementation, `@console/pluginAPI` resolved against
 * `releaseVersion`, manifest validation, and the webpack share scope `default` (filled with the
 * host's eager singletons; presenting 4.22, react-router also registered as react-router-dom and
 * react-router-dom-v5-compat) passed to every container's `init`.
 */
import { PluginStore, type PluginManifest } from '@openshift/dynamic-plugin-sdk';
import { coFetch } from '../console/console-fetch';
import { completeSharedScope } from '../platform/host-platform';
import { checksBeforeLoading, unmetPluginAPI } from './plugin-api-gate';

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const __webpack_init_sharing__: (scope: string) => Promise<void>;
declare const __webpack_share_scopes__: Record<string, Record<string, any>>;

declare global {
  interface Window {
    webpackSharedScope?: Record<string, any>;
    loadPluginEntry?: (id: string, container: unknown) => void;
    __load_plugin_entry__?: (name: string, container: unknown) => void;
  }
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-.]+)?(?:\+[0-9A-Za-z-.]+)?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const dynamicPluginNames = (): string[] => {
  const disabled = new URLSearchParams(window.location.search).get('disable-plugins');
  const names = window.SERVER_FLAGS.consolePlugins ?? [];
  if (disabled === null) return names;
  if (disabled === '') return [];
  const off = new Set(disabled.split(',').map((n) => n.trim()));
  return names.filter((n) => !off.has(n));
};

export const initSharedScope = async () => {
  await __webpack_init_sharing__('default');
  const scope = __webpack_share_scopes__.default;
  completeSharedScope(scope);
  window.webpackSharedScope = scope;
  return scope;
};

/** The release version the host presents (bridge `--release-version`), null if unparsable. */
const presentedRelease = (): string | null => {
  const releaseVersion = window.SERVER_FLAGS.releaseVersion;
  return SEMVER.test(releaseVersion ?? '') ? releaseVersion.replace(/^v/, '') : null;
};

// `loadPluginEntry` is the entry callback of consoles before 4.22; 4.22 still accepts it, with a
// deprecation warning.
const registerLegacyPluginEntryCallback = () => {
  const older = checksBeforeLoading(presentedRelease());
  window.loadPluginEntry = (id, container) => {
    const name = id.replace(/@[^@]*$/, '');
    if (!older) {
      console.warn(
        `[DEPRECATION WARNING] ${name} was built for an older version of Console and may not work correctly in this version.`,
      );
    }
    window.__load_plugin_entry__?.(name, container);
  };
};

export const createPluginStore = (sharedScope: Record<string, any>) => {
  const validRelease = presentedRelease();
  const allowed = new Set(dynamicPluginNames());
  return new PluginStore({
    loaderOptions: {
      canLoadPlugin: (manifest) => allowed.has(manifest.name),
      entryCallbackSettings: { name: '__load_plugin_entry__', registerCallback: true },
      fetchImpl: (url, init) => coFetch(url, init as any),
      customDependencyResolutions: { '@console/pluginAPI': validRelease ?? 'unknown' },
      isDependencyResolvable: (depName, isOptional) => {
        if (depName === '@console/pluginAPI') return validRelease !== null;
        return !isOptional || allowed.has(depName);
      },
      sharedScope,
      transformPluginManifest: <T extends PluginManifest>(manifest: T): T => {
        const errors: string[] = [];
        if (!DNS_SUBDOMAIN.test(manifest.name) || manifest.name.length > 253) {
          errors.push(`Plugin name "${manifest.name}" is not a valid DNS subdomain name`);
        }
        if (manifest.registrationMethod !== 'callback') {
          errors.push(`Plugin registration method must be "callback"`);
        }
        if (errors.length > 0) {
          throw new Error(`Invalid plugin manifest: ${errors.join('; ')}`);
        }
        return manifest;
      },
      getPluginEntryModule: () => {
        throw new Error('Custom plugin registration method is not supported by Console');
      },
    },
  });
};

export const manifestURL = (name: string) =>
  new URL(
    'plugin-manifest.json',
    new URL(`${window.SERVER_FLAGS.basePath}api/plugins/${name}/`, window.location.origin),
  ).toString();

/**
 * Presenting a console before 4.22, check `@console/pluginAPI` first as that console does, and
 * load none of the scripts of a plugin that fails it (see plugin-api-gate.ts).
 */
const passesPluginAPIGate = async (name: string): Promise<boolean> => {
  const release = presentedRelease();
  if (!checksBeforeLoading(release)) return true;
  const manifest = (await (await coFetch(manifestURL(name))).json()) as PluginManifest;
  const unmet = unmetPluginAPI(manifest.dependencies, release);
  if (unmet) console.error(`Failed to resolve dependencies of plugin ${name}`, new Error(unmet));
  return !unmet;
};

export const loadPlugins = async (store: PluginStore) => {
  registerLegacyPluginEntryCallback();
  await Promise.all(
    dynamicPluginNames().map(async (name) => {
      try {
        if (await passesPluginAPIGate(name)) await store.loadPlugin(manifestURL(name));
      } catch (error: unknown) {
        console.error(`Failed to load plugin ${name}`, error);
      }
    }),
  );
};
