/**
 * The page's `?namespace=`, `?instance=` and `?release=` parameters come from a link anyone can craft. Only
 * RFC 1123 labels are used: anything else is reported and never sent to the API server.
 */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export type TargetParam = 'namespace' | 'instance' | 'release';

export interface UrlTarget {
  /** The parameters that are present and valid. */
  namespace?: string;
  instance?: string;
  /** A release of the upstream Helm chart (`?release=`), shown instead of an instance. */
  release?: string;
  /** The parameters that are present but are not DNS labels. */
  invalid: TargetParam[];
}

export function readUrlTarget(params: URLSearchParams): UrlTarget {
  const target: UrlTarget = { invalid: [] };
  for (const key of ['namespace', 'instance', 'release'] as const) {
    const value = params.get(key);
    if (value === null) continue;
    if (DNS_LABEL.test(value)) target[key] = value;
    else target.invalid.push(key);
  }
  return target;
}
