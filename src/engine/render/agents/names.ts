/** Names and labels of an agent's objects: `<instance>-agent-<agent>[-<part>]`. */
import type { ObjectMeta, StringMap } from '../../k8s-types';
import type { AgentValues } from '../../values/schema';
import { labels, type RenderContext, selectorLabels } from '../context';
import { AGENT_POD_LABEL } from '../network-policies';

/** Which agent of the instance an object or task pod belongs to (value: the agent's name). */
export const AGENT_NAME_LABEL = 'clearml-console-plugin/agent';

export type AgentPart = 'glue' | 'task' | 'template';

const SUFFIX: Record<AgentPart, string> = { glue: '', task: '-task', template: '-pod-template' };

export const agentObjectName = (ctx: RenderContext, agent: AgentValues, part: AgentPart) =>
  `${ctx.values.name}-agent-${agent.name}${SUFFIX[part]}`;

export const agentSelector = (ctx: RenderContext, agent: AgentValues): StringMap => ({
  ...selectorLabels(ctx, 'agent'),
  [AGENT_NAME_LABEL]: agent.name,
});

export const agentLabels = (ctx: RenderContext, agent: AgentValues): StringMap => ({
  ...labels(ctx, 'agent'),
  [AGENT_NAME_LABEL]: agent.name,
});

export const agentMeta = (
  ctx: RenderContext,
  agent: AgentValues,
  part: AgentPart,
  annotations?: StringMap,
): ObjectMeta => ({
  name: agentObjectName(ctx, agent, part),
  namespace: ctx.values.namespace,
  labels: agentLabels(ctx, agent),
  ...(annotations ? { annotations } : {}),
});

/**
 * Labels of the task pods the glue starts. They carry neither the instance's `instance` nor
 * `managed-by` label: the glue owns these pods, not the plugin (uninstall and status list the
 * plugin's objects by those labels). `AGENT_POD_LABEL` lets them reach the instance's servers
 * through the network policies.
 */
export const taskPodLabels = (ctx: RenderContext, agent: AgentValues): StringMap => ({
  [AGENT_POD_LABEL]: ctx.values.name,
  [AGENT_NAME_LABEL]: agent.name,
});
