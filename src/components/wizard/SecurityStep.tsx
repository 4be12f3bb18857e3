import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  Radio,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from '../../compat/console-api';
import { useTranslateMessage } from '../i18n/translate-message';
import type { PlanCheck } from '../../hooks/usePlanCheck';
import { FindingsList } from './FindingsList';
import { HandoffPanel } from './HandoffPanel';
import type { WizardForm } from './useWizardForm';

interface SecurityStepProps {
  form: WizardForm;
  check: PlanCheck;
  waitForAdmin: boolean;
  onWaitForAdmin: (wait: boolean) => void;
}

export const SecurityStep = ({ form, check, waitForAdmin, onWaitForAdmin }: SecurityStepProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const mode = String(form.get('security.mode') ?? 'least-privilege');
  return (
    <Stack hasGutter>
      <StackItem>
        <Form onSubmit={(e) => e.preventDefault()}>
          <FormGroup role="radiogroup" label={t('Security mode')} fieldId="security-mode" isStack>
            <Radio
              id="mode-least-privilege"
              data-test="mode-least-privilege"
              name="security-mode"
              isChecked={mode === 'least-privilege'}
              onChange={() => form.set('security.mode', undefined)}
              label={t('Least privilege (recommended)')}
              description={t(
                'Every pod runs under the most restricted SCC it can; privileged is never granted.',
              )}
            />
            <Radio
              id="mode-chart-compatible"
              data-test="mode-chart-compatible"
              name="security-mode"
              isChecked={mode === 'chart-compatible'}
              onChange={() => form.set('security.mode', 'chart-compatible')}
              label={t('Chart compatible')}
              description={t(
                'Runs the upstream chart images unchanged, granting anyuid and privileged where they need it.',
              )}
            />
          </FormGroup>
        </Form>
      </StackItem>
      {!form.values && (
        <StackItem>
          <Alert
            isInline
            variant="warning"
            title={t('Correct the invalid fields in the earlier steps to see the security plan.')}
          />
        </StackItem>
      )}
      {check.loading && (
        <StackItem>
          <Spinner size="md" aria-label={t('Checking the plan')} /> {t('Checking the plan…')}
        </StackItem>
      )}
      {check.error && (
        <StackItem>
          <Alert isInline variant="danger" title={check.error} data-test="plan-error">
            <Button variant="link" isInline onClick={check.refresh}>
              {t('Retry')}
            </Button>
          </Alert>
        </StackItem>
      )}
      {check.plan && (
        <StackItem>
          <Title headingLevel="h3">{t('Security context constraints')}</Title>
          <Table aria-label={t('Security plan')} variant="compact" data-test="scc-plan">
            <Thead>
              <Tr>
                <Th>{t('Service account')}</Th>
                <Th>{t('SCC')}</Th>
                <Th>{t('Why')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {check.plan.map((p) => (
                <Tr key={p.serviceAccount} data-test={`scc-plan-${p.serviceAccount}`}>
                  <Td dataLabel={t('Service account')}>{p.serviceAccount}</Td>
                  <Td dataLabel={t('SCC')}>{p.scc ?? t('none fits')}</Td>
                  <Td dataLabel={t('Why')}>{say(p.i18n)}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </StackItem>
      )}
      {check.report && (
        <StackItem>
          <Title headingLevel="h3">{t('Preflight')}</Title>
          <FindingsList findings={check.report.findings} />
        </StackItem>
      )}
      {check.report?.handoff && (
        <>
          <StackItem>
            <HandoffPanel handoff={check.report.handoff} />
          </StackItem>
          <StackItem>
            <Checkbox
              id="wait-for-admin"
              data-test="wait-for-admin"
              isChecked={waitForAdmin}
              onChange={(_e, v) => onWaitForAdmin(v)}
              label={t('Wait for the administrator: deploy continues once the grants exist')}
              description={t(
                'Otherwise the deploy stops after the dry run and you deploy again once the grants are applied.',
              )}
            />
          </StackItem>
        </>
      )}
    </Stack>
  );
};
