import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  Radio,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from '../../compat/console-api';
import { useComponentNames } from './component-names';
import {
  createValues,
  PRESET_NAMES,
  type PresetName,
  RESOURCE_COMPONENTS,
  type ResourceComponent,
  resolveResources,
  VALUES_PRESETS,
} from '../../engine';
import { numberOrText, setIn } from '../model/form-values';
import { formatBytes, formatCores, resourceTotals } from '../model/totals';
import { AdvancedSection } from './advanced/AdvancedSection';
import { FieldError, fieldId, TextField } from './fields';
import type { WizardForm } from './useWizardForm';

const REPLICA_PATH: Partial<Record<ResourceComponent, string>> = {
  apiserver: 'components.apiserver.replicas',
  fileserver: 'components.fileserver.replicas',
  webserver: 'components.webserver.replicas',
  elasticsearch: 'components.elasticsearch.replicas',
};

/** Chooses a preset: its compute size, replicas and volume sizes replace the current ones. */
export function applyPreset(form: WizardForm, preset: PresetName) {
  const v = createValues(VALUES_PRESETS[preset]);
  form.update((input) => {
    let next = setIn(input, 'resources.preset', preset);
    for (const c of ['apiserver', 'fileserver', 'webserver', 'elasticsearch'] as const)
      next = setIn(next, `components.${c}.replicas`, v.components[c].replicas);
    for (const s of ['fileserver', 'mongodb', 'redis', 'elasticsearch'] as const)
      next = setIn(next, `storage.${s}.size`, v.storage[s].size);
    return next;
  });
}

const Cell = ({
  form,
  path,
  label,
  placeholder,
}: {
  form: WizardForm;
  path: string;
  label: string;
  placeholder?: string;
}) => {
  const value = form.get(path);
  const error = form.errors[path];
  return (
    <>
      <TextInput
        id={fieldId(path)}
        data-test={fieldId(path)}
        aria-label={label}
        value={value === undefined ? '' : String(value)}
        placeholder={placeholder}
        validated={error ? 'error' : 'default'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId(path)}-error` : undefined}
        onChange={(_e, text) =>
          form.set(path, path.endsWith('replicas') ? numberOrText(text) : text)
        }
      />
      <FieldError form={form} path={path} />
    </>
  );
};

export const SizeStep = ({ form }: { form: WizardForm }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const preset = (form.get('resources.preset') as PresetName | undefined) ?? 'default';
  const v = form.lastValid;
  const names = useComponentNames();
  const presetText: Record<PresetName, { label: string; description: string }> = {
    small: {
      label: t('Small'),
      description: t('For a trial: low requests, 10Gi volumes.'),
    },
    default: {
      label: t('Default'),
      description: t('The upstream chart sizes: one replica each, 50Gi volumes.'),
    },
    production: {
      label: t('Production'),
      description: t('Two API and web replicas, larger limits and volumes.'),
    },
  };
  const totals = v ? resourceTotals(v) : undefined;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <FormGroup role="radiogroup" label={t('Size preset')} fieldId="size-preset" isStack>
        {PRESET_NAMES.map((p) => (
          <Radio
            key={p}
            id={`preset-${p}`}
            data-test={`preset-${p}`}
            name="size-preset"
            isChecked={preset === p}
            onChange={() => applyPreset(form, p)}
            label={presetText[p].label}
            description={presetText[p].description}
          />
        ))}
      </FormGroup>
      <Title headingLevel="h3">{t('Per component')}</Title>
      <Table aria-label={t('Compute per component')} variant="compact" data-test="size-table">
        <Thead>
          <Tr>
            <Th>{t('Component')}</Th>
            <Th>{t('Replicas')}</Th>
            <Th>{t('CPU request')}</Th>
            <Th>{t('CPU limit')}</Th>
            <Th>{t('Memory request')}</Th>
            <Th>{t('Memory limit')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {RESOURCE_COMPONENTS.map((c) => {
            const r = v
              ? resolveResources({ ...v, resources: { preset: v.resources.preset } }, c)
              : undefined;
            const base = `resources.${c}`;
            const replicas = REPLICA_PATH[c];
            return (
              <Tr key={c}>
                <Td dataLabel={t('Component')}>{names[c]}</Td>
                <Td dataLabel={t('Replicas')}>
                  {replicas ? (
                    <Cell
                      form={form}
                      path={replicas}
                      label={t('{{component}} replicas', { component: names[c] })}
                      placeholder="1"
                    />
                  ) : (
                    '1'
                  )}
                </Td>
                <Td dataLabel={t('CPU request')}>
                  <Cell
                    form={form}
                    path={`${base}.requests.cpu`}
                    label={t('{{component}} CPU request', { component: names[c] })}
                    placeholder={r?.requests.cpu}
                  />
                </Td>
                <Td dataLabel={t('CPU limit')}>
                  <Cell
                    form={form}
                    path={`${base}.limits.cpu`}
                    label={t('{{component}} CPU limit', { component: names[c] })}
                    placeholder={r?.limits.cpu}
                  />
                </Td>
                <Td dataLabel={t('Memory request')}>
                  <Cell
                    form={form}
                    path={`${base}.requests.memory`}
                    label={t('{{component}} memory request', { component: names[c] })}
                    placeholder={r?.requests.memory}
                  />
                </Td>
                <Td dataLabel={t('Memory limit')}>
                  <Cell
                    form={form}
                    path={`${base}.limits.memory`}
                    label={t('{{component}} memory limit', { component: names[c] })}
                    placeholder={r?.limits.memory}
                  />
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      <TextField
        form={form}
        path="components.elasticsearch.heap"
        label={t('Elasticsearch heap')}
        placeholder={t('half the memory limit')}
        helper={t('A JVM size such as 2g; at most half of the Elasticsearch memory limit.')}
      />
      {totals && (
        <DescriptionList isHorizontal isCompact data-test="size-totals" aria-label={t('Totals')}>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Total CPU (requests / limits)')}</DescriptionListTerm>
            <DescriptionListDescription>
              {t('{{requests}} / {{limits}} cores', {
                requests: formatCores(totals.requests.cpu),
                limits: formatCores(totals.limits.cpu),
              })}
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Total memory (requests / limits)')}</DescriptionListTerm>
            <DescriptionListDescription>
              {t('{{requests}} / {{limits}}', {
                requests: formatBytes(totals.requests.memory),
                limits: formatBytes(totals.limits.memory),
              })}
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      )}
      <AdvancedSection form={form} />
    </Form>
  );
};
