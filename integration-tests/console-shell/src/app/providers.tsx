import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDispatch } from 'react-redux';
import { PerspectiveContext } from '@openshift-console/dynamic-plugin-sdk/lib/perspective/perspective-context';
import {
  ALL_NAMESPACES_KEY,
  LAST_NAMESPACE_KEY,
  NamespaceContext,
  formatNamespaceRoute,
  getNamespaceFromPath,
} from '../console/namespace';
import { getUserPreference, setUserPreference } from '../console/useUserPreference';
import { useLocation, useNavigate } from '../platform/host-platform';

export const PERSPECTIVES = [
  { id: 'admin', name: 'Core platform' },
  { id: 'dev', name: 'Developer' },
];

/** `?perspective=<id>`, else the last one used, else `admin`. */
export const PerspectiveProvider = ({ children }: { children: ReactNode }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const dispatch = useDispatch();
  const fromQuery = new URLSearchParams(location.search).get('perspective');
  const initial =
    [fromQuery, getUserPreference<string>('console.lastPerspective')].find((p) =>
      PERSPECTIVES.some((known) => known.id === p),
    ) ?? 'admin';
  const [activePerspective, setPerspective] = useState<string>(initial);
  useEffect(() => {
    if (
      fromQuery &&
      fromQuery !== activePerspective &&
      PERSPECTIVES.some((p) => p.id === fromQuery)
    ) {
      setPerspective(fromQuery);
    }
  }, [fromQuery, activePerspective]);
  useEffect(() => {
    dispatch({ type: 'setActivePerspective', payload: { perspective: activePerspective } });
  }, [dispatch, activePerspective]);
  const setActivePerspective = useCallback(
    (id: string, next?: string) => {
      setUserPreference('console.lastPerspective', id);
      setPerspective(id);
      navigate(next || '/');
    },
    [navigate],
  );
  const value = useMemo(
    () => ({ activePerspective, setActivePerspective }),
    [activePerspective, setActivePerspective],
  );
  return (
    <PerspectiveContext.Provider value={value as never}>{children}</PerspectiveContext.Provider>
  );
};

/** The URL namespace wins; otherwise the last namespace used; otherwise all namespaces. */
export const NamespaceProvider = ({ children }: { children: ReactNode }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const dispatch = useDispatch();
  const fromURL = getNamespaceFromPath(location.pathname);
  const [stored, setStored] = useState<string>(
    () => getUserPreference<string>(LAST_NAMESPACE_KEY) ?? ALL_NAMESPACES_KEY,
  );
  const namespace = fromURL ?? stored;
  useEffect(() => {
    dispatch({ type: 'setActiveNamespace', payload: { namespace } });
    if (fromURL && fromURL !== ALL_NAMESPACES_KEY) {
      setUserPreference(LAST_NAMESPACE_KEY, fromURL);
    }
  }, [dispatch, namespace, fromURL]);
  const setNamespace = useCallback(
    (ns: string) => {
      setUserPreference(LAST_NAMESPACE_KEY, ns);
      setStored(ns);
      // As the console's UI.setActiveNamespace: the URL at the time of the call, so a page that
      // navigated in its onNamespaceChange keeps where it went.
      const { pathname, search, hash } = window.location;
      const next = formatNamespaceRoute(ns, pathname, search, hash);
      if (next && next !== `${location.pathname}${search}${hash}`) navigate(next);
      dispatch({ type: 'setActiveNamespace', payload: { namespace: ns } });
    },
    [dispatch, location.pathname, navigate],
  );
  const value = useMemo(() => ({ namespace, setNamespace }), [namespace, setNamespace]);
  return <NamespaceContext.Provider value={value}>{children}</NamespaceContext.Provider>;
};
