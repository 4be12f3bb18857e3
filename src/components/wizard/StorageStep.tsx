import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { Content, Form, FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import { GVK } from '../../hooks/watch-specs';
import { formatBytes, storageTotal } from '../model/totals';
import { FieldError, fieldId, TextField } from './fields';
import type { WizardForm } from './useWizardForm';

interface StorageClass {
  metadata: { name: string; annotations?: Record<string, string> };
  provisioner?: string;
  volumeBindingMode?: string;
}

const isDefault = (c: StorageClass) =>
  c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
  c.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';

export const StorageStep = ({ form }: { form: WizardForm }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [classes] = useK8sWatchResource<StorageClass[]>({
    groupVersionKind: GVK.storageClass,
    isList: true,
  });
  const list = classes ?? [];
  const fallback = list.find(isDefault);
  const chosen = String(form.get('storage.storageClass') ?? '');
  const v = form.lastValid;
  const esReplicas = v?.components.elasticsearch.replicas ?? 1;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <FormGroup label={t('StorageClass')} fieldId={fieldId('storage.storageClass')}>
        <FormSelect
          id={fieldId('storage.storageClass')}
          data-test={fieldId('storage.storageClass')}
          value={chosen}
          onChange={(_e, value) => form.set('storage.storageClass', value)}
          validated={form.errors['storage.storageClass'] ? 'error' : 'default'}
        >
          <FormSelectOption
            value=""
            label={
              fallback
                ? t('Cluster default ({{name}})', { name: fallback.metadata.name })
                : t('Cluster default (none set)')
            }
          />
          {list.map((c) => (
            <FormSelectOption
              key={c.metadata.name}
              value={c.metadata.name}
              label={
                isDefault(c) ? t('{{name}} (default)', { name: c.metadata.name }) : c.metadata.name
              }
            />
          ))}
        </FormSelect>
        <FieldError form={form} path="storage.storageClass" />
      </FormGroup>
      <TextField
        form={form}
        path="storage.fileserver.size"
        label={t('File server volume')}
        placeholder="50Gi"
      />
      <FormGroup
        label={t('File server access mode')}
        fieldId={fieldId('storage.fileserver.accessMode')}
      >
        <FormSelect
          id={fieldId('storage.fileserver.accessMode')}
          data-test={fieldId('storage.fileserver.accessMode')}
          value={String(form.get('storage.fileserver.accessMode') ?? 'ReadWriteOnce')}
          onChange={(_e, value) => form.set('storage.fileserver.accessMode', value)}
        >
          <FormSelectOption value="ReadWriteOnce" label={t('ReadWriteOnce (one node)')} />
          <FormSelectOption
            value="ReadWriteMany"
            label={t('ReadWriteMany (needed for several file server replicas)')}
          />
        </FormSelect>
      </FormGroup>
      <TextField
        form={form}
        path="storage.mongodb.size"
        label={t('MongoDB volume')}
        placeholder="50Gi"
      />
      <TextField
        form={form}
        path="storage.redis.size"
        label={t('Redis volume')}
        placeholder="5Gi"
      />
      <TextField
        form={form}
        path="storage.elasticsearch.size"
        label={t('Elasticsearch volume (per replica)')}
        placeholder="50Gi"
        helper={t('{{count}} replicas, one volume each.', { count: esReplicas })}
      />
      {v && (
        <Content component="p" data-test="storage-total">
          {t('Total storage requested: {{total}}', { total: formatBytes(storageTotal(v)) })}
        </Content>
      )}
    </Form>
  );
};
