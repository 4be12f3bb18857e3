/**
 * The module of the 4.20 SDK (console-4.20/node_modules) that host-platform.react-17.tsx uses and
 * the root's 4.22 SDK no longer has (@openshift-console/dynamic-plugin-sdk 4.20.0,
 * lib/app/configSetup.d.ts).
 */
declare module '@openshift-console/dynamic-plugin-sdk/lib/app/configSetup' {
  export const setUtilsConfig: (config: {
    appFetch: (url: string, options?: RequestInit) => Promise<Response>;
  }) => void;
}
