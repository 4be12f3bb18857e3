/**
 * The wizard's edits of the agents list: add one from a preset or blank, change or remove one.
 * The list lives in the values input as the user typed it; the engine validates it like any field.
 */
import { type AgentInput, type AgentPresetName, agentPreset, MAX_AGENTS } from '../../engine';
import type { FormInput } from './form-values';

export type AgentStart = AgentPresetName | 'blank';

export const agentsOf = (input: FormInput): AgentInput[] =>
  Array.isArray(input.agents) ? input.agents : [];

/** `base`, or `base-2`, `base-3`… when an agent already has that name. */
export function freeAgentName(taken: string[], base: string): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** The input with one more agent at the end; a blank one has a free name and no queue yet. */
export function addAgent(input: FormInput, start: AgentStart): FormInput {
  const list = agentsOf(input);
  if (list.length >= MAX_AGENTS) return input;
  const taken = list.map((a) => a.name);
  const added =
    start === 'blank'
      ? { name: freeAgentName(taken, 'agent'), queues: [] }
      : agentPreset(start, freeAgentName(taken, start));
  return { ...input, agents: [...list, added] };
}

/** The input without the agent at `index`; no `agents` field once the last one is gone. */
export function removeAgent(input: FormInput, index: number): FormInput {
  const list = agentsOf(input).filter((_a, i) => i !== index);
  if (list.length) return { ...input, agents: list };
  const next: Record<string, unknown> = { ...input };
  delete next.agents;
  return next as FormInput;
}

/** The input with the queues of the agent at `index` set, kept even when empty. */
export function setAgentQueues(input: FormInput, index: number, queues: string[]): FormInput {
  return {
    ...input,
    agents: agentsOf(input).map((a, i) => (i === index ? { ...a, queues } : a)),
  };
}

/** Queue names typed comma-separated: trimmed, empty ones left out. */
export const parseQueues = (text: string): string[] =>
  text
    .split(',')
    .map((q) => q.trim())
    .filter((q) => q !== '');
