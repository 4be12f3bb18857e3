/**
 * The deploy's preflight, run on the take-over plan before anything is written: the managed
 * instance is rendered from the plan's values and checked as a deploy would check it
 * (permissions for every kind it writes, the APIs, quota, pod security, existing claims and the
 * credentials Secret, and whether the user may grant its SCCs). Problems found here would
 * otherwise surface at step 3, with the chart already scaled down.
 */
import type { ClusterClient } from '../cluster/client';
import type { K8sObject } from '../k8s-types';
import { msg } from '../messages/message';
import { checkValues } from '../preflight/check-values';
import { blocking, finding, type Finding } from '../preflight/findings';
import { parseValues } from '../values/parse';
import { releaseWorkloads } from './takeover-values';
import type { TakeoverInput, TakeoverPlan } from './takeover-types';

/**
 * The chart's pods stop before the instance's start, so the quota they hold now is free by
 * then. Their volumes stay: only the pod templates count.
 */
const podsOnly = (workloads: K8sObject[]): K8sObject[] =>
  workloads.map((w) => {
    const spec = { ...(w as K8sObject & { spec: Record<string, unknown> }).spec };
    delete spec.volumeClaimTemplates;
    return { ...w, spec } as K8sObject;
  });

/** What the deploy's checks add to the plan: problems and warnings only, named for the take-over. */
function takeoverFindings(findings: Finding[], handoffSccs: string[]): Finding[] {
  return findings
    .filter((f) => f.severity !== 'info')
    .map((f) =>
      f.id === 'scc-grants'
        ? finding(
            'adopt-scc-handoff',
            'security',
            'warning',
            msg('adopt.finding.sccHandoff', { sccs: handoffSccs.join(', ') }),
          )
        : { ...f, id: `adopt-preflight-${f.id}` },
    );
}

/**
 * The plan with the deploy's preflight findings added. A take-over whose deploy step is done
 * (or whose values are invalid, already a finding) is returned as it is.
 */
export async function preflightTakeover(
  client: ClusterClient,
  plan: TakeoverPlan,
  input: TakeoverInput,
): Promise<TakeoverPlan> {
  if (plan.steps.some((s) => s.id === 'deploy' && s.done)) return plan;
  const parsed = parseValues(plan.values);
  if (!parsed.ok) return plan;
  const { report } = await checkValues(client, parsed.values, {
    freed: podsOnly(releaseWorkloads(input)),
  });
  const sccs = report.handoff?.grants.map((g) => g.scc) ?? [];
  const findings = [...plan.findings, ...takeoverFindings(report.findings, sccs)];
  return {
    ...plan,
    findings,
    blocked: blocking(findings),
    ...(report.handoff ? { handoff: report.handoff } : {}),
  };
}
