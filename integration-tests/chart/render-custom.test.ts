/** The Helm chart in charts/clearml-console-plugin rendered with custom values. */
import type * as k8s from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_VALUES, ENABLER_NAME, PLUGIN_NAME, pick, render, type Manifest } from './chart';
import { type Deployment, jobsOf, expectEnablerHooks, expectRestrictedPod } from './render-expect';

describe('helm template with custom values', () => {
  let objects: Manifest[];
  beforeAll(async () => {
    objects = await render({ namespace: 'plugins', values: CUSTOM_VALUES });
  });

  it('uses the image, replicas and resources', () => {
    const deploy = pick<Deployment>(objects, 'Deployment');
    expect(deploy.spec?.replicas).toBe(3);
    const [c] = deploy.spec!.template.spec!.containers;
    expect(c.image).toBe('registry.example.com/team/clearml-plugin:9.9.9');
    expect(c.resources).toEqual(CUSTOM_VALUES.resources);
  });

  it('places the pods with the node selector, tolerations, affinity and priority class', () => {
    const pod = pick<Deployment>(objects, 'Deployment').spec!.template.spec!;
    expect(pod.nodeSelector).toEqual(CUSTOM_VALUES.nodeSelector);
    expect(pod.tolerations).toEqual(CUSTOM_VALUES.tolerations);
    expect(pod.affinity).toEqual(CUSTOM_VALUES.affinity);
    expect(pod.priorityClassName).toBe('system-cluster-critical');
    expectRestrictedPod(pod);
  });

  it('renders no Jobs and no enabler RBAC when the Jobs are off', () => {
    expect(jobsOf(objects)).toEqual([]);
    expect(objects.filter((o) => o.metadata.name === ENABLER_NAME)).toEqual([]);
  });

  it('points the ConsolePlugin at the release namespace', () => {
    const plugin = pick(objects, 'ConsolePlugin') as Manifest & {
      spec: { backend: { service: { namespace: string } } };
    };
    expect(plugin.spec.backend.service.namespace).toBe('plugins');
  });

  it('pins the image by digest when one is given', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const o = await render({ values: { image: { repository: 'r.example/p', digest } } });
    expect(pick<Deployment>(o, 'Deployment').spec!.template.spec!.containers[0].image).toBe(
      `r.example/p@${digest}`,
    );
  });

  it('serves an existing TLS Secret instead of a service-CA certificate', async () => {
    const o = await render({ values: { service: { certificateSecretName: 'my-tls' } } });
    expect(pick<k8s.V1Service & Manifest>(o, 'Service').metadata.annotations).toBeUndefined();
    const pod = pick<Deployment>(o, 'Deployment').spec!.template.spec!;
    expect(pod.volumes?.find((v) => v.name === 'serving-cert')?.secret?.secretName).toBe('my-tls');
  });

  it('listens on IPv4 only when IPv6 is off, and on one dual-stack socket otherwise', async () => {
    const o = await render({ values: { nginx: { listenIPv6: false } } });
    const conf = pick<k8s.V1ConfigMap & Manifest>(o, 'ConfigMap', `${PLUGIN_NAME}-nginx`).data![
      'nginx.conf'
    ];
    const listens = conf.split('\n').filter((l) => /^\s*listen\s/.test(l));
    expect(listens.map((l) => l.trim())).toEqual(['listen 9443 ssl;']);
  });

  it('drops the PDB and the required-scc annotation when asked to', async () => {
    const o = await render({
      values: { podDisruptionBudget: { enabled: false }, requiredScc: '' },
    });
    expect(o.some((x) => x.kind === 'PodDisruptionBudget')).toBe(false);
    const annotations = pick<Deployment>(o, 'Deployment').spec!.template.metadata!.annotations!;
    expect(annotations['openshift.io/required-scc']).toBeUndefined();
  });

  it('keeps the disable Job and its RBAC when only the enable Job is off', async () => {
    const o = await render({ values: { jobs: { enablePlugin: { enabled: false } } } });
    expect(jobsOf(o).map((j) => j.metadata.name)).toEqual([`${PLUGIN_NAME}-disable`]);
    expect(pick(o, 'ClusterRole').metadata.name).toBe(ENABLER_NAME);
    expectEnablerHooks(o, ['pre-delete']);
  });

  it('ties the RBAC to the enable Job alone when disabling on uninstall is off', async () => {
    const o = await render({ values: { jobs: { enablePlugin: { disableOnUninstall: false } } } });
    expect(jobsOf(o).map((j) => j.metadata.name)).toEqual([`${PLUGIN_NAME}-enable`]);
    expectEnablerHooks(o, ['post-install', 'post-upgrade']);
  });
});
