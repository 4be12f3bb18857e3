import { applyMiddleware, combineReducers, createStore, type Middleware } from 'redux';
import * as reduxThunk from 'redux-thunk';
import type { PluginStore } from '@openshift/dynamic-plugin-sdk';
import storeHandler from '@openshift-console/dynamic-plugin-sdk/lib/app/storeHandler';
import { connectSDK } from '../platform/host-platform';
import { flagsReducer, initialFlags, k8sReducer, sdkCoreReducer, uiReducer } from './reducers';

// redux-thunk 3 (console 4.22) exports `thunk`; 2.4 (consoles 4.19–4.21) only a default export.
const thunkExports = { ...reduxThunk } as { thunk?: Middleware; default?: Middleware };
const thunk = (thunkExports.thunk ?? thunkExports.default) as Middleware;

let pluginStoreRef: PluginStore | undefined;

/** Copies FLAGS into the PluginStore whenever the slice changes (extension flag gating). */
const featureFlagMiddleware: Middleware = (api) => (next) => (action) => {
  const before = api.getState().FLAGS;
  const result = next(action);
  const after = api.getState().FLAGS;
  if (pluginStoreRef && before !== after) {
    pluginStoreRef.setFeatureFlags(after.toObject());
  }
  return result;
};

export const createConsoleStore = () => {
  const reducer = combineReducers({
    sdkCore: sdkCoreReducer,
    k8s: k8sReducer,
    FLAGS: flagsReducer,
    UI: uiReducer,
  });
  const store = createStore(
    reducer,
    { FLAGS: initialFlags(Boolean(window.SERVER_FLAGS.authDisabled)) },
    applyMiddleware(thunk, featureFlagMiddleware),
  );
  storeHandler.setStore(store);
  return store;
};

export type ConsoleStore = ReturnType<typeof createConsoleStore>;

export const connectPluginStore = (store: ConsoleStore, pluginStore: PluginStore) => {
  pluginStoreRef = pluginStore;
  connectSDK(pluginStore);
  pluginStore.setFeatureFlags(store.getState().FLAGS.toObject());
};

export const setFlag = (flag: string, value: boolean | undefined) => ({
  type: 'setFlag',
  payload: { flag, value },
});
