// A ClearML installed the Red Hat blog's way: `helm install clearml clearml/clearml` plus four
// cluster-wide `oc adm policy add-scc-to-user` grants. Found, and its grants compared with the plan.
import { renderWithPlan } from '../render/render';
import { createValues } from '../values';
import { findChartReleases, type ChartWorkload } from './releases';
import { auditReleaseGrants, type Binding, plannedSccs } from './scc-audit';

const chartLabels = {
  'helm.sh/chart': 'clearml-7.14.4',
  'app.kubernetes.io/instance': 'clearml',
  'app.kubernetes.io/version': '2.0',
  'app.kubernetes.io/managed-by': 'Helm',
};
const bitnami = (chart: string) => ({
  'helm.sh/chart': chart,
  'app.kubernetes.io/instance': 'clearml',
});

const workload = (
  kind: string,
  name: string,
  labels: Record<string, string>,
  serviceAccountName?: string,
): ChartWorkload => ({
  kind,
  metadata: { name, labels },
  spec: { template: { spec: serviceAccountName ? { serviceAccountName } : {} } },
});

const workloads = [
  workload('Deployment', 'clearml-apiserver', chartLabels, 'clearml-apiserver'),
  workload('Deployment', 'clearml-apiserver-asyncdelete', chartLabels, 'clearml-apiserver'),
  workload('Deployment', 'clearml-fileserver', chartLabels, 'clearml-fileserver'),
  workload('Deployment', 'clearml-webserver', chartLabels, 'clearml-webserver'),
  workload('Deployment', 'clearml-mongodb', bitnami('mongodb-16.4.0'), 'clearml-mongodb'),
  workload('StatefulSet', 'clearml-redis-master', bitnami('redis-20.1.0'), 'clearml-redis'),
  workload(
    'StatefulSet',
    'clearml-elastic-master',
    { release: 'clearml', chart: 'elasticsearch', app: 'clearml-elastic-master' },
    'clearml-elastic-master',
  ),
  // Not ClearML's chart: another app of the project, and an instance this plugin manages.
  workload('Deployment', 'shop', {
    'helm.sh/chart': 'shop-1.0.0',
    'app.kubernetes.io/instance': 'shop',
  }),
  workload('Deployment', 'ml-apiserver', {
    'app.kubernetes.io/managed-by': 'clearml-console-plugin',
  }),
];

const records = [1, 2].map((v) => ({
  metadata: {
    name: `sh.helm.release.v1.clearml.v${v}`,
    labels: {
      owner: 'helm',
      name: 'clearml',
      version: String(v),
      status: v === 2 ? 'deployed' : 'superseded',
    },
  },
}));

const sa = (name: string, namespace = 'clearml') => ({ kind: 'ServiceAccount', name, namespace });
const sccRole = (scc: string) => ({ kind: 'ClusterRole', name: `system:openshift:scc:${scc}` });

describe('finding a release of the upstream chart', () => {
  it('lists the clearml release with its chart and server version, status, workloads and accounts', () => {
    const [release, ...others] = findChartReleases(workloads, records);
    expect(others).toEqual([]);
    expect(release).toMatchObject({
      release: 'clearml',
      chartVersion: '7.14.4',
      appVersion: '2.0',
      status: 'deployed',
      revision: 2,
    });
    expect(Object.fromEntries(release.workloads.map((w) => [w.name, w.component]))).toEqual({
      'clearml-apiserver': 'apiserver',
      'clearml-apiserver-asyncdelete': 'async-delete',
      'clearml-fileserver': 'fileserver',
      'clearml-webserver': 'webserver',
      'clearml-mongodb': 'mongodb',
      'clearml-redis-master': 'redis',
      'clearml-elastic-master': 'elasticsearch',
    });
    expect(release.serviceAccounts.sort()).toEqual([
      'clearml-apiserver',
      'clearml-elastic-master',
      'clearml-fileserver',
      'clearml-mongodb',
      'clearml-redis',
      'clearml-webserver',
      'default',
    ]);
  });

  it('still lists it when the release records cannot be read, without a status', () => {
    const [release] = findChartReleases(workloads, undefined);
    expect(release.release).toBe('clearml');
    expect(release.status).toBeUndefined();
  });
});

describe('auditing the grants of a release', () => {
  it("tells the blog's cluster-wide grants from what the least-privilege plan needs", async () => {
    const [release] = findChartReleases(workloads, records);
    const { objects, plan } = await renderWithPlan(
      createValues({ name: 'clearml', namespace: 'clearml' }),
    );
    const bindings: Binding[] = [
      {
        kind: 'ClusterRoleBinding',
        metadata: { name: 'system:openshift:scc:anyuid' },
        roleRef: sccRole('anyuid'),
        // The blog's three anyuid grants, and another project's account that shares the binding.
        subjects: [sa('clearml-mongodb'), sa('clearml-redis'), sa('default'), sa('app', 'other')],
      },
      {
        kind: 'ClusterRoleBinding',
        metadata: { name: 'system:openshift:scc:privileged' },
        roleRef: sccRole('privileged'),
        subjects: [sa('clearml-elastic-master')],
      },
      {
        // A grant in another project does not reach this one.
        kind: 'RoleBinding',
        metadata: { name: 'system:openshift:scc:anyuid', namespace: 'other' },
        roleRef: sccRole('anyuid'),
        subjects: [sa('clearml-webserver', 'other')],
      },
    ];
    // The way oc 4.4 and older granted: the account in the SCC's users.
    const sccs = [
      { metadata: { name: 'anyuid' }, users: ['system:serviceaccount:clearml:clearml-apiserver'] },
    ];

    const grants = auditReleaseGrants({
      release,
      namespace: 'clearml',
      bindings,
      sccs,
      needs: plannedSccs(objects, plan),
    });
    const byAccount = Object.fromEntries(grants.map((g) => [`${g.serviceAccount} ${g.scc}`, g]));
    expect(Object.keys(byAccount).sort()).toEqual([
      'clearml-apiserver anyuid',
      'clearml-elastic-master privileged',
      'clearml-mongodb anyuid',
      'clearml-redis anyuid',
      'default anyuid',
    ]);
    expect(byAccount['clearml-elastic-master privileged'].message.text).toBe(
      'clearml-elastic-master may run privileged through the cluster-wide ClusterRoleBinding ' +
        'system:openshift:scc:privileged; it needs nothing beyond restricted-v2 with ' +
        'vm.max_map_count set on the nodes.',
    );
    expect(byAccount['clearml-mongodb anyuid']).toMatchObject({
      verdict: 'excess',
      clusterWide: true,
    });
    expect(byAccount['clearml-mongodb anyuid'].message.text).toMatch(
      /needs nothing beyond restricted-v2\.$/,
    );
    expect(byAccount['default anyuid']).toMatchObject({ verdict: 'unused' });
    // The ClearML server image runs as root: anyuid is what the plan grants it too.
    expect(byAccount['clearml-apiserver anyuid']).toMatchObject({
      verdict: 'needed',
      via: 'SCC users',
    });
    expect(byAccount['clearml-apiserver anyuid'].message.text).toBe(
      'clearml-apiserver, clearml-apiserver-asyncdelete may run anyuid through the users list of ' +
        'SCC anyuid, as the plan needs.',
    );
  });
});
