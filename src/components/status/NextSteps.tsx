import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { EyeIcon } from '@patternfly/react-icons';
import { useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import { decodeBase64, type K8sSecret, objectName, SECRET_KEYS } from '../../engine';
import { explainErrorMessage } from '../../engine/cluster/errors';
import { useTranslateMessage } from '../i18n/translate-message';
import type { AgentStatus, InstanceStatus } from '../../engine/status/types';
import { GatedButton } from '../access/GatedButton';
import { useClusterClient } from '../ClusterClientContext';
import { CodeSnippet } from '../CodeSnippet';
import { clearmlConf, clearmlEnv } from '../model/client-config';
import { AgentTaskSnippets } from './AgentTaskSnippets';

const HIDDEN = '••••••••';

interface Revealed {
  accessKey: string;
  secretKey: string;
  password?: string;
}

interface NextStepsProps {
  namespace: string;
  instance: string;
  urls: InstanceStatus['urls'];
  username?: string;
  /** Why the user may not read the credentials Secret, when they may not. */
  credentialsDenied?: string;
  /** The instance's agents: each queue gets its commands to send a task there. */
  agents?: AgentStatus[];
}

/** What to do once ClearML is ready: log in, and point the SDK at it. */
export const NextSteps = ({
  namespace,
  instance,
  urls,
  username,
  credentialsDenied,
  agents = [],
}: NextStepsProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const client = useClusterClient();
  const [revealed, setRevealed] = useState<Revealed>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const secretName = objectName(instance, 'credentials');

  const reveal = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const secret = await client.get<K8sSecret>({
        apiVersion: 'v1',
        kind: 'Secret',
        name: secretName,
        namespace,
      });
      const read = (key: string) => decodeBase64(secret?.data?.[key] ?? '') ?? '';
      if (!secret) throw new Error(`Secret ${secretName} was not found`);
      setRevealed({
        accessKey: read(SECRET_KEYS.testUserKey),
        secretKey: read(SECRET_KEYS.testUserSecret),
        password: read(SECRET_KEYS.loginPassword) || undefined,
      });
    } catch (err) {
      setError(
        say(
          explainErrorMessage(
            err,
            t('read Secret {{secret}}', { secret: `${namespace}/${secretName}` }),
          ),
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const creds = revealed ?? { accessKey: HIDDEN, secretKey: HIDDEN };
  const conf = clearmlConf(urls, creds);
  const env = clearmlEnv(urls, creds);
  const snippet = (text: string, file: string, label: string, dataTest: string) => (
    <CodeSnippet
      text={text}
      label={label}
      dataTest={dataTest}
      download={{ file, label: t('Download {{file}}', { file }) }}
    />
  );

  return (
    <Card data-test="next-steps">
      <CardTitle component="h2">{t('Next steps')}</CardTitle>
      <CardBody>
        <Stack hasGutter>
          <StackItem>
            <Title headingLevel="h3">{t('Log in')}</Title>
            <DescriptionList isHorizontal isCompact>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('Web UI')}</DescriptionListTerm>
                <DescriptionListDescription>
                  {urls.app ? (
                    <a
                      href={urls.app}
                      target="_blank"
                      rel="noopener noreferrer"
                      data-test="login-url"
                    >
                      {urls.app}
                    </a>
                  ) : (
                    t('No Route')
                  )}
                </DescriptionListDescription>
              </DescriptionListGroup>
              {username && (
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('Username')}</DescriptionListTerm>
                  <DescriptionListDescription data-test="login-username">
                    {username}
                  </DescriptionListDescription>
                </DescriptionListGroup>
              )}
              <DescriptionListGroup>
                <DescriptionListTerm>{t('Password')}</DescriptionListTerm>
                <DescriptionListDescription data-test="login-password">
                  {revealed?.password ?? HIDDEN}
                </DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
            <Content component="small">
              {t(
                'After a reinstall, clear the browser cookies of the web UI host before logging in.',
              )}
            </Content>
          </StackItem>
          <StackItem>
            {!revealed && (
              <GatedButton
                variant="secondary"
                icon={<EyeIcon />}
                onClick={() => void reveal()}
                isLoading={busy}
                isDisabled={busy}
                data-test="show-credentials"
                denied={credentialsDenied}
              >
                {t('Show credentials')}
              </GatedButton>
            )}
            {revealed && (
              <Button
                variant="link"
                onClick={() => setRevealed(undefined)}
                data-test="hide-credentials"
              >
                {t('Hide credentials')}
              </Button>
            )}
            {error && (
              <Alert isInline variant="danger" title={error} data-test="credentials-error" />
            )}
          </StackItem>
          <StackItem>
            <Title headingLevel="h3">{t('clearml.conf')}</Title>
            <Content component="p">
              {t('Add this to {{file}}, or run clearml-init and paste it.', {
                file: '~/clearml.conf',
              })}
            </Content>
            {snippet(conf, 'clearml.conf', t('clearml.conf snippet'), 'config-snippet')}
          </StackItem>
          <StackItem>
            <Title headingLevel="h3">{t('Environment variables')}</Title>
            {snippet(env, 'clearml.env', t('Environment variables'), 'env-snippet')}
          </StackItem>
          {agents.length > 0 && (
            <StackItem>
              <AgentTaskSnippets agents={agents} />
            </StackItem>
          )}
        </Stack>
      </CardBody>
    </Card>
  );
};
