/**
 * The console-provided hooks and components the plugin uses, for the OpenShift console 4.22 and
 * later: React 18, react-router 7 and react-i18next 16, shared by the console as singletons
 * (openshift/console main, frontend/packages/console-dynamic-plugin-sdk/src/shared-modules/
 * shared-modules-meta.ts). The build for consoles 4.19–4.21 swaps this file for
 * console-api.4-19.ts through a webpack alias (webpack.config.ts); both export the same names,
 * and no other file knows which console it runs in.
 */
export { useId } from 'react';
export { Link, useNavigate, useSearchParams } from 'react-router';
export { useTranslation } from 'react-i18next';
