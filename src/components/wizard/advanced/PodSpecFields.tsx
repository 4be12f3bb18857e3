import { useTranslation } from '../../../compat/console-api';
import type { WizardForm } from '../useWizardForm';
import { KeyValueRows } from './KeyValueRows';
import { StructuredTextField } from './StructuredTextField';

/** Environment variables of a pod, as `[{name, value}]` rows at `path`. */
export const EnvVarRows = ({
  form,
  path,
  label,
}: {
  form: WizardForm;
  path: string;
  label: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <KeyValueRows
      form={form}
      path={path}
      shape="list"
      label={label}
      keyLabel={t('Variable name')}
      valueLabel={t('Variable value')}
      addLabel={t('Add variable')}
    />
  );
};

/** Where a pod may run: `${base}.nodeSelector` as rows and `${base}.tolerations` as YAML or JSON. */
export const NodePlacementFields = ({
  form,
  base,
  tolerationsPlaceholder,
}: {
  form: WizardForm;
  base: string;
  tolerationsPlaceholder: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <>
      <KeyValueRows
        form={form}
        path={`${base}.nodeSelector`}
        shape="map"
        label={t('Node selector')}
        keyLabel={t('Node label')}
        valueLabel={t('Label value')}
        addLabel={t('Add node label')}
      />
      <StructuredTextField
        form={form}
        path={`${base}.tolerations`}
        label={t('Tolerations')}
        help={t('A list of {key, operator, value, effect}, as in a pod spec; YAML or JSON.')}
        placeholder={tolerationsPlaceholder}
        syntaxError={(reason) => t('Tolerations must be YAML or JSON: {{reason}}', { reason })}
      />
    </>
  );
};
