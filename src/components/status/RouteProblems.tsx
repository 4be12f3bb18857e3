import { Alert, Content } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import type { RouteProblem } from '../../engine/status/types';
import { useTranslateMessage } from '../i18n/translate-message';

/** The instance's Routes a router does not serve, each with the router's reason in words. */
export const RouteProblems = ({ problems }: { problems: RouteProblem[] }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  if (!problems.length) return null;
  return (
    <Alert
      isInline
      variant="warning"
      data-test="route-problems"
      title={t('Not every address of this instance answers yet')}
    >
      {problems.map((p) => (
        <Content component="p" key={p.route} data-test="route-problem">
          {say(p.i18n)}
        </Content>
      ))}
    </Alert>
  );
};
