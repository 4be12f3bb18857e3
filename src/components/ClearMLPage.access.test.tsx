// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { healthyInstance } from '../engine/status/fixtures';
import { resetSdkStandIns, setWatchData } from '../test-support/console-sdk';
import { FakeClusterClient } from '../test-support/fake-client';
import { installRecord } from '../test-support/install-record';
import ClearMLPage from './ClearMLPage';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../test-support/console-sdk'));
vi.mock('./status/TopologyGraph', () => import('../test-support/topology-graph'));

const KINDS = [
  'deployments',
  'statefulsets',
  'services',
  'secrets',
  'configmaps',
  'serviceaccounts',
  'persistentvolumeclaims',
  'routes',
  'rolebindings',
];
const SCC_GRANT = ['use securitycontextconstraints', 'bind clusterroles'];

/** The `view` role: reads everything but Secrets, writes nothing, grants nothing. */
function viewer() {
  const client = new FakeClusterClient();
  for (const kind of KINDS)
    for (const verb of ['create', 'patch', 'delete']) client.denied.add(`${verb} ${kind}`);
  for (const right of ['get secrets', 'list secrets', ...SCC_GRANT]) client.denied.add(right);
  return client;
}

/** A project administrator: everything in the project, but no SCC to hand out. */
function projectAdmin() {
  const client = new FakeClusterClient();
  for (const right of SCC_GRANT) client.denied.add(right);
  return client;
}

const record = (name: string, namespace: string) => installRecord(name, namespace);

const inTeamA = <T extends { metadata: object }>(items: T[]) =>
  items.map((i) => ({ ...i, metadata: { ...i.metadata, namespace: 'team-a' } }));

function withHealthyInstance() {
  const live = healthyInstance();
  setWatchData({
    ConfigMap: [record('clearml', 'team-a')],
    Deployment: inTeamA(live.deployments),
    StatefulSet: inTeamA(live.statefulSets),
    Pod: inTeamA(live.pods),
    PersistentVolumeClaim: inTeamA(live.pvcs),
    Route: inTeamA(live.routes),
  });
}

const renderPage = (client: FakeClusterClient, route = '/clearml/ns/team-a') =>
  render(
    <MemoryRouter initialEntries={[route]}>
      <ClearMLPage client={client} />
    </MemoryRouter>,
  );

/** Waits until the access reviews answered (the button is no longer "checking"). */
const settled = (testId: string) =>
  waitFor(() => {
    const el = screen.getByTestId(testId);
    expect(el).not.toHaveAccessibleDescription('Checking your permissions…');
    return el;
  });

describe('ClearMLPage permissions, known when the page opens', () => {
  beforeEach(() => resetSdkStandIns());

  it('asks access reviews on load and disables Deploy for a viewer, naming the missing right', async () => {
    const client = viewer();
    renderPage(client);
    const deploy = await settled('deploy-clearml');
    expect(deploy).toHaveAttribute('aria-disabled', 'true');
    expect(deploy).toHaveAccessibleDescription(/you lack the right to create deployments/);
    expect(client.calls.filter((c) => c.method === 'canI').length).toBeGreaterThan(0);
    await userEvent.click(deploy);
    expect(screen.queryByTestId('deploy-wizard')).not.toBeInTheDocument();
    expect(screen.getByTestId('empty-deploy')).toHaveAttribute('aria-disabled', 'true');
  });

  it('tells a user who can neither deploy nor grant at once, without opening the wizard', async () => {
    renderPage(viewer());
    expect(await screen.findByTestId('deploy-not-allowed')).toHaveTextContent(
      'You cannot deploy ClearML in project team-a.',
    );
    expect(screen.getByTestId('deploy-not-allowed')).toHaveTextContent(/edit or admin role/);
  });

  it('a deep link to the wizard shows the missing right and a way back instead of five steps', async () => {
    renderPage(viewer(), '/clearml/ns/team-a?action=deploy');
    const alert = await screen.findByTestId('deploy-not-allowed');
    expect(alert).toHaveTextContent(/create deployments/);
    expect(screen.queryByTestId('deploy-wizard')).not.toBeInTheDocument();
    await userEvent.click(within(alert).getByTestId('back-to-instances'));
    expect(await screen.findByTestId('instances-empty')).toBeInTheDocument();
  });

  it('a viewer sees the status and next steps, but not Upgrade, Uninstall or the credentials', async () => {
    withHealthyInstance();
    renderPage(viewer(), '/clearml/ns/team-a?instance=clearml&namespace=team-a');
    expect(screen.getByTestId('status-row-apiserver')).toHaveTextContent('Ready');
    expect(screen.getByTestId('next-steps')).toBeInTheDocument();
    const upgrade = await settled('instance-upgrade');
    expect(upgrade).toHaveAttribute('aria-disabled', 'true');
    expect(upgrade).toHaveAccessibleDescription(/patch deployments/);
    const uninstall = screen.getByTestId('instance-uninstall');
    expect(uninstall).toHaveAttribute('aria-disabled', 'true');
    expect(uninstall).toHaveAccessibleDescription(/you lack the right to delete routes/);
    await userEvent.click(uninstall);
    expect(screen.queryByTestId('uninstall-modal')).not.toBeInTheDocument();
    const show = screen.getByTestId('show-credentials');
    expect(show).toHaveAttribute('aria-disabled', 'true');
    expect(show).toHaveAccessibleDescription(/get secrets in project team-a/);
    await userEvent.click(show);
    expect(screen.getByTestId('login-password')).toHaveTextContent('••••••••');
  });

  it("disables the row menu's actions with the reason", async () => {
    withHealthyInstance();
    renderPage(viewer());
    await settled('deploy-clearml');
    await userEvent.click(
      within(screen.getByTestId('instance-clearml')).getByRole('button', { name: /kebab/i }),
    );
    const upgrade = await screen.findByRole('menuitem', { name: /Upgrade/ });
    expect(upgrade).toHaveAttribute('aria-disabled', 'true');
    expect(upgrade).toHaveTextContent(/patch deployments/);
    const uninstall = screen.getByRole('menuitem', { name: /Uninstall/ });
    expect(uninstall).toHaveTextContent(/delete routes/);
  });

  it('names the delete right an uninstall lacks, not a list right', async () => {
    withHealthyInstance();
    const client = new FakeClusterClient();
    client.denied.add('delete rolebindings');
    renderPage(client, '/clearml/ns/team-a?instance=clearml&namespace=team-a');
    await waitFor(() =>
      expect(screen.getByTestId('instance-uninstall')).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(screen.getByTestId('instance-uninstall')).toHaveAccessibleDescription(
      'You cannot uninstall in project team-a: you lack the right to delete rolebindings.',
    );
    expect(screen.getByTestId('instance-upgrade')).not.toHaveAttribute('aria-disabled');
  });

  it('a project administrator who cannot grant SCCs keeps Deploy and the hand-off path', async () => {
    renderPage(projectAdmin());
    const deploy = await settled('deploy-clearml');
    expect(deploy).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByTestId('deploy-not-allowed')).not.toBeInTheDocument();
    await userEvent.click(deploy);
    expect(await screen.findByTestId('deploy-wizard')).toBeInTheDocument();
  });
});
