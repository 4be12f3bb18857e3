/**
 * ClearML installed the way Red Hat's blog posts describe it (quoted in clearml/clearml#1209):
 * `helm install` of the `clearml` chart, then four cluster-wide SCC grants
 *
 *   oc adm policy add-scc-to-user anyuid -z clearml-mongodb
 *   oc adm policy add-scc-to-user anyuid -z clearml-redis
 *   oc adm policy add-scc-to-user anyuid -z default
 *   oc adm policy add-scc-to-user privileged -z clearml-elastic-master
 *
 * on the local control plane, with the test double of the chart in ./chart and real helm. There
 * is no `oc` here, so the grants are written through the API exactly as oc >= 4.5 writes them
 * (openshift/oc `pkg/cli/admin/policy/modify_scc.go` `AddSCC` / `RemoveSCC`, `modify_roles.go`):
 * the ClusterRole `system:openshift:scc:<scc>` is created when missing, and without `-n` the
 * ClusterRoleBinding of the same name is created or gains the subject
 * `{kind: ServiceAccount, name, namespace}`; removal drops the subject and deletes the binding
 * once it has none left. The blog then exposes the web UI, the API and the file server with
 * `oc expose service` (blog-routes.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import YAML from 'yaml';
import { helm } from '../chart/chart';
import { type ExposedRoute, exposeLikeTheBlog } from './blog-routes';
import { REPO_ROOT, apiFor, statusOf, waitFor } from '../support/cluster';

export const TEST_CHART_DIR = path.join(REPO_ROOT, 'integration-tests', 'adopt', 'chart');
const chartYaml = YAML.parse(fs.readFileSync(path.join(TEST_CHART_DIR, 'Chart.yaml'), 'utf8')) as {
  version: string;
  appVersion: string;
};
export const TEST_CHART_VERSION = chartYaml.version;
export const TEST_CHART_APP_VERSION = chartYaml.appVersion;
/** The file written into every claim's volume. */
export const MARKER_FILE = 'adopt-marker.txt';

/** The objects a release gets, named by the chart's rules (see chart/README.md). */
export function chartNames(release: string) {
  const fullname = release.includes('clearml') ? release : `${release}-clearml`;
  const sub = (chart: string) => (release.includes(chart) ? release : `${release}-${chart}`);
  // Elastic's chart names everything after clusterName-nodeGroup, whatever the release is.
  const elastic = 'clearml-elastic-master';
  return {
    deployments: [
      `${fullname}-apiserver`,
      `${fullname}-apiserver-asyncdelete`,
      `${fullname}-fileserver`,
      `${fullname}-webserver`,
      sub('mongodb'),
    ],
    statefulSets: [`${sub('redis')}-master`, elastic],
    claims: [
      `${fullname}-fileserver-data`,
      sub('mongodb'),
      `redis-data-${sub('redis')}-master-0`,
      `${elastic}-${elastic}-0`,
    ],
    serviceAccounts: {
      apiserver: 'clearml-apiserver',
      fileserver: 'clearml-fileserver',
      webserver: 'clearml-webserver',
      mongodb: sub('mongodb'),
      redis: sub('redis'),
      elasticsearch: elastic,
    },
    secret: 'clearml-conf',
  };
}

export interface SccGrant {
  scc: string;
  serviceAccount: string;
  namespace: string;
}

export interface ClaimMarker {
  claim: string;
  uid: string;
  /** The PersistentVolume's host directory. */
  directory: string;
  content: string;
}

export interface SecretFingerprint {
  name: string;
  keys: string[];
  /** sha256 over the sorted keys and their values: compares credentials without showing them. */
  hash: string;
}

export interface BlogInstall {
  namespace: string;
  release: string;
  names: ReturnType<typeof chartNames>;
  routes: ExposedRoute[];
  grants: SccGrant[];
  markers: ClaimMarker[];
  secret: SecretFingerprint;
}

const rbac = () => apiFor('admin', k8s.RbacAuthorizationV1Api);
const core = () => apiFor('admin', k8s.CoreV1Api);
const sccName = (scc: string) => `system:openshift:scc:${scc}`;
const sameSubject = (a: k8s.RbacV1Subject, b: k8s.RbacV1Subject) =>
  a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');

