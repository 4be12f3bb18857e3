import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../k8s-types';
import { render } from '../render/render';
import { deploymentOf } from '../test-helpers';
import { agentPreset, createValues } from '../values';
import { healthyInstance, SCHEDULER_MESSAGES, unschedulable } from './fixtures';
import { instanceStatus } from './model';
import type { LiveEvent, LivePod, LiveState, LiveWorkload } from './types';

/** The glue Deployments as rendered for instance `clearml`, with a status. */
async function glues(ready: number): Promise<LiveWorkload[]> {
  const objects: K8sObject[] = await render(
    createValues({
      name: 'clearml',
      namespace: 'team-a',
      agents: [agentPreset('cpu', 'cpu', ['default', 'cpu']), agentPreset('gpu', 'gpu')],
    }),
  );
  return ['cpu', 'gpu'].map((agent) => ({
    ...(deploymentOf(objects, `clearml-agent-${agent}`) as unknown as LiveWorkload),
    status: { replicas: 1, readyReplicas: ready, updatedReplicas: 1, availableReplicas: ready },
  }));
}

const taskPod = (agent: string, task: string, status: LivePod['status'], node?: string) =>
  ({
    metadata: {
      name: `clearml-id-${task}`,
      creationTimestamp: `2026-01-01T00:00:0${task.length}Z`,
      labels: {
        'clearml-console-plugin/agent-of': 'clearml',
        'clearml-console-plugin/agent': agent,
        CLEARML: 'agent-1a2b3c4d',
      },
    },
    spec: {
      containers: [{ name: `clearml-id-${task}`, image: 'docker.io/library/python:3.11' }],
      ...(node ? { nodeName: node } : {}),
    },
    status,
  }) satisfies LivePod;

async function withAgents(pods: LivePod[], ready = 1, events: LiveEvent[] = []) {
  const live: LiveState = healthyInstance();
  live.deployments.push(...(await glues(ready)));
  live.pods.push(...pods);
  live.events.push(...events);
  return instanceStatus('clearml', live);
}

describe('status of agents and their task pods', () => {
  it('reports each agent with its queues, pod limit, GPUs and ready glue', async () => {
    const status = await withAgents([]);
    expect(status.agents.map((a) => [a.agent, a.queues, a.maxPods, a.gpus, a.ready])).toEqual([
      ['cpu', ['default', 'cpu'], 2, 0, 1],
      ['gpu', ['gpu'], 1, 1, 1],
    ]);
    expect(status.agents[0]).toMatchObject({
      state: 'Ready',
      workload: { kind: 'Deployment', name: 'clearml-agent-cpu' },
      reason: 'Taking tasks from default, cpu: 0 of at most 2 task pods running.',
      taskPods: [],
    });
    expect(status.ready).toBe(true);
  });

  it('says a GPU task pod waits for a node with nvidia.com/gpu, and the instance stays ready', async () => {
    const status = await withAgents([
      taskPod('gpu', 'abc123', unschedulable(SCHEDULER_MESSAGES.noGpu)),
    ]);
    const gpu = status.agents.find((a) => a.agent === 'gpu')!;
    expect(gpu.taskPods).toEqual([
      {
        name: 'clearml-id-abc123',
        phase: 'Pending',
        task: 'abc123',
        reason: 'unschedulable: no node with nvidia.com/gpu available',
        i18n: expect.objectContaining({ id: 'status.task.unschedulable' }),
      },
    ]);
    expect(gpu.reason).toBe('Taking tasks from gpu: 0 of at most 1 task pods running, 1 waiting.');
    expect(gpu.state).toBe('Ready');
    expect(status.ready).toBe(true);
    expect(status.state).toBe('Ready');
  });

  it('names the image a task pod cannot pull, and the exit code of a failed task', async () => {
    const status = await withAgents([
      taskPod('cpu', 'pull1', {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'clearml-id-pull1',
            image: 'registry.example.com/ml/train:nope',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ImagePullBackOff' } },
          },
        ],
      }),
      taskPod('cpu', 'fail22', {
        phase: 'Failed',
        containerStatuses: [
          {
            name: 'clearml-id-fail22',
            image: 'docker.io/library/python:3.11',
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Error', exitCode: 3 } },
          },
        ],
      }),
      taskPod('cpu', 'run333', { phase: 'Running' }),
    ]);
    const reasons = status.agents[0].taskPods.map((p) => [p.task, p.phase, p.reason]);
    expect(reasons).toEqual([
      [
        'pull1',
        'Pending',
        'cannot pull image registry.example.com/ml/train:nope: check the image name and tag, the registry and the pull secret',
      ],
      ['fail22', 'Failed', 'failed: container clearml-id-fail22 exited with code 3'],
      ['run333', 'Running', ''],
    ]);
    expect(status.agents[0].reason).toContain('1 of at most 2 task pods running, 1 waiting');
  });

  it('says a task pod waits on a quota when a quota refusal names it', async () => {
    const status = await withAgents([taskPod('cpu', 'q1', { phase: 'Pending' })], 1, [
      {
        metadata: { name: 'e1' },
        type: 'Warning',
        reason: 'FailedCreate',
        message:
          'pods "clearml-id-q1" is forbidden: exceeded quota: team, requested: limits.cpu=2, used: limits.cpu=8, limited: limits.cpu=8.',
        involvedObject: { kind: 'Pod', name: 'clearml-id-q1' },
      },
    ]);
    expect(status.agents[0].taskPods[0].reason).toMatch(/^quota exceeded: pods "clearml-id-q1"/);
  });

  it('keeps the instance not ready while a glue is not ready, and says why', async () => {
    const quota: LiveEvent = {
      metadata: { name: 'e2' },
      type: 'Warning',
      reason: 'FailedCreate',
      message:
        'Error creating: pods "clearml-agent-gpu-5d8f-x" is forbidden: exceeded quota: team, requested: requests.memory=256Mi, used: requests.memory=8Gi, limited: requests.memory=8Gi',
      involvedObject: { kind: 'ReplicaSet', name: 'clearml-agent-gpu-5d8f' },
    };
    const live = healthyInstance();
    const [, gpuGlue] = await glues(0);
    live.deployments.push(...(await glues(0)));
    // The glue's ReplicaSet, with the glue's pod labels as the Deployment controller copies them.
    live.replicaSets.push({
      kind: 'ReplicaSet',
      metadata: { name: 'clearml-agent-gpu-5d8f', labels: gpuGlue.metadata.labels },
    });
    live.events.push(quota);
    const status = instanceStatus('clearml', live);
    const gpu = status.agents.find((a) => a.agent === 'gpu')!;
    expect(gpu.state).toBe('Failed');
    expect(gpu.reason).toContain('quota team of this project is used up');
    expect(status.agents.find((a) => a.agent === 'cpu')!.state).toBe('Progressing');
    expect(status.ready).toBe(false);
    expect(status.state).toBe('Failed');
  });

  it('does not count task pods of another instance or plugin pods as task pods', async () => {
    const other = taskPod('cpu', 'zz', { phase: 'Running' });
    other.metadata.labels['clearml-console-plugin/agent-of'] = 'other';
    const status = await withAgents([other]);
    expect(status.agents[0].taskPods).toEqual([]);
    expect(status.components.every((c) => c.pods.length === 1)).toBe(true);
  });
});
