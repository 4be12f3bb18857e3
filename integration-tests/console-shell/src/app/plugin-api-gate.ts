/**
 * The `@console/pluginAPI` check of consoles 4.19–4.21, made before any script of a plugin is
 * loaded: the manifest's range against the release version (bridge `--release-version`), with
 * prereleases included. On a mismatch the console logs `Failed to resolve dependencies of plugin
 * <name>` with the error below and marks the plugin failed. Source: openshift/console
 * release-4.20, frontend/packages/console-dynamic-plugin-sdk/src/runtime/plugin-dependencies.ts
 * (resolvePluginDependencies, UnmetPluginDependenciesError) and plugin-loader.ts. Console 4.22
 * makes the same check inside the PluginStore of @openshift/dynamic-plugin-sdk.
 */
import semver from 'semver';

const PLUGIN_API = '@console/pluginAPI';

/** The console's message when the range is unmet, or undefined when the plugin may load. */
export const unmetPluginAPI = (
  dependencies: Record<string, string> | undefined,
  releaseVersion: string | null,
): string | undefined => {
  const range = dependencies?.[PLUGIN_API];
  // A release the console cannot parse skips the check, as does a manifest without the range.
  if (!releaseVersion || range === undefined) return undefined;
  if (semver.satisfies(releaseVersion, range, { includePrerelease: true })) return undefined;
  return `Unmet dependency on Console plugin API: ${PLUGIN_API}: required ${range}, current ${releaseVersion}`;
};

/** Consoles before 4.22 gate plugins themselves; 4.22 leaves it to the PluginStore. */
export const checksBeforeLoading = (releaseVersion: string | null) =>
  releaseVersion !== null && semver.lt(releaseVersion, '4.22.0-0');
