import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from '../../compat/console-api';
import type { AgentValues, ClearMLValues } from '../../engine';
import type { DryRun } from '../../hooks/useDryRun';
import type { PlanCheck } from '../../hooks/usePlanCheck';

/** The SCC grants the plan asks for, each with how many service accounts get it. */
function grantsOf(check: PlanCheck): { scc: string; count: number }[] {
  const bySCC = new Map<string, number>();
  for (const entry of check.plan ?? []) {
    if (entry.scc && entry.scc !== 'restricted-v2') {
      bySCC.set(entry.scc, (bySCC.get(entry.scc) ?? 0) + 1);
    }
  }
  return [...bySCC].map(([scc, count]) => ({ scc, count }));
}

function securityVerdict(t: TFunction, check: PlanCheck, dryRun: DryRun): string {
  if (!check.plan) return t('Checking…');
  const unfit = check.plan.filter((p) => !p.scc).map((p) => p.serviceAccount);
  if (unfit.length) {
    return t('No SCC of this security mode fits {{accounts}}.', { accounts: unfit.join(', ') });
  }
  const grants = grantsOf(check);
  if (!grants.length) return t('No SCC grant: every pod runs under restricted-v2.');
  const list = grants
    .map((g) => t('{{scc}} for {{count}} service accounts', { scc: g.scc, count: g.count }))
    .join(', ');
  return check.report?.handoff || dryRun.handoff
    ? t('An administrator must grant {{grants}}; the hand-off is below.', { grants: list })
    : t('Granted by this deploy in the project: {{grants}}.', { grants: list });
}

function preflightVerdict(t: TFunction, check: PlanCheck): string {
  if (!check.report) return check.loading ? t('Checking…') : t('Not run');
  const tally = (severity: string) =>
    check.report?.findings.filter((f) => f.severity === severity).length ?? 0;
  const errors = tally('error');
  const warnings = tally('warning');
  if (errors) return t('{{count}} blocking problems, listed below.', { count: errors });
  if (warnings)
    return t('No blocking problem; {{count}} warnings, listed below.', { count: warnings });
  return t('No blocking problem and no warning.');
}

function dryRunVerdict(t: TFunction, dryRun: DryRun): string {
  if (dryRun.running) return t('Server dry run in progress…');
  if (!dryRun.done) return t('Not run yet');
  const failed = dryRun.rows.filter((r) => r.state === 'failed');
  if (failed.length) {
    return t('Server dry run: {{count}} objects rejected.', { count: failed.length });
  }
  const tally = (change: string) =>
    dryRun.rows.filter((r) => r.state === 'ok' && r.change === change).length;
  const admin = dryRun.rows.filter((r) => r.state === 'admin').length;
  return admin
    ? t(
        'Server dry run: every object was accepted ({{created}} to create, {{updated}} to update, {{unchanged}} unchanged; {{admin}} left to an administrator).',
        { created: tally('new'), updated: tally('changed'), unchanged: tally('unchanged'), admin },
      )
    : t(
        'Server dry run: every object was accepted ({{created}} to create, {{updated}} to update, {{unchanged}} unchanged).',
        { created: tally('new'), updated: tally('changed'), unchanged: tally('unchanged') },
      );
}

/** One line per agent: its queues, how many task pods at once, GPUs per pod. */
function agentLine(t: TFunction, a: AgentValues): string {
  const line = t('{{name}}: queues {{queues}}, at most {{count}} task pods at once', {
    name: a.name,
    queues: a.queues.join(', '),
    count: a.maxPods,
  });
  return a.taskPod.gpus
    ? `${line}${t(', {{count}} GPUs per task pod', { count: a.taskPod.gpus })}`
    : line;
}

interface ReviewSummaryProps {
  values: ClearMLValues;
  check: PlanCheck;
  dryRun: DryRun;
}

/**
 * The first thing on the Review step: what is deployed where, the verdicts of the security plan,
 * preflight and the server dry run, before any object is listed.
 */
export const ReviewSummary = ({ values, check, dryRun }: ReviewSummaryProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const rows: [string, string, ReactNode][] = [
    ['instance', t('Instance'), values.name],
    ['project', t('Project'), values.namespace],
    ['version', t('Server version'), values.server.version],
    [
      'agents',
      t('Agents'),
      values.agents.length
        ? values.agents.map((a) => <div key={a.name}>{agentLine(t, a)}</div>)
        : t('None'),
    ],
    [
      'objects',
      t('Objects'),
      check.objects
        ? t('{{count}} objects, and the install record', { count: check.objects.length })
        : t('Checking…'),
    ],
    ['security', t('Security plan'), securityVerdict(t, check, dryRun)],
    ['preflight', t('Preflight'), preflightVerdict(t, check)],
  ];
  return (
    <DescriptionList isHorizontal isCompact data-test="review-summary" aria-label={t('Summary')}>
      {rows.map(([id, term, description]) => (
        <DescriptionListGroup key={id}>
          <DescriptionListTerm>{term}</DescriptionListTerm>
          <DescriptionListDescription data-test={`review-summary-${id}`}>
            {description}
          </DescriptionListDescription>
        </DescriptionListGroup>
      ))}
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Dry run')}</DescriptionListTerm>
        <DescriptionListDescription data-test="dry-run-summary">
          {check.objects ? dryRunVerdict(t, dryRun) : t('Checking…')}
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  );
};
