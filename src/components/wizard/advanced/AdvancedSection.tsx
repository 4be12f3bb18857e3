import {
  Content,
  ExpandableSection,
  FormGroup,
  FormSelect,
  FormSelectOption,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_COMPONENTS, type ResourceComponent } from '../../../engine';
import type { WizardForm } from '../useWizardForm';
import { KeyValueRows } from './KeyValueRows';
import { TolerationsField } from './TolerationsField';

/**
 * Per-component extras the chart offers: extra environment variables, node selector and
 * tolerations. Affinity, the API server's config files and the web UI's configuration.json are
 * taken from a values file (CLI) only.
 */
export const AdvancedSection = ({ form }: { form: WizardForm }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [expanded, setExpanded] = useState(false);
  const [component, setComponent] = useState<ResourceComponent>('apiserver');
  const names: Record<ResourceComponent, string> = {
    apiserver: t('API server'),
    asyncDelete: t('Async delete'),
    fileserver: t('File server'),
    webserver: t('Web UI'),
    mongodb: t('MongoDB'),
    redis: t('Redis'),
    elasticsearch: t('Elasticsearch'),
  };
  const base = `components.${component}`;
  const hasErrors = form.issues.some((i) =>
    /^components\.[A-Za-z]+\.(extraEnv|nodeSelector|tolerations|affinity)(\.|$)/.test(i.path),
  );
  return (
    <ExpandableSection
      toggleText={t('Advanced: environment and scheduling')}
      isExpanded={expanded || hasErrors}
      onToggle={(_e, open) => setExpanded(open)}
      data-test="advanced-section"
    >
      <Content component="p">
        {t(
          'Extra environment variables and node placement per component. Variables the plugin sets itself are refused. Values of CLEARML__ variables are passed to the server as quoted text.',
        )}
      </Content>
      <FormGroup label={t('Component')} fieldId="advanced-component">
        <FormSelect
          id="advanced-component"
          data-test="advanced-component"
          value={component}
          onChange={(_e, value) => setComponent(value as ResourceComponent)}
        >
          {RESOURCE_COMPONENTS.map((c) => (
            <FormSelectOption key={c} value={c} label={names[c]} />
          ))}
        </FormSelect>
      </FormGroup>
      {/* Keyed by component: each keeps its own rows. */}
      <div key={component}>
        <KeyValueRows
          form={form}
          path={`${base}.extraEnv`}
          shape="list"
          label={t('Extra environment variables')}
          keyLabel={t('Variable name')}
          valueLabel={t('Variable value')}
          addLabel={t('Add variable')}
        />
        <KeyValueRows
          form={form}
          path={`${base}.nodeSelector`}
          shape="map"
          label={t('Node selector')}
          keyLabel={t('Node label')}
          valueLabel={t('Label value')}
          addLabel={t('Add node label')}
        />
        <TolerationsField form={form} path={`${base}.tolerations`} />
      </div>
    </ExpandableSection>
  );
};
