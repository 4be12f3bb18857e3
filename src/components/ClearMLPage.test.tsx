// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { healthyInstance } from '../engine/status/fixtures';
import {
  resetSdkStandIns,
  setActiveNamespaceForTest,
  setWatchData,
  watchCalls,
} from '../test-support/console-sdk';
import { FakeClusterClient } from '../test-support/fake-client';
import { installRecord } from '../test-support/install-record';
import ClearMLPage from './ClearMLPage';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../test-support/console-sdk'));
vi.mock('./status/TopologyGraph', () => import('../test-support/topology-graph'));

const record = (name: string, namespace: string) =>
  installRecord(name, namespace, {
    serverVersion: '2.3',
    data: { installedAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' },
  });

const ns = <T extends { metadata: object }>(items: T[], namespace = 'team-a') =>
  items.map((i) => ({ ...i, metadata: { ...i.metadata, namespace } }));

function withHealthyInstance() {
  const live = healthyInstance();
  setWatchData({
    ConfigMap: [record('clearml', 'team-a')],
    Deployment: ns(live.deployments),
    StatefulSet: ns(live.statefulSets),
    Pod: ns(live.pods),
    PersistentVolumeClaim: ns(live.pvcs),
    Route: ns(live.routes),
  });
}

const Location = () => {
  const l = useLocation();
  return <span data-test="location">{`${l.pathname}${l.search}`}</span>;
};

const renderPage = (route = '/clearml/ns/team-a', client = new FakeClusterClient()) =>
  render(
    <MemoryRouter initialEntries={[route]}>
      <ClearMLPage client={client} />
      <Location />
    </MemoryRouter>,
  );

describe('ClearMLPage', () => {
  beforeEach(() => resetSdkStandIns());

  it('shows the page title and what the page does', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'ClearML' })).toBeInTheDocument();
    expect(screen.getByText(/least-privilege security plan/)).toBeInTheDocument();
    expect(screen.getByTestId('document-title')).toHaveTextContent('Deploy ClearML');
  });

  it('offers to deploy when the project has no instance, and opens the wizard', async () => {
    renderPage();
    expect(screen.getByTestId('instances-empty')).toBeInTheDocument();
    // Actions wait for the access reviews the page asks on load.
    await waitFor(() =>
      expect(screen.getByTestId('empty-deploy')).not.toHaveAttribute('aria-disabled'),
    );
    await userEvent.click(screen.getByTestId('empty-deploy'));
    expect(screen.getByTestId('wizard-step-general')).toBeInTheDocument();
    expect(screen.getByTestId('field-namespace')).toHaveValue('team-a');
  });

  it('lists instances from their install records with health, version and Route links', () => {
    withHealthyInstance();
    renderPage();
    const row = screen.getByTestId('instance-clearml');
    expect(within(row).getByTestId('instance-state')).toHaveTextContent('Ready');
    // The ClearML server release from the record's values.
    expect(row).toHaveTextContent('2.3');
    expect(within(row).getByTestId('route-link-app')).toHaveAttribute(
      'href',
      'https://clearml-app-team-a.apps.example.com',
    );
    const records = (
      watchCalls as {
        groupVersionKind: { kind: string };
        namespace?: string;
        selector?: { matchLabels: Record<string, string> };
      }[]
    ).find((w) => w.groupVersionKind.kind === 'ConfigMap');
    expect(records?.namespace).toBe('team-a');
    expect(records?.selector?.matchLabels).toEqual({
      'clearml-console-plugin/install-record': 'true',
    });
  });

  it('lists every project in all-namespaces mode', () => {
    setActiveNamespaceForTest('#ALL_NS#');
    setWatchData({ ConfigMap: [record('clearml', 'team-a'), record('ml', 'team-b')] });
    renderPage('/clearml/all-namespaces');
    expect(screen.getByTestId('instance-clearml')).toHaveTextContent('team-a');
    expect(screen.getByTestId('instance-ml')).toHaveTextContent('team-b');
  });

  it('opens the live status of an instance, and the uninstall dialog from it', async () => {
    withHealthyInstance();
    renderPage();
    await userEvent.click(screen.getByTestId('instance-open'));
    expect(screen.getByTestId('status-panel')).toBeInTheDocument();
    expect(screen.getByTestId('status-row-apiserver')).toHaveTextContent('Ready');
    await waitFor(() =>
      expect(screen.getByTestId('instance-uninstall')).not.toHaveAttribute('aria-disabled'),
    );
    await userEvent.click(screen.getByTestId('instance-uninstall'));
    expect(screen.getByTestId('uninstall-confirm')).toBeDisabled();
  });

  it('upgrades from the recorded values with the name and project locked', async () => {
    withHealthyInstance();
    renderPage('/clearml/ns/team-a?action=upgrade&instance=clearml&namespace=team-a');
    expect(screen.getByTestId('field-name')).toHaveValue('clearml');
    expect(screen.getByTestId('field-name')).toBeDisabled();
    expect(screen.getByTestId('field-namespace')).toBeDisabled();
  });

  it('has the project bar; choosing a project opens its instance list', async () => {
    withHealthyInstance();
    renderPage('/clearml/ns/team-a?instance=clearml&namespace=team-a');
    const bar = within(screen.getByTestId('namespace-bar')).getByRole('combobox');
    expect(bar).toBeEnabled();
    await userEvent.selectOptions(bar, 'team-b');
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/clearml\/ns\/team-b$/);
    await userEvent.selectOptions(bar, '#ALL_NS#');
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/clearml\/all-namespaces$/);
  });

  it('keeps the project bar but disables it while the wizard is open', () => {
    renderPage('/clearml/ns/team-a?action=deploy');
    expect(within(screen.getByTestId('namespace-bar')).getByRole('combobox')).toBeDisabled();
  });

  it('deploys the defaults in three clicks: Deploy with defaults opens the review, Deploy confirms', async () => {
    renderPage(
      '/clearml/ns/team-a',
      new FakeClusterClient([
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
        {
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: {
            name: 'standard',
            annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
          },
        },
      ]),
    );
    await waitFor(() =>
      expect(screen.getByTestId('deploy-defaults')).not.toHaveAttribute('aria-disabled'),
    );
    await userEvent.click(screen.getByTestId('deploy-defaults'));
    expect(screen.getByTestId('location')).toHaveTextContent('action=deploy&step=review');
    // The review, with preflight and the server dry run, is the step shown.
    const deploy = await screen.findByTestId('deploy-button');
    await waitFor(() => expect(deploy).toBeEnabled(), { timeout: 10000 });
    expect(screen.getByTestId('dry-run-summary')).toHaveTextContent(
      'Server dry run: every object was accepted (',
    );
    await userEvent.click(deploy);
    expect(await screen.findByTestId('deploy-progress')).toBeInTheDocument();
  });
});
