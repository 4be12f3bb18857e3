// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetSdkStandIns, setWatchData } from '../../test-support/console-sdk';
import { deployReadyCluster } from '../../test-support/deploy-cluster';
import { renderWithClient } from '../../test-support/render';
import type { FormInput } from '../model/form-values';
import { DeployWizard } from './DeployWizard';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));

function start(initial: FormInput = { name: 'clearml', namespace: 'team-a' }, isUpgrade = false) {
  const onDeploy = vi.fn();
  setWatchData({ Project: [{ metadata: { name: 'team-a' } }] });
  renderWithClient(
    <DeployWizard initial={initial} isUpgrade={isUpgrade} onDeploy={onDeploy} onCancel={vi.fn()} />,
    { client: deployReadyCluster() },
  );
  return { onDeploy };
}

const goTo = async (step: string) =>
  userEvent.click(within(screen.getByTestId(`wizard-step-${step}`)).getByRole('button'));
const navButton = (step: string) =>
  within(screen.getByTestId(`wizard-step-${step}`)).getByRole('button');

describe('DeployWizard: agents', () => {
  beforeEach(() => resetSdkStandIns());

  it('comes after Network; an invalid agent marks the step and holds Next', async () => {
    start();
    const steps = screen
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-test'))
      .filter((id) => id?.startsWith('wizard-step-'));
    expect(steps.indexOf('wizard-step-agents')).toBe(steps.indexOf('wizard-step-network') + 1);
    await goTo('agents');
    expect(screen.getByTestId('agents-none')).toBeInTheDocument();
    expect(screen.getByTestId('wizard-next')).toBeEnabled();
    await userEvent.click(screen.getByTestId('agent-add-blank'));
    expect(screen.getByTestId('field-agents-0-queues-error')).toHaveTextContent(
      'an agent needs at least one queue',
    );
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    // PatternFly says the step's status to screen readers: ", error".
    expect(navButton('agents')).toHaveTextContent(/error/);
    fireEvent.change(screen.getByTestId('field-agents-0-queues'), { target: { value: 'jobs' } });
    expect(screen.getByTestId('wizard-next')).toBeEnabled();
    expect(navButton('agents')).not.toHaveTextContent(/error/);
  });

  it('puts the CPU agent in the security plan and the review, and deploys it', async () => {
    const { onDeploy } = start();
    await goTo('agents');
    await userEvent.click(screen.getByTestId('agent-add-cpu'));
    await goTo('security');
    const plan = await screen.findByTestId('scc-plan', {}, { timeout: 5000 });
    await waitFor(() =>
      expect(within(plan).getByTestId('scc-plan-clearml-agent-cpu')).toHaveTextContent('anyuid'),
    );
    expect(within(plan).getByTestId('scc-plan-clearml-agent-cpu-task')).toHaveTextContent(
      'restricted-v2',
    );
    await goTo('review');
    expect(screen.getByTestId('review-summary-agents')).toHaveTextContent(
      'cpu: queues default, at most 2 task pods at once',
    );
    await waitFor(
      () =>
        expect(screen.getByTestId('dry-run-summary')).toHaveTextContent(
          'every object was accepted',
        ),
      { timeout: 5000 },
    );
    expect(screen.getByTestId('review-object-Deployment-clearml-agent-cpu')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('deploy-button'));
    expect(onDeploy).toHaveBeenCalledWith(
      expect.objectContaining({
        values: expect.objectContaining({
          agents: [expect.objectContaining({ name: 'cpu', queues: ['default'], maxPods: 2 })],
        }),
      }),
    );
  });

  it('upgrade: starts with the installed agents, and the review says when there are none', async () => {
    start(
      {
        name: 'clearml',
        namespace: 'team-a',
        agents: [{ name: 'gpu', queues: ['gpu'], maxPods: 1, taskPod: { gpus: 2 } }],
      },
      true,
    );
    await goTo('agents');
    expect(screen.getByTestId('field-agents-0-name')).toHaveValue('gpu');
    await goTo('review');
    expect(screen.getByTestId('review-summary-agents')).toHaveTextContent(
      'gpu: queues gpu, at most 1 task pod at once, 2 GPUs per task pod',
    );
    await goTo('agents');
    await userEvent.click(screen.getByTestId('agent-0-remove'));
    await goTo('review');
    expect(screen.getByTestId('review-summary-agents')).toHaveTextContent('None');
  });
});
