// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetSdkStandIns, setWatchData } from '../../test-support/console-sdk';
import { deployReadyCluster } from '../../test-support/deploy-cluster';
import { escalationForbidden, invalid } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { DeployWizard } from './DeployWizard';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));

const project = (name: string) => ({ metadata: { name } });

function start(client = deployReadyCluster(), onDeploy = vi.fn()) {
  setWatchData({
    Project: [project('team-a'), project('team-b')],
    StorageClass: [
      {
        metadata: {
          name: 'standard',
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
      } as never,
      { metadata: { name: 'fast-ssd' } } as never,
    ],
  });
  renderWithClient(
    <DeployWizard
      initial={{ name: 'clearml', namespace: 'team-a' }}
      isUpgrade={false}
      onDeploy={onDeploy}
      onCancel={vi.fn()}
    />,
    { client },
  );
  return { client, onDeploy };
}

const goTo = async (step: string) =>
  userEvent.click(within(screen.getByTestId(`wizard-step-${step}`)).getByRole('button'));

const type = (testId: string, text: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value: text } });

describe('DeployWizard', () => {
  beforeEach(() => resetSdkStandIns());

  it('General: shows the engine message for a bad instance name as the user types', async () => {
    start();
    type('field-name', 'Bad_Name');
    expect(screen.getByTestId('field-name-error')).toHaveTextContent(
      /instance name must be lower-case letters/,
    );
    expect(screen.getByTestId('field-name')).toHaveAttribute('aria-invalid', 'true');
    type('field-name', 'ml');
    expect(screen.queryByTestId('field-name-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-namespace')).toHaveValue('team-a');
  });

  it('General: creates a project through a ProjectRequest when allowed', async () => {
    const { client } = start();
    await screen.findByTestId('new-project-name');
    type('new-project-name', 'ml-team');
    await userEvent.click(await screen.findByTestId('create-project'));
    await waitFor(() => expect(screen.getByTestId('field-namespace')).toHaveValue('ml-team'));
    expect(client.calls).toContainEqual({ method: 'create', what: 'ProjectRequest/ml-team' });
  });

  it('General: offers no project creation where ProjectRequest is not served', async () => {
    const client = deployReadyCluster();
    client.unserved.add('project.openshift.io/v1');
    start(client);
    await waitFor(() => expect(client.calls.some((c) => c.method === 'serves')).toBe(true));
    expect(screen.queryByTestId('create-project')).not.toBeInTheDocument();
  });

  it('Size: presets set the totals; a request above its limit is reported on that field', async () => {
    start();
    await goTo('size');
    expect(screen.getByTestId('size-totals')).toHaveTextContent('cores');
    const before = screen.getByTestId('size-totals').textContent;
    await userEvent.click(screen.getByTestId('preset-production'));
    expect(screen.getByTestId('size-totals').textContent).not.toBe(before);
    type('field-resources-apiserver-requests-cpu', '8');
    expect(screen.getByTestId('field-resources-apiserver-requests-cpu-error')).toHaveTextContent(
      'cpu request 8 is above the limit 4',
    );
    type('field-components-elasticsearch-heap', '64g');
    expect(screen.getByTestId('field-components-elasticsearch-heap-error')).toHaveTextContent(
      /at most half of its memory limit/,
    );
    type('field-components-apiserver-replicas', 'two');
    expect(screen.getByTestId('field-components-apiserver-replicas-error')).toHaveTextContent(
      'replicas must be a whole number',
    );
  });

  it('Storage: preselects the cluster default, validates sizes and shows the total', async () => {
    start();
    await goTo('storage');
    const select = screen.getByTestId('field-storage-storageClass');
    expect(
      within(select).getByRole('option', { name: 'Cluster default (standard)' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('storage-total')).toHaveTextContent('155 GiB');
    type('field-storage-mongodb-size', '50 gigs');
    expect(screen.getByTestId('field-storage-mongodb-size-error')).toHaveTextContent(
      'size must be a whole number with a unit, such as 50Gi',
    );
  });

  it('Network: validates hosts and hides them when Routes are off', async () => {
    start();
    await goTo('network');
    type('field-exposure-hosts-app', 'Not A Host');
    expect(screen.getByTestId('field-exposure-hosts-app-error')).toHaveTextContent(
      'app host must be a lower-case DNS name',
    );
    type('field-exposure-hosts-app', 'clearml.example.com');
    type('field-exposure-hosts-api', 'clearml.example.com');
    expect(screen.getByTestId('field-exposure-hosts-api-error')).toHaveTextContent(
      'already used by exposure.hosts.app',
    );
    await userEvent.click(screen.getByTestId('field-exposure-routes'));
    expect(screen.getByTestId('routes-off')).toBeInTheDocument();
    expect(screen.queryByTestId('field-exposure-hosts-app')).not.toBeInTheDocument();
  });

  it('Security: shows the SCC plan, preflight, and the hand-off when the user may not grant', async () => {
    const client = deployReadyCluster();
    client.denied.add('use securitycontextconstraints');
    client.denied.add('bind clusterroles');
    start(client);
    await goTo('security');
    await userEvent.click(screen.getByTestId('mode-chart-compatible'));
    const plan = await screen.findByTestId('scc-plan', {}, { timeout: 5000 });
    expect(within(plan).getAllByRole('row').length).toBeGreaterThan(1);
    expect(plan).toHaveTextContent(/anyuid|privileged/);
    expect(await screen.findByTestId('handoff', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('handoff-yaml')).toHaveTextContent('kind: RoleBinding');
    expect(screen.getByTestId('handoff-policy-commands')).toBeInTheDocument();
    expect(screen.getByTestId('wait-for-admin')).toBeChecked();
    expect(screen.getByTestId('preflight-findings')).toHaveTextContent(
      /may not grant the security context constraints/,
    );
  });

  it('Credentials: provided keys are validated, a short password is refused', async () => {
    start();
    await goTo('credentials');
    await userEvent.click(screen.getByTestId('credentials-provided'));
    type('field-credentials-tests-accessKey', 'short');
    expect(screen.getByTestId('field-credentials-tests-accessKey-error')).toHaveTextContent(
      'access key must be 20 to 30 upper-case letters or digits',
    );
    type('field-login-password', 'abc');
    expect(screen.getByTestId('field-login-password-error')).toHaveTextContent(
      'password must be at least 8 characters',
    );
  });

  it('Review: every object, dry run accepted, Deploy enabled and handing over the values', async () => {
    const { onDeploy, client } = start();
    await goTo('review');
    await waitFor(
      () =>
        expect(screen.getByTestId('dry-run-summary')).toHaveTextContent(
          'every object was accepted',
        ),
      { timeout: 5000 },
    );
    expect(screen.getByTestId('review-object-Deployment-clearml-apiserver')).toHaveTextContent(
      'Will be created',
    );
    expect(screen.getByTestId('review-object-Secret-clearml-credentials')).toBeInTheDocument();
    expect(client.calls.filter((c) => c.method === 'apply').every((c) => c.dryRun)).toBe(true);
    const deploy = screen.getByTestId('deploy-button');
    expect(deploy).toBeEnabled();
    await userEvent.click(deploy);
    expect(onDeploy).toHaveBeenCalledWith(
      expect.objectContaining({
        values: expect.objectContaining({ name: 'clearml', namespace: 'team-a' }),
      }),
    );
  });

  it('Review: the summary and the reason Deploy is disabled come before the collapsed objects', async () => {
    const client = deployReadyCluster();
    client.denied.add('create deployments');
    start(client);
    await goTo('review');
    await waitFor(
      () =>
        expect(screen.getByTestId('review-summary-preflight')).toHaveTextContent(
          /blocking problem/,
        ),
      { timeout: 5000 },
    );
    const summary = screen.getByTestId('review-summary');
    expect(within(summary).getByTestId('review-summary-instance')).toHaveTextContent('clearml');
    expect(within(summary).getByTestId('review-summary-project')).toHaveTextContent('team-a');
    expect(within(summary).getByTestId('review-summary-version')).toHaveTextContent('2.3');
    expect(within(summary).getByTestId('review-summary-objects')).toHaveTextContent(
      /\d+ objects, and the install record/,
    );
    expect(within(summary).getByTestId('review-summary-security')).toHaveTextContent(
      'Granted by this deploy in the project: anyuid for 3 service accounts.',
    );
    await waitFor(
      () => expect(screen.getByTestId('dry-run-summary')).toHaveTextContent(/to create/),
      {
        timeout: 5000,
      },
    );
    const blocked = screen.getByTestId('deploy-blocked');
    expect(blocked).toHaveTextContent(/preflight found blocking problems/);
    const objects = screen.getByTestId('review-objects');
    const before = (a: Element, b: Element) =>
      !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(before(summary, objects)).toBe(true);
    expect(before(blocked, objects)).toBe(true);
    expect(before(blocked, screen.getByTestId('preflight-findings'))).toBe(true);
    // Collapsed: the rows are not shown until the user opens the list.
    const apiserver = screen.getByTestId('review-object-Deployment-clearml-apiserver');
    expect(apiserver).not.toBeVisible();
    await userEvent.click(within(objects).getByRole('button', { name: /Show the \d+ objects/ }));
    expect(apiserver).toBeVisible();
  });

  it('Review: masks Secret values in the YAML', async () => {
    start();
    await goTo('review');
    const secret = await screen.findByTestId(
      'review-object-Secret-clearml-credentials',
      {},
      { timeout: 5000 },
    );
    await userEvent.click(screen.getByRole('button', { name: /Show the \d+ objects/ }));
    await userEvent.click(within(secret).getByRole('button'));
    expect(secret).toHaveTextContent('<hidden');
    expect(secret.textContent).not.toMatch(/apiserver_secret: [A-Za-z0-9+/=]{20,}/);
  });

  it('Review: Deploy is disabled while preflight has blocking errors', async () => {
    const client = deployReadyCluster();
    client.denied.add('create deployments');
    start(client);
    await goTo('review');
    await waitFor(
      () =>
        expect(screen.getByTestId('preflight-findings')).toHaveTextContent(/You lack permissions/),
      { timeout: 5000 },
    );
    expect(screen.getByTestId('deploy-button')).toBeDisabled();
    expect(screen.getByTestId('deploy-blocked')).toHaveTextContent(
      /preflight found blocking problems/,
    );
  });

  it('Review: Deploy is disabled while values are invalid, with every problem listed', async () => {
    start();
    type('field-name', 'Bad_Name');
    await goTo('review');
    expect(screen.getByTestId('review-invalid')).toHaveTextContent('name:');
    expect(screen.getByTestId('deploy-button')).toBeDisabled();
  });

  it('Review: a rejected object shows its error in words', async () => {
    const client = deployReadyCluster();
    client.applyFailure = (o) =>
      o.kind === 'Route' && o.metadata.name === 'clearml-app'
        ? invalid('spec.host: Invalid value: "x": host already claimed', 'spec.host')
        : undefined;
    start(client);
    await goTo('review');
    const row = await screen.findByTestId('review-object-Route-clearml-app', {}, { timeout: 5000 });
    await waitFor(() => expect(within(row).getByTestId('dry-run-error')).toBeInTheDocument(), {
      timeout: 5000,
    });
    expect(within(row).getByTestId('dry-run-error')).toHaveTextContent(
      /rejected the request to create or update Route team-a\/clearml-app as invalid/,
    );
    expect(screen.getByTestId('deploy-button')).toBeDisabled();
  });

  it('Review: a 403 escalation on the SCC binding shows the hand-off', async () => {
    const client = deployReadyCluster();
    client.applyFailure = (o) =>
      o.kind === 'RoleBinding' ? escalationForbidden(o.metadata.name) : undefined;
    start(client);
    await goTo('security');
    await userEvent.click(screen.getByTestId('mode-chart-compatible'));
    await goTo('review');
    const handoff = await screen.findByTestId('handoff', {}, { timeout: 5000 });
    expect(within(handoff).getByTestId('handoff-yaml')).toHaveTextContent('system:openshift:scc:');
    expect(screen.getAllByTestId('dry-run-error')[0]).toHaveTextContent(
      /grants a permission you do not hold/,
    );
  });
});
