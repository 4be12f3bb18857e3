import { createValues } from '../values';
import { render } from '../render/render';
import { groupByTier, inApplyOrder } from './tiers';

describe('apply order', () => {
  it('puts accounts, grants, secrets and volumes first, data stores before servers, routes last', async () => {
    const objects = await render(createValues({ name: 'ml', namespace: 'team-a' }));
    const groups = groupByTier(objects);
    expect(groups.map((g) => g.tier)).toEqual([
      'accounts, grants, secrets and volumes',
      'data stores',
      'ClearML servers',
      'services and routes',
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
    expect(names(3)).toEqual(expect.arrayContaining(['Service/ml-apiserver', 'Route/ml-app']));
    expect(inApplyOrder(objects)).toHaveLength(objects.length);
  });
});
