// @vitest-environment jsdom
// Installs made with the upstream Helm chart: listed next to managed instances, with their
// health, the SCC grants that reach them, and the command that takes them over.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { METADATA_LIST_ACCEPT } from '../engine/cluster/api-paths';
import { ApiError } from '../engine/cluster/errors';
import type { K8sObject } from '../engine/k8s-types';
import { runTakeover } from '../engine/adopt/takeover';
import { chartInstall } from '../engine/adopt/takeover-fixtures';
import { planTakeover } from '../engine/adopt/takeover-plan';
import { readTakeoverInput } from '../engine/adopt/takeover-read';
import { blogBindings, chartLive, crashLooping, helmRecords } from '../test-support/chart-release';
import { resetSdkStandIns, setWatchData } from '../test-support/console-sdk';
import { FakeClusterClient } from '../test-support/fake-client';
import { TakeoverCluster } from '../test-support/takeover-cluster';
import ClearMLPage from './ClearMLPage';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../test-support/console-sdk'));
vi.mock('./status/TopologyGraph', () => import('../test-support/topology-graph'));

function withChartRelease(options: Parameters<typeof chartLive>[0] = {}) {
  const live = chartLive(options);
  setWatchData({
    Deployment: live.deployments,
    StatefulSet: live.statefulSets,
    ReplicaSet: live.replicaSets,
    Pod: live.pods,
  } as never);
}

const clusterWith = (objects: object[] = []) =>
  new FakeClusterClient([...helmRecords(), ...objects] as unknown as K8sObject[]);

const renderPage = (client: FakeClusterClient, route = '/clearml/ns/team-a') =>
  render(
    <MemoryRouter initialEntries={[route]}>
      <ClearMLPage client={client} />
    </MemoryRouter>,
  );

const releaseRoute = '/clearml/ns/team-a?release=clearml&namespace=team-a';

/** Plan take-over (enabled once the access reviews answered), Take over, and confirm. */
async function planAndTakeOver() {
  await waitFor(() =>
    expect(screen.getByTestId('take-over-plan-button')).not.toHaveAttribute(
      'aria-disabled',
      'true',
    ),
  );
  await userEvent.click(screen.getByTestId('take-over-plan-button'));
  await userEvent.click(await screen.findByTestId('take-over-run'));
  await userEvent.click(screen.getByTestId('take-over-confirm-confirm'));
}

