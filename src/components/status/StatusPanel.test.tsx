// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { healthyInstance, pod, rejectedRoute, workload } from '../../engine/status/fixtures';
import type { LiveState } from '../../engine/status/types';
import { resetSdkStandIns, setWatchData, watchCalls } from '../../test-support/console-sdk';
import { FakeClusterClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { StatusPanel } from './StatusPanel';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));
vi.mock('./TopologyGraph', () => import('../../test-support/topology-graph'));

const inNamespace = <T extends { metadata: object }>(items: T[]) =>
  items.map((i) => ({ ...i, metadata: { ...i.metadata, namespace: 'team-a' } }));

function show(live: LiveState) {
  setWatchData({
    Deployment: inNamespace(live.deployments),
    StatefulSet: inNamespace(live.statefulSets),
    ReplicaSet: inNamespace(live.replicaSets),
    Pod: inNamespace(live.pods),
    PersistentVolumeClaim: inNamespace(live.pvcs),
    Route: inNamespace(live.routes),
    Event: live.events.map((e) => ({ ...e, metadata: { ...e.metadata, namespace: 'team-a' } })),
  });
}

/** Elasticsearch rejected by SCC admission: no pod, a FailedCreate warning on the StatefulSet. */
function elasticsearchRejected(): LiveState {
  const live = healthyInstance();
  live.statefulSets = live.statefulSets.map((s) =>
    s.metadata.name === 'clearml-elasticsearch' ? workload('elasticsearch', 'StatefulSet', 0) : s,
  );
  live.pods = live.pods.filter((p) => !p.metadata.name.startsWith('clearml-elasticsearch'));
  live.deployments = live.deployments.map((d) =>
    d.metadata.name === 'clearml-apiserver' ? workload('apiserver', 'Deployment', 0) : d,
  );
  live.pods = live.pods.map((p) =>
    p.metadata.name.startsWith('clearml-apiserver')
      ? pod('apiserver', 'abc12', {
          phase: 'Pending',
          initContainerStatuses: [
            {
              name: 'wait-for-elasticsearch',
              image: 'busybox',
              ready: false,
              restartCount: 0,
              state: { running: {} },
            },
          ],
        })
      : p,
  );
  live.events = [
    {
      metadata: { name: 'ev1' },
      type: 'Warning',
      reason: 'FailedCreate',
      message:
        'create Pod clearml-elasticsearch-0 in StatefulSet clearml-elasticsearch failed error: pods "clearml-elasticsearch-0" is forbidden: unable to validate against any security context constraint: [provider "restricted-v2": Forbidden: not usable by user or serviceaccount, spec.initContainers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]',
      count: 4,
      lastTimestamp: '2025-01-01T10:00:00Z',
      involvedObject: { kind: 'StatefulSet', name: 'clearml-elasticsearch' },
    },
  ];
  return live;
}

