/**
 * Counts the plugin files the console fetches to open an exposed module, by running the built
 * entry the way the console does: `__load_plugin_entry__` (4.22) or `loadPluginEntry` (4.19–4.21),
 * `init` with that console's shared singletons (react, the SDK, react-i18next, …; see
 * console-builds.ts), then `get(<module>)`. Every script the webpack
 * runtime asks for is read from `dist/` and run, so chunks, shared-module fallbacks and their
 * own dependencies are all counted. PatternFly modules the console might share are left out of
 * the scope: the worst case, and the actual one when the console's copies are older.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { consoleBuild } from './console-builds';

interface Container {
  init: (scope: object) => Promise<void> | void;
  get: (module: string) => Promise<() => unknown>;
}

interface FakeScript {
  src?: string;
  onload?: ((e: unknown) => void) | null;
  onerror?: ((e: unknown) => void) | null;
  setAttribute: () => void;
}

/** The files (entry first) fetched to open `module` in the consoles of build `buildId`. */
export async function pageRequests(dist: string, entry: string, module: string, buildId = '4.22') {
  const requested: string[] = [entry];
  let container: Container | undefined;
  const context: Record<string, unknown> = {
    console: { ...console, log: () => {}, warn: () => {} },
    setTimeout,
    clearTimeout,
    Promise,
    __load_plugin_entry__: (_name: string, c: Container) => {
      container = c;
    },
    loadPluginEntry: (_id: string, c: Container) => {
      container = c;
    },
  };
  context.self = context;
  context.window = context;
  context.document = {
    getElementsByTagName: () => [],
    createElement: (): FakeScript => ({ setAttribute: () => {} }),
    head: {
      appendChild(script: FakeScript) {
        const file = (script.src ?? '').replace(/^.*\/api\/plugins\/[^/]+\//, '');
        requested.push(file);
        setTimeout(() => {
          try {
            vm.runInContext(readFileSync(join(dist, file), 'utf8'), ctx);
            script.onload?.({ type: 'load', target: script });
          } catch (err) {
            script.onerror?.({ type: 'error', target: script, err });
          }
        });
      },
    },
  };
  const ctx = vm.createContext(context);
  vm.runInContext(readFileSync(join(dist, entry), 'utf8'), ctx);
  if (!container) throw new Error(`${entry} did not call __load_plugin_entry__`);
  const stub = () => ({});
  const scope = Object.fromEntries(
    Object.entries(consoleBuild(buildId).shared).map(([key, version]) => [
      key,
      { [version]: { get: () => stub, from: 'openshift-console', eager: true, loaded: 1 } },
    ]),
  );
  await container.init(scope);
  await container.get(module);
  return requested;
}
