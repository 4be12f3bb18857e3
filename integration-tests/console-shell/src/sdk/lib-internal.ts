/**
 * The module shared as `@openshift-console/dynamic-plugin-sdk-internal`. The console's internal
 * API (dashboards, activity items, utilization) is not published on npm and not reproduced here;
 * a plugin importing it gets an empty module.
 */
export {};
