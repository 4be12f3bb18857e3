// The health of an upstream chart release, from its workloads and the project's pods.
import { chartLive, crashLooping } from '../../test-support/chart-release';
import type { LiveState } from '../status/types';
import { findChartReleases } from './releases';
import { releaseStatus } from './release-status';

function liveOf(chart: ReturnType<typeof chartLive>, extra: Partial<LiveState> = {}): LiveState {
  return { ...chart, pvcs: [], routes: [], events: [], ...extra };
}

const releaseOf = (chart: ReturnType<typeof chartLive>) =>
  findChartReleases([...chart.deployments, ...chart.statefulSets], undefined)[0];

describe('status of a chart release', () => {
  it('maps every chart workload to its component, with its pods found by owner', () => {
    const chart = chartLive();
    const status = releaseStatus(releaseOf(chart), liveOf(chart));
    expect(status.instance).toBe('clearml');
    expect(status.ready).toBe(true);
    expect(
      Object.fromEntries(status.components.map((c) => [c.component, c.workload?.name])),
    ).toEqual({
      mongodb: 'clearml-mongodb',
      redis: 'clearml-redis-master',
      elasticsearch: 'clearml-elastic-master',
      apiserver: 'clearml-apiserver',
      fileserver: 'clearml-fileserver',
      'async-delete': 'clearml-apiserver-asyncdelete',
      webserver: 'clearml-webserver',
    });
    const api = status.components.find((c) => c.component === 'apiserver')!;
    expect(api.pods.map((p) => p.name)).toEqual(['clearml-apiserver-5d8f7c6b9-x2k4p']);
    expect(api.reason).toBe('Running example/clearml-apiserver:1, no restarts.');
  });

  it('says why a component is down, in the same words as for a managed instance', () => {
    const chart = chartLive({ notReady: { 'clearml-apiserver': crashLooping('main') } });
    const status = releaseStatus(releaseOf(chart), liveOf(chart));
    const api = status.components.find((c) => c.component === 'apiserver')!;
    expect(api.state).toBe('Failed');
    expect(api.reason).toMatch(/keeps crashing/i);
    expect(status.state).toBe('Failed');
    expect(status.ready).toBe(false);
  });

  it('leaves out components the chart does not run, and waits for none of them', () => {
    // An install with an external Elasticsearch: no elastic StatefulSet in the project.
    const chart = chartLive({
      without: ['clearml-elastic-master'],
      notReady: { 'clearml-apiserver': { phase: 'Running', conditions: [] } },
    });
    const status = releaseStatus(releaseOf(chart), liveOf(chart));
    expect(status.components.map((c) => c.component)).not.toContain('elasticsearch');
    const api = status.components.find((c) => c.component === 'apiserver')!;
    expect(api.state).toBe('Progressing');
    expect(api.reason).not.toMatch(/Elasticsearch/);
  });

  it('ignores pods and workloads of other applications in the project', () => {
    const chart = chartLive();
    const other = {
      kind: 'Pod',
      metadata: {
        name: 'shop-7c9-abcde',
        labels: { app: 'clearml-apiserver' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'shop-7c9' }],
      },
      status: crashLooping('shop'),
    };
    const status = releaseStatus(
      releaseOf(chart),
      liveOf({ ...chart, pods: [...chart.pods, other] }),
    );
    expect(status.ready).toBe(true);
  });

  it('links the web UI and API through the Routes to the release’s Services', () => {
    const chart = chartLive();
    const route = (name: string, service: string, host: string) => ({
      metadata: { name },
      spec: { host, to: { kind: 'Service', name: service }, tls: { termination: 'edge' } },
      status: { ingress: [{ host }] },
    });
    const status = releaseStatus(
      releaseOf(chart),
      liveOf(chart, {
        routes: [
          route('clearml-webserver', 'clearml-webserver', 'app.example.com'),
          route('clearml-apiserver', 'clearml-apiserver', 'api.example.com'),
        ],
      }),
    );
    expect(status.urls).toEqual({
      app: 'https://app.example.com',
      api: 'https://api.example.com',
      files: undefined,
    });
  });
});