/** Retries a read-modify-write on 409: other test runs share these cluster-wide bindings. */
async function onConflictRetry(step: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (statusOf(err) !== 409 || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }
}

/** `oc adm policy add-scc-to-user <scc> -z <sa>` run in `<namespace>`, without `-n`. */
export async function addSccToUser(grant: SccGrant): Promise<void> {
  const api = rbac();
  const name = sccName(grant.scc);
  try {
    await api.readClusterRole({ name });
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
    await api.createClusterRole({
      body: {
        metadata: { name },
        rules: [
          {
            apiGroups: ['security.openshift.io'],
            resources: ['securitycontextconstraints'],
            resourceNames: [grant.scc],
            verbs: ['use'],
          },
        ],
      },
    });
  }
  const subject = {
    kind: 'ServiceAccount',
    name: grant.serviceAccount,
    namespace: grant.namespace,
  };
  await onConflictRetry(async () => {
    let binding: k8s.V1ClusterRoleBinding;
    try {
      binding = await api.readClusterRoleBinding({ name });
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name };
      await api.createClusterRoleBinding({
        body: { metadata: { name }, roleRef, subjects: [subject] },
      });
      return;
    }
    if (binding.roleRef.kind !== 'ClusterRole' || binding.roleRef.name !== name) {
      throw new Error(`clusterrolebinding ${name} found for role ${binding.roleRef.name}`);
    }
    if ((binding.subjects ?? []).some((s) => sameSubject(s, subject))) return;
    binding.subjects = [...(binding.subjects ?? []), subject];
    await api.replaceClusterRoleBinding({ name, body: binding });
  });
}

/** `oc adm policy remove-scc-from-user <scc> -z <sa>` run in `<namespace>`, without `-n`. */
export async function removeSccFromUser(grant: SccGrant): Promise<void> {
  const api = rbac();
  const name = sccName(grant.scc);
  const subject = {
    kind: 'ServiceAccount',
    name: grant.serviceAccount,
    namespace: grant.namespace,
  };
  await onConflictRetry(async () => {
    let binding: k8s.V1ClusterRoleBinding;
    try {
      binding = await api.readClusterRoleBinding({ name });
    } catch (err) {
      if (statusOf(err) === 404) return;
      throw err;
    }
    const rest = (binding.subjects ?? []).filter((s) => !sameSubject(s, subject));
    if (rest.length === (binding.subjects ?? []).length) return;
    const keep = binding.metadata?.annotations?.['rbac.authorization.kubernetes.io/autoupdate'];
    if (rest.length === 0 && keep !== 'false') {
      const resourceVersion = binding.metadata?.resourceVersion;
      await api.deleteClusterRoleBinding({ name, body: { preconditions: { resourceVersion } } });
      return;
    }
    binding.subjects = rest;
    await api.replaceClusterRoleBinding({ name, body: binding });
  });
}

/** The blog's four grants for a release in `namespace`. */
export function blogGrants(namespace: string, release: string): SccGrant[] {
  const { serviceAccounts } = chartNames(release);
  return [
    { scc: 'anyuid', serviceAccount: serviceAccounts.mongodb, namespace },
    { scc: 'anyuid', serviceAccount: serviceAccounts.redis, namespace },
    { scc: 'anyuid', serviceAccount: 'default', namespace },
    { scc: 'privileged', serviceAccount: serviceAccounts.elasticsearch, namespace },
  ];
}

/** Takes the grants out again (the shared cluster's bindings keep every other subject). */
export async function removeGrants(grants: SccGrant[]): Promise<void> {
  for (const grant of grants) await removeSccFromUser(grant);
}

const credential = (length: number) => randomBytes(length).toString('base64url').slice(0, length);

/**
 * `helm install <release>` of the test chart with fresh credentials (written to a private values
 * file that is removed afterwards; helm's own output never shows them).
 */
