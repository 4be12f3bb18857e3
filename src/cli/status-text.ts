/** One component or agent of the status model as terminal lines. */
import type { AgentStatus, ComponentStatus } from '../engine/status/types';

export const STATE_MARK = { Ready: '✓', Progressing: '…', Degraded: '!', Failed: '✗' } as const;

export const componentLine = (c: ComponentStatus) =>
  `  ${STATE_MARK[c.state]} ${c.displayName.padEnd(14)} ${c.state.padEnd(11)} ${c.ready}/${c.desired}  ${c.reason}`;

/** The glue's line, what it takes from where, then one line per task pod with its reason. */
export function agentLines(a: AgentStatus): string[] {
  const gpus = a.gpus ? `, ${a.gpus} nvidia.com/gpu each` : '';
  const width = Math.max(0, ...a.taskPods.map((p) => p.name.length));
  return [
    `  ${STATE_MARK[a.state]} ${`agent ${a.agent}`.padEnd(14)} ${a.state.padEnd(11)} ${a.ready}/${a.desired}  ${a.reason}`,
    `      queues ${a.queues.join(', ') || '(none)'}; up to ${a.maxPods} task pods${gpus}`,
    ...a.taskPods.map((p) =>
      `      ${p.name.padEnd(width)}  ${p.phase.padEnd(9)} ${p.reason}`.trimEnd(),
    ),
  ];
}
