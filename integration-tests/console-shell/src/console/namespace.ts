/**
 * The active namespace, as the console's DetectNamespace provides it: read from the URL
 * (`/<prefix>/ns/<ns>/…`, `/<prefix>/all-namespaces/…`), otherwise the last one used.
 * `setNamespace` rewrites the URL the way `formatNamespaceRoute` does.
 */
import { createContext, useContext } from 'react';

export const ALL_NAMESPACES_KEY = '#ALL_NS#';
export const LAST_NAMESPACE_KEY = 'console.lastNamespace';

export type NamespaceContextValue = {
  namespace: string;
  setNamespace: (ns: string) => void;
};

export const NamespaceContext = createContext<NamespaceContextValue>({
  namespace: ALL_NAMESPACES_KEY,
  setNamespace: () => undefined,
});

const stripBasePath = (pathname: string) => {
  const base = window.SERVER_FLAGS.basePath;
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
};

export const getNamespaceFromPath = (pathname: string): string | undefined => {
  const path = stripBasePath(pathname);
  const cluster = path.match(/^\/k8s\/cluster\/(?:namespaces|projects)\/([^/]+)/);
  if (cluster) return decodeURIComponent(cluster[1]);
  const segments = path.split('/').filter(Boolean);
  if (segments.length < 2) return undefined;
  if (segments[1] === 'all-namespaces') return ALL_NAMESPACES_KEY;
  if (segments[1] === 'ns' && segments[2]) return decodeURIComponent(segments[2]);
  return undefined;
};

/** `/<prefix>/ns/<old>/<rest>` → `/<prefix>/ns/<new>/<first segment of rest>`. */
export const formatNamespaceRoute = (ns: string, pathname: string, search = '', hash = '') => {
  const path = stripBasePath(pathname);
  const segments = path.split('/').filter(Boolean);
  if (segments.length < 2 || !['ns', 'all-namespaces'].includes(segments[1])) {
    return undefined;
  }
  const prefix = segments[0];
  const rest = segments[1] === 'ns' ? segments.slice(3) : segments.slice(2);
  const first = rest.length > 0 ? `/${rest[0]}` : '';
  const nsPart = ns === ALL_NAMESPACES_KEY ? 'all-namespaces' : `ns/${encodeURIComponent(ns)}`;
  return `/${prefix}/${nsPart}${first}${search}${hash}`;
};

export const useActiveNamespace = (): [string, (ns: string) => void] => {
  const { namespace, setNamespace } = useContext(NamespaceContext);
  return [namespace, setNamespace];
};
