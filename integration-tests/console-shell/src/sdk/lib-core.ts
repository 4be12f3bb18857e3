/**
 * The module shared as `@openshift-console/dynamic-plugin-sdk`: the npm package's own lib-core,
 * whose console-internal `require`s the host build redirects to ../console.
 */
export * from '@openshift-console/dynamic-plugin-sdk/lib/lib-core';
