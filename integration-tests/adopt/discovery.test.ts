/**
 * A ClearML installed with the upstream chart and the blog's four cluster-wide SCC grants, on the
 * real API server: the take-over finds the release from the live workloads and Helm's records,
 * and reports each grant against the least-privilege plan. Also: the test chart uninstalls
 * cleanly, so the fixture can be installed again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChartReleases, type ChartWorkload } from '../../src/engine/adopt/releases';
import { auditReleaseGrants, plannedSccs, type Binding } from '../../src/engine/adopt/scc-audit';
import type { K8sObject, PodSpec } from '../../src/engine/k8s-types';
import { renderWithPlan } from '../../src/engine/render/render';
import { selectScc } from '../../src/engine/scc';
import { createValues } from '../../src/engine/values';
import { clientAs } from '../deploy/engine-helpers';
import { apiFor, createTestNamespace, deleteNamespace } from '../support/cluster';
import {
  MARKER_FILE,
  TEST_CHART_APP_VERSION,
  TEST_CHART_VERSION,
  type BlogInstall,
  addSccToUser,
  blogGrants,
  boundClaims,
  chartNames,
  installChart,
  installLikeTheBlog,
  removeGrants,
  removeSccFromUser,
  uninstallChart,
} from './blog-install';

type Workload = ChartWorkload & K8sObject & { spec: { template: { spec: PodSpec } } };

/** The project's Deployments and StatefulSets and Helm's release records, as the admin sees them. */
async function liveReleases(namespace: string) {
  const client = clientAs('admin');
  const workloads = [
    ...(await client.list<Workload>('apps/v1', 'Deployment', { namespace })),
    ...(await client.list<Workload>('apps/v1', 'StatefulSet', { namespace })),
  ];
  const records = await client.list('v1', 'Secret', { namespace, labelSelector: 'owner=helm' });
  return { workloads, releases: findChartReleases(workloads, records) };
}

/** Every binding that may grant an SCC: the cluster's ClusterRoleBindings and the project's RoleBindings. */
async function liveBindings(namespace: string): Promise<Binding[]> {
  const cluster = await apiFor('admin', k8s.RbacAuthorizationV1Api).listClusterRoleBinding();
  const local = await clientAs('admin').list<K8sObject & Omit<Binding, 'kind'>>(
    'rbac.authorization.k8s.io/v1',
    'RoleBinding',
    { namespace },
  );
  return [
    ...cluster.items.map((b) => ({
      kind: 'ClusterRoleBinding' as const,
      metadata: { name: b.metadata!.name! },
      roleRef: b.roleRef,
      subjects: b.subjects,
    })),
    ...local.map((b) => ({ ...b, kind: 'RoleBinding' as const })),
  ];
}

