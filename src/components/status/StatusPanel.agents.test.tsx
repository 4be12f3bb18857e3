// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { instanceStatus } from '../../engine/status/model';
import { healthyInstance } from '../../engine/status/fixtures';
import type { AgentStatus, InstanceStatus } from '../../engine/status/types';
import { cpuAgent, gpuAgent } from '../../test-support/agent-status';
import { renderWithClient } from '../../test-support/render';
import { StatusPanel } from './StatusPanel';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));
vi.mock('./TopologyGraph', () => import('../../test-support/topology-graph'));

let shown: InstanceStatus;
vi.mock('../../hooks/useInstanceLive', () => ({
  useInstanceLive: () => ({ status: shown, loaded: true, live: healthyInstance() }),
}));

/** The healthy instance's status with these agents, as the status model will report them. */
function show(agents: AgentStatus[]) {
  shown = { ...instanceStatus('clearml', healthyInstance()), agents };
}

describe('StatusPanel with agents', () => {
  it('shows no Agents section and no task commands when the instance has none', () => {
    show([]);
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    expect(screen.getByTestId('next-steps')).toBeInTheDocument();
    expect(screen.queryByTestId('agents-status')).not.toBeInTheDocument();
    expect(screen.queryByTestId('agent-task-snippets')).not.toBeInTheDocument();
  });

  it('shows each agent and its task pods after the components', () => {
    show([cpuAgent(), gpuAgent()]);
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    const section = screen.getByTestId('agents-status');
    expect(within(section).getByRole('heading', { name: 'Agents' })).toBeInTheDocument();
    expect(within(section).getByTestId('agent-row-cpu')).toHaveTextContent('Ready');
    expect(within(section).getByTestId('agent-row-gpu')).toHaveTextContent('Progressing');
    expect(within(section).getByTestId('task-pod-clearml-id-9b1c')).toHaveTextContent(
      /Pending.*Cannot pull image quay\.io\/team\/missing:1/,
    );
    const components = screen.getByTestId('status-list');
    expect(
      components.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('gives the clearml-task command and the SDK call for every queue, with copy buttons', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const shared = { ...gpuAgent(), queues: ['gpu', 'default'] };
    show([cpuAgent(), shared]);
    renderWithClient(<StatusPanel namespace="team-a" instance="clearml" />);
    const snippets = within(screen.getByTestId('next-steps')).getByTestId('agent-task-snippets');
    expect(
      within(snippets)
        .getAllByTestId(/^agent-queue-/)
        .map((e) => e.getAttribute('data-test')),
    ).toEqual(['agent-queue-default', 'agent-queue-eval', 'agent-queue-gpu']);
    expect(within(snippets).getByTestId('agent-queue-default')).toHaveTextContent(
      'Queue default (served by cpu, gpu)',
    );
    expect(screen.getByTestId('agent-cli-eval')).toHaveTextContent(
      'clearml-task --project my-project --name my-task --script train.py --queue eval',
    );
    expect(screen.getByTestId('agent-sdk-gpu')).toHaveTextContent(
      'task.execute_remotely(queue_name="gpu")',
    );

    await userEvent.click(screen.getByTestId('agent-cli-gpu-copy'));
    expect(writeText).toHaveBeenLastCalledWith(
      'clearml-task --project my-project --name my-task --script train.py --queue gpu',
    );
    await userEvent.click(screen.getByTestId('agent-sdk-default-copy'));
    expect(writeText).toHaveBeenLastCalledWith(
      expect.stringContaining('task.execute_remotely(queue_name="default")'),
    );
  });
});
