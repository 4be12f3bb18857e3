import { Card, CardBody, CardTitle, Content } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import { CodeSnippet } from '../CodeSnippet';

/** The take-over command for a release: printed here, run with the command-line tool. */
export const takeOverCommand = (release: string, namespace: string) =>
  `clearml-openshift adopt --release ${release} --namespace ${namespace} --dry-run`;

export const TakeOver = ({ release, namespace }: { release: string; namespace: string }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <Card data-test="take-over">
      <CardTitle component="h3">{t('Take over')}</CardTitle>
      <CardBody>
        <Content component="p">
          {t(
            'Taking over keeps the release’s volumes and credentials, scales the chart’s workloads to zero, then deploys a managed instance on the same volumes; it can be rolled back until its last step, which removes the chart’s objects.',
          )}
        </Content>
        <Content component="p">
          {t(
            'Run it with the command-line tool. With --dry-run it prints the plan and writes nothing; run it again without --dry-run to take over.',
          )}
        </Content>
        <CodeSnippet
          text={takeOverCommand(release, namespace)}
          dataTest="take-over-command"
          label={t('Take-over command')}
        />
      </CardBody>
    </Card>
  );
};
