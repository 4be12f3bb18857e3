// Hand-built agent statuses, as the status model reports an instance's agents.
import { msg } from '../engine/messages/message';
import type { AgentStatus } from '../engine/status/types';

/** A CPU agent serving two queues, one task running and one that cannot pull its image. */
export function cpuAgent(): AgentStatus {
  return {
    agent: 'cpu',
    queues: ['default', 'eval'],
    state: 'Ready',
    reason: 'Serving, no restarts.',
    i18n: msg('status.serving', { steady: msg('status.noRestarts') }),
    workload: { kind: 'Deployment', name: 'clearml-agent-cpu' },
    desired: 1,
    ready: 1,
    maxPods: 2,
    gpus: 0,
    taskPods: [
      { name: 'clearml-id-3f2a', phase: 'Running', reason: '', task: '3f2a' },
      {
        name: 'clearml-id-9b1c',
        phase: 'Pending',
        reason: 'Cannot pull image',
        i18n: msg('status.pod.cannotPull', { image: 'quay.io/team/missing:1', container: 'task' }),
      },
    ],
  };
}

/** A GPU agent whose glue is still starting, with no task pod. */
export function gpuAgent(): AgentStatus {
  return {
    agent: 'gpu',
    queues: ['gpu'],
    state: 'Progressing',
    reason: 'Starting: 0 of 1 ready.',
    i18n: msg('status.starting', { ready: 0, desired: 1 }),
    workload: { kind: 'Deployment', name: 'clearml-agent-gpu' },
    desired: 1,
    ready: 0,
    maxPods: 1,
    gpus: 1,
    taskPods: [],
  };
}
