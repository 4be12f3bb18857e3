import { healthyInstance } from '../../engine/status/fixtures';
import { instanceStatus } from '../../engine/status/model';
import { graphModel, type NodeData } from './graph-model';

describe('graphModel', () => {
  const model = graphModel(instanceStatus('clearml', healthyInstance()));

  it('has one node per component with its status', () => {
    expect(model.nodes?.map((n) => n.id)).toEqual([
      'mongodb',
      'redis',
      'elasticsearch',
      'apiserver',
      'fileserver',
      'async-delete',
      'webserver',
    ]);
    expect(model.nodes?.every((n) => n.status === 'success')).toBe(true);
  });

  it('draws an edge from each component to what it waits for, not the waits implied by others', () => {
    // Async delete waits for the data stores too, but through the file server and the API server.
    expect(model.edges?.map((e) => `${e.source}->${e.target}`)).toEqual([
      'apiserver->mongodb',
      'apiserver->redis',
      'apiserver->elasticsearch',
      'fileserver->apiserver',
      'async-delete->fileserver',
      'webserver->apiserver',
    ]);
  });

  it('keeps a direct wait when the component in between is not deployed', () => {
    const live = healthyInstance();
    const status = instanceStatus('clearml', live);
    const withoutFileserver = {
      ...status,
      components: status.components.filter((c) => c.component !== 'fileserver'),
    };
    expect(
      graphModel(withoutFileserver)
        .edges?.filter((e) => e.source === 'async-delete')
        .map((e) => e.target),
    ).toEqual(['mongodb', 'redis', 'elasticsearch']);
  });

  it('puts the Route URL on the web UI and API nodes', () => {
    const url = (id: string) => (model.nodes?.find((n) => n.id === id)?.data as NodeData).url;
    expect(url('webserver')).toBe('https://clearml-app-team-a.apps.example.com');
    expect(url('apiserver')).toBe('https://api.example.com');
    expect(url('mongodb')).toBeUndefined();
  });
});