describe('StatusPanel', () => {
  beforeEach(() => resetSdkStandIns());

  it('shows every component Ready with the Route links and next steps', async () => {
    show(healthyInstance());
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" username="admin" />);
    const list = screen.getByTestId('status-list');
    for (const name of [
      'MongoDB',
      'Redis',
      'Elasticsearch',
      'API server',
      'File server',
      'Async delete',
      'Web UI',
    ])
      expect(within(list).getByRole('button', { name })).toBeInTheDocument();
    expect(within(list).getAllByTestId('component-state')).toHaveLength(7);
    expect(
      within(list)
        .getAllByTestId('component-state')
        .every((l) => l.textContent === 'Ready'),
    ).toBe(true);
    expect(screen.getAllByTestId('instance-state')[0]).toHaveTextContent('Ready');
    expect(screen.getAllByTestId('route-link-app')[0]).toHaveAttribute(
      'href',
      'https://clearml-app-team-a.apps.example.com',
    );
    expect(screen.getAllByTestId('route-link-api')[0]).toHaveAttribute(
      'href',
      'https://api.example.com',
    );
    expect(screen.getByTestId('next-steps')).toBeInTheDocument();
    // The console's i18next splits keys at "~"; the path must survive translation.
    expect(screen.getByTestId('next-steps')).toHaveTextContent('Add this to ~/clearml.conf');
    expect(screen.getByTestId('login-username')).toHaveTextContent('admin');
  });

  it('warns when the router does not serve a Route of the instance, and says why', async () => {
    const live = healthyInstance();
    expect(live.routes[0].metadata.name).toBe('clearml-app');
    live.routes[0] = rejectedRoute(
      live.routes[0],
      'clearml.example.com',
      'HostAlreadyClaimed',
      'route web already exposes clearml.example.com and is older',
    );
    show(live);
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    const alert = screen.getByTestId('route-problems');
    expect(alert).toHaveTextContent('Not every address of this instance answers yet');
    expect(within(alert).getAllByTestId('route-problem')).toHaveLength(1);
    expect(alert).toHaveTextContent(
      'The router does not serve Route clearml-app yet: an older Route holds clearml.example.com',
    );
  });

  it('shows no Route warning when every Route is admitted', () => {
    show(healthyInstance());
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    expect(screen.queryByTestId('route-problems')).not.toBeInTheDocument();
  });

  it('draws one topology node per component with dependency edges', async () => {
    show(healthyInstance());
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    const graph = screen.getByTestId('status-graph');
    expect(graph).toBeInTheDocument();
    const nodes = await within(graph).findAllByTestId(/^status-node-/);
    expect(nodes.map((n) => n.getAttribute('data-test')).sort()).toEqual(
      ['async-delete', 'apiserver', 'elasticsearch', 'fileserver', 'mongodb', 'redis', 'webserver']
        .map((c) => `status-node-${c}`)
        .sort(),
    );
  });

  it('says why Elasticsearch failed and why the API server waits, with its warning event', async () => {
    show(elasticsearchRejected());
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    const es = screen.getByTestId('status-row-elasticsearch');
    expect(within(es).getByTestId('component-state')).toHaveTextContent('Failed');
    expect(within(es).getByTestId('component-reason').textContent).toMatch(/privileged/i);
    const api = screen.getByTestId('status-row-apiserver');
    expect(within(api).getByTestId('component-state')).toHaveTextContent('Progressing');
    expect(within(api).getByTestId('component-reason')).toHaveTextContent(/Elasticsearch/);
    expect(screen.getAllByTestId('instance-state')[0]).toHaveTextContent('Failed');
    expect(screen.queryByTestId('next-steps')).not.toBeInTheDocument();

    await userEvent.click(within(es).getByRole('button', { name: 'Elasticsearch' }));
    const details = screen.getByTestId('component-details-elasticsearch');
    expect(within(details).getByTestId('component-reason').textContent).toMatch(/privileged/i);
    expect(within(details).getByTestId('component-warning')).toHaveTextContent('FailedCreate');
    expect(within(details).getByTestId('workload-link')).toHaveAttribute(
      'href',
      '/k8s/ns/team-a/StatefulSet/clearml-elasticsearch',
    );
  });

  it('explains the ring colours of the graph in a legend', () => {
    show(healthyInstance());
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    const legend = screen.getByTestId('ring-legend');
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((i) => i.textContent?.trim()),
    ).toEqual(['Ready', 'Running, not ready yet', 'Pending', 'Failing']);
    expect(
      within(legend).getByTestId('ring-legend-failed').querySelector('circle'),
    ).toHaveAttribute('stroke', 'var(--pf-t--global--color--status--danger--default)');
  });

  it('shows ready pods out of the desired count, a surge named as such', () => {
    const live = healthyInstance();
    const web = live.deployments.find((d) => d.metadata.name === 'clearml-webserver')!;
    web.status = { ...web.status, readyReplicas: 2 };
    show(live);
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    const row = screen.getByTestId('status-row-webserver');
    expect(within(row).getByTestId('ready-count')).toHaveTextContent(
      '1 of 1 (+1 during the rollout)',
    );
    expect(row).not.toHaveTextContent('2 of 1');
  });

  it('lists pods and volumes with links in the side panel', async () => {
    show(healthyInstance());
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    await userEvent.click(screen.getByRole('button', { name: 'MongoDB' }));
    const details = screen.getByTestId('component-details-mongodb');
    expect(within(details).getByTestId('pod-link')).toHaveTextContent('clearml-mongodb-abc12');
    expect(within(details).getByTestId('pvc-link')).toHaveTextContent('clearml-mongodb-data');
    expect(within(details).getByTestId('component-pvc')).toHaveTextContent('50Gi');
  });

  it('watches a bounded set of label-selected lists', () => {
    show(healthyInstance());
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    const kinds = new Set(
      (watchCalls as { groupVersionKind: { kind: string } }[]).map((w) => w.groupVersionKind.kind),
    );
    // Seven namespaced lists, plus the cluster's StorageClasses for volumes that cannot be provisioned.
    expect(kinds.size).toBeLessThanOrEqual(8);
    const pods = (
      watchCalls as {
        groupVersionKind: { kind: string };
        selector?: { matchLabels: Record<string, string> };
      }[]
    ).find((w) => w.groupVersionKind.kind === 'Pod');
    expect(pods?.selector?.matchLabels['app.kubernetes.io/instance']).toBe('clearml');
  });

  it('reveals the client credentials only when asked', async () => {
    show(healthyInstance());
    const client = new FakeClusterClient([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'clearml-credentials', namespace: 'team-a' },
        data: {
          test_user_key: btoa('ACCESSKEY1234567890AB'),
          test_user_secret: btoa('s'.repeat(40)),
          login_password: btoa('hunter2hunter2'),
        },
      } as never,
    ]);
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />, { client });
    const conf = screen.getByTestId('config-snippet');
    expect(conf).toHaveTextContent('api_server: https://api.example.com');
    expect(conf).not.toHaveTextContent('ACCESSKEY1234567890AB');
    expect(client.calls.some((c) => c.what === 'Secret/clearml-credentials')).toBe(false);
    await userEvent.click(screen.getByTestId('show-credentials'));
    await waitFor(() =>
      expect(screen.getByTestId('config-snippet')).toHaveTextContent('ACCESSKEY1234567890AB'),
    );
    expect(screen.queryByTestId('credentials-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('env-snippet')).toHaveTextContent(
      'CLEARML_API_ACCESS_KEY=ACCESSKEY1234567890AB',
    );
    expect(screen.getByTestId('login-password')).toHaveTextContent('hunter2hunter2');
  });
});
