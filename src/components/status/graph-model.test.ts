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

  it('draws an edge from each component to what it waits for', () => {
    expect(model.edges?.map((e) => `${e.source}->${e.target}`)).toEqual([
      'apiserver->mongodb',
      'apiserver->redis',
      'apiserver->elasticsearch',
      'fileserver->apiserver',
      'async-delete->mongodb',
      'async-delete->redis',
      'async-delete->elasticsearch',
      'async-delete->fileserver',
      'webserver->apiserver',
    ]);
  });

  it('puts the Route URL on the web UI and API nodes', () => {
    const url = (id: string) => (model.nodes?.find((n) => n.id === id)?.data as NodeData).url;
    expect(url('webserver')).toBe('https://clearml-app-team-a.apps.example.com');
    expect(url('apiserver')).toBe('https://api.example.com');
    expect(url('mongodb')).toBeUndefined();
  });
});
