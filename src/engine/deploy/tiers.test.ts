import { createValues } from '../values';
import { render } from '../render/render';
import { groupByTier, inApplyOrder } from './tiers';
import { deleteWaves } from './uninstall';

describe('apply order', () => {
  it('puts accounts, grants, secrets, volumes, Services and Routes first, then data stores, then servers', async () => {
    const objects = await render(createValues({ name: 'ml', namespace: 'team-a' }));
    const groups = groupByTier(objects);
    expect(groups.map((g) => g.tier)).toEqual([
      'accounts, grants, secrets, volumes, services and routes',
      'data stores',
      'ClearML servers',
    ]);
    const names = (i: number) => groups[i].objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names(0)).toEqual(
      expect.arrayContaining([
        'ServiceAccount/ml-apiserver',
        'RoleBinding/ml-scc-anyuid',
        'Secret/ml-credentials',
        'PersistentVolumeClaim/ml-mongodb-data',
        'NetworkPolicy/ml-netpol-mongodb',
        'NetworkPolicy/ml-netpol-apiserver',
        // The router gives the Routes their hosts while the data stores are written.
        'Route/ml-app',
        'Route/ml-api',
        'Service/ml-apiserver',
      ]),
    );
    expect(names(1).sort()).toEqual([
      'Deployment/ml-mongodb',
      'StatefulSet/ml-elasticsearch',
      'StatefulSet/ml-redis',
    ]);
    expect(names(2)).toEqual(
      expect.arrayContaining(['Deployment/ml-apiserver', 'Deployment/ml-webserver']),
    );
    expect(inApplyOrder(objects)).toHaveLength(objects.length);
  });

  it("writes an agent's task pod template with the servers, since it carries their URLs", async () => {
    const objects = await render(
      createValues({
        name: 'ml',
        namespace: 'team-a',
        agents: [{ name: 'cpu', queues: ['default'] }],
      }),
    );
    const servers = groupByTier(objects).find((g) => g.tier === 'ClearML servers')!;
    expect(servers.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      expect.arrayContaining(['ConfigMap/ml-agent-cpu-pod-template', 'Deployment/ml-agent-cpu']),
    );
  });
});

describe('delete order', () => {
  it('takes what serves and runs away first, what it ran with next, and the install record last', async () => {
    const objects = await render(createValues({ name: 'ml', namespace: 'team-a' }));
    const record = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'ml-install-record',
        labels: { 'clearml-console-plugin/install-record': 'true' },
      },
    };
    const waves = deleteWaves([record, ...objects]);
    const kinds = (i: number) => [...new Set(waves[i].map((o) => o.kind))].sort();
    expect(waves).toHaveLength(2);
    expect(kinds(0)).toEqual(['Deployment', 'Route', 'Service', 'StatefulSet']);
    expect(kinds(1)).not.toContain('Route');
    expect(kinds(1)).toEqual(
      expect.arrayContaining(['ServiceAccount', 'RoleBinding', 'Secret', 'PersistentVolumeClaim']),
    );
    expect(waves[1].at(-1)!.metadata.name).toBe('ml-install-record');
    expect(waves.flat()).toHaveLength(objects.length + 1);
  });
});
