import {
  Alert,
  Button,
  CodeBlock,
  CodeBlockCode,
  Content,
  ExpandableSection,
  Flex,
  FlexItem,
  Label,
  List,
  ListItem,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { DownloadIcon } from '@patternfly/react-icons';
import { useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import { toYaml } from '../../engine';
import type { DryRun, DryRunRow } from '../../hooks/useDryRun';
import type { PlanCheck } from '../../hooks/usePlanCheck';
import { lineDiff } from '../model/compare';
import { downloadText } from '../model/download';
import { FindingsList } from './FindingsList';
import { HandoffPanel } from './HandoffPanel';
import { ReviewSummary } from './ReviewSummary';
import type { WizardForm } from './useWizardForm';

const RowStatus = ({ row }: { row: DryRunRow }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  switch (row.state) {
    case 'pending':
      return <Label isCompact>{t('Checking')}</Label>;
    case 'admin':
      return (
        <Label isCompact color="orange">
          {t('Left to an administrator')}
        </Label>
      );
    case 'failed':
      return (
        <Label isCompact color="red">
          {t('Rejected')}
        </Label>
      );
    default:
      return (
        <Label isCompact color={row.change === 'unchanged' ? 'grey' : 'green'}>
          {row.change === 'new'
            ? t('Will be created')
            : row.change === 'changed'
              ? t('Will be updated')
              : t('No change')}
        </Label>
      );
  }
};

const ObjectRow = ({ row, live }: { row: DryRunRow; live?: PlanCheck['live'] }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const yaml = toYaml([row.object]);
  const before = live?.get(row.key);
  const diff =
    row.change === 'changed' && before && row.result && row.object.kind !== 'Secret'
      ? lineDiff(toYaml([before]), toYaml([row.result]))
          .filter((l) => !l.startsWith('  '))
          .join('\n')
      : undefined;
  return (
    <StackItem data-test={`review-object-${row.object.kind}-${row.object.metadata.name}`}>
      <ExpandableSection
        toggleContent={
          <Flex spaceItems={{ default: 'spaceItemsSm' }}>
            <FlexItem>
              {row.object.kind} {row.object.metadata.name}
            </FlexItem>
            <FlexItem>
              <RowStatus row={row} />
            </FlexItem>
          </Flex>
        }
      >
        <CodeBlock>
          <CodeBlockCode>{yaml}</CodeBlockCode>
        </CodeBlock>
        {diff && (
          <>
            <Content component="p">{t('Changes against the live object:')}</Content>
            <CodeBlock>
              <CodeBlockCode data-test="review-diff">{diff}</CodeBlockCode>
            </CodeBlock>
          </>
        )}
      </ExpandableSection>
      {row.message && (
        <Alert
          isInline
          isPlain
          variant={row.state === 'admin' ? 'warning' : 'danger'}
          title={row.message}
          data-test="dry-run-error"
        />
      )}
    </StackItem>
  );
};

interface ReviewStepProps {
  form: WizardForm;
  check: PlanCheck;
  dryRun: DryRun;
  /** Why Deploy is disabled, when it is: shown first, with the summary. */
  blocked?: string;
}

/**
 * Summary first (what, where, the verdicts and why Deploy is disabled), so the Deploy button and
 * its reason are in view at 1280×800; preflight and the hand-off next; the objects collapsed last,
 * opened by themselves when the server rejected one of them.
 */
export const ReviewStep = ({ form, check, dryRun, blocked }: ReviewStepProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [expanded, setExpanded] = useState<boolean>();
  const blockedAlert = blocked && (
    <Alert isInline variant="info" title={blocked} data-test="deploy-blocked" />
  );
  if (!form.values) {
    return (
      <Stack hasGutter>
        <StackItem>{blockedAlert}</StackItem>
        <StackItem>
          <Alert
            isInline
            variant="danger"
            title={t('Some values are invalid')}
            data-test="review-invalid"
          >
            <List>
              {form.issues.map((i) => (
                <ListItem key={i.path}>
                  {i.path}: {i.message}
                </ListItem>
              ))}
            </List>
          </Alert>
        </StackItem>
      </Stack>
    );
  }
  const failed = dryRun.rows.filter((r) => r.state === 'failed').length;
  const handoff = dryRun.handoff ?? check.report?.handoff;
  return (
    <Stack hasGutter>
      <StackItem>
        <ReviewSummary values={form.values} check={check} dryRun={dryRun} />
      </StackItem>
      {blockedAlert && <StackItem>{blockedAlert}</StackItem>}
      {check.loading && (
        <StackItem>
          <Spinner size="md" aria-label={t('Checking the plan')} /> {t('Checking the plan…')}
        </StackItem>
      )}
      {check.error && (
        <StackItem>
          <Alert isInline variant="danger" title={check.error} data-test="plan-error" />
        </StackItem>
      )}
      {handoff && (
        <StackItem>
          <HandoffPanel handoff={handoff} />
        </StackItem>
      )}
      {check.report && (
        <StackItem>
          <Title headingLevel="h3">{t('Preflight')}</Title>
          <FindingsList findings={check.report.findings} />
        </StackItem>
      )}
      {check.objects && (
        <StackItem>
          <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
            <FlexItem>
              <Title headingLevel="h3">{t('Objects')}</Title>
            </FlexItem>
            <FlexItem>
              <Button
                variant="secondary"
                onClick={dryRun.run}
                isDisabled={dryRun.running}
                data-test="dry-run-again"
              >
                {t('Dry run again')}
              </Button>{' '}
              <Button
                variant="secondary"
                icon={<DownloadIcon />}
                data-test="download-yaml"
                onClick={() =>
                  downloadText(
                    `${form.values?.name ?? 'clearml'}.yaml`,
                    toYaml(check.objects ?? []),
                    'application/yaml',
                  )
                }
              >
                {t('Download YAML')}
              </Button>
            </FlexItem>
          </Flex>
          <Content component="small">
            {t('Secret values are hidden here and in the download.')}
          </Content>
        </StackItem>
      )}
      {dryRun.rows.length > 0 && (
        <StackItem>
          <ExpandableSection
            data-test="review-objects"
            toggleText={t('Show the {{count}} objects and their dry-run result', {
              count: dryRun.rows.length,
            })}
            isExpanded={expanded ?? failed > 0}
            onToggle={(_e, open) => setExpanded(open)}
          >
            <Stack hasGutter>
              {dryRun.rows.map((row) => (
                <ObjectRow key={row.key} row={row} live={check.live} />
              ))}
            </Stack>
          </ExpandableSection>
        </StackItem>
      )}
    </Stack>
  );
};
