import { Button, Content, Flex, FlexItem, Form, Stack, StackItem } from '@patternfly/react-core';
import { PlusCircleIcon } from '@patternfly/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from '../../../compat/console-api';
import { MAX_AGENTS } from '../../../engine';
import { type AgentStart, addAgent, agentsOf, removeAgent } from '../../model/agent-form';
import type { WizardForm } from '../useWizardForm';
import { AgentCard } from './AgentCard';

/**
 * Optional ClearML agents: each pulls tasks from its queues and runs each task as a pod in the
 * project. None by default; added from a preset (CPU, one GPU) or blank.
 */
export const AgentsStep = ({ form }: { form: WizardForm }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const agents = agentsOf(form.input);
  // A stable key per card, so a card keeps its own rows when an earlier one is removed.
  const next = useRef(agents.length);
  const [keys, setKeys] = useState(() => agents.map((_a, i) => i));
  const keyOf = (i: number) => (keys.length === agents.length ? keys[i] : i);
  const full = agents.length >= MAX_AGENTS;

  const add = (start: AgentStart) => {
    if (full) return;
    setKeys((k) => [...k.slice(0, agents.length), next.current++]);
    form.update((input) => addAgent(input, start));
  };
  const remove = (index: number) => {
    setKeys((k) => k.filter((_k, i) => i !== index));
    form.update((input) => removeAgent(input, index));
  };
  const starts: { start: AgentStart; label: string }[] = [
    { start: 'cpu', label: t('Add CPU agent') },
    { start: 'gpu', label: t('Add 1 GPU agent') },
    { start: 'blank', label: t('Add blank agent') },
  ];

  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <Content component="p">
        {t(
          'Agents run queued ClearML tasks in this project, one pod per task. They are optional: the server works without them, and you can add them later with Upgrade.',
        )}
      </Content>
      {agents.length === 0 && (
        <Content component="p" data-test="agents-none">
          {t('No agents: tasks wait in their queues until an agent serves them.')}
        </Content>
      )}
      <Stack hasGutter>
        {agents.map((_a, i) => (
          <StackItem key={keyOf(i)}>
            <AgentCard form={form} index={i} onRemove={() => remove(i)} />
          </StackItem>
        ))}
      </Stack>
      <Flex>
        {starts.map(({ start, label }) => (
          <FlexItem key={start}>
            <Button
              variant="secondary"
              icon={<PlusCircleIcon />}
              isDisabled={full}
              onClick={() => add(start)}
              data-test={`agent-add-${start}`}
            >
              {label}
            </Button>
          </FlexItem>
        ))}
      </Flex>
      {full && (
        <Content component="small" data-test="agents-full">
          {t('An instance has at most {{max}} agents.', { max: MAX_AGENTS })}
        </Content>
      )}
    </Form>
  );
};
