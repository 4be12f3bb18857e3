import { Content, Stack, StackItem, Title } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import type { AgentStatus } from '../../engine/status/types';
import { CodeSnippet } from '../CodeSnippet';

/**
 * The two ways to queue a task: the `clearml-task` CLI (allegroai/clearml
 * clearml/cli/task/__main__.py, setup_parser: --project, --name, --script, --queue) and
 * `Task.execute_remotely(queue_name=…)` from a script (allegroai/clearml clearml/task.py).
 */
export const cliCommand = (queue: string) =>
  `clearml-task --project my-project --name my-task --script train.py --queue ${queue}`;

export const sdkSnippet = (queue: string) =>
  [
    'from clearml import Task',
    '',
    'task = Task.init(project_name="my-project", task_name="my-task")',
    `task.execute_remotely(queue_name="${queue}")`,
  ].join('\n');

/** Each queue the agents serve, with the agents serving it, in the order they list them. */
export function queuesOf(agents: AgentStatus[]): { queue: string; agents: string[] }[] {
  const by = new Map<string, string[]>();
  for (const a of agents) for (const q of a.queues) by.set(q, [...(by.get(q) ?? []), a.agent]);
  return [...by].map(([queue, names]) => ({ queue, agents: names }));
}

/** How to send a task to each queue of the instance's agents. */
export const AgentTaskSnippets = ({ agents }: { agents: AgentStatus[] }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <Stack hasGutter data-test="agent-task-snippets">
      <StackItem>
        <Title headingLevel="h3">{t('Run a task on an agent')}</Title>
        <Content component="p">
          {t(
            'With clearml.conf set up as above, queue a script from the command line, or let a running script send itself to a queue.',
          )}
        </Content>
      </StackItem>
      {queuesOf(agents).map(({ queue, agents: names }) => (
        <StackItem key={queue} data-test={`agent-queue-${queue}`}>
          <Title headingLevel="h4">
            {t('Queue {{queue}} (served by {{agents}})', { queue, agents: names.join(', ') })}
          </Title>
          <Stack hasGutter>
            <CodeSnippet
              text={cliCommand(queue)}
              label={t('clearml-task command for queue {{queue}}', { queue })}
              dataTest={`agent-cli-${queue}`}
            />
            <CodeSnippet
              text={sdkSnippet(queue)}
              label={t('Python code for queue {{queue}}', { queue })}
              dataTest={`agent-sdk-${queue}`}
            />
          </Stack>
        </StackItem>
      ))}
    </Stack>
  );
};