describe('a release of the upstream chart installed like the blog', () => {
  const release = 'clearml';
  let namespace = '';
  let install: BlogInstall;

  beforeAll(async () => {
    namespace = await createTestNamespace({ prefix: 'blog' });
    install = await installLikeTheBlog(namespace, release);
  }, 240_000);

  afterAll(async () => {
    if (namespace) await removeGrants(blogGrants(namespace, release));
    if (namespace) await deleteNamespace(namespace);
  });

  it('is found with its chart and server version, status deployed, and every workload mapped to its component', async () => {
    const { releases } = await liveReleases(namespace);
    expect(releases).toHaveLength(1);
    const [found] = releases;
    expect(found).toMatchObject({
      release,
      chartVersion: TEST_CHART_VERSION,
      appVersion: TEST_CHART_APP_VERSION,
      status: 'deployed',
      revision: 1,
    });
    expect(Object.fromEntries(found.workloads.map((w) => [w.name, [w.kind, w.component]]))).toEqual(
      {
        'clearml-apiserver': ['Deployment', 'apiserver'],
        'clearml-apiserver-asyncdelete': ['Deployment', 'async-delete'],
        'clearml-fileserver': ['Deployment', 'fileserver'],
        'clearml-webserver': ['Deployment', 'webserver'],
        'clearml-mongodb': ['Deployment', 'mongodb'],
        'clearml-redis-master': ['StatefulSet', 'redis'],
        'clearml-elastic-master': ['StatefulSet', 'elasticsearch'],
      },
    );
    expect([...found.serviceAccounts].sort()).toEqual([
      'clearml-apiserver',
      'clearml-elastic-master',
      'clearml-fileserver',
      'clearml-mongodb',
      'clearml-redis',
      'clearml-webserver',
      'default',
    ]);
  });

  it('has its four claims bound, each holding the marker written into its volume, and the Secret clearml-conf', async () => {
    expect(install.markers.map((m) => m.claim)).toEqual([
      'clearml-fileserver-data',
      'clearml-mongodb',
      'redis-data-clearml-redis-master-0',
      'clearml-elastic-master-clearml-elastic-master-0',
    ]);
    for (const m of install.markers) {
      expect(fs.readFileSync(path.join(m.directory, MARKER_FILE), 'utf8')).toBe(m.content);
    }
    const now = await boundClaims(namespace, install.names.claims);
    expect(now.map((c) => c.uid)).toEqual(install.markers.map((m) => m.uid));
    expect(install.secret.keys).toEqual([
      'apiserver_key',
      'apiserver_secret',
      'fileserver_key',
      'fileserver_secret',
      'secure_auth_token_secret',
      'test_user_key',
      'test_user_secret',
    ]);
  });

  it("runs the data stores with the chart's pod security: none under restricted-v2, Elasticsearch only privileged", async () => {
    const { workloads } = await liveReleases(namespace);
    const annotations = (await apiFor('admin', k8s.CoreV1Api).readNamespace({ name: namespace }))
      .metadata!.annotations!;
    const lands = (name: string) => {
      const pod = workloads.find((w) => w.metadata.name === name)!.spec.template.spec;
      return [
        selectScc(pod, ['restricted-v2'], annotations),
        selectScc(pod, ['restricted-v2', 'anyuid'], annotations),
        selectScc(pod, ['restricted-v2', 'anyuid', 'privileged'], annotations),
      ];
    };
    // Redis: UID and fsGroup 1001, outside the project's range; anyuid admits it.
    expect(lands('clearml-redis-master')).toEqual([undefined, 'anyuid', 'anyuid']);
    // MongoDB: UID 1001 too, and the seccomp profile RuntimeDefault, which anyuid (no seccomp
    // profiles allowed) refuses: the blog's anyuid grant does not admit it, only privileged does.
    expect(lands('clearml-mongodb')).toEqual([undefined, undefined, 'privileged']);
    // Elasticsearch: the root, privileged sysctl init container.
    expect(lands('clearml-elastic-master')).toEqual([undefined, undefined, 'privileged']);
  });

  it("reports the blog's four cluster-wide grants against the least-privilege plan", async () => {
    const { releases } = await liveReleases(namespace);
    const sccs = await clientAs('admin').list(
      'security.openshift.io/v1',
      'SecurityContextConstraints',
    );
    const { objects, plan } = await renderWithPlan(createValues({ name: release, namespace }));
    const grants = auditReleaseGrants({
      release: releases[0],
      namespace,
      bindings: await liveBindings(namespace),
      sccs,
      needs: plannedSccs(objects, plan),
    });
    const summary = grants
      .map((g) => ({
        grant: `${g.serviceAccount} ${g.scc}`,
        verdict: g.verdict,
        via: g.via,
        object: g.object,
        clusterWide: g.clusterWide,
      }))
      .sort((a, b) => a.grant.localeCompare(b.grant));
    const crb = (scc: string) => ({
      via: 'ClusterRoleBinding',
      object: `system:openshift:scc:${scc}`,
      clusterWide: true,
    });
    expect(summary).toEqual([
      { grant: 'clearml-elastic-master privileged', verdict: 'excess', ...crb('privileged') },
      { grant: 'clearml-mongodb anyuid', verdict: 'excess', ...crb('anyuid') },
      { grant: 'clearml-redis anyuid', verdict: 'excess', ...crb('anyuid') },
      { grant: 'default anyuid', verdict: 'unused', ...crb('anyuid') },
    ]);
    const text = (account: string) =>
      grants.find((g) => g.serviceAccount === account)!.message.text;
    expect(text('clearml-elastic-master')).toBe(
      'clearml-elastic-master may run privileged through the cluster-wide ClusterRoleBinding ' +
        'system:openshift:scc:privileged; it needs nothing beyond restricted-v2 with ' +
        'vm.max_map_count set on the nodes.',
    );
    expect(text('clearml-mongodb')).toBe(
      'clearml-mongodb may run anyuid through the cluster-wide ClusterRoleBinding ' +
        'system:openshift:scc:anyuid; it needs nothing beyond restricted-v2.',
    );
    expect(text('default')).toBe(
      'default may run anyuid through the cluster-wide ClusterRoleBinding ' +
        'system:openshift:scc:anyuid, but no workload of the release runs as it.',
    );
  });

  it('takes its grants out of the shared bindings again, leaving every other subject', async () => {
    const rbac = apiFor('admin', k8s.RbacAuthorizationV1Api);
    // Another project's account in the same binding, as on a cluster where others followed the blog too.
    const other = { scc: 'anyuid', serviceAccount: 'shop', namespace: `${namespace}-other` };
    await addSccToUser(other);
    try {
      await removeGrants(blogGrants(namespace, release));
      const anyuid = await rbac.readClusterRoleBinding({ name: 'system:openshift:scc:anyuid' });
      const subjects = (anyuid.subjects ?? []).map((s) => `${s.namespace}/${s.name}`);
      expect(subjects).toContain(`${other.namespace}/shop`);
      expect(subjects.filter((s) => s.startsWith(`${namespace}/`))).toEqual([]);
      const privileged = await rbac
        .listClusterRoleBinding()
        .then((l) =>
          l.items
            .filter((b) => b.metadata?.name === 'system:openshift:scc:privileged')
            .flatMap((b) => b.subjects ?? []),
        );
      expect(privileged.filter((s) => s.namespace === namespace)).toEqual([]);
    } finally {
      await removeSccFromUser(other);
    }
  });
});

