import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../engine';
import { MASK, objectDiff } from './object-diff';

const deployment = (replicas: number, image: string): K8sObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'clearml-apiserver', namespace: 'team-a', resourceVersion: '7' },
    spec: { replicas, template: { spec: { containers: [{ name: 'apiserver', image }] } } },
  }) as unknown as K8sObject;

const secret = (value: string): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'clearml-credentials', namespace: 'team-a' },
    data: { session_secret: value, apiserver_key: 'QUtFWQ==' },
  }) as unknown as K8sObject;

const named = (kind: string, name: string): K8sObject =>
  ({ apiVersion: 'v1', kind, metadata: { name, namespace: 'team-a' } }) as K8sObject;

describe('the per-object diff of an upgrade', () => {
  it('lists added, changed (with the changed fields) and removed objects', () => {
    const live = new Map<string, K8sObject>([
      ['Deployment/clearml-apiserver', deployment(1, 'clearml/server:2.0')],
      ['Service/clearml-apiserver', named('Service', 'clearml-apiserver')],
    ]);
    const diff = objectDiff(
      [
        deployment(2, 'clearml/server:2.3'),
        named('Service', 'clearml-apiserver'),
        named('Route', 'clearml-api'),
      ],
      live,
      [...live.values(), named('Service', 'clearml-elasticsearch')],
    );
    expect(diff.added.map((a) => a.key)).toEqual(['Route/clearml-api']);
    expect(diff.removed.map((r) => r.key)).toEqual(['Service/clearml-elasticsearch']);
    expect(diff.changed).toEqual([
      {
        key: 'Deployment/clearml-apiserver',
        kind: 'Deployment',
        name: 'clearml-apiserver',
        fields: [
          { path: 'spec.replicas', before: '1', after: '2' },
          {
            path: 'spec.template.spec.containers.0.image',
            before: 'clearml/server:2.0',
            after: 'clearml/server:2.3',
          },
        ],
      },
    ]);
  });

  it('names a changed Secret key but never shows its values', () => {
    const diff = objectDiff(
      [secret('bmV3LXNlY3JldA==')],
      new Map([['Secret/clearml-credentials', secret('b2xkLXNlY3JldA==')]]),
    );
    expect(diff.changed[0].fields).toEqual([
      { path: 'data.session_secret', before: MASK, after: MASK },
    ]);
    expect(JSON.stringify(diff)).not.toMatch(/bmV3|b2xk|QUtFWQ/);
  });
});
