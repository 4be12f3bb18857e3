import { createValues } from '../values';
import { render } from '../render/render';
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
