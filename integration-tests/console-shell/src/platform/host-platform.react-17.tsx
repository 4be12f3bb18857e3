/**
 * What differs between the host builds, consoles 4.19–4.21's here (in place of
 * host-platform.tsx): React 17's `ReactDOM.render`, and react-router-dom 5's `BrowserRouter`
 * with react-router-dom-v5-compat's `CompatRouter` inside it, so that the v6 API the host and
 * plugins use (`Routes`, `useNavigate`, …) runs on the one v5 history, as in those consoles
 * (openshift/console release-4.20, frontend/public/components/app.tsx). These consoles share
 * react-router, react-router-dom and react-router-dom-v5-compat as three modules of their own.
 */
import type { ReactElement, ReactNode } from 'react';
import { render } from 'react-dom';
import { BrowserRouter } from 'react-router-dom';
import { CompatRouter } from 'react-router-dom-v5-compat';
import { setUtilsConfig } from '@openshift-console/dynamic-plugin-sdk/lib/app/configSetup';
import * as k8sUtils from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-utils';
import { coFetch } from '../console/console-fetch';
import type * as Platform from './host-platform';

export { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom-v5-compat';

export const renderRoot: typeof Platform.renderRoot = (
  container: Element,
  element: ReactElement,
) => {
  render(element, container);
};

export const HostRouter: typeof Platform.HostRouter = ({
  basename,
  children,
}: {
  basename: string;
  children: ReactNode;
}) => (
  <BrowserRouter basename={basename}>
    <CompatRouter>{children}</CompatRouter>
  </BrowserRouter>
);

/**
 * Nothing to alias: each router package is in the scope under its own name. Consoles 4.19 and
 * 4.20 do not fill the scope with webpack: they build it by hand with every module under the
 * version key `*`, loaded, and with no `from` (openshift/console release-4.19 and release-4.20,
 * frontend/packages/console-dynamic-plugin-sdk/src/shared-modules/shared-modules-init.ts,
 * `initSharedScope`). 4.21 fills it with ModuleFederationPlugin at its installed versions
 * (release-4.21, src/runtime/plugin-shared-modules.ts), as this build's webpack does.
 */
export const completeSharedScope: typeof Platform.completeSharedScope = (scope) => {
  const minor = Number(/^v?4\.(\d+)\./.exec(window.SERVER_FLAGS.releaseVersion ?? '')?.[1]);
  if (!(minor <= 20)) return;
  for (const [key, versions] of Object.entries(scope)) {
    const [entry] = Object.values(versions as Record<string, { get: unknown }>);
    scope[key] = { '*': { get: entry.get, eager: true, loaded: 1 } };
  }
};

type K8sUtils420 = { setPluginStore: (store: { getExtensionsInUse: () => unknown[] }) => void };

/**
 * The 4.20 SDK's fetches go through the console's `appFetch`, which the console registers with
 * `setUtilsConfig` (until then every k8s call throws `setUtilsConfig has not been called`), and
 * its static model list reads plugin ModelDefinition extensions from a store registered with
 * `setPluginStore` (@openshift-console/dynamic-plugin-sdk 4.20.0, lib/app/configSetup.js,
 * lib/utils/fetch/console-fetch.js, lib/utils/k8s/k8s-utils.js). The host's coFetch is that
 * console fetch (headers, 429 retries, HttpError, timeouts).
 */
export const connectSDK: typeof Platform.connectSDK = (pluginStore) => {
  setUtilsConfig({ appFetch: (url, options) => coFetch(url, options as never) });
  (k8sUtils as unknown as K8sUtils420).setPluginStore({
    getExtensionsInUse: () => pluginStore.getExtensions(),
  });
};
