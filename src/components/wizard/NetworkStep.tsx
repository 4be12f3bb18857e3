import {
  Content,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Switch,
} from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import { fieldId, TextField } from './fields';
import type { WizardForm } from './useWizardForm';

export const NetworkStep = ({ form }: { form: WizardForm }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const routes = form.get('exposure.routes') !== false;
  const name = String(form.get('name') ?? 'clearml');
  const ns = String(form.get('namespace') ?? '');
  const webUi = form.get('components.webserver.enabled') !== false;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <Switch
        id={fieldId('exposure.routes')}
        data-test={fieldId('exposure.routes')}
        label={t('Create Routes for the web UI, API and file server')}
        isChecked={routes}
        onChange={(_e, on) => form.set('exposure.routes', on ? undefined : false)}
      />
      {routes ? (
        <>
          <Content component="p">
            {t(
              'Routes use edge TLS with the router certificate. Leave a host empty to let OpenShift generate one, such as {{example}}.',
              { example: `${name}-app-${ns}.<apps domain>` },
            )}
          </Content>
          <TextField
            form={form}
            path="exposure.hosts.app"
            label={t('Web UI host')}
            placeholder={t('generated')}
          />
          <TextField
            form={form}
            path="exposure.hosts.api"
            label={t('API host')}
            placeholder={t('generated')}
          />
          {webUi ? (
            <Content component="p" data-test="files-on-app-host">
              {t(
                'Files are served from the web UI host under /files, so the browser sends its login cookie with downloads.',
              )}
            </Content>
          ) : (
            <TextField
              form={form}
              path="exposure.hosts.files"
              label={t('Files host')}
              placeholder={t('generated')}
            />
          )}
          <FormGroup
            label={t('Plain HTTP requests')}
            fieldId={fieldId('exposure.insecureEdgeTerminationPolicy')}
          >
            <FormSelect
              id={fieldId('exposure.insecureEdgeTerminationPolicy')}
              data-test={fieldId('exposure.insecureEdgeTerminationPolicy')}
              value={String(form.get('exposure.insecureEdgeTerminationPolicy') ?? 'Redirect')}
              onChange={(_e, v) => form.set('exposure.insecureEdgeTerminationPolicy', v)}
            >
              <FormSelectOption value="Redirect" label={t('Redirect to HTTPS (recommended)')} />
              <FormSelectOption value="None" label={t('Refuse')} />
              <FormSelectOption value="Allow" label={t('Allow')} />
            </FormSelect>
          </FormGroup>
          <TextField
            form={form}
            path="exposure.filesTimeout"
            label={t('File upload timeout')}
            placeholder="600s"
          />
          <TextField
            form={form}
            path="exposure.apiTimeout"
            label={t('API request timeout')}
            placeholder={t('router default')}
          />
        </>
      ) : (
        <Content component="p" data-test="routes-off">
          {t(
            'Without Routes, ClearML is reachable only inside the cluster; expose its services another way.',
          )}
        </Content>
      )}
    </Form>
  );
};