describe('ClearMLPage with an upstream chart release', () => {
  beforeEach(() => resetSdkStandIns());

  it('lists the release as a Helm chart with its chart and server versions and Helm status', async () => {
    withChartRelease();
    const client = clusterWith();
    renderPage(client);
    const row = screen.getByTestId('release-clearml');
    expect(within(row).getByTestId('release-kind')).toHaveTextContent('Helm chart');
    expect(within(row).getByTestId('release-chart-version')).toHaveTextContent('Chart 7.14.4');
    expect(within(row).getByTestId('release-app-version')).toHaveTextContent('2.0');
    expect(within(row).getByTestId('instance-state')).toHaveTextContent('Ready');
    await waitFor(() =>
      expect(within(row).getByTestId('release-helm-status')).toHaveTextContent(
        'Helm status: deployed',
      ),
    );
    // Helm's records were read as metadata only: no Secret's data was ever asked for.
    const secretCalls = client.calls.filter((c) => c.what.startsWith('Secret'));
    expect(secretCalls).toEqual([
      { method: 'list', what: 'Secret', labelSelector: 'owner=helm', accept: METADATA_LIST_ACCEPT },
    ]);
    expect(screen.queryByTestId('instances-empty')).not.toBeInTheDocument();
  });

  it('still lists the release from its workloads when the user may not list Secrets', async () => {
    withChartRelease();
    const client = clusterWith();
    client.listFailure = (kind) =>
      kind === 'Secret'
        ? new ApiError(403, { kind: 'Status', reason: 'Forbidden', code: 403 })
        : undefined;
    renderPage(client);
    const row = screen.getByTestId('release-clearml');
    await waitFor(() =>
      expect(within(row).getByTestId('release-helm-status')).toHaveTextContent(
        'Helm status unknown',
      ),
    );
    expect(within(row).getByTestId('release-chart-version')).toHaveTextContent('Chart 7.14.4');
  });

  it('opens the release: its components, why one is down, its grants and the take-over command', async () => {
    withChartRelease({ notReady: { 'clearml-apiserver': crashLooping('main') } });
    const client = clusterWith(blogBindings());
    renderPage(client);
    await userEvent.click(screen.getByTestId('release-open'));
    expect(screen.getByTestId('release-panel')).toBeInTheDocument();
    expect(screen.getByTestId('status-row-elasticsearch')).toHaveTextContent('Ready');
    expect(
      within(screen.getByTestId('status-row-apiserver')).getByTestId('component-state'),
    ).toHaveTextContent('Failed');
    expect(
      within(screen.getByTestId('status-row-apiserver')).getByTestId('component-reason'),
    ).toHaveTextContent(/crashing/i);

    const grant = await screen.findByTestId('audit-grant-clearml-elastic-master-privileged');
    expect(within(grant).getByTestId('audit-sentence')).toHaveTextContent(
      'clearml-elastic-master may run privileged through the cluster-wide ClusterRoleBinding ' +
        'system:openshift:scc:privileged; it needs nothing beyond restricted-v2 with ' +
        'vm.max_map_count set on the nodes.',
    );
    expect(within(grant).getByTestId('audit-kind')).toHaveTextContent(
      'Cluster-wide ClusterRoleBinding',
    );
    expect(within(grant).getByTestId('audit-verdict')).toHaveTextContent('More than needed');
    const unused = screen.getByTestId('audit-grant-default-anyuid');
    expect(within(unused).getByTestId('audit-sentence')).toHaveTextContent(
      'default may run anyuid through the cluster-wide ClusterRoleBinding ' +
        'system:openshift:scc:anyuid, but no workload of the release runs as it.',
    );
    expect(screen.queryByTestId('audit-needs-cluster-reader')).not.toBeInTheDocument();

    expect(screen.getByTestId('take-over-command')).toHaveTextContent(
      'clearml-openshift adopt --release clearml --namespace team-a --dry-run',
    );
    expect(screen.getByTestId('take-over')).toHaveTextContent(/keeps the release’s volumes/);
  });

  it('shows only the components the chart runs', async () => {
    withChartRelease({ without: ['clearml-elastic-master'] });
    renderPage(clusterWith(), releaseRoute);
    expect(screen.getByTestId('status-row-apiserver')).toBeInTheDocument();
    expect(screen.queryByTestId('status-row-elasticsearch')).not.toBeInTheDocument();
    expect(screen.queryByTestId('status-node-elasticsearch')).not.toBeInTheDocument();
  });

  it('says the audit needs a cluster reader, and reads no cluster-wide grant, without the access', async () => {
    withChartRelease();
    const client = clusterWith(blogBindings());
    client.denied.add('list securitycontextconstraints');
    renderPage(client, releaseRoute);
    expect(await screen.findByTestId('audit-needs-cluster-reader')).toHaveTextContent(
      'The audit of cluster-wide grants needs a cluster reader.',
    );
    expect(screen.queryByTestId('audit-grants')).not.toBeInTheDocument();
    const listed = client.calls.filter((c) => c.method === 'list').map((c) => c.what);
    expect(listed).not.toContain('ClusterRoleBinding');
    expect(listed).not.toContain('SecurityContextConstraints');
  });

  it('offers the take-over from the page only to a user who may deploy and remove there', async () => {
    withChartRelease();
    const client = clusterWith();
    client.denied.add('delete deployments');
    renderPage(client, releaseRoute);
    const plan = screen.getByTestId('take-over-plan-button');
    await waitFor(() => expect(plan).toHaveAttribute('aria-disabled', 'true'));
    await waitFor(() =>
      expect(plan).toHaveAccessibleDescription(
        'You cannot take over in project team-a: you lack the right to delete deployments.',
      ),
    );
    expect(screen.getByTestId('take-over-command')).toBeInTheDocument();
  });

  it('keeps the take-over and its link to the instance once the release leaves the project', async () => {
    withChartRelease();
    const client = new TakeoverCluster(chartInstall({ namespace: 'team-a' }).objects);
    const page = () => (
      <MemoryRouter initialEntries={[releaseRoute]}>
        <ClearMLPage client={client} />
      </MemoryRouter>
    );
    const view = render(page());
    await planAndTakeOver();
    // The take-over's fourth step deletes the release's workloads: the watches lose it.
    setWatchData({});
    view.rerender(page());

    const link = await screen.findByTestId('take-over-instance-link', {}, { timeout: 10_000 });
    expect(link).toHaveAttribute(
      'href',
      '/clearml/ns/team-a?instance=clearml-managed&namespace=team-a',
    );
    expect(screen.getByTestId('take-over-done')).toHaveTextContent(
      'Release clearml is now instance clearml-managed, managed here.',
    );
    expect(screen.queryByTestId('release-missing')).not.toBeInTheDocument();
  }, 20_000);

  it('lists a take-over stopped while removing its release, and continues it from the page', async () => {
    const install = chartInstall({ namespace: 'team-a' });
    const client = new TakeoverCluster(install.objects);
    const input = await readTakeoverInput(client, { release: 'clearml', namespace: 'team-a' });
    // Step 4 stops half-way: the release's workloads are gone, some of its objects are not.
    client.fail = (method, what) =>
      method === 'delete' && 'name' in what && what.kind === 'Service';
    const first = await runTakeover({ client, plan: planTakeover(input!), timeoutMs: 200 });
    expect(first.stoppedAt).toBe('remove-release');
    client.fail = undefined;
    const progress = [...client.objects.values()].filter((o) => o.kind === 'ConfigMap');
    setWatchData({ ConfigMap: progress } as never);

    const view = renderPage(client);
    const row = await screen.findByTestId('takeover-clearml');
    expect(within(row).getByTestId('takeover-unfinished')).toHaveTextContent(
      'Take-over into clearml-managed not finished',
    );
    expect(screen.queryByTestId('instances-empty')).not.toBeInTheDocument();
    await userEvent.click(within(row).getByTestId('takeover-open'));
    view.unmount();

    renderPage(client, releaseRoute);
    expect(await screen.findByTestId('release-takeover-unfinished')).toHaveTextContent(
      'The take-over of clearml into instance clearml-managed was removing the release and did not finish',
    );
    expect(screen.queryByTestId('release-missing')).not.toBeInTheDocument();
    expect(await screen.findByTestId('take-over-resume')).toBeInTheDocument();
    await planAndTakeOver();
    await screen.findByTestId('take-over-done', {}, { timeout: 10_000 });
    expect(
      [...client.objects.values()].some(
        (o) => o.kind === 'Service' && o.metadata.name.startsWith('clearml-apiserver'),
      ),
    ).toBe(false);
  }, 20_000);

  it('says so when the project has no release of that name', async () => {
    renderPage(clusterWith(), '/clearml/ns/team-a?release=other&namespace=team-a');
    expect(await screen.findByTestId('release-missing')).toHaveTextContent(
      'No release other of the ClearML chart in project team-a.',
    );
  });
});
