/** Starting points for agents (CPU, one GPU), their default sizes, and the glue's image. */
import { DEFAULT_GLUE_IMAGE } from './agents';
import type { ResourceSpec } from './presets';
import type { AgentValues, ClearMLValues, ClearMLValuesInput } from './schema';

export const AGENT_PRESET_NAMES = ['cpu', 'gpu'] as const;
export type AgentPresetName = (typeof AGENT_PRESET_NAMES)[number];
export type AgentInput = NonNullable<ClearMLValuesInput['agents']>[number];

function spec(reqCpu: string, reqMem: string, limCpu: string, limMem: string): ResourceSpec {
  return { requests: { cpu: reqCpu, memory: reqMem }, limits: { cpu: limCpu, memory: limMem } };
}

/** A task pod's CPU and memory when the agent sets none. */
export const DEFAULT_TASK_RESOURCES: ResourceSpec = spec('500m', '1Gi', '2', '4Gi');
/** The glue process: a Python loop that polls the server and runs kubectl. */
export const DEFAULT_GLUE_RESOURCES: ResourceSpec = spec('100m', '256Mi', '1', '1Gi');

/**
 * The taint GPU nodes commonly carry (NVIDIA GPU Operator and cloud GPU node pools); tolerating
 * it is harmless where it is absent, and the `nvidia.com/gpu` limit picks the nodes.
 */
export const GPU_TOLERATION = {
  key: 'nvidia.com/gpu',
  operator: 'Exists' as const,
  effect: 'NoSchedule' as const,
};

const PRESETS: Record<AgentPresetName, Omit<AgentInput, 'name' | 'queues'>> = {
  cpu: { maxPods: 2 },
  gpu: {
    maxPods: 1,
    taskPod: {
      gpus: 1,
      resources: spec('1', '4Gi', '4', '16Gi'),
      tolerations: [GPU_TOLERATION],
    },
  },
};

/** An agent from a preset, e.g. `agentPreset('gpu', 'gpu', ['gpu'])`. */
export function agentPreset(
  preset: AgentPresetName,
  name: string,
  queues: string[] = [preset === 'gpu' ? 'gpu' : 'default'],
): AgentInput {
  return structuredClone({ name, queues, ...PRESETS[preset] });
}

function merge(base: ResourceSpec, override: AgentValues['resources']): ResourceSpec {
  const defined = <T extends object>(o: T | undefined) =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined));
  return {
    requests: { ...base.requests, ...defined(override?.requests) },
    limits: { ...base.limits, ...defined(override?.limits) },
  };
}

export const taskPodResources = (a: AgentValues): ResourceSpec =>
  merge(DEFAULT_TASK_RESOURCES, a.taskPod.resources);

export const glueResources = (a: AgentValues): ResourceSpec =>
  merge(DEFAULT_GLUE_RESOURCES, a.resources);

/** The glue image: the chart's, with any field of `images.agent` replaced. */
export function glueImage(values: ClearMLValues): string {
  const o = values.images.agent;
  if (!o) return DEFAULT_GLUE_IMAGE;
  const [, registry, repository, tag] =
    /^([^/]+)\/(.+):([^:]+)$/.exec(DEFAULT_GLUE_IMAGE) ?? ([] as string[]);
  return `${o.registry ?? registry}/${o.repository ?? repository}:${o.tag ?? tag}`;
}
