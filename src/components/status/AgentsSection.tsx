import {
  Card,
  CardBody,
  CardTitle,
  Content,
  Label,
  LabelGroup,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from '../../compat/console-api';
import type { AgentStatus, TaskPodStatus } from '../../engine/status/types';
import { useTranslateMessage } from '../i18n/translate-message';
import { ReadyCount } from './ReadyCount';
import { StateLabel } from './StateLabel';

const PHASE_COLOR: Record<string, 'blue' | 'green' | 'red' | 'orange' | 'grey'> = {
  Running: 'blue',
  Succeeded: 'green',
  Failed: 'red',
  Pending: 'orange',
};

/** The agents of an instance: each glue's state, its queues, and the task pods it started. */
export const AgentsSection = ({ agents }: { agents: AgentStatus[] }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const reason = (p: TaskPodStatus) => (p.i18n ? say(p.i18n) : p.reason);
  const phases: Record<string, string> = {
    Pending: t('Pending'),
    Running: t('Running'),
    Succeeded: t('Succeeded'),
    Failed: t('Failed'),
    Unknown: t('Unknown'),
  };
  const pods = agents.flatMap((a) => a.taskPods.map((p) => ({ agent: a.agent, pod: p })));
  return (
    <Card data-test="agents-status">
      <CardTitle component="h3">{t('Agents')}</CardTitle>
      <CardBody>
        <Stack hasGutter>
          <StackItem>
            <Table aria-label={t('Agents')} variant="compact" data-test="agents-list">
              <Thead>
                <Tr>
                  <Th>{t('Agent')}</Th>
                  <Th>{t('Queues')}</Th>
                  <Th>{t('State')}</Th>
                  <Th>{t('Agent pods')}</Th>
                  <Th>{t('Reason')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {agents.map((a) => (
                  <Tr key={a.agent} data-test={`agent-row-${a.agent}`}>
                    <Td dataLabel={t('Agent')}>{a.agent}</Td>
                    <Td dataLabel={t('Queues')} data-test="agent-queues">
                      <LabelGroup numLabels={5}>
                        {a.queues.map((q) => (
                          <Label key={q} isCompact>
                            {q}
                          </Label>
                        ))}
                      </LabelGroup>
                    </Td>
                    <Td dataLabel={t('State')}>
                      <StateLabel state={a.state} dataTest="agent-state" />
                    </Td>
                    <Td dataLabel={t('Agent pods')}>
                      <ReadyCount ready={a.ready} desired={a.desired} />
                    </Td>
                    <Td dataLabel={t('Reason')} data-test="agent-reason">
                      {say(a.i18n)}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </StackItem>
          <StackItem>
            <Title headingLevel="h4">{t('Task pods')}</Title>
            {pods.length ? (
              <Table aria-label={t('Task pods')} variant="compact" data-test="task-pods">
                <Thead>
                  <Tr>
                    <Th>{t('Pod')}</Th>
                    <Th>{t('Agent')}</Th>
                    <Th>{t('Phase')}</Th>
                    <Th>{t('Reason')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {pods.map(({ agent, pod }) => (
                    <Tr key={pod.name} data-test={`task-pod-${pod.name}`}>
                      <Td dataLabel={t('Pod')}>{pod.name}</Td>
                      <Td dataLabel={t('Agent')}>{agent}</Td>
                      <Td dataLabel={t('Phase')}>
                        <Label
                          isCompact
                          color={PHASE_COLOR[pod.phase] ?? 'grey'}
                          data-test="task-pod-phase"
                        >
                          {phases[pod.phase] ?? pod.phase}
                        </Label>
                      </Td>
                      <Td dataLabel={t('Reason')} data-test="task-pod-reason">
                        {reason(pod)}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            ) : (
              <Content component="p" data-test="task-pods-none">
                {t('No task pods: the agents start one when a task is queued.')}
              </Content>
            )}
          </StackItem>
        </Stack>
      </CardBody>
    </Card>
  );
};
