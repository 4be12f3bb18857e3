/**
 * Start-up, in the console's order: SERVER_FLAGS (inlined by the bridge) → i18n → redux store
 * registered with the SDK → share scope → PluginStore and plugin loads → API discovery → render.
 */
import '@patternfly/patternfly/patternfly.css';
import '@patternfly/patternfly/patternfly-addons.css';
import './styles/console-globals.css';
import './styles/sdk-lib.css';
// Shared singletons the console provides even though the host itself does not use them.
import 'redux-thunk';
import '@patternfly/react-topology';
import { App } from './app/App';
import { detectUser, startAPIDiscovery } from './app/discovery';
import { initI18n } from './app/i18n';
import { createPluginStore, initSharedScope, loadPlugins } from './app/plugins';
import { connectPluginStore, createConsoleStore } from './app/store';
import { renderRoot } from './platform/host-platform';

const describe = (value: unknown) =>
  value instanceof Error ? `${value.name}: ${value.message}` : String(value);

window.addEventListener('error', (event) => {
  window.windowError = `${event.message} (${event.filename}:${event.lineno})`;
});
window.addEventListener('unhandledrejection', (event) => {
  window.windowError = `Unhandled promise rejection: ${describe(event.reason)}`;
});

const main = async () => {
  const i18nReady = initI18n();
  const store = createConsoleStore();
  window.setInterval(
    () => store.dispatch({ type: 'updateTimestamps', payload: { lastTick: Date.now() } }),
    10_000,
  );
  const sharedScope = await initSharedScope();
  const pluginStore = createPluginStore(sharedScope);
  connectPluginStore(store, pluginStore);
  void detectUser(store);
  void startAPIDiscovery(store);
  await i18nReady;
  void loadPlugins(pluginStore);
  const container = document.getElementById('app');
  if (!container) throw new Error('#app element missing');
  renderRoot(container, <App store={store} pluginStore={pluginStore} />);
};

main().catch((error) => {
  console.error('Console host failed to start', error);
  window.windowError = describe(error);
});
