import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Checkbox,
  Content,
  ExpandableSection,
  FormGroup,
  Grid,
  GridItem,
  Label,
  LabelGroup,
  TextInput,
} from '@patternfly/react-core';
import { TrashIcon } from '@patternfly/react-icons';
import { useState } from 'react';
import { useTranslation } from '../../../compat/console-api';
import {
  DEFAULT_TASK_IMAGE,
  DEFAULT_TASK_RESOURCES,
  MAX_AGENT_NAME_LENGTH,
  MAX_AGENT_PODS,
} from '../../../engine';
import { parseQueues, setAgentQueues } from '../../model/agent-form';
import { EnvVarRows, NodePlacementFields } from '../advanced/PodSpecFields';
import { FieldMessages, fieldId, issuesUnder, TextField } from '../fields';
import type { WizardForm } from '../useWizardForm';

/** Queue names, comma-separated, shown as labels once typed; each bad name says which it is. */
const QueuesField = ({ form, index }: { form: WizardForm; index: number }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const path = `agents.${index}.queues`;
  const current = form.get(path);
  const [text, setText] = useState(() => (Array.isArray(current) ? current.join(', ') : ''));
  const queues = parseQueues(text);
  const errors = issuesUnder(form, path).map((i) => {
    const item = /^\d+$/.exec(i.path.slice(path.length + 1));
    return item
      ? t('{{queue}}: {{message}}', { queue: queues[Number(item[0])] ?? '', message: i.message })
      : i.message;
  });
  const id = fieldId(path);
  return (
    <FormGroup label={t('Queues')} fieldId={id} isRequired>
      <TextInput
        id={id}
        data-test={id}
        value={text}
        placeholder="default"
        validated={errors.length ? 'error' : 'default'}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={`${id}-error`}
        onChange={(_e, next) => {
          setText(next);
          form.update((input) => setAgentQueues(input, index, parseQueues(next)));
        }}
      />
      <FieldMessages
        id={id}
        errors={errors}
        help={t('Comma-separated; the agent creates the queues that do not exist yet.')}
      />
      {queues.length > 0 && (
        <LabelGroup categoryName={t('Queues')} data-test={`${id}-labels`}>
          {queues.map((q) => (
            <Label key={q} isCompact>
              {q}
            </Label>
          ))}
        </LabelGroup>
      )}
    </FormGroup>
  );
};

interface AgentCardProps {
  form: WizardForm;
  index: number;
  onRemove: () => void;
}

/** One agent: its name and queues, how many task pods it runs, and what each task pod gets. */
export const AgentCard = ({ form, index, onRemove }: AgentCardProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [expanded, setExpanded] = useState(false);
  const base = `agents.${index}`;
  const pod = `${base}.taskPod`;
  const name = String(form.get(`${base}.name`) ?? '');
  const title = name || t('Agent {{n}}', { n: index + 1 });
  const placementErrors = ['nodeSelector', 'tolerations', 'env'].some(
    (f) => issuesUnder(form, `${pod}.${f}`).length > 0,
  );
  const resource = (kind: 'requests' | 'limits', what: 'cpu' | 'memory', label: string) => (
    <GridItem md={3} sm={6}>
      <TextField
        form={form}
        path={`${pod}.resources.${kind}.${what}`}
        label={label}
        placeholder={DEFAULT_TASK_RESOURCES[kind][what]}
      />
    </GridItem>
  );
  return (
    <Card isCompact data-test={`agent-${index}`}>
      <CardHeader
        actions={{
          hasNoOffset: true,
          actions: (
            <Button
              variant="plain"
              icon={<TrashIcon />}
              aria-label={t('Remove agent {{name}}', { name: title })}
              onClick={onRemove}
              data-test={`agent-${index}-remove`}
            />
          ),
        }}
      >
        <CardTitle component="h3">{title}</CardTitle>
      </CardHeader>
      <CardBody>
        <Grid hasGutter>
          <GridItem md={6}>
            <TextField
              form={form}
              path={`${base}.name`}
              label={t('Agent name')}
              isRequired
              helper={t('Lower-case letters, digits and -, up to {{max}} characters.', {
                max: MAX_AGENT_NAME_LENGTH,
              })}
            />
          </GridItem>
          <GridItem md={6}>
            <QueuesField form={form} index={index} />
          </GridItem>
          <GridItem md={6}>
            <TextField
              form={form}
              path={`${base}.maxPods`}
              label={t('Task pods at once')}
              placeholder="2"
              numeric
              helper={t('The most tasks the agent runs at the same time, 1 to {{max}}.', {
                max: MAX_AGENT_PODS,
              })}
            />
          </GridItem>
          <GridItem md={6}>
            <TextField
              form={form}
              path={`${pod}.gpus`}
              label={t('GPUs per task pod')}
              placeholder="0"
              numeric
              helper={t('nvidia.com/gpu of each task pod; 0 for CPU tasks.')}
            />
          </GridItem>
          <GridItem>
            <TextField
              form={form}
              path={`${pod}.image`}
              label={t('Task image')}
              placeholder={DEFAULT_TASK_IMAGE}
              helper={t(
                'For tasks that name no image. It must hold python3, pip and git: task pods run as a non-root user.',
              )}
            />
          </GridItem>
          {resource('requests', 'cpu', t('Task CPU request'))}
          {resource('limits', 'cpu', t('Task CPU limit'))}
          {resource('requests', 'memory', t('Task memory request'))}
          {resource('limits', 'memory', t('Task memory limit'))}
        </Grid>
        <ExpandableSection
          toggleText={t('Task pod placement and environment')}
          isExpanded={expanded || placementErrors}
          onToggle={(_e, open) => setExpanded(open)}
          data-test={`agent-${index}-advanced`}
        >
          <Checkbox
            id={fieldId(`${pod}.runAsRoot`)}
            data-test={fieldId(`${pod}.runAsRoot`)}
            isChecked={form.get(`${pod}.runAsRoot`) === true}
            onChange={(_e, on) => form.set(`${pod}.runAsRoot`, on ? true : undefined)}
            label={t('Run task pods as root')}
            description={t(
              'For images without python that install it at start; the task pods then need the anyuid SCC.',
            )}
          />
          <NodePlacementFields
            form={form}
            base={pod}
            tolerationsPlaceholder={
              '- key: nvidia.com/gpu\n  operator: Exists\n  effect: NoSchedule'
            }
          />
          <Content component="small">
            {t('Task variables are readable in the pod template ConfigMap: put no secret here.')}
          </Content>
          <EnvVarRows form={form} path={`${pod}.env`} label={t('Task environment variables')} />
        </ExpandableSection>
      </CardBody>
    </Card>
  );
};
