import { CodeEditor } from '@openshift-console/dynamic-plugin-sdk';
import { Alert, Content, List, ListItem, Spinner, Stack, StackItem } from '@patternfly/react-core';
import { Suspense } from 'react';
import { useTranslation } from '../../compat/console-api';
import { useTranslateMessage } from '../i18n/translate-message';
import type { YamlProblem } from '../model/values-yaml';

interface ValuesYamlStepProps {
  text: string;
  problems: YamlProblem[];
  onChange: (text: string) => void;
}

/**
 * The instance's values as YAML in the console's code editor (the SDK's `CodeEditor`, which 4.22
 * recommends over the deprecated `YAMLEditor`; lazy, so inside Suspense), checked on every change.
 */
export const ValuesYamlStep = ({ text, problems, onChange }: ValuesYamlStepProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  return (
    <Stack hasGutter>
      <StackItem>
        <Content component="p">
          {t(
            'The values of this instance. Secrets are not shown; set them in the Credentials step of the form view.',
          )}
        </Content>
      </StackItem>
      <StackItem data-test="values-yaml-editor">
        <Suspense fallback={<Spinner size="lg" aria-label={t('Loading the editor')} />}>
          <CodeEditor
            value={text}
            language="yaml"
            minHeight="400px"
            isLineNumbersVisible
            onChange={(value: string) => onChange(value)}
          />
        </Suspense>
      </StackItem>
      {problems.length > 0 && (
        <StackItem>
          <Alert
            isInline
            variant="danger"
            title={t('Fix the YAML to go on:')}
            data-test="values-yaml-problems"
          >
            <List>
              {problems.map((p, i) => (
                <ListItem key={`${p.path}-${i}`} data-test="values-yaml-problem">
                  {p.line !== undefined && `${t('Line {{line}}', { line: p.line })}: `}
                  {p.path && `${p.path}: `}
                  {p.secret
                    ? t(
                        'secrets are not edited as YAML; set them in the Credentials step of the form',
                      )
                    : p.i18n
                      ? say(p.i18n)
                      : p.message}
                </ListItem>
              ))}
            </List>
          </Alert>
        </StackItem>
      )}
    </Stack>
  );
};
