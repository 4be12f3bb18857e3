import {
  Alert,
  AlertActionLink,
  Button,
  Card,
  CardBody,
  CardTitle,
  Label,
  ProgressStep,
  ProgressStepper,
  Spinner,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from '../../compat/console-api';
import type { ObjectState, PhaseEvent } from '../../engine/deploy/apply';
import type { DeployRunState } from '../../hooks/useDeployRun';
import { useTranslateMessage } from '../i18n/translate-message';
import { HandoffPanel } from '../wizard/HandoffPanel';
import { progressCounts } from './progress-counts';

const PHASES: PhaseEvent['phase'][] = ['read', 'dry-run', 'apply', 'route-hosts', 'done'];

const STATE_COLOR: Record<ObjectState, 'grey' | 'blue' | 'green' | 'red' | 'orange'> = {
  pending: 'grey',
  checked: 'blue',
  created: 'green',
  configured: 'green',
  unchanged: 'grey',
  skipped: 'orange',
  failed: 'red',
};

interface DeployProgressProps {
  run: DeployRunState;
  onRetry: () => void;
  onCancel: () => void;
}

export const DeployProgress = ({ run, onRetry, onCancel }: DeployProgressProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const stateText: Record<ObjectState, string> = {
    pending: t('Pending'),
    checked: t('Checked'),
    created: t('Created'),
    configured: t('Updated'),
    unchanged: t('Unchanged'),
    skipped: t('Left to an administrator'),
    failed: t('Failed'),
  };
  const phaseText: Record<string, string> = {
    read: t('Read the cluster'),
    'dry-run': t('Dry run'),
    upgrade: t('Prepare the upgrade'),
    apply: t('Apply'),
    'route-hosts': t('Route hosts'),
    done: t('Done'),
  };
  const counts = progressCounts(run.objects);
  const phases: PhaseEvent['phase'][] = run.upgrade
    ? ['read', 'dry-run', 'upgrade', 'apply', 'route-hosts', 'done']
    : PHASES;
  const current = run.phase ? phases.indexOf(run.phase) : -1;
  const failed = !run.running && (run.error || (run.result && !run.result.ok));
  const variantOf = (i: number) =>
    i < current || run.phase === 'done'
      ? 'success'
      : i === current
        ? failed
          ? 'danger'
          : 'info'
        : 'pending';
  return (
    <Card data-test="deploy-progress">
      <CardTitle>{t('Deploying {{name}}', { name: run.request?.values.name ?? '' })}</CardTitle>
      <CardBody>
        <Stack hasGutter>
          <StackItem>
            <ProgressStepper aria-label={t('Deploy phases')}>
              {phases.map((p, i) => (
                <ProgressStep
                  key={p}
                  id={`phase-${p}`}
                  titleId={`phase-${p}-title`}
                  variant={variantOf(i)}
                  isCurrent={i === current}
                  data-test={`phase-${p}`}
                  aria-label={phaseText[p]}
                  description={
                    (run.phaseMessages[p] && say(run.phaseMessages[p])) ??
                    (p === 'route-hosts' && run.phase === 'done'
                      ? t('No object needed the Route hosts.')
                      : undefined)
                  }
                >
                  {phaseText[p]}
                </ProgressStep>
              ))}
            </ProgressStepper>
          </StackItem>
          {run.phaseMessage && (
            <StackItem data-test="deploy-phase-message">
              {run.running && <Spinner size="sm" aria-label={t('Working')} />}{' '}
              {say(run.phaseMessage)}
            </StackItem>
          )}
          {run.upgrade && (
            <StackItem>
              <Alert
                isInline
                variant="info"
                title={t('Upgrading from ClearML server {{from}} to {{to}}', {
                  from: run.upgrade.from ?? '',
                  to: run.upgrade.to,
                })}
                data-test="deploy-upgrade"
              >
                <ul>
                  {run.upgrade.notes.map((note) => (
                    <li key={note.text}>{say(note)}</li>
                  ))}
                </ul>
              </Alert>
            </StackItem>
          )}
          {run.waitingForGrants && (
            <StackItem>
              <Alert
                isInline
                variant="info"
                title={t(
                  'Waiting for a cluster administrator to apply the security grants; the deploy continues by itself.',
                )}
                data-test="waiting-for-admin"
                actionLinks={
                  <AlertActionLink onClick={onCancel}>{t('Stop waiting')}</AlertActionLink>
                }
              />
            </StackItem>
          )}
          {run.error && (
            <StackItem>
              <Alert
                isInline
                variant="danger"
                title={say(run.error)}
                data-test="deploy-error"
                actionLinks={<AlertActionLink onClick={onRetry}>{t('Retry')}</AlertActionLink>}
              />
            </StackItem>
          )}
          {run.result && !run.result.ok && (
            <StackItem>
              <Alert
                isInline
                variant="danger"
                title={
                  run.result.stoppedBecause === 'grants-missing'
                    ? t('The deploy stopped: the security grants are not there yet.')
                    : run.result.stoppedBecause === 'foreign-objects'
                      ? t('The deploy stopped: some objects belong to something else.')
                      : run.result.stoppedBecause === 'credentials-missing'
                        ? t(
                            'The deploy stopped before writing anything: the existing credentials Secret lacks what the instance needs.',
                          )
                        : run.result.stoppedBecause === 'upgrade-refused'
                          ? t(
                              'The deploy stopped before writing anything: this release step is not possible.',
                            )
                          : run.result.stoppedBecause === 'upgrade-failed'
                            ? t(
                                'The deploy stopped: the upgrade could not be prepared; nothing else was changed.',
                              )
                            : t('The deploy stopped: some objects were not accepted.')
                }
                data-test="deploy-failed"
                actionLinks={
                  <AlertActionLink onClick={onRetry} data-test="deploy-retry">
                    {t('Retry')}
                  </AlertActionLink>
                }
              >
                <ul>
                  {run.result.problems.map((p) => (
                    <li key={`${p.ref.kind}/${p.ref.name}`} data-test="deploy-problem">
                      {p.i18n ? say(p.i18n) : p.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            </StackItem>
          )}
          {run.result?.ok && (
            <StackItem>
              <Alert
                isInline
                variant="success"
                data-test="deploy-done"
                title={t(
                  '{{written}} of {{count}} objects written; the status below follows the pods as they start.',
                  { written: counts.written, count: counts.total },
                )}
              >
                <span data-test="deploy-counts">
                  {t(
                    '{{created}} created, {{updated}} updated, {{unchanged}} unchanged, {{skipped}} left to an administrator.',
                    { ...counts },
                  )}
                </span>
              </Alert>
            </StackItem>
          )}
          {run.handoff && (run.waitingForGrants || (run.result && !run.result.ok)) && (
            <StackItem>
              <HandoffPanel handoff={run.handoff} />
            </StackItem>
          )}
          {run.objects.length > 0 && (
            <StackItem>
              <Table aria-label={t('Objects')} variant="compact" data-test="deploy-objects">
                <Thead>
                  <Tr>
                    <Th>{t('Kind')}</Th>
                    <Th>{t('Name')}</Th>
                    <Th>{t('State')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {run.objects.map((o) => (
                    <Tr key={o.key} data-test={`deploy-object-${o.kind}-${o.name}`}>
                      <Td dataLabel={t('Kind')}>{o.kind}</Td>
                      <Td dataLabel={t('Name')}>{o.name}</Td>
                      <Td dataLabel={t('State')}>
                        <Label isCompact color={STATE_COLOR[o.state]}>
                          {stateText[o.state]}
                        </Label>
                        {o.routeHosts && o.state !== 'failed' && (
                          <div data-test="route-hosts-note">
                            {t('Written with the Route hosts.')}
                          </div>
                        )}
                        {o.message && <div>{say(o.message)}</div>}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </StackItem>
          )}
          {run.running && (
            <StackItem>
              <Button variant="link" onClick={onCancel} data-test="deploy-cancel">
                {t('Stop')}
              </Button>
            </StackItem>
          )}
        </Stack>
      </CardBody>
    </Card>
  );
};
