/** Names and labels of an agent's objects: `<instance>-agent-<agent>[-<part>]`. */
import type { ObjectMeta, StringMap } from '../../k8s-types';
import type { AgentValues } from '../../values/schema';
import { labels, type RenderContext, selectorLabels } from '../context';
import { AGENT_POD_LABEL } from '../network-policies';

/** Which agent of the instance an object or task pod belongs to (value: the agent's name). */
export const AGENT_NAME_LABEL = 'clearml-console-plugin/agent';

/**
 * On the glue Deployment: `nvidia.com/gpu` per task pod, for the status model, which reads the
 * glue's queues and pod limit from its env but not the task pod template. Metadata only, so a
 * change does not restart the glue.
 */
export const TASK_GPUS_ANNOTATION = 'clearml-console-plugin/task-pod-gpus';

/** Env of the glue container the status model reads (see glue.ts). */
export const GLUE_QUEUE_ENV = 'K8S_GLUE_QUEUE';
export const GLUE_MAX_PODS_ENV = 'K8S_GLUE_MAX_PODS';

/** The glue names each task pod `clearml-id-<task id>` (clearml-agent v1.9.2 k8s.py, `DEFAULT_POD_NAME_PREFIX`). */
export const TASK_POD_NAME_PREFIX = 'clearml-id-';

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
/** The label selector of every task pod of an instance's agents, for `list` and `delete`. */
export const taskPodSelector = (instance: string) => `${AGENT_POD_LABEL}=${instance}`;

export const taskPodLabels = (ctx: RenderContext, agent: AgentValues): StringMap => ({
  [AGENT_POD_LABEL]: ctx.values.name,
  [AGENT_NAME_LABEL]: agent.name,
});
