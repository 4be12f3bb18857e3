import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../k8s-types';
import { isWorkload } from '../k8s-types';
import { defaultValues } from '../test-helpers';
import { render } from './render';
import { CONNECTS_TO, RUNTIME_LABEL } from './topology';

const workloadsOf = (objects: K8sObject[]) =>
  Object.fromEntries(objects.filter(isWorkload).map((o) => [o.metadata.name, o]));

const connectsTo = (o: K8sObject) =>
  JSON.parse(o.metadata.annotations?.[CONNECTS_TO] ?? '[]') as {
    apiVersion: string;
    kind: string;
    name: string;
  }[];

describe('labels and annotations for the console Topology view', async () => {
  const ml = await render({ ...defaultValues(), name: 'ml' });
  const other = await render({ ...defaultValues(), name: 'other' });

  it('makes each instance one application group named after it', () => {
    for (const o of ml) expect(o.metadata.labels?.['app.kubernetes.io/part-of']).toBe('ml');
    for (const o of other) expect(o.metadata.labels?.['app.kubernetes.io/part-of']).toBe('other');
  });

  it('draws connects-to edges in start order, to the workloads that exist', () => {
    const w = workloadsOf(ml);
    expect(connectsTo(w['ml-apiserver'])).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ml-mongodb' },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'ml-redis' },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'ml-elasticsearch' },
    ]);
    expect(connectsTo(w['ml-webserver'])).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ml-apiserver' },
    ]);
    expect(connectsTo(w['ml-fileserver']).map((t) => t.name)).toEqual(['ml-apiserver']);
    expect(connectsTo(w['ml-async-delete']).map((t) => t.name)).toEqual([
      'ml-mongodb',
      'ml-redis',
      'ml-elasticsearch',
      'ml-fileserver',
    ]);
    for (const store of ['ml-mongodb', 'ml-redis', 'ml-elasticsearch']) {
      expect(w[store].metadata.annotations?.[CONNECTS_TO]).toBeUndefined();
    }
  });

  it('gives every workload a runtime the console has an icon for', () => {
    const runtime = Object.fromEntries(
      Object.entries(workloadsOf(ml)).map(([name, o]) => [
        name,
        o.metadata.labels?.[RUNTIME_LABEL],
      ]),
    );
    expect(runtime).toEqual({
      'ml-mongodb': 'mongodb',
      'ml-redis': 'redis',
      'ml-elasticsearch': 'elastic',
      'ml-apiserver': 'python',
      'ml-fileserver': 'python',
      'ml-async-delete': 'python',
      'ml-webserver': 'nginx',
    });
  });

  it('keeps selectors on instance and component only', () => {
    for (const o of ml.filter(isWorkload)) {
      const spec = (o as { spec: { selector: { matchLabels: Record<string, string> } } }).spec;
      expect(Object.keys(spec.selector.matchLabels).sort()).toEqual([
        'app.kubernetes.io/component',
        'app.kubernetes.io/instance',
      ]);
    }
    for (const s of ml.filter((o) => o.kind === 'Service')) {
      const selector = (s as unknown as { spec: { selector: Record<string, string> } }).spec
        .selector;
      expect(Object.keys(selector).sort()).toEqual([
        'app.kubernetes.io/component',
        'app.kubernetes.io/instance',
      ]);
    }
  });
});
