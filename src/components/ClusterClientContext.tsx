import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { createConsoleClient } from '../adapters/console-client';
import type { ClusterClient } from '../engine/cluster/client';

const ClusterClientContext = createContext<ClusterClient | undefined>(undefined);

/** Supplies the cluster client; the console's adapter unless a test passes its own. */
export const ClusterClientProvider = ({
  client,
  children,
}: {
  client?: ClusterClient;
  children: ReactNode;
}) => {
  const value = useMemo(() => client ?? createConsoleClient(), [client]);
  return <ClusterClientContext.Provider value={value}>{children}</ClusterClientContext.Provider>;
};

/** The cluster client for one-shot reads and writes. Throws outside its provider. */
export const useClusterClient = (): ClusterClient => {
  const client = useContext(ClusterClientContext);
  if (!client) throw new Error('useClusterClient must be used inside ClusterClientProvider');
  return client;
};