export async function installChart(
  namespace: string,
  release: string,
  values: Record<string, unknown> = {},
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearml-adopt-chart-'));
  const file = path.join(dir, 'values.yaml');
  const key = () =>
    credential(30)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, 'K');
  const clearml = {
    apiserverKey: key(),
    apiserverSecret: credential(64),
    fileserverKey: key(),
    fileserverSecret: credential(64),
    secureAuthTokenSecret: credential(64),
    testUserKey: key(),
    testUserSecret: credential(64),
  };
  fs.writeFileSync(file, YAML.stringify({ clearml, ...values }), { mode: 0o600 });
  try {
    const args = ['install', release, TEST_CHART_DIR, '--namespace', namespace, '--values', file];
    const result = await helm(args);
    if (result.code !== 0) {
      throw new Error(`helm install ${release} exited ${result.code}:\n${result.stderr}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `helm uninstall <release> --wait`. */
export async function uninstallChart(namespace: string, release: string): Promise<void> {
  const args = ['uninstall', release, '--namespace', namespace, '--wait', '--timeout', '90s'];
  const result = await helm(args);
  if (result.code !== 0) {
    throw new Error(`helm uninstall ${release} exited ${result.code}:\n${result.stderr}`);
  }
}

/** Waits until every claim is Bound; returns them with their volume's host directory. */
export async function boundClaims(
  namespace: string,
  claims: string[],
): Promise<{ claim: string; uid: string; directory: string }[]> {
  const api = core();
  const bound = await waitFor(
    async () => {
      const items = (await api.listNamespacedPersistentVolumeClaim({ namespace })).items;
      const mine = claims.map((c) => items.find((i) => i.metadata?.name === c));
      return mine.every((c) => c?.status?.phase === 'Bound') ? mine : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 500, description: `claims ${claims.join(', ')} Bound` },
  );
  return Promise.all(
    bound.map(async (pvc) => {
      const pv = await api.readPersistentVolume({ name: pvc!.spec!.volumeName! });
      const directory = pv.spec?.hostPath?.path;
      if (!directory) throw new Error(`${pv.metadata?.name} is not a hostPath volume`);
      return { claim: pvc!.metadata!.name!, uid: pvc!.metadata!.uid!, directory };
    }),
  );
}

/** What each claim's volume holds now: its UID and the marker file's content (or undefined). */
export async function readMarkers(namespace: string, claims: string[]): Promise<ClaimMarker[]> {
  return (await boundClaims(namespace, claims)).map((c) => {
    const file = path.join(c.directory, MARKER_FILE);
    return { ...c, content: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '' };
  });
}

/**
 * The Secret's key names and a hash of its contents (never the values); with `only`, of those
 * keys alone (e.g. the chart's keys within an instance's credentials).
 */
export async function secretFingerprint(
  namespace: string,
  name: string,
  only?: string[],
): Promise<SecretFingerprint> {
  const secret = await core().readNamespacedSecret({ name, namespace });
  const data = secret.data ?? {};
  const keys = Object.keys(data)
    .filter((k) => !only || only.includes(k))
    .sort();
  const hash = createHash('sha256');
  for (const k of keys) hash.update(`${k}\0${data[k]}\0`);
  return { name, keys, hash: hash.digest('hex') };
}

/**
 * Installs `release` of the chart into `namespace` as the blog does, makes its four grants, waits
 * for the four claims to be bound and writes a marker file into each claim's volume. Remove the
 * grants with `removeGrants(install.grants)` when done: the bindings are cluster-wide.
 */
export async function installLikeTheBlog(namespace: string, release: string): Promise<BlogInstall> {
  const names = chartNames(release);
  // NodePort Services as the chart's defaults, but with ports the API server picks: the fixed
  // 30008/30081/30080 are cluster-wide, and other installs share this cluster.
  const allocated = { service: { nodePort: null } };
  await installChart(namespace, release, {
    apiserver: allocated,
    fileserver: allocated,
    webserver: allocated,
  });
  const grants = blogGrants(namespace, release);
  for (const grant of grants) await addSccToUser(grant);
  const markers: ClaimMarker[] = [];
  for (const c of await boundClaims(namespace, names.claims)) {
    const content = `${namespace}/${c.claim} ${c.uid} ${randomBytes(8).toString('hex')}\n`;
    fs.mkdirSync(c.directory, { recursive: true });
    fs.writeFileSync(path.join(c.directory, MARKER_FILE), content);
    markers.push({ ...c, content });
  }
  const secret = await secretFingerprint(namespace, names.secret);
  const fullname = names.deployments[0].replace(/-apiserver$/, '');
  const routes = await exposeLikeTheBlog(namespace, fullname);
  return { namespace, release, names, routes, grants, markers, secret };
}

export { admittedHost, routeAdmission } from './blog-routes';
