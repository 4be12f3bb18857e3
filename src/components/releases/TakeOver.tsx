import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  Content,
  Flex,
  FlexItem,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useState } from 'react';
import { Link, useTranslation } from '../../compat/console-api';
import { forThePage } from '../../engine/adopt/takeover-wording';
import { GatedButton } from '../access/GatedButton';
import { CodeSnippet } from '../CodeSnippet';
import { useTranslateMessage } from '../i18n/translate-message';
import { instancePath } from '../page-paths';
import { HandoffPanel } from '../wizard/HandoffPanel';
import { ConfirmModal } from './ConfirmModal';
import { TakeoverPlanView } from './TakeoverPlanView';
import { canRollBack, useTakeover } from './useTakeover';

/** The take-over command for a release: printed here, run with the command-line tool. */
export const takeOverCommand = (release: string, namespace: string) =>
  `clearml-openshift adopt --release ${release} --namespace ${namespace} --dry-run`;

/**
 * Takes a chart release over from the page: plan, confirm, run with step progress, roll back
 * while the release's objects are still there; the CLI command stays as the alternative.
 */
export const TakeOver = ({
  release,
  namespace,
  denied,
}: {
  release: string;
  namespace: string;
  /** Why the user may not take over here, when they may not. */
  denied?: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const { state, makePlan, run, rollback } = useTakeover(release, namespace);
  const [removeGrants, setRemoveGrants] = useState(false);
  const [asking, setAsking] = useState<'run' | 'rollback'>();
  const { plan, progress, result, busy } = state;
  // Begun and not finished: the release's objects are not all removed yet (a run that stopped
  // while removing them has `closed` set but still continues from there).
  const resumable = !!progress && !progress.done.includes('remove-release') && !result?.ok;
  const instance = result?.ok ? plan?.instance : undefined;
  return (
    <Card data-test="take-over">
      <CardTitle component="h3">{t('Take over')}</CardTitle>
      <CardBody>
        <Stack hasGutter>
          <StackItem>
            <Content component="p">
              {t(
                'Taking over keeps the release’s volumes and credentials, scales the chart’s workloads to zero, then deploys a managed instance on the same volumes; it can be rolled back until its last step, which removes the chart’s objects.',
              )}
            </Content>
          </StackItem>
          {resumable && !busy && (
            <StackItem>
              <Alert
                isInline
                variant="warning"
                data-test="take-over-resume"
                title={t(
                  'A take-over of {{release}} into instance {{instance}} has begun and is not finished.',
                  { release, instance: progress.instance },
                )}
              />
            </StackItem>
          )}
          <StackItem>
            <Checkbox
              id={`take-over-remove-grants-${release}`}
              data-test="take-over-remove-grants"
              label={t('Also remove the cluster-wide SCC grants only this release used')}
              isChecked={removeGrants}
              isDisabled={!!busy}
              onChange={(_e, checked) => setRemoveGrants(checked)}
            />
          </StackItem>
          <StackItem>
            <Flex>
              <FlexItem>
                <GatedButton
                  variant="secondary"
                  data-test="take-over-plan-button"
                  denied={denied}
                  isLoading={busy === 'plan'}
                  isDisabled={!!busy}
                  onClick={() => void makePlan(removeGrants)}
                >
                  {resumable ? t('Plan the rest of the take-over') : t('Plan take-over')}
                </GatedButton>
              </FlexItem>
              {plan && !instance && (
                <FlexItem>
                  <GatedButton
                    variant="primary"
                    data-test="take-over-run"
                    denied={denied}
                    isLoading={busy === 'run'}
                    isDisabled={plan.blocked || !!busy}
                    onClick={() => setAsking('run')}
                  >
                    {resumable ? t('Continue take-over') : t('Take over')}
                  </GatedButton>
                </FlexItem>
              )}
              {canRollBack(progress) && (
                <FlexItem>
                  <GatedButton
                    variant="danger"
                    data-test="take-over-rollback"
                    denied={denied}
                    isLoading={busy === 'rollback'}
                    isDisabled={!!busy}
                    onClick={() => setAsking('rollback')}
                  >
                    {t('Roll back')}
                  </GatedButton>
                </FlexItem>
              )}
            </Flex>
          </StackItem>
          {state.missing && (
            <StackItem>
              <Alert
                isInline
                variant="danger"
                data-test="take-over-missing"
                title={t('No release {{name}} of the ClearML chart in project {{namespace}}.', {
                  name: release,
                  namespace,
                })}
              />
            </StackItem>
          )}
          {state.error && (
            <StackItem>
              <Alert
                isInline
                variant="danger"
                data-test="take-over-error"
                title={say(state.error)}
              />
            </StackItem>
          )}
          {plan && (
            <StackItem>
              <TakeoverPlanView plan={plan} sccs={state.sccs} steps={state.steps} />
            </StackItem>
          )}
          {result && !result.ok && (
            <StackItem>
              <Alert
                isInline
                variant="danger"
                data-test="take-over-failed"
                title={
                  canRollBack(progress)
                    ? t('The take-over stopped; continue it or roll it back.')
                    : t('The take-over stopped; continue it.')
                }
              >
                {result.problems.map((p, i) => (
                  <Content component="p" key={i} data-test="take-over-problem">
                    {p.i18n ? say(forThePage(p.i18n)) : p.message}
                  </Content>
                ))}
              </Alert>
            </StackItem>
          )}
          {result?.handoff ? (
            <StackItem>
              <HandoffPanel
                handoff={result.handoff}
                afterGrant={t(
                  'Once the grants exist, plan the take-over again and continue it; it goes on after the last step done.',
                )}
              />
            </StackItem>
          ) : (
            !result &&
            plan?.handoff && (
              <StackItem>
                <HandoffPanel
                  handoff={plan.handoff}
                  afterGrant={t('Once the grants exist, plan the take-over again and start it.')}
                />
              </StackItem>
            )
          )}
          {instance && (
            <StackItem>
              <Alert
                isInline
                variant="success"
                data-test="take-over-done"
                title={t('Release {{release}} is now instance {{instance}}, managed here.', {
                  release,
                  instance,
                })}
              >
                <Link to={instancePath(namespace, instance)} data-test="take-over-instance-link">
                  {t('Open instance {{instance}}', { instance })}
                </Link>
              </Alert>
            </StackItem>
          )}
          {state.rollback && (
            <StackItem>
              <Alert
                isInline
                variant={state.rollback.ok ? 'success' : 'danger'}
                data-test="take-over-rolled-back"
                title={
                  state.rollback.ok && !state.rollback.nothing
                    ? t(
                        'Release {{release}} is back to its recorded replicas; instance {{instance}} was removed and the volumes kept.',
                        { release, instance: state.rollback.instance },
                      )
                    : t('The rollback did not finish.')
                }
              >
                {(!state.rollback.ok || state.rollback.nothing) &&
                  state.rollback.problems.map((p, i) => (
                    <Content component="p" key={i}>
                      {p.i18n ? say(forThePage(p.i18n)) : p.message}
                    </Content>
                  ))}
              </Alert>
            </StackItem>
          )}
          <StackItem>
            <Content component="p">
              {t(
                'Or run it from a terminal with the command-line tool. With --dry-run it prints the plan and writes nothing; run it again without --dry-run to take over.',
              )}
            </Content>
            <CodeSnippet
              text={takeOverCommand(release, namespace)}
              dataTest="take-over-command"
              label={t('Take-over command')}
            />
          </StackItem>
        </Stack>
      </CardBody>
      {asking === 'run' && plan && (
        <ConfirmModal
          dataTest="take-over-confirm"
          title={t('Take over {{release}}?', { release })}
          body={t(
            'Release {{release}} in project {{namespace}} becomes instance {{instance}}: its volumes are kept, its workloads scaled to zero, the instance deployed on the same volumes, then the chart’s objects removed. Until that last step it can be rolled back.',
            { release, namespace, instance: plan.instance },
          )}
          confirm={t('Take over')}
          onConfirm={() => void run()}
          onClose={() => setAsking(undefined)}
        />
      )}
      {asking === 'rollback' && progress && (
        <ConfirmModal
          dataTest="take-over-rollback-confirm"
          title={t('Roll back the take-over of {{release}}?', { release })}
          body={t(
            'Instance {{instance}} is removed (its volumes are the release’s and are kept), and the workloads of {{release}} get their recorded replicas back.',
            { release, instance: progress.instance },
          )}
          confirm={t('Roll back')}
          onConfirm={() => void rollback()}
          onClose={() => setAsking(undefined)}
        />
      )}
    </Card>
  );
};
