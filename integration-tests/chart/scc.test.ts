/**
 * The engine's SCC planner, run on the chart's pod templates: the plugin and its Jobs need
 * nothing beyond restricted-v2, with default and with custom values.
 */
import { describe, expect, it } from 'vitest';
import type { K8sObject, PodSpec } from '../../src/engine/k8s-types';
import { DEFAULT_NAMESPACE_ANNOTATIONS, admit, planScc, selectScc } from '../../src/engine/scc';
import { CUSTOM_VALUES, ENABLER_NAME, PLUGIN_NAME, render, type Manifest } from './chart';

const MODES = ['least-privilege', 'chart-compatible'] as const;

function podTemplates(objects: Manifest[]): { name: string; kind: string; pod: PodSpec }[] {
  return objects
    .filter((o) => ['Deployment', 'Job'].includes(o.kind))
    .map((o) => {
      const spec = o.spec as { template: { spec: PodSpec } };
      return { name: o.metadata.name, kind: o.kind, pod: spec.template.spec };
    });
}

describe.each([
  ['default values', undefined],
  ['custom values', CUSTOM_VALUES],
])('SCC plan for the chart with %s', (_label, values) => {
  it.each(MODES)('needs no SCC grant for the plugin Deployment (%s mode)', async (mode) => {
    const objects = await render({ values });
    const plan = planScc(objects as unknown as K8sObject[], {
      mode,
      namespaceAnnotations: DEFAULT_NAMESPACE_ANNOTATIONS,
    });
    expect(plan).toEqual([
      expect.objectContaining({
        serviceAccount: PLUGIN_NAME,
        scc: 'restricted-v2',
        pods: [PLUGIN_NAME],
        landsOn: { [PLUGIN_NAME]: 'restricted-v2' },
      }),
    ]);
  });

  it('admits every pod template, Jobs included, under restricted-v2 alone', async () => {
    const templates = podTemplates(await render({ values }));
    expect(templates.length).toBeGreaterThan(0);
    for (const { name, pod } of templates) {
      const result = admit(pod, 'restricted-v2', DEFAULT_NAMESPACE_ANNOTATIONS);
      expect(result.reasons, name).toEqual([]);
      expect(result.allowed, name).toBe(true);
      expect(selectScc(pod, ['restricted-v2'], DEFAULT_NAMESPACE_ANNOTATIONS), name).toBe(
        'restricted-v2',
      );
    }
  });
});

describe('SCC plan for the enable Jobs', () => {
  it('runs them under restricted-v2 with their own service account', async () => {
    const jobs = podTemplates(await render()).filter((t) => t.kind === 'Job');
    expect(jobs.map((j) => j.name).sort()).toEqual([
      `${PLUGIN_NAME}-disable`,
      `${PLUGIN_NAME}-enable`,
    ]);
    // planScc plans Deployments and StatefulSets; give it each Job's pod template as one.
    const asDeployments = jobs.map(({ name, pod }) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: { template: { metadata: { labels: {} }, spec: pod } },
    }));
    const plan = planScc(asDeployments as unknown as K8sObject[], { mode: 'least-privilege' });
    expect(plan).toEqual([
      expect.objectContaining({ serviceAccount: ENABLER_NAME, scc: 'restricted-v2' }),
    ]);
  });

  it('would notice a pod that restricted-v2 refuses (the check is not vacuous)', async () => {
    const [deployment] = podTemplates(await render()).filter((t) => t.kind === 'Deployment');
    const rooted: PodSpec = {
      ...deployment.pod,
      securityContext: { ...deployment.pod.securityContext, runAsUser: 0 },
    };
    expect(admit(rooted, 'restricted-v2', DEFAULT_NAMESPACE_ANNOTATIONS).allowed).toBe(false);
  });
});
