/**
 * Object names derived from the instance name. Every object is called `<instance>-<suffix>`, so
 * several instances fit in one namespace; the limits below keep every derived name valid.
 */

/** DNS-1123 label (RFC 1123) that also starts with a letter, so it is a valid Service name too. */
export const DNS_LABEL_PATTERN = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const MAX_DNS_LABEL_LENGTH = 63;

/** Label values: empty, or up to 63 alphanumerics with `-`, `_`, `.` inside. */
export const LABEL_VALUE_PATTERN = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A DNS-1123 subdomain (route hosts, storage class names). */
export const DNS_SUBDOMAIN_PATTERN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const MAX_DNS_SUBDOMAIN_LENGTH = 253;

export const OBJECT_SUFFIXES = {
  apiserver: 'apiserver',
  asyncDelete: 'async-delete',
  fileserver: 'fileserver',
  fileserverData: 'fileserver-data',
  webserver: 'webserver',
  mongodb: 'mongodb',
  mongodbData: 'mongodb-data',
  redis: 'redis',
  redisHeadless: 'redis-headless',
  elasticsearch: 'elasticsearch',
  elasticsearchHeadless: 'elasticsearch-headless',
  elasticsearchPdb: 'elasticsearch-pdb',
  credentials: 'credentials',
  apiserverConfig: 'apiserver-config',
  webserverConfig: 'webserver-config',
  appRoute: 'app',
  apiRoute: 'api',
  filesRoute: 'files',
  sccAnyuid: 'scc-anyuid',
  sccNonroot: 'scc-nonroot-v2',
  sccPrivileged: 'scc-privileged',
  mongodbPolicy: 'netpol-mongodb',
  redisPolicy: 'netpol-redis',
  elasticsearchPolicy: 'netpol-elasticsearch',
  apiserverPolicy: 'netpol-apiserver',
  fileserverPolicy: 'netpol-fileserver',
  webserverPolicy: 'netpol-webserver',
} as const;

export type ObjectKey = keyof typeof OBJECT_SUFFIXES;

/** StatefulSet names also appear in the `controller-revision-hash` pod label (`<name>-<10 chars>`). */
const STATEFULSET_SUFFIXES = [OBJECT_SUFFIXES.redis, OBJECT_SUFFIXES.elasticsearch];
const REVISION_HASH_LENGTH = 11;

/** The longest instance name for which every derived name stays within 63 characters. */
export const MAX_INSTANCE_NAME_LENGTH = Math.min(
  ...Object.values(OBJECT_SUFFIXES).map((s) => MAX_DNS_LABEL_LENGTH - s.length - 1),
  ...STATEFULSET_SUFFIXES.map((s) => MAX_DNS_LABEL_LENGTH - s.length - 1 - REVISION_HASH_LENGTH),
);

/** Route names, whose generated host `<route>-<namespace>.<domain>` must keep a ≤63 first label. */
export const ROUTE_SUFFIXES = [
  OBJECT_SUFFIXES.appRoute,
  OBJECT_SUFFIXES.apiRoute,
  OBJECT_SUFFIXES.filesRoute,
];

export function objectName(instance: string, key: ObjectKey): string {
  return `${instance}-${OBJECT_SUFFIXES[key]}`;
}

/** Length of the first host label OpenShift generates for the longest route name. */
export function generatedRouteLabelLength(instance: string, namespace: string): number {
  return Math.max(
    ...ROUTE_SUFFIXES.map((s) => instance.length + 1 + s.length + 1 + namespace.length),
  );
}
