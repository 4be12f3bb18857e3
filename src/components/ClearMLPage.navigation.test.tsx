// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { healthyInstance } from '../engine/status/fixtures';
import type { ResourceAttributes } from '../engine/cluster/client';
import {
  resetSdkStandIns,
  setActiveNamespaceForTest,
  setWatchData,
} from '../test-support/console-sdk';
import { deployReadyCluster } from '../test-support/deploy-cluster';
import { installRecord } from '../test-support/install-record';
import ClearMLPage from './ClearMLPage';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../test-support/console-sdk'));
vi.mock('./status/TopologyGraph', () => import('../test-support/topology-graph'));

const project = (name: string) => ({ metadata: { name } });

const record = (name: string, namespace: string) => installRecord(name, namespace);

let history: { back: () => void; location: string } = { back: () => {}, location: '' };
const Probe = () => {
  const navigate = useNavigate();
  const location = useLocation();
  history = { back: () => void navigate(-1), location: `${location.pathname}${location.search}` };
  return null;
};

const renderPage = (client = deployReadyCluster(), entries = ['/clearml/ns/team-a']) =>
  render(
    <MemoryRouter initialEntries={entries} initialIndex={entries.length - 1}>
      <Probe />
      <ClearMLPage client={client} />
    </MemoryRouter>,
  );

const enabled = async (testId: string) => {
  await waitFor(() => expect(screen.getByTestId(testId)).not.toHaveAttribute('aria-disabled'));
  return screen.getByTestId(testId);
};
const goTo = async (step: string) =>
  userEvent.click(within(screen.getByTestId(`wizard-step-${step}`)).getByRole('button'));
const type = (testId: string, text: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value: text } });

