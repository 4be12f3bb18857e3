import {
  Content,
  ExpandableSection,
  FormGroup,
  FormSelect,
  FormSelectOption,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from '../../../compat/console-api';
import { useComponentNames } from '../component-names';
import { RESOURCE_COMPONENTS, type ResourceComponent } from '../../../engine';
import type { WizardForm } from '../useWizardForm';
import { EnvVarRows, NodePlacementFields } from './PodSpecFields';
import { StructuredTextField } from './StructuredTextField';

/**
 * Per-component extras the chart offers: extra environment variables, node selector,
 * tolerations and affinity; for the API server its extra config files, for the web UI its
 * configuration.json. Structured ones are YAML or JSON text, checked by the engine's rules.
 */
export const AdvancedSection = ({ form }: { form: WizardForm }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [expanded, setExpanded] = useState(false);
  const [component, setComponent] = useState<ResourceComponent>('apiserver');
  const names = useComponentNames();
  const base = `components.${component}`;
  const hasErrors = form.issues.some((i) =>
    /^components\.[A-Za-z]+\.(extraEnv|nodeSelector|tolerations|affinity|extraConfig|configuration)(\.|$)/.test(
      i.path,
    ),
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
        <EnvVarRows
          form={form}
          path={`${base}.extraEnv`}
          label={t('Extra environment variables')}
        />
        <NodePlacementFields
          form={form}
          base={base}
          tolerationsPlaceholder={
            '- key: node-role.kubernetes.io/infra\n  operator: Exists\n  effect: NoSchedule'
          }
        />
        <StructuredTextField
          form={form}
          path={`${base}.affinity`}
          label={t('Affinity')}
          help={t('nodeAffinity, podAffinity and podAntiAffinity, as in a pod spec; YAML or JSON.')}
          placeholder={
            'nodeAffinity:\n  requiredDuringSchedulingIgnoredDuringExecution:\n    nodeSelectorTerms: …'
          }
          syntaxError={(reason) => t('Affinity must be YAML or JSON: {{reason}}', { reason })}
        />
        {component === 'apiserver' && (
          <StructuredTextField
            form={form}
            path={`${base}.extraConfig`}
            label={t('Extra server configuration files')}
            help={t(
              'File names ending in .conf, each with its HOCON text, mounted in /opt/clearml/config. Settings the plugin makes win over these files.',
            )}
            placeholder={'services.conf: |\n  tasks.non_responsive_tasks_watchdog.enabled: false'}
            syntaxError={(reason) =>
              t('Configuration files must be YAML or JSON: {{reason}}', { reason })
            }
          />
        )}
        {component === 'webserver' && (
          <StructuredTextField
            form={form}
            path={`${base}.configuration`}
            label={t('Web UI configuration.json')}
            help={t(
              'A JSON object merged into the web UI configuration; the server URLs are the plugin’s.',
            )}
            placeholder={'{ "onlyPasswordLogin": true }'}
            syntaxError={(reason) =>
              t('The web UI configuration must be YAML or JSON: {{reason}}', { reason })
            }
          />
        )}
      </div>
    </ExpandableSection>
  );
};