describe('uninstalling a release of the test chart', () => {
  let namespace = '';

  afterAll(async () => {
    if (namespace) await deleteNamespace(namespace);
  });

  it('removes its objects and release record, keeps the claims of its StatefulSets as Helm does, and installs again', async () => {
    namespace = await createTestNamespace({ prefix: 'blog-reuse' });
    const release = 'clearml-second';
    const names = chartNames(release);
    // ClusterIP Services: the chart's fixed node ports belong to the other release's install.
    const clusterIp = { service: { type: 'ClusterIP' } };
    const values = { apiserver: clusterIp, fileserver: clusterIp, webserver: clusterIp };
    await installChart(namespace, release, values);
    await boundClaims(namespace, names.claims);
    expect((await liveReleases(namespace)).releases.map((r) => r.release)).toEqual([release]);

    await uninstallChart(namespace, release);
    const client = clientAs('admin');
    const left = async (apiVersion: string, kind: string) =>
      (await client.list(apiVersion, kind, { namespace })).map((o) => o.metadata.name).sort();
    expect(await left('apps/v1', 'Deployment')).toEqual([]);
    expect(await left('apps/v1', 'StatefulSet')).toEqual([]);
    expect(await left('v1', 'Service')).toEqual([]);
    // What the cluster puts in every namespace stays.
    expect((await left('v1', 'ConfigMap')).filter((n) => n !== 'kube-root-ca.crt')).toEqual([]);
    expect(await left('v1', 'ServiceAccount')).toEqual(['default']);
    expect(await left('v1', 'Secret')).toEqual([]);
    // Claims from volumeClaimTemplates belong to no release; Helm leaves them.
    expect(await left('v1', 'PersistentVolumeClaim')).toEqual(
      [
        `redis-data-${release}-redis-master-0`,
        'clearml-elastic-master-clearml-elastic-master-0',
      ].sort(),
    );

    await installChart(namespace, release, values);
    const [again] = (await liveReleases(namespace)).releases;
    expect(again).toMatchObject({ release, status: 'deployed', revision: 1 });
    await uninstallChart(namespace, release);
  }, 240_000);
});
