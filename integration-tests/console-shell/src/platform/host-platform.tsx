/**
 * What differs between the host builds, console 4.22's here: React 18's `createRoot` and
 * react-router 7, which the 4.22 console also registers as `react-router-dom` and
 * `react-router-dom-v5-compat` (openshift/console main, frontend/public/plugins.ts
 * `monkeyPatchSharedScope`). The 4.19–4.21 build replaces this module with
 * host-platform.react-17.tsx (a webpack alias in ../../webpack.config.ts); both export the same
 * names, and the rest of the host imports routing and rendering from here only.
 */
import type { ReactElement, ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import type { PluginStore } from '@openshift/dynamic-plugin-sdk';

export { Link, Route, Routes, useLocation, useNavigate } from 'react-router';

/** Renders the host into `container`. */
export const renderRoot = (container: Element, element: ReactElement) => {
  createRoot(container).render(element);
};

/** The router around the whole page. */
export const HostRouter = ({ basename, children }: { basename: string; children: ReactNode }) => (
  <BrowserRouter basename={basename}>{children}</BrowserRouter>
);

/** The react-router-dom keys are react-router's entry itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const completeSharedScope = (scope: Record<string, any>) => {
  scope['react-router-dom'] = scope['react-router'];
  scope['react-router-dom-v5-compat'] = scope['react-router'];
};

/** The 4.22 SDK needs nothing more than the redux store (storeHandler) to reach the cluster. */
export const connectSDK = (pluginStore: PluginStore) => {
  void pluginStore;
};
