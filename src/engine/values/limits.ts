import { parseQuantity } from '../quantity';

/**
 * Namespaces ClearML is never installed into: `default` and the platform's own. OpenShift refuses
 * project requests for `openshift`, `kubernetes`, `kube` and names starting with `openshift-`,
 * `kubernetes-` or `kube-` (openshift/openshift-apiserver,
 * pkg/project/apiserver/registry/projectrequest/delegated/delegated.go, `ForbiddenNames` and
 * `ForbiddenPrefixes`, master as of 2026-12); `default` holds the cluster's own services.
 */
const RESERVED_NAMES = new Set(['default', 'openshift', 'kubernetes', 'kube']);
const RESERVED_PREFIXES = ['openshift-', 'kubernetes-', 'kube-'];

export function isReservedNamespace(name: string): boolean {
  return RESERVED_NAMES.has(name) || RESERVED_PREFIXES.some((p) => name.startsWith(p));
}

/** Upper bounds for resource quantities: far above any node, far below a render of `Infinity`. */
export const MAX_CPU_CORES = 1024;
export const MAX_MEMORY_BYTES = 64 * 2 ** 40;
/** Volume sizes: 1 PiB. */
export const MAX_VOLUME_BYTES = 2 ** 50;

/** Whether a quantity is a finite number within `max` (an invalid quantity passes: its own rule says so). */
export function quantityWithin(text: string, max: number): boolean {
  const value = parseQuantity(text);
  return value === undefined || (Number.isFinite(value) && value <= max);
}
