import { Flex, FlexItem, Icon, Stack, StackItem } from '@patternfly/react-core';
import {
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InfoCircleIcon,
} from '@patternfly/react-icons';
import { useTranslation } from '../../compat/console-api';
import type { Finding, Severity } from '../../engine/preflight/findings';
import { useTranslateMessage } from '../i18n/translate-message';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Each severity its own icon and status colour: blocking (danger), warning, information. */
const SeverityIcon = ({ severity }: { severity: Severity }) =>
  severity === 'error' ? (
    <Icon status="danger">
      <ExclamationCircleIcon />
    </Icon>
  ) : severity === 'warning' ? (
    <Icon status="warning">
      <ExclamationTriangleIcon />
    </Icon>
  ) : (
    <Icon status="info">
      <InfoCircleIcon />
    </Icon>
  );

/** Preflight findings, blocking ones first, each with an icon and a word for its severity. */
export const FindingsList = ({ findings }: { findings: Finding[] }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const word: Record<Severity, string> = {
    error: t('Blocking'),
    warning: t('Warning'),
    info: t('Info'),
  };
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <Stack hasGutter data-test="preflight-findings">
      {sorted.map((f) => (
        <StackItem key={f.id} data-test={`finding-${f.severity}`} data-severity={f.severity}>
          <Flex flexWrap={{ default: 'nowrap' }} spaceItems={{ default: 'spaceItemsSm' }}>
            <FlexItem>
              <SeverityIcon severity={f.severity} />
            </FlexItem>
            <FlexItem>
              <strong data-test="finding-severity">{word[f.severity]}:</strong> {say(f.i18n)}
            </FlexItem>
          </Flex>
        </StackItem>
      ))}
    </Stack>
  );
};
