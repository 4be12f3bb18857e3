/**
 * Test helpers for the local control plane started by integration-tests/cluster/up.sh.
 *
 * Users (bearer tokens in .cluster/kubeconfig):
 *  - admin:     cluster-admin (system:masters)
 *  - developer: ClusterRole `admin` in namespace `team-a` only (an OpenShift project admin)
 *  - viewer:    ClusterRole `view` in namespace `team-a`
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as k8s from '@kubernetes/client-node';
import { afterEach, beforeEach } from 'vitest';
import { waitFor } from './wait';

export { waitFor };

export type ClusterUser = 'admin' | 'developer' | 'viewer';
export type PodFault = 'image-pull' | 'crash-loop' | 'never-ready';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');
export const CLUSTER_STATE_DIR = process.env.CLUSTER_STATE_DIR ?? path.join(REPO_ROOT, '.cluster');
export const KUBECONFIG_PATH = path.join(CLUSTER_STATE_DIR, 'kubeconfig');
/** Namespace where `developer` is admin and `viewer` is viewer. */
export const TEAM_NAMESPACE = 'team-a';
/** Domain the route admitter uses for generated hosts: `<route>-<namespace>.<domain>`. */
export const ROUTER_DOMAIN = process.env.CLUSTER_ROUTER_DOMAIN ?? 'apps.clearml.local';
/** Name of the fake kwok node. */
export const NODE_NAME = 'kwok-worker-0';
/** Pod label selecting a failure stage; values are {@link PodFault}. */
export const FAULT_LABEL = 'kwok.clearml.test/fault';
/** Label put on namespaces created by {@link createTestNamespace}. */
export const TEST_NAMESPACE_LABEL = 'clearml.test/ephemeral';

/** Directory with the binaries build.sh compiled (kubectl, helm, kube-apiserver, ...). */
export const CLUSTER_BIN_DIR = path.join(
  process.env.CLEARML_PLUGIN_CACHE ?? path.join(os.homedir(), '.cache', 'clearml-console-plugin'),
  'bin',
);

/** Path of a cached binary, e.g. `clusterBin('helm')` or `clusterBin('kubectl')`. */
export function clusterBin(name: 'kubectl' | 'helm' | 'kwok' | 'etcd' | 'kube-apiserver'): string {
  return path.join(CLUSTER_BIN_DIR, name);
}

/** The Kubernetes version build.sh pins (what `/version` reports). */
export const KUBE_VERSION: string = (() => {
  const build = fs.readFileSync(
    path.join(REPO_ROOT, 'integration-tests', 'cluster', 'build.sh'),
    'utf8',
  );
  const m = /^KUBE_VERSION=(v[0-9.]+)$/m.exec(build);
  if (!m) throw new Error('KUBE_VERSION not found in integration-tests/cluster/build.sh');
  return m[1];
})();

/** A KubeConfig for one of the cluster users (reads .cluster/kubeconfig). */
export function kubeConfigFor(user: ClusterUser = 'admin'): k8s.KubeConfig {
  if (!fs.existsSync(KUBECONFIG_PATH)) {
    throw new Error(`${KUBECONFIG_PATH} does not exist: start the cluster with npm run cluster:up`);
  }
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(KUBECONFIG_PATH);
  kc.setCurrentContext(user);
  return kc;
}

/** An API client for a user, e.g. `apiFor('developer', k8s.RbacAuthorizationV1Api)`. */
export function apiFor<T extends k8s.ApiType>(user: ClusterUser, api: k8s.ApiConstructor<T>): T {
  return kubeConfigFor(user).makeApiClient(api);
}

/** HTTP status of a failed API call (undefined when it is not an API error). */
export function statusOf(err: unknown): number | undefined {
  return err instanceof k8s.ApiException ? err.code : undefined;
}

/** Resolves to the HTTP status the call fails with; throws if it succeeds. */
export async function expectApiError(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (err) {
    const code = statusOf(err);
    if (code === undefined) throw err;
    return code;
  }
  throw new Error('expected the API call to fail, but it succeeded');
}

