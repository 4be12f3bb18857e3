// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormInput } from '../../model/form-values';
import { useWizardForm } from '../useWizardForm';
import { AgentsStep } from './AgentsStep';

/** The step as the wizard shows it, with the agents the wizard would deploy. */
const Harness = ({ initial }: { initial: FormInput }) => {
  const form = useWizardForm(initial);
  return (
    <>
      <AgentsStep form={form} />
      <pre data-test="values">{form.values ? JSON.stringify(form.values.agents) : 'invalid'}</pre>
    </>
  );
};

type Agent = {
  name: string;
  queues: string[];
  maxPods: number;
  taskPod: {
    gpus: number;
    image: string;
    tolerations?: unknown[];
    env?: unknown[];
    resources?: unknown;
  };
};

const start = (initial: FormInput = { name: 'ml', namespace: 'team-a' }) =>
  render(<Harness initial={initial} />);
const type = (testId: string, text: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value: text } });
const agents = (): Agent[] | undefined => {
  const text = screen.getByTestId('values').textContent ?? '';
  return text === 'invalid' ? undefined : (JSON.parse(text) as Agent[]);
};

describe('Agents step', () => {
  it('has no agent by default, and adds the CPU and 1 GPU presets with free names', async () => {
    start();
    expect(screen.getByTestId('agents-none')).toBeInTheDocument();
    expect(agents()).toEqual([]);

    await userEvent.click(screen.getByTestId('agent-add-cpu'));
    await userEvent.click(screen.getByTestId('agent-add-gpu'));
    await userEvent.click(screen.getByTestId('agent-add-cpu'));
    expect(screen.queryByTestId('agents-none')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-agents-0-name')).toHaveValue('cpu');
    expect(screen.getByTestId('field-agents-0-queues')).toHaveValue('default');
    expect(screen.getByTestId('field-agents-1-name')).toHaveValue('gpu');
    expect(screen.getByTestId('field-agents-1-taskPod-gpus')).toHaveValue('1');
    expect(screen.getByTestId('field-agents-2-name')).toHaveValue('cpu-2');
    expect(within(screen.getByTestId('agent-2')).getByRole('heading')).toHaveTextContent('cpu-2');

    const list = agents();
    expect(list?.map((a) => [a.name, a.queues, a.maxPods, a.taskPod.gpus])).toEqual([
      ['cpu', ['default'], 2, 0],
      ['gpu', ['gpu'], 1, 1],
      ['cpu-2', ['default'], 2, 0],
    ]);
    expect(list?.[1].taskPod.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });

  it('edits name, queues, pods, image and resources, each with the schema message on its field', async () => {
    start();
    await userEvent.click(screen.getByTestId('agent-add-cpu'));

    type('field-agents-0-name', 'Team_A');
    expect(screen.getByTestId('field-agents-0-name-error')).toHaveTextContent(
      /^agent name must be lower-case letters, digits and '-'/,
    );
    expect(screen.getByTestId('field-agents-0-name')).toHaveAttribute('aria-invalid', 'true');
    expect(agents()).toBeUndefined();
    type('field-agents-0-name', 'team-a');

    type('field-agents-0-queues', '');
    expect(screen.getByTestId('field-agents-0-queues-error')).toHaveTextContent(
      'an agent needs at least one queue',
    );
    type('field-agents-0-queues', 'train, bad queue');
    expect(screen.getByTestId('field-agents-0-queues-error')).toHaveTextContent(
      'bad queue: queue name must be letters, digits, _, . or -',
    );
    type('field-agents-0-queues', 'train, eval ,');
    expect(screen.getByTestId('field-agents-0-queues-error')).not.toHaveTextContent(/must/);
    expect(
      within(screen.getByTestId('field-agents-0-queues-labels'))
        .getAllByText(/train|eval/)
        .map((l) => l.textContent),
    ).toEqual(['train', 'eval']);

    type('field-agents-0-maxPods', '0');
    expect(screen.getByTestId('field-agents-0-maxPods-error')).toHaveTextContent(
      'maxPods must be at least 1',
    );
    type('field-agents-0-maxPods', '4');
    type('field-agents-0-taskPod-image', 'Not An Image');
    expect(screen.getByTestId('field-agents-0-taskPod-image-error')).toHaveTextContent(
      'task image must be an image reference such as quay.io/org/image:tag',
    );
    type('field-agents-0-taskPod-image', 'quay.io/team/trainer:1.0');
    type('field-agents-0-taskPod-resources-limits-memory', '8 gigs');
    expect(
      screen.getByTestId('field-agents-0-taskPod-resources-limits-memory-error'),
    ).toHaveTextContent('memory must be a Kubernetes quantity such as 500m, 2 or 4Gi');
    type('field-agents-0-taskPod-resources-limits-memory', '8Gi');

    const [agent] = agents() ?? [];
    expect(agent).toMatchObject({
      name: 'team-a',
      queues: ['train', 'eval'],
      maxPods: 4,
      taskPod: { image: 'quay.io/team/trainer:1.0', resources: { limits: { memory: '8Gi' } } },
    });
  });

  it('refuses a second agent of the same name and a variable the plugin sets for task pods', async () => {
    start();
    await userEvent.click(screen.getByTestId('agent-add-cpu'));
    await userEvent.click(screen.getByTestId('agent-add-blank'));
    expect(screen.getByTestId('field-agents-1-name')).toHaveValue('agent');
    expect(screen.getByTestId('field-agents-1-queues-error')).toHaveTextContent(
      'an agent needs at least one queue',
    );
    type('field-agents-1-queues', 'default');
    type('field-agents-1-name', 'cpu');
    expect(screen.getByTestId('field-agents-1-name-error')).toHaveTextContent(
      'agent cpu is listed twice',
    );
    type('field-agents-1-name', 'cpu-b');

    await userEvent.click(
      within(screen.getByTestId('agent-1')).getByRole('button', {
        name: 'Task pod placement and environment',
      }),
    );
    await userEvent.click(screen.getByTestId('field-agents-1-taskPod-env-add'));
    type('field-agents-1-taskPod-env-key-0', 'CLEARML_API_ACCESS_KEY');
    expect(screen.getByTestId('field-agents-1-taskPod-env-0-name-error')).toHaveTextContent(
      'CLEARML_API_ACCESS_KEY is set by the plugin for task pods',
    );
    expect(agents()).toBeUndefined();
    type('field-agents-1-taskPod-env-key-0', 'PIP_INDEX_URL');
    type('field-agents-1-taskPod-env-value-0', 'https://pypi.example.com/simple');
    expect(agents()?.[1].taskPod.env).toEqual([
      { name: 'PIP_INDEX_URL', value: 'https://pypi.example.com/simple' },
    ]);
  });

  it('removes an agent; the next one keeps its own fields, and removing the last leaves none', async () => {
    start();
    await userEvent.click(screen.getByTestId('agent-add-gpu'));
    await userEvent.click(screen.getByTestId('agent-add-cpu'));
    await userEvent.click(
      within(screen.getByTestId('agent-1')).getByRole('button', {
        name: 'Task pod placement and environment',
      }),
    );
    await userEvent.click(screen.getByTestId('field-agents-1-taskPod-nodeSelector-add'));
    type('field-agents-1-taskPod-nodeSelector-key-0', 'pool');
    type('field-agents-1-taskPod-nodeSelector-value-0', 'cpu');

    await userEvent.click(screen.getByRole('button', { name: 'Remove agent gpu' }));
    expect(agents()?.map((a) => a.name)).toEqual(['cpu']);
    expect(screen.getByTestId('field-agents-0-name')).toHaveValue('cpu');
    expect(screen.getByTestId('field-agents-0-taskPod-nodeSelector-key-0')).toHaveValue('pool');
    type('field-agents-0-taskPod-nodeSelector-value-0', 'cpu-large');
    expect(agents()?.[0]).toMatchObject({ taskPod: { nodeSelector: { pool: 'cpu-large' } } });

    await userEvent.click(screen.getByTestId('agent-0-remove'));
    expect(screen.getByTestId('agents-none')).toBeInTheDocument();
    expect(agents()).toEqual([]);
  });

  it('shows the agents an upgrade starts with and stops adding at ten', async () => {
    start({
      name: 'ml',
      namespace: 'team-a',
      agents: Array.from({ length: 10 }, (_v, i) => ({ name: `a${i}`, queues: [`q${i}`] })),
    });
    expect(screen.getByTestId('field-agents-9-name')).toHaveValue('a9');
    expect(screen.getByTestId('field-agents-9-queues')).toHaveValue('q9');
    expect(screen.getByTestId('agent-add-cpu')).toBeDisabled();
    expect(screen.getByTestId('agents-full')).toHaveTextContent('at most 10 agents');
  });
});
