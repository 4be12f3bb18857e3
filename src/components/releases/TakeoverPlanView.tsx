import {
  Alert,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Icon,
  Label,
  List,
  ListItem,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon, PendingIcon } from '@patternfly/react-icons';
import { useTranslation } from '../../compat/console-api';
import { STORES, type TakeoverPlan } from '../../engine/adopt/takeover-types';
import { findingForThePage } from '../../engine/adopt/takeover-wording';
import type { SccPlanEntry } from '../../engine/scc/plan';
import { useTranslateMessage } from '../i18n/translate-message';
import { FindingsList } from '../wizard/FindingsList';
import type { StepState } from './useTakeover';

const StepIcon = ({ state }: { state: StepState }) =>
  state === 'done' ? (
    <Icon status="success">
      <CheckCircleIcon />
    </Icon>
  ) : state === 'running' ? (
    <Spinner size="sm" />
  ) : state === 'failed' ? (
    <Icon status="danger">
      <ExclamationCircleIcon />
    </Icon>
  ) : (
    <Icon>
      <PendingIcon />
    </Icon>
  );

/** The five steps in words, each with its state (done, running, pending, failed). */
export const TakeoverSteps = ({
  plan,
  steps,
}: {
  plan: TakeoverPlan;
  steps: Partial<Record<string, StepState>>;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const word: Record<StepState, string> = {
    done: t('Done'),
    running: t('Running'),
    pending: t('Pending'),
    failed: t('Stopped'),
  };
  return (
    <List isPlain data-test="take-over-steps">
      {plan.steps.map((s, i) => {
        const state = steps[s.id] ?? (s.done ? 'done' : 'pending');
        return (
          <ListItem key={s.id} icon={<StepIcon state={state} />}>
            <span data-test={`take-over-step-${s.id}`} data-state={state}>
              <strong>{t('Step {{number}}', { number: i + 1 })}</strong>{' '}
              <Label isCompact data-test="take-over-step-state">
                {word[state]}
              </Label>{' '}
              {say(s.i18n)} {s.rollbackAfter ? '' : <em>{t('(no rollback after this step)')}</em>}
            </span>
          </ListItem>
        );
      })}
    </List>
  );
};

/** What a take-over will do: the instance, its steps, kept claims, SCCs, findings. */
export const TakeoverPlanView = ({
  plan,
  sccs,
  steps,
}: {
  plan: TakeoverPlan;
  sccs?: SccPlanEntry[];
  steps: Partial<Record<string, StepState>>;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const storage = plan.values.storage ?? {};
  const claims = STORES.flatMap((store) => {
    const claim = storage[store]?.existingClaim;
    return claim ? [{ store, ...claim }] : [];
  });
  return (
    <Stack hasGutter data-test="take-over-plan">
      <StackItem>
        <DescriptionList isHorizontal isCompact>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Managed instance')}</DescriptionListTerm>
            <DescriptionListDescription data-test="take-over-instance">
              {plan.instance}
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </StackItem>
      {plan.blocked && (
        <StackItem>
          <Alert
            isInline
            variant="danger"
            data-test="take-over-blocked"
            title={t('The take-over is blocked by the findings below; nothing was written.')}
          />
        </StackItem>
      )}
      <StackItem>
        <Title headingLevel="h4">{t('Steps')}</Title>
        <TakeoverSteps plan={plan} steps={steps} />
      </StackItem>
      <StackItem>
        <Title headingLevel="h4">{t('Volumes kept')}</Title>
        <List data-test="take-over-claims">
          {claims.map((c) => (
            <ListItem key={c.store} data-test={`take-over-claim-${c.store}`}>
              {c.ownerUid === undefined
                ? t('{{store}}: claim {{claim}}', { store: c.store, claim: c.name })
                : t('{{store}}: claim {{claim}}, files owned by UID {{uid}}', {
                    store: c.store,
                    claim: c.name,
                    uid: c.ownerUid,
                  })}
            </ListItem>
          ))}
        </List>
      </StackItem>
      {sccs && sccs.length > 0 && (
        <StackItem>
          <Title headingLevel="h4">{t('Security context constraints of the instance')}</Title>
          <List data-test="take-over-sccs">
            {sccs.map((e) => (
              <ListItem key={e.serviceAccount} data-test={`take-over-scc-${e.serviceAccount}`}>
                <strong>{e.serviceAccount}</strong>: {e.scc ?? t('none fits')} — {say(e.i18n)}
              </ListItem>
            ))}
          </List>
        </StackItem>
      )}
      {plan.findings.length > 0 && (
        <StackItem>
          <Title headingLevel="h4">{t('Findings')}</Title>
          <FindingsList findings={plan.findings.map(findingForThePage)} />
        </StackItem>
      )}
    </Stack>
  );
};
