/**
 * An install made with the upstream chart, as the Red Hat blog leaves it: its workloads, Helm's
 * release Secret and a cluster-wide SCC grant. The page lists it through the console's proxy,
 * reads Helm's record as metadata only, and opens it with its grants and the take-over command.
 */
import { afterAll } from 'vitest';
import { ClearMLPage } from '../pages/ClearMLPage';
import { useConsole } from '../support/fixtures';
import { useScratchNamespaces } from '../support/namespaces';

const METADATA_ACCEPT = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const PAYLOAD = Buffer.from('the release, with its values and passwords').toString('base64');

const labels = (chart: string) => ({
  'helm.sh/chart': chart,
  'app.kubernetes.io/instance': 'clearml',
  'app.kubernetes.io/version': '2.0',
  'app.kubernetes.io/managed-by': 'Helm',
});

function workload(
  kind: 'Deployment' | 'StatefulSet',
  name: string,
  metaLabels: object,
  sa?: string,
) {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, labels: metaLabels },
    spec: {
      replicas: 1,
      ...(kind === 'StatefulSet' ? { serviceName: `${name}-headless` } : {}),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          ...(sa ? { serviceAccountName: sa } : {}),
          containers: [{ name: 'main', image: `registry.example.com/${name}:1` }],
        },
      },
    },
  };
}

describe('an upstream chart install on the page', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);
  const bindings: string[] = [];
  afterAll(async () => {
    for (const name of bindings.splice(0)) {
      await namespaces.admin.request(
        'DELETE',
        `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${name}`,
      );
    }
  });

  it('is listed with its Helm status read as metadata, and opens with its grants and the take-over command', async () => {
    const ns = await namespaces.create('chart');
    const objects = [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'clearml-elastic-master' } },
      workload('Deployment', 'clearml-apiserver', labels('clearml-7.14.4')),
      workload('Deployment', 'clearml-webserver', labels('clearml-7.14.4')),
      workload('Deployment', 'clearml-mongodb', labels('mongodb-13.18.5')),
      workload(
        'StatefulSet',
        'clearml-elastic-master',
        { heritage: 'Helm', release: 'clearml', chart: 'elasticsearch' },
        'clearml-elastic-master',
      ),
      {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'helm.sh/release.v1',
        metadata: {
          name: 'sh.helm.release.v1.clearml.v1',
          labels: { owner: 'helm', name: 'clearml', status: 'deployed', version: '1' },
        },
        data: { release: PAYLOAD },
      },
    ];
    for (const o of objects) {
      await namespaces.admin.applyYaml(JSON.stringify(o), ns);
    }
    // What `oc adm policy add-scc-to-user privileged -z clearml-elastic-master` grants, under a
    // name of its own so that the shared binding other tests use is left alone.
    const binding = `e2e-${ns}-privileged`;
    bindings.push(binding);
    await namespaces.admin.applyYaml(
      JSON.stringify({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: binding },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'system:openshift:scc:privileged',
        },
        subjects: [{ kind: 'ServiceAccount', name: 'clearml-elastic-master', namespace: ns }],
      }),
    );

    const shell = await shellAs('admin');
    const clearml = new ClearMLPage(shell);
    const records = shell.page.waitForRequest((r) =>
      r.url().includes(`/namespaces/${ns}/secrets?labelSelector=owner%3Dhelm`),
    );
    await clearml.open(ns);
    const request = await records;
    expect(request.headers().accept).toBe(METADATA_ACCEPT);
    const body = await (await request.response())!.text();
    expect(body).toContain('sh.helm.release.v1.clearml.v1');
    expect(body).not.toContain(PAYLOAD);

    const row = clearml.releaseRow('clearml');
    await row.locator('[data-test="release-helm-status"]').waitFor();
    await expect(row.locator('[data-test="release-helm-status"]').textContent()).resolves.toBe(
      'Helm status: deployed',
    );
    await expect(row.locator('[data-test="release-chart-version"]').textContent()).resolves.toBe(
      'Chart 7.14.4',
    );

    await clearml.openRelease('clearml');
    await shell.page.locator('[data-test="status-row-apiserver"]').waitFor();
    await expect(shell.page.locator('[data-test="status-row-redis"]').count()).resolves.toBe(0);
    const grant = clearml.auditGrant('clearml-elastic-master', 'privileged');
    await grant.waitFor({ timeout: 30_000 });
    await expect(grant.locator('[data-test="audit-sentence"]').textContent()).resolves.toBe(
      `clearml-elastic-master may run privileged through the cluster-wide ClusterRoleBinding ${binding}; ` +
        'it needs nothing beyond restricted-v2 with vm.max_map_count set on the nodes.',
    );
    await expect(clearml.takeOverCommand().textContent()).resolves.toBe(
      `clearml-openshift adopt --release clearml --namespace ${ns} --dry-run`,
    );
    expect(await shell.errors()).toEqual([]);
  });
});
