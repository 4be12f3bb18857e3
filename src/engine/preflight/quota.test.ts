import { createValues } from '../values';
import { render } from '../render/render';
import { agentQuotaFindings, agentTaskDemands } from './agent-quota';
import { demandOf, formatAmount, quotaShortfalls } from './quota';

describe('quota headroom', () => {
  it('adds up storage and pods of the default instance', async () => {
    const demand = demandOf(await render(createValues({ name: 'ml', namespace: 'ns' })));
    expect(demand.pods).toBe(7);
    // fileserver and mongodb claims, plus one per Redis and Elasticsearch replica.
    expect(demand.persistentvolumeclaims).toBe(4);
    expect(demand['requests.storage']).toBe(155 * 2 ** 30);
  });

  it('names the quota, the resource, what is left and what is needed', () => {
    const short = quotaShortfalls({ 'requests.storage': 100 * 2 ** 30, pods: 7 }, [
      {
        metadata: { name: 'team' },
        status: {
          hard: { 'requests.storage': '60Gi', pods: '20' },
          used: { 'requests.storage': '20Gi', pods: '3' },
        },
      },
    ]);
    expect(short).toEqual([
      { quota: 'team', resource: 'requests.storage', needed: 100 * 2 ** 30, free: 40 * 2 ** 30 },
    ]);
    expect(formatAmount('requests.storage', short[0].free)).toBe('40 GiB');
  });

  it('only counts what a re-deploy adds to what the instance already uses', () => {
    const short = quotaShortfalls(
      { pods: 7 },
      [{ metadata: { name: 'q' }, status: { hard: { pods: '8' }, used: { pods: '7' } } }],
      { pods: 7 },
    );
    expect(short).toEqual([]);
  });
});

describe('quota headroom for the agents task pods', async () => {
  const objects = await render(
    createValues({
      name: 'ml',
      namespace: 'ns',
      agents: [
        { name: 'gpu', queues: ['gpu'], maxPods: 4, taskPod: { gpus: 1 } },
        { name: 'cpu', queues: ['default'], maxPods: 3 },
      ],
    }),
  );
  const quota = (hard: Record<string, string>, used: Record<string, string> = {}) => [
    { metadata: { name: 'team' }, status: { hard, used } },
  ];

  it('reads each agent pod limit and one task pod requests, GPUs as requests.nvidia.com/gpu', () => {
    const demands = agentTaskDemands(objects);
    const gpu = demands.find((d) => d.agent === 'gpu')!;
    const cpu = demands.find((d) => d.agent === 'cpu')!;
    expect(gpu).toMatchObject({ agent: 'gpu', maxPods: 4 });
    expect(gpu.perPod['requests.nvidia.com/gpu']).toBe(1);
    expect(gpu.perPod['requests.cpu']).toBe(0.5);
    expect(cpu).toMatchObject({ agent: 'cpu', maxPods: 3 });
    expect(cpu.perPod['requests.nvidia.com/gpu']).toBeUndefined();
    // The glue's own requests are in the instance's demand.
    expect(demandOf(objects)['requests.nvidia.com/gpu']).toBeUndefined();
  });

  it('says which agent will not fit and how many of its tasks can run at once', () => {
    const findings = agentQuotaFindings(
      agentTaskDemands(objects),
      demandOf(objects),
      {},
      quota({ 'requests.nvidia.com/gpu': '3' }, { 'requests.nvidia.com/gpu': '1' }),
    );
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        'Agent gpu: 4 task pods × 1 nvidia.com/gpu = 4 nvidia.com/gpu (requests.nvidia.com/gpu), but quota team allows 2 nvidia.com/gpu more once the servers run: at most 2 of its tasks can run at once. Lower maxPods or ask for a larger quota.',
      ],
    ]);
  });

  it('counts task pods after the servers and glues, and agents together', () => {
    const base = demandOf(objects);
    const tasks = agentTaskDemands(objects);
    // Room for the servers and glues plus 6 pods: each agent fits alone, not both at once.
    const pods = String(base.pods + 6);
    const together = agentQuotaFindings(tasks, base, {}, quota({ pods }));
    expect(together.map((f) => f.message)).toEqual([
      'Agents cpu, gpu together need 7 (pods) for their task pods at once, but quota team allows 6 more once the servers run: not all of their tasks can run at once. Lower maxPods or ask for a larger quota.',
    ]);
    expect(agentQuotaFindings(tasks, base, {}, quota({ pods: String(base.pods + 7) }))).toEqual([]);
  });
});
