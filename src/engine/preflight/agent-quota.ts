/**
 * What an instance's agents ask of a quota beyond their glue: each agent may run `maxPods` task
 * pods at once, each with the task pod template's requests and limits. Read from the rendered
 * objects (the glue's `K8S_GLUE_MAX_PODS` and the pod template ConfigMap), so the page and the
 * command line check the same plan.
 */
import { parse } from 'yaml';
import { COMPONENT_LABEL } from '../components';
import type { ConfigMap, Deployment, K8sObject, PodSpec } from '../k8s-types';
import { list, msg } from '../messages/message';
import { parseQuantity } from '../quantity';
import { AGENT_NAME_LABEL, GLUE_MAX_PODS_ENV } from '../render/agents/names';
import { TEMPLATE_KEY } from '../render/agents/task-template';
import { type Finding, finding } from './findings';
import { type Demand, demandOf, formatAmount, type LiveQuota } from './quota';

export interface AgentTaskDemand {
  agent: string;
  maxPods: number;
  /** What one task pod asks for (quota keys, as `demandOf` counts them). */
  perPod: Demand;
}

const isGlue = (o: K8sObject): o is Deployment =>
  o.kind === 'Deployment' &&
  o.metadata.labels?.[COMPONENT_LABEL] === 'agent' &&
  o.metadata.labels?.[AGENT_NAME_LABEL] !== undefined;

/** Each agent's task pods at their most, from the glue Deployments and their pod templates. */
export function agentTaskDemands(objects: K8sObject[]): AgentTaskDemand[] {
  return objects.filter(isGlue).flatMap((glue) => {
    const env = glue.spec.template.spec.containers.flatMap((c) => c.env ?? []);
    const maxPods = Number.parseInt(env.find((e) => e.name === GLUE_MAX_PODS_ENV)?.value ?? '', 10);
    const cm = objects.find(
      (o): o is ConfigMap =>
        o.kind === 'ConfigMap' && o.metadata.name === `${glue.metadata.name}-pod-template`,
    );
    const text = cm?.data?.[TEMPLATE_KEY];
    if (!text || !(maxPods > 0)) return [];
    const spec = (parse(text) as { spec?: PodSpec } | null)?.spec;
    if (!spec?.containers) return [];
    const stand: K8sObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: glue.metadata.name },
      spec: { replicas: 1, template: { spec } },
    } as K8sObject;
    return [
      { agent: glue.metadata.labels?.[AGENT_NAME_LABEL] ?? '', maxPods, perPod: demandOf([stand]) },
    ];
  });
}

/** An amount with its unit: "0.5 CPU", "4 GiB", "1 nvidia.com/gpu", "3" (pods). */
function amount(resource: string, value: number): string {
  if (/cpu|memory|storage/.test(resource)) return formatAmount(resource, value);
  if (!resource.includes('/')) return String(Math.round(value));
  return `${Math.round(value)} ${resource.replace(/^requests\./, '')}`;
}

/**
 * Warnings where a quota cannot hold every agent's task pods at once, after the servers and the
 * glues (`base`, less `existing` on a re-deploy). Task pods the agents already run count in the
 * quota's `used`, so a re-deploy with running tasks may warn although nothing grows. A quota the
 * servers alone overrun is reported by `quotaShortfalls`, not here.
 */
export function agentQuotaFindings(
  tasks: AgentTaskDemand[],
  base: Demand,
  existing: Demand,
  quotas: LiveQuota[],
): Finding[] {
  const out: Finding[] = [];
  for (const q of quotas) {
    for (const [resource, hardText] of Object.entries(q.status?.hard ?? {})) {
      const users = tasks.filter((t) => (t.perPod[resource] ?? 0) > 0);
      if (!users.length) continue;
      const hard = parseQuantity(hardText) ?? Infinity;
      const used = parseQuantity(q.status?.used?.[resource] ?? '0') ?? 0;
      const baseNeeded = Math.max(0, (base[resource] ?? 0) - (existing[resource] ?? 0));
      if (hard - used < baseNeeded) continue;
      const free = hard - used - baseNeeded;
      const id = `quota-${q.metadata.name}-${resource}`;
      let flagged = false;
      for (const t of users) {
        const per = t.perPod[resource];
        const total = per * t.maxPods;
        if (total <= free) continue;
        flagged = true;
        const said = msg('preflight.quota.agent', {
          agent: t.agent,
          count: t.maxPods,
          per: amount(resource, per),
          total: amount(resource, total),
          resource,
          quota: q.metadata.name,
          free: amount(resource, free),
          fit: Math.floor(free / per),
        });
        out.push(finding(`${id}-agent-${t.agent}`, 'quota', 'warning', said));
      }
      const all = users.reduce((n, t) => n + t.perPod[resource] * t.maxPods, 0);
      if (!flagged && all > free) {
        const said = msg('preflight.quota.agents', {
          agents: list(users.map((t) => t.agent)),
          total: amount(resource, all),
          resource,
          quota: q.metadata.name,
          free: amount(resource, free),
        });
        out.push(finding(`${id}-agents`, 'quota', 'warning', said));
      }
    }
  }
  return out;
}
