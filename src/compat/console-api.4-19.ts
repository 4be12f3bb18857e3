/**
 * The console-provided hooks and components the plugin uses, for the OpenShift consoles 4.19,
 * 4.20 and 4.21 (the build in dist-4.19/, selected by a webpack alias in webpack.config.ts in
 * place of console-api.ts). These consoles share React 17, react-router 5 with
 * react-router-dom-v5-compat 6 (whose `CompatRouter` wraps the console's routes), and
 * react-i18next 11 (openshift/console release-4.20, frontend/packages/
 * console-dynamic-plugin-sdk/src/shared-modules/shared-modules-meta.ts and the SDK package's
 * dependencies: react ^17.0.1, react-router-dom-v5-compat ^6.11.2, react-i18next ^11.12.0).
 */
import { useState } from 'react';

export { Link, useNavigate, useSearchParams } from 'react-router-dom-v5-compat';
export { useTranslation } from 'react-i18next';

let lastId = 0;

/**
 * React 17 has no `useId`: a per-component id made once on mount. The plugin renders only in
 * the browser, so the server/client agreement `useId` exists for is not needed.
 */
export const useId = (): string => {
  const [id] = useState(() => `:clearml-${(lastId += 1).toString(36)}:`);
  return id;
};
