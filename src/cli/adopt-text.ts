/** The take-over plan and its progress as terminal text and as structured output. */
import { describeRef } from '../engine/cluster/api-paths';
import type { TakeoverEvent, TakeoverResult } from '../engine/adopt/takeover';
import { STEP_WHAT } from '../engine/adopt/takeover-plan';
import type { TakeoverPlan, TakeoverStepId } from '../engine/adopt/takeover-types';
import type { DeployEvent } from '../engine/deploy/deploy';
import { type Message, msg } from '../engine/messages/message';
import type { Finding } from '../engine/preflight/findings';
import type { SccPlanEntry } from '../engine/scc/plan';
import { kubeYaml } from '../engine/yaml';
import type { CliIo } from './command';
import { CLUSTER_EXIT } from './cluster-command';
import { findingLine } from './findings-text';

/** The plan as data: steps, values (they hold no secret), SCCs and why, findings. */
export function planData(plan: TakeoverPlan, sccs: SccPlanEntry[] | undefined) {
  return {
    release: plan.release,
    namespace: plan.namespace,
    instance: plan.instance,
    blocked: plan.blocked,
    findings: plan.findings.map((f) => ({ severity: f.severity, id: f.id, message: f.message })),
    steps: plan.steps.map((s, i) => ({
      number: i + 1,
      id: s.id,
      description: s.message,
      done: s.done,
      rollbackPossibleAfter: s.rollbackAfter,
      writes: s.writes.map((w) => ({ action: w.action, kind: w.ref.kind, name: w.ref.name })),
    })),
    values: plan.values,
    sccs: (sccs ?? []).map((e) => ({
      serviceAccount: e.serviceAccount,
      scc: e.scc,
      reason: e.reason,
    })),
    grantRemovals: plan.grantRemovals,
  };
}

/** The steps `--until` takes: each has a step after it, so stopping there leaves work to do. */
export const UNTIL_STEPS: TakeoverStepId[] = [
  'protect-claims',
  'scale-down',
  'deploy',
  'remove-release',
];

/** The sentence for a run that stopped after `--until`'s step: how to continue or roll back. */
export function pausedMessage(plan: TakeoverPlan, result: TakeoverResult): Message | undefined {
  const step = result.pausedAfter;
  if (!step) return undefined;
  return msg(result.rollbackPossible ? 'adopt.run.paused' : 'adopt.run.pausedClosed', {
    release: plan.release,
    instance: plan.instance,
    number: plan.steps.findIndex((s) => s.id === step) + 1,
    total: plan.steps.length,
    step: STEP_WHAT[step],
  });
}

export function printPlan(
  io: CliIo,
  plan: TakeoverPlan,
  sccs: SccPlanEntry[] | undefined,
  until?: TakeoverStepId,
) {
  const out: string[] = [
    `Take-over of Helm release ${plan.release} in ${plan.namespace} into instance ${plan.instance}`,
    '',
    'Steps:',
  ];
  plan.steps.forEach((s, i) => {
    const after = s.rollbackAfter
      ? 'adopt --rollback restores the release after it'
      : 'no rollback after it';
    out.push(`  ${i + 1}. ${s.message}${s.done ? ' (done)' : ''}`);
    out.push(`     ${after}`);
    for (const w of s.writes) out.push(`     - ${w.action} ${describeRef(w.ref)}`);
  });
  const stop = plan.steps.findIndex((s) => s.id === until);
  if (stop >= 0 && stop < plan.steps.length - 1) {
    out.push(
      '',
      `With --until ${until}, the run stops after step ${stop + 1}; adopt again without --until continues it.`,
    );
  }
  out.push('', 'Values of the instance (no secrets):');
  out.push(
    ...kubeYaml(plan.values)
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`),
  );
  if (sccs?.length) {
    out.push('', 'Security context constraints of the instance:');
    for (const e of sccs)
      out.push(`  - ${e.serviceAccount}: ${e.scc ?? 'none fits'} (${e.reason})`);
  }
  io.stdout(`${out.join('\n')}\n`);
  if (plan.findings.length) {
    io.stdout('\nFindings:\n');
    for (const f of plan.findings) io.stdout(`  ${findingLine(f)}`);
  }
}

/** 3 when the user lacks rights, 4 for anything else that blocks. */
export function blockedExit(findings: Finding[]): number {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.area === 'access')) return CLUSTER_EXIT.permission;
  return errors.length ? CLUSTER_EXIT.cluster : CLUSTER_EXIT.ok;
}

function deployLine(e: DeployEvent): string | undefined {
  if (e.type === 'phase') return `  » ${e.message}`;
  if (e.type === 'object' && e.state !== 'checked') {
    return `    ${e.state.padEnd(10)} ${describeRef(e.ref)}${e.message ? `: ${e.message}` : ''}`;
  }
  return undefined;
}

/** Progress lines on stderr, as deploy prints them. */
export function takeoverPrinter(io: CliIo) {
  return (e: TakeoverEvent) => {
    if (e.type === 'step' && e.state === 'start') io.stderr(`» ${e.message}\n`);
    if (e.type === 'step' && e.state === 'skipped') io.stderr(`» (done before) ${e.message}\n`);
    if (e.type === 'object') io.stderr(`  ${e.action.padEnd(16)} ${describeRef(e.ref)}\n`);
    if (e.type === 'wait') io.stderr(`  ${e.message}\n`);
    if (e.type === 'deploy') {
      const line = deployLine(e.event);
      if (line) io.stderr(`${line}\n`);
    }
  };
}
