import type { K8sObject } from '../../engine/k8s-types';
import { render } from '../../engine/render/render';
import { SCHEDULER_MESSAGES, unschedulable } from '../../engine/status/fixtures';
import { agentPreset, createValues } from '../../engine/values';
import { FakeClusterClient } from '../../test-support/fake-client';
import { runCommand } from '../../test-support/run-command';

const NS = 'team-a';

/** Instance `ml` as rendered (all workloads ready) with a CPU and a GPU agent. */
async function cluster(): Promise<FakeClusterClient> {
  const objects = await render(
    createValues({
      name: 'ml',
      namespace: NS,
      agents: [agentPreset('cpu', 'cpu'), agentPreset('gpu', 'gpu')],
    }),
  );
  const ready = objects.map((o) =>
    o.kind === 'Deployment' || o.kind === 'StatefulSet'
      ? ({ ...o, status: { replicas: 1, readyReplicas: 1, updatedReplicas: 1 } } as K8sObject)
      : o,
  );
  return new FakeClusterClient(ready);
}

const taskPod = (name: string, agent: string, status: object): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: NS,
      labels: { 'clearml-console-plugin/agent-of': 'ml', 'clearml-console-plugin/agent': agent },
    },
    spec: { containers: [{ name, image: 'docker.io/library/python:3.11' }] },
    status,
  }) as K8sObject;

const waitingForGpu = unschedulable(SCHEDULER_MESSAGES.noGpu);

describe('status of the agents on the command line', () => {
  it('prints each agent with its queues and its task pods with their reasons', async () => {
    const client = await cluster();
    client.put(taskPod('clearml-id-0a1b', 'gpu', waitingForGpu));
    client.put(taskPod('clearml-id-9f8e', 'cpu', { phase: 'Running' }));
    const run = await runCommand('status', ['--name', 'ml', '-n', NS], { client });
    expect(run.stdout).toContain(
      '✓ agent cpu      Ready       1/1  Taking tasks from default: 1 of at most 2 task pods running.',
    );
    expect(run.stdout).toContain('      queues gpu; up to 1 task pods, 1 nvidia.com/gpu each');
    expect(run.stdout).toContain(
      '      clearml-id-0a1b  Pending   unschedulable: no node with nvidia.com/gpu available',
    );
    // A task waiting for a GPU does not make the instance not ready.
    expect(run.stdout).toMatch(/^ml: Ready/);
    expect(run.code).toBe(0);
  });

  it('includes the agents in JSON', async () => {
    const client = await cluster();
    client.put(taskPod('clearml-id-0a1b', 'gpu', waitingForGpu));
    const run = await runCommand('status', ['--name', 'ml', '-n', NS, '-o', 'json'], { client });
    const status = JSON.parse(run.stdout) as {
      agents: { agent: string; queues: string[]; taskPods: { task: string; reason: string }[] }[];
    };
    expect(status.agents.map((a) => [a.agent, a.queues])).toEqual([
      ['cpu', ['default']],
      ['gpu', ['gpu']],
    ]);
    expect(status.agents[1].taskPods).toMatchObject([
      { task: '0a1b', reason: 'unschedulable: no node with nvidia.com/gpu available' },
    ]);
  });
});

describe('uninstall and the agents task pods', () => {
  it('leaves them, says how many and how to remove them', async () => {
    const client = await cluster();
    client.put(taskPod('clearml-id-1', 'cpu', { phase: 'Running' }));
    client.put(taskPod('clearml-id-2', 'gpu', waitingForGpu));
    const run = await runCommand('uninstall', ['--name', 'ml', '-n', NS], { client });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Left 2 task pods of the agents in team-a (clearml-id-1, clearml-id-2). Remove them with uninstall --task-pods, or oc delete pod -n team-a -l clearml-console-plugin/agent-of=ml.',
    );
    expect(await client.list('v1', 'Pod', { namespace: NS })).toHaveLength(2);
    expect(await client.list('apps/v1', 'Deployment', { namespace: NS })).toEqual([]);
  });

  it('removes them with --task-pods, after the agents that start them', async () => {
    const client = await cluster();
    client.put(taskPod('clearml-id-1', 'cpu', { phase: 'Running' }));
    const other = taskPod('clearml-id-2', 'cpu', { phase: 'Running' });
    other.metadata.labels!['clearml-console-plugin/agent-of'] = 'other';
    client.put(other);
    const run = await runCommand('uninstall', ['--name', 'ml', '-n', NS, '--task-pods'], {
      client,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Left');
    const pods = await client.list('v1', 'Pod', { namespace: NS });
    expect(pods.map((p) => p.metadata.name)).toEqual(['clearml-id-2']);
    const deletes = client.calls.filter((c) => c.method === 'delete').map((c) => c.what);
    expect(deletes.indexOf('Pod/clearml-id-1')).toBeGreaterThan(
      deletes.indexOf('Deployment/ml-agent-cpu'),
    );
  });
});
