/**
 * Which plugin build the chart points the console at: the ConsolePlugin's backend basePath,
 * chosen from the cluster's Kubernetes version (`helm template --kube-version`) or forced with
 * plugin.consoleBuild. OpenShift 4.19, 4.20, 4.21 and 4.22 run Kubernetes 1.32, 1.33, 1.34 and
 * 1.35 (OpenShift release notes, "About this release").
 */
import { describe, expect, it } from 'vitest';
import { CONSOLE_BUILDS, consoleBuild } from '../../scripts/console-builds';
import { CHART_DIR, helm, pick, render, valuesFile } from './chart';

const basePath = async (kubeVersion: string, consoleBuildValue?: string) => {
  const values =
    consoleBuildValue === undefined ? undefined : { plugin: { consoleBuild: consoleBuildValue } };
  const plugin = pick(await render({ kubeVersion, values }), 'ConsolePlugin') as {
    spec: { backend: { service: { basePath: string } } };
  };
  return plugin.spec.backend.service.basePath;
};

describe('ConsolePlugin basePath', () => {
  it.each([
    ['v1.32.0', 'OpenShift 4.19', '4.19'],
    ['v1.33.5', 'OpenShift 4.20', '4.19'],
    ['v1.34.3', 'OpenShift 4.21', '4.19'],
    ['v1.35.0', 'OpenShift 4.22', '4.22'],
    ['v1.36.2', 'a later OpenShift', '4.22'],
  ])('on Kubernetes %s (%s) selects the %s build', async (kube, _openshift, id) => {
    expect(await basePath(kube)).toBe(consoleBuild(id).basePath);
  });

  it('serves only base paths the image has a build under', () => {
    expect(CONSOLE_BUILDS.map((b) => b.basePath)).toEqual(['/', '/4.19/']);
  });

  it('follows plugin.consoleBuild when it is set, whatever the cluster', async () => {
    expect(await basePath('v1.35.0', '4.19')).toBe('/4.19/');
    expect(await basePath('v1.33.0', '4.22')).toBe('/');
    expect(await basePath('v1.31.0', '4.19')).toBe('/4.19/');
  });

  it('refuses OpenShift 4.18 and earlier, saying how to force a build', async () => {
    const result = await helm([
      'template',
      'x',
      CHART_DIR,
      '--kube-version',
      'v1.31.4',
      '--values',
      valuesFile({}),
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('OpenShift 4.18 or earlier');
    expect(result.stderr).toContain('plugin.consoleBuild');
  });
});
