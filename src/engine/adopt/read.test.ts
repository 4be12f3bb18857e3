// What the page reads about a chart release: Helm's records (labels only) and the SCC grants.
import { blogBindings, chartLive, helmRecords } from '../../test-support/chart-release';
import { FakeClusterClient } from '../../test-support/fake-client';
import { withRequestLog } from '../../test-support/request-log';
import { METADATA_LIST_ACCEPT } from '../cluster/api-paths';
import { ApiError } from '../cluster/errors';
import type { K8sObject } from '../k8s-types';
import { readHelmRecords, readReleaseAudit } from './read';
import { findChartReleases } from './releases';

const chart = chartLive();
const release = findChartReleases([...chart.deployments, ...chart.statefulSets], [])[0];

describe('reading Helm release records', () => {
  it('asks for metadata only, so no Secret data leaves the cluster', async () => {
    const fake = new FakeClusterClient(helmRecords() as unknown as K8sObject[]);
    const { client, requests } = withRequestLog(fake);
    const records = await readHelmRecords(client, 'team-a');
    expect(requests).toEqual([
      {
        verb: 'GET',
        path: '/api/v1/namespaces/team-a/secrets?labelSelector=owner%3Dhelm',
        accept: METADATA_LIST_ACCEPT,
      },
    ]);
    expect(records?.map((r) => r.metadata.labels?.status)).toEqual(['superseded', 'deployed']);
    expect(JSON.stringify(records)).not.toContain('"data"');
    expect(findChartReleases([...chart.deployments], records)[0].status).toBe('deployed');
  });

  it('gives no records when the user may not list Secrets', async () => {
    const fake = new FakeClusterClient(helmRecords() as unknown as K8sObject[]);
    fake.listFailure = (kind) =>
      kind === 'Secret'
        ? new ApiError(403, { kind: 'Status', reason: 'Forbidden', code: 403 })
        : undefined;
    await expect(readHelmRecords(fake, 'team-a')).resolves.toBeUndefined();
  });
});

describe('auditing the grants that reach a release', () => {
  it('reads the cluster-wide bindings and compares each grant with the plan', async () => {
    const fake = new FakeClusterClient(blogBindings() as unknown as K8sObject[]);
    const audit = await readReleaseAudit(fake, release, 'team-a');
    expect(audit.clusterRead).toBe(true);
    const verdicts = Object.fromEntries(
      audit.grants.map((g) => [`${g.serviceAccount} ${g.scc}`, g.verdict]),
    );
    expect(verdicts).toEqual({
      'clearml-mongodb anyuid': 'excess',
      'clearml-redis anyuid': 'excess',
      'default anyuid': 'unused',
      'clearml-elastic-master privileged': 'excess',
    });
  });

  it('audits a release in a project of the cluster’s own, where no managed instance may go', async () => {
    const inDefault = chartLive({ namespace: 'default' });
    const found = findChartReleases([...inDefault.deployments, ...inDefault.statefulSets], []);
    const bindings = blogBindings().map((b) => ({
      ...b,
      subjects: b.subjects.map((s) => ({ ...s, namespace: 'default' })),
    }));
    const fake = new FakeClusterClient(bindings as unknown as K8sObject[]);
    const audit = await readReleaseAudit(fake, found[0], 'default');
    expect(audit.grants.map((g) => `${g.serviceAccount} ${g.scc} ${g.verdict}`).sort()).toEqual([
      'clearml-elastic-master privileged excess',
      'clearml-mongodb anyuid excess',
      'clearml-redis anyuid excess',
      'default anyuid unused',
    ]);
  });

  it('lists no cluster-scoped object the user may not list, and says the audit is partial', async () => {
    const fake = new FakeClusterClient(blogBindings() as unknown as K8sObject[]);
    fake.denied.add('list clusterrolebindings');
    const audit = await readReleaseAudit(fake, release, 'team-a');
    expect(audit).toMatchObject({ clusterRead: false, namespaceRead: true, grants: [] });
    const listed = fake.calls.filter((c) => c.method === 'list').map((c) => c.what);
    expect(listed).toEqual(['RoleBinding']);
  });
});
