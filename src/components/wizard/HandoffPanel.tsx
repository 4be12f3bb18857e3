import {
  Alert,
  ClipboardCopy,
  ClipboardCopyVariant,
  Content,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import type { AdminHandoff } from '../../engine/deploy/grants';
import { CodeSnippet } from '../CodeSnippet';
import { useTranslateMessage } from '../i18n/translate-message';

/** What a cluster administrator applies: the SCC grants as YAML and as `oc` commands. */
export const HandoffPanel = ({
  handoff,
  afterGrant,
}: {
  handoff: AdminHandoff;
  /** What the user does once the grants exist; by default, that deploying waits for them. */
  afterGrant?: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  return (
    <Stack hasGutter data-test="handoff">
      <StackItem>
        <Title headingLevel="h3">{t('Hand-off for a cluster administrator')}</Title>
        <Content component="p">
          {t(
            'You may not grant these security context constraints yourself. Send this to a cluster administrator; each grant is a RoleBinding in project {{namespace}} only.',
            { namespace: handoff.namespace },
          )}
        </Content>
        <Content component="ul">
          {handoff.grants.map((g) => (
            <Content component="li" key={g.scc}>
              {t('{{scc}} for {{accounts}}', {
                scc: g.scc,
                accounts: g.serviceAccounts.join(', '),
              })}
              {g.i18n ? ` — ${say(g.i18n)}` : g.reason ? ` — ${g.reason}` : ''}
            </Content>
          ))}
        </Content>
      </StackItem>
      <StackItem>
        <CodeSnippet
          text={handoff.yaml}
          dataTest="handoff-yaml"
          copy={{ label: t('Copy YAML'), dataTest: 'handoff-copy-yaml' }}
          download={{
            file: 'clearml-scc-grants.yaml',
            label: t('Download YAML'),
            type: 'application/yaml',
            dataTest: 'handoff-download',
          }}
        />
      </StackItem>
      <StackItem>
        <Content component="p">{t('Save the YAML as clearml-scc-grants.yaml, then run:')}</Content>
        <ClipboardCopy
          isReadOnly
          hoverTip={t('Copy')}
          clickTip={t('Copied')}
          data-test="handoff-apply-command"
        >
          {handoff.applyCommand}
        </ClipboardCopy>
      </StackItem>
      <StackItem>
        <Content component="p">{t('Or grant with oc adm policy:')}</Content>
        <ClipboardCopy
          isReadOnly
          isCode
          variant={ClipboardCopyVariant.expansion}
          hoverTip={t('Copy')}
          clickTip={t('Copied')}
          data-test="handoff-policy-commands"
        >
          {handoff.policyCommands.join('\n')}
        </ClipboardCopy>
      </StackItem>
      <StackItem>
        <Alert
          isInline
          variant="info"
          title={
            afterGrant ??
            t('Deploying can wait for the grants and continue by itself once they exist.')
          }
        />
      </StackItem>
    </Stack>
  );
};
