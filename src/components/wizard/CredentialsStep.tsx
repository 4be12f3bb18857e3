import { Alert, Form, FormGroup, Radio, Switch, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import { fieldId, TextField } from './fields';
import type { WizardForm } from './useWizardForm';

export const CredentialsStep = ({ form, isUpgrade }: { form: WizardForm; isUpgrade: boolean }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [provide, setProvide] = useState(form.get('credentials.tests') !== undefined);
  const login = form.get('login.enabled') !== false;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      {isUpgrade && (
        <Alert
          isInline
          variant="info"
          title={t('An upgrade keeps the existing credentials unless you provide new ones.')}
        />
      )}
      <FormGroup
        role="radiogroup"
        label={t('API credentials')}
        fieldId="credentials-source"
        isStack
      >
        <Radio
          id="credentials-generated"
          data-test="credentials-generated"
          name="credentials-source"
          isChecked={!provide}
          onChange={() => {
            setProvide(false);
            form.set('credentials', undefined);
          }}
          label={t('Generate random keys (recommended)')}
          description={t(
            'Stored in the instance credentials Secret; shown once ClearML is ready, when you ask for them.',
          )}
        />
        <Radio
          id="credentials-provided"
          data-test="credentials-provided"
          name="credentials-source"
          isChecked={provide}
          onChange={() => setProvide(true)}
          label={t('Provide keys')}
        />
      </FormGroup>
      {provide && (
        <>
          <TextField
            form={form}
            path="credentials.tests.accessKey"
            label={t('Client access key')}
          />
          <TextField
            form={form}
            path="credentials.tests.secretKey"
            label={t('Client secret key')}
            type="password"
          />
          <TextField
            form={form}
            path="credentials.apiserver.accessKey"
            label={t('API server access key')}
          />
          <TextField
            form={form}
            path="credentials.apiserver.secretKey"
            label={t('API server secret key')}
            type="password"
          />
          <TextField
            form={form}
            path="credentials.agentServices.accessKey"
            label={t('Services agent access key')}
            helper={t('Optional: generated when empty, and kept across upgrades.')}
          />
          <TextField
            form={form}
            path="credentials.agentServices.secretKey"
            label={t('Services agent secret key')}
            type="password"
          />
        </>
      )}
      <Title headingLevel="h3">{t('Initial web user')}</Title>
      <Switch
        id={fieldId('login.enabled')}
        data-test={fieldId('login.enabled')}
        label={t('Create a web login')}
        isChecked={login}
        onChange={(_e, on) => form.set('login.enabled', on ? undefined : false)}
      />
      {login && (
        <>
          <TextField form={form} path="login.username" label={t('Username')} placeholder="admin" />
          <TextField
            form={form}
            path="login.displayName"
            label={t('Display name')}
            placeholder="ClearML Admin"
          />
          <TextField
            form={form}
            path="login.password"
            label={t('Password')}
            type="password"
            helper={t('Leave empty to generate one; it is shown once ClearML is ready.')}
          />
        </>
      )}
    </Form>
  );
};
