/**
 * Extra namespaces for tests that need their own (a developer's project, a broken instance),
 * created as admin through the bridge and deleted after the file.
 */
import { afterAll } from 'vitest';
import { BridgeClient } from './bridge-client';
import type { E2EContext } from './context';
import type { ClusterUser } from './users';
import { until } from './wait';

type Namespace = { metadata: { annotations?: Record<string, string> } };

export const useScratchNamespaces = (e2e: E2EContext) => {
  const admin = new BridgeClient(e2e.consoleURL, 'admin');
  const created: string[] = [];
  afterAll(async () => {
    if (process.env.E2E_KEEP_NAMESPACE === '1') return;
    await Promise.all(created.splice(0).map((ns) => admin.deleteNamespace(ns)));
  });
  return {
    admin,
    /**
     * A fresh namespace `<prefix>-<random>`, with ClusterRoles bound to users (e.g.
     * `{ developer: 'admin' }`), once it has the OpenShift SCC annotations.
     */
    create: async (
      prefix: string,
      grants: Partial<Record<Exclude<ClusterUser, 'admin'>, string>> = {},
    ) => {
      const name = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
      await admin.createNamespace(name);
      created.push(name);
      for (const [user, role] of Object.entries(grants)) {
        await admin.grant(name, user as ClusterUser, role);
      }
      await until(
        async () =>
          (await admin.get<Namespace>(`/api/v1/namespaces/${name}`)).metadata.annotations?.[
            'openshift.io/sa.scc.uid-range'
          ],
        { description: `SCC annotations on namespace ${name}`, timeoutMs: 30_000 },
      );
      return name;
    },
  };
};
