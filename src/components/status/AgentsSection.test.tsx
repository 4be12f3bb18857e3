// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { cpuAgent, gpuAgent } from '../../test-support/agent-status';
import { AgentsSection } from './AgentsSection';

describe('Agents section of the status panel', () => {
  it('lists each agent with its queues, glue pods, state and reason', () => {
    render(<AgentsSection agents={[cpuAgent(), gpuAgent()]} />);
    const cpu = screen.getByTestId('agent-row-cpu');
    expect(within(cpu).getByTestId('agent-queues')).toHaveTextContent('defaulteval');
    expect(within(cpu).getByTestId('agent-state')).toHaveTextContent('Ready');
    expect(within(cpu).getByTestId('ready-count')).toHaveTextContent('1 of 1');
    expect(within(cpu).getByTestId('agent-reason')).toHaveTextContent('Serving, no restarts.');
    const gpu = screen.getByTestId('agent-row-gpu');
    expect(within(gpu).getByTestId('agent-state')).toHaveTextContent('Progressing');
    expect(within(gpu).getByTestId('ready-count')).toHaveTextContent('0 of 1');
    expect(within(gpu).getByTestId('agent-reason')).toHaveTextContent('Starting: 0 of 1 ready.');
  });

  it('lists the task pods with their agent, phase and the reason in words', () => {
    render(<AgentsSection agents={[cpuAgent(), gpuAgent()]} />);
    const pods = screen.getByTestId('task-pods');
    expect(within(pods).getAllByRole('row')).toHaveLength(3);
    const running = screen.getByTestId('task-pod-clearml-id-3f2a');
    expect(running).toHaveTextContent('cpu');
    expect(within(running).getByTestId('task-pod-phase')).toHaveTextContent('Running');
    expect(within(running).getByTestId('task-pod-reason')).toHaveTextContent(/^$/);
    const pending = screen.getByTestId('task-pod-clearml-id-9b1c');
    expect(within(pending).getByTestId('task-pod-phase')).toHaveTextContent('Pending');
    expect(within(pending).getByTestId('task-pod-reason')).toHaveTextContent(
      'Cannot pull image quay.io/team/missing:1 (container task): check the image name and tag',
    );
  });

  it('says when no task pod runs', () => {
    render(<AgentsSection agents={[gpuAgent()]} />);
    expect(screen.queryByTestId('task-pods')).not.toBeInTheDocument();
    expect(screen.getByTestId('task-pods-none')).toHaveTextContent(
      'No task pods: the agents start one when a task is queued.',
    );
  });
});
