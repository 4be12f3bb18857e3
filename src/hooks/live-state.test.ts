// @vitest-environment jsdom
import { instanceWatch } from './watch-specs';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../test-support/console-sdk'));
import { liveStateOf } from './useInstanceLive';

describe('the live state the page hands the status model', () => {
  it('watches StorageClasses as an optional cluster-wide list', () => {
    expect(instanceWatch('team-a', 'ml').storageClasses).toEqual({
      groupVersionKind: { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass' },
      isList: true,
      optional: true,
    });
  });

  it('passes StorageClasses on when loaded, and leaves them unknown when forbidden', () => {
    const standard = { metadata: { name: 'standard' } };
    expect(
      liveStateOf({ storageClasses: { data: [standard], loaded: true } }).storageClasses,
    ).toEqual([standard]);
    expect(
      liveStateOf({ storageClasses: { data: [], loaded: true, loadError: { code: 403 } } })
        .storageClasses,
    ).toBeUndefined();
    expect(liveStateOf({}).storageClasses).toBeUndefined();
    expect(liveStateOf({}).pods).toEqual([]);
  });
});

describe('the agents task pods on the page', () => {
  it('watches them once for all agents by the instance label they carry', () => {
    expect(instanceWatch('team-a', 'ml').taskPods).toEqual({
      groupVersionKind: { group: '', version: 'v1', kind: 'Pod' },
      isList: true,
      namespace: 'team-a',
      selector: { matchLabels: { 'clearml-console-plugin/agent-of': 'ml' } },
    });
  });

  it('hands them to the status model with the instance pods, each once', () => {
    const server = { metadata: { name: 'ml-apiserver-1' } };
    const task = { metadata: { name: 'clearml-id-abc' } };
    const live = liveStateOf({
      pods: { data: [server], loaded: true },
      taskPods: { data: [task, server], loaded: true },
    });
    expect(live.pods).toEqual([server, task]);
  });
});