describe('ClearMLPage navigation and state', () => {
  beforeEach(() => {
    resetSdkStandIns();
    setWatchData({ Project: [project('team-a'), project('team-b')] });
  });

  it('focuses the first field when the wizard opens; Back after a deploy returns to the list, and focus lands on the result', async () => {
    renderPage();
    await userEvent.click(await enabled('deploy-clearml'));
    await screen.findByTestId('deploy-wizard');
    await waitFor(() => expect(screen.getByTestId('field-name')).toHaveFocus());
    await goTo('review');
    await waitFor(
      () =>
        expect(screen.getByTestId('dry-run-summary')).toHaveTextContent(
          'every object was accepted',
        ),
      { timeout: 5000 },
    );
    await userEvent.click(screen.getByTestId('deploy-button'));
    await waitFor(() => expect(history.location).toContain('instance=clearml'));
    const done = await screen.findByTestId('deploy-done', {}, { timeout: 10_000 });
    await waitFor(() => expect(done).toHaveFocus());
    history.back();
    await waitFor(() => expect(history.location).toBe('/clearml/ns/team-a'));
    expect(screen.queryByTestId('deploy-wizard')).not.toBeInTheDocument();
  });

  it('a reload on a later step keeps the typed values and the step, but never a secret', async () => {
    const first = renderPage(deployReadyCluster(), ['/clearml/ns/team-a?action=deploy']);
    await screen.findByTestId('deploy-wizard');
    type('field-name', 'ml-one');
    await goTo('credentials');
    type('field-login-password', 'very-secret-password');
    first.unmount();
    const stored = Object.values({ ...sessionStorage }).join('\n');
    expect(stored).toContain('ml-one');
    expect(stored).not.toContain('very-secret-password');

    renderPage(deployReadyCluster(), ['/clearml/ns/team-a?action=deploy']);
    await screen.findByTestId('deploy-wizard');
    expect(screen.getByTestId('field-login-password')).toHaveValue('');
    await goTo('general');
    expect(screen.getByTestId('field-name')).toHaveValue('ml-one');
  });

  it('leaving a wizard with changes asks first; without changes it just closes', async () => {
    renderPage(deployReadyCluster(), ['/clearml/ns/team-a?action=deploy']);
    await screen.findByTestId('deploy-wizard');
    await userEvent.click(screen.getByTestId('wizard-cancel'));
    expect(screen.queryByTestId('deploy-wizard')).not.toBeInTheDocument();

    await userEvent.click(await enabled('deploy-clearml'));
    type('field-name', 'ml-two');
    await userEvent.click(screen.getByTestId('wizard-cancel'));
    expect(await screen.findByText('Leave the wizard?')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('leave-wizard-stay'));
    expect(screen.getByTestId('field-name')).toHaveValue('ml-two');
    await userEvent.click(screen.getByTestId('wizard-cancel'));
    await userEvent.click(await screen.findByTestId('leave-wizard-confirm'));
    expect(screen.queryByTestId('deploy-wizard')).not.toBeInTheDocument();
  });

  it('Next does not advance past an invalid field on its own step (a 39-character name)', async () => {
    renderPage(deployReadyCluster(), ['/clearml/ns/team-a?action=deploy']);
    await screen.findByTestId('deploy-wizard');
    type('field-name', 'a'.repeat(39));
    expect(screen.getByTestId('field-name-error')).toBeInTheDocument();
    const next = screen.getByTestId('wizard-next');
    expect(next).toBeDisabled();
    await userEvent.click(next);
    expect(screen.getByTestId('field-name')).toBeInTheDocument();
    type('field-name', 'a'.repeat(38));
    expect(screen.getByTestId('wizard-next')).toBeEnabled();
  });

  it('a deep link to an instance that does not exist says so, with a way back and no actions', async () => {
    renderPage(deployReadyCluster(), ['/clearml/ns/team-a?instance=nope&namespace=team-a']);
    const missing = await screen.findByTestId('instance-missing');
    expect(missing).toHaveTextContent('No instance nope in project team-a');
    expect(screen.queryByTestId('instance-upgrade')).not.toBeInTheDocument();
    expect(screen.queryByTestId('instance-uninstall')).not.toBeInTheDocument();
    expect(screen.queryByTestId('instance-state')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('instance-missing-back'));
    expect(await screen.findByTestId('instances-empty')).toBeInTheDocument();
  });

  it('a project that does not exist says so', async () => {
    setWatchData({}, { Project: { code: 404, message: 'projects "nowhere" not found' } });
    setActiveNamespaceForTest('nowhere');
    renderPage(deployReadyCluster(), ['/clearml/ns/nowhere']);
    expect(await screen.findByTestId('project-missing')).toHaveTextContent(
      'Project nowhere does not exist',
    );
    expect(screen.queryByTestId('instances-empty')).not.toBeInTheDocument();
  });

  it('in all projects: the wording, the project in the header and breadcrumb, and Deploy asks for a project the user may deploy to', async () => {
    setActiveNamespaceForTest('#ALL_NS#');
    const live = healthyInstance();
    const inTeamA = <T extends { metadata: object }>(items: T[]) =>
      items.map((i) => ({ ...i, metadata: { ...i.metadata, namespace: 'team-a' } }));
    setWatchData({
      Project: [project('team-a'), project('team-b'), project('team-c')],
      ConfigMap: [record('clearml', 'team-a')],
      Deployment: inTeamA(live.deployments),
      StatefulSet: inTeamA(live.statefulSets),
      Pod: inTeamA(live.pods),
    });
    const client = deployReadyCluster();
    const canI = client.canI.bind(client);
    client.canI = async (a: ResourceAttributes) =>
      a.namespace === 'team-b' && a.verb === 'create' ? { allowed: false } : canI(a);
    renderPage(client, ['/clearml/all-namespaces']);
    expect(screen.getByTestId('page-description')).toHaveTextContent('one of your projects');
    expect(screen.getByTestId('page-description')).not.toHaveTextContent('this project');

    await userEvent.click(
      within(screen.getByTestId('instance-clearml')).getByTestId('instance-open'),
    );
    expect(screen.getByTestId('instance-project')).toHaveTextContent('Project team-a');
    expect(screen.getByTestId('breadcrumb-project')).toHaveTextContent('team-a');

    await userEvent.click(screen.getByTestId('back-to-instances'));
    await userEvent.click(await enabled('deploy-clearml'));
    const select = await screen.findByTestId('field-namespace');
    expect(select).toHaveValue('');
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Select a project', 'team-a', 'team-c']),
    );
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
  });
});
