/** URLs of the ClearML page, as its route extension declares them. */
import { ALL_NAMESPACES } from '../hooks/watch-specs';

/** The page for a project (or all projects), without instance or wizard state. */
export const pagePath = (namespace: string) =>
  namespace === ALL_NAMESPACES
    ? '/clearml/all-namespaces'
    : `/clearml/ns/${encodeURIComponent(namespace)}`;

/** The status page of one instance. */
export const instancePath = (namespace: string, instance: string) =>
  `${pagePath(namespace)}?${new URLSearchParams({ instance, namespace }).toString()}`;