export interface TestNamespaceOptions {
  /** Name prefix (default `it`); a random suffix is appended. */
  prefix?: string;
  /** Extra namespace labels. */
  labels?: Record<string, string>;
  /** ClusterRoles to bind in the namespace, per user, e.g. `{ developer: 'admin' }`. */
  grants?: Partial<Record<Exclude<ClusterUser, 'admin'>, string>>;
  /** Wait for the OpenShift SCC annotations on the namespace (default true). */
  waitForSccAnnotations?: boolean;
}

/** Creates a namespace as admin (plus optional RoleBindings) and returns its name. */
export async function createTestNamespace(options: TestNamespaceOptions = {}): Promise<string> {
  const core = apiFor('admin', k8s.CoreV1Api);
  const rbac = apiFor('admin', k8s.RbacAuthorizationV1Api);
  const name = `${options.prefix ?? 'it'}-${Math.random().toString(36).slice(2, 8)}`;
  await core.createNamespace({
    body: { metadata: { name, labels: { [TEST_NAMESPACE_LABEL]: 'true', ...options.labels } } },
  });
  for (const [user, role] of Object.entries(options.grants ?? {})) {
    await rbac.createNamespacedRoleBinding({
      namespace: name,
      body: {
        metadata: { name: `${user}-${role}` },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
      },
    });
  }
  if (options.waitForSccAnnotations ?? true) {
    await waitFor(
      async () =>
        (await core.readNamespace({ name })).metadata?.annotations?.[
          'openshift.io/sa.scc.uid-range'
        ] !== undefined,
      { description: `SCC annotations on namespace ${name}` },
    );
  }
  return name;
}

/** Deletes a namespace (does not wait for it to finish terminating). */
export async function deleteNamespace(name: string): Promise<void> {
  try {
    await apiFor('admin', k8s.CoreV1Api).deleteNamespace({ name, propagationPolicy: 'Background' });
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
}

/**
 * Gives every test in the current file/describe block a fresh namespace, created before each
 * test and deleted after it. Read `ns.name` inside the test.
 */
export function useTestNamespace(options: TestNamespaceOptions = {}): { readonly name: string } {
  let current: string | undefined;
  beforeEach(async () => {
    current = await createTestNamespace(options);
  });
  afterEach(async () => {
    if (current && process.env.CLUSTER_KEEP_NAMESPACES !== '1') await deleteNamespace(current);
    current = undefined;
  });
  return {
    get name(): string {
      if (!current) throw new Error('the test namespace exists only while a test runs');
      return current;
    },
  };
}

/** A Deployment of `replicas` pods; `fault` selects a kwok failure stage for its pods. */
export function deploymentManifest(
  name: string,
  options: {
    replicas?: number;
    image?: string;
    fault?: PodFault;
    labels?: Record<string, string>;
  } = {},
): k8s.V1Deployment {
  const labels: Record<string, string> = { app: name, ...options.labels };
  const podLabels = options.fault ? { ...labels, [FAULT_LABEL]: options.fault } : labels;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: podLabels },
        spec: {
          containers: [
            { name: 'main', image: options.image ?? 'registry.example.com/clearml/app:1.0' },
          ],
        },
      },
    },
  };
}

/** Waits until a Deployment reports condition Available=True and returns it. */
export async function waitForDeploymentAvailable(
  namespace: string,
  name: string,
  timeoutMs = 60_000,
): Promise<k8s.V1Deployment> {
  const apps = apiFor('admin', k8s.AppsV1Api);
  return waitFor(
    async () => {
      const d = await apps.readNamespacedDeployment({ name, namespace });
      const available = d.status?.conditions?.some(
        (c) => c.type === 'Available' && c.status === 'True',
      );
      return available && (d.status?.readyReplicas ?? 0) >= (d.spec?.replicas ?? 1) ? d : undefined;
    },
    { timeoutMs, description: `deployment ${namespace}/${name} Available` },
  );
}
