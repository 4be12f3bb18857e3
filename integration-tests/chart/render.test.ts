/**
 * The Helm chart in charts/clearml-console-plugin: lint, and render with default values; check the
 * objects that decide whether the plugin loads and how safely it runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as k8s from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { KUBE_VERSION, REPO_ROOT } from '../support/cluster';
import {
  CHART_DIR,
  CUSTOM_VALUES,
  ENABLER_NAME,
  NGINX_CONF_PATH,
  PLUGIN_NAME,
  SCRIPT_PATH,
  helm,
  pick,
  render,
  valuesFile,
  type Manifest,
} from './chart';
import {
  NAMESPACE,
  type Deployment,
  jobsOf,
  expectEnablerHooks,
  expectRestrictedPod,
} from './render-expect';

describe('helm lint', () => {
  it('passes with default values', async () => {
    const result = await helm(['lint', '--strict', CHART_DIR]);
    expect(result.stdout + result.stderr).toContain('0 chart(s) failed');
    expect(result.code).toBe(0);
  });

  it('passes with custom values', async () => {
    const result = await helm([
      'lint',
      '--strict',
      CHART_DIR,
      '--values',
      valuesFile(CUSTOM_VALUES),
    ]);
    expect(result.stdout + result.stderr).toContain('0 chart(s) failed');
    expect(result.code).toBe(0);
  });

  it('rejects values the schema does not allow', async () => {
    for (const bad of [
      { replicas: 0 },
      { replicas: 'two' },
      { image: { repository: '' } },
      { imageTag: 'typo' },
      { plugin: { name: 'Not_A_Name', displayName: 'ClearML' } },
      { image: { repository: 'r', digest: 'md5:abc' } },
      { plugin: { name: 'clearml-console-plugin', displayName: 'ClearML', consoleBuild: '4.20' } },
    ]) {
      const result = await helm(['template', 'x', CHART_DIR, '--values', valuesFile(bad)]);
      expect(result.code, JSON.stringify(bad)).not.toBe(0);
      expect(result.stderr, JSON.stringify(bad)).toMatch(/schema/i);
    }
  });
});

describe('helm template with default values', () => {
  let objects: Manifest[];
  beforeAll(async () => {
    objects = await render({ namespace: NAMESPACE });
  });

  it('renders exactly the expected objects', () => {
    const summary = objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    expect(summary).toEqual(
      [
        `ClusterRole/${ENABLER_NAME}`,
        `ClusterRoleBinding/${ENABLER_NAME}`,
        `ConfigMap/${ENABLER_NAME}`,
        `ConfigMap/${PLUGIN_NAME}-nginx`,
        `ConsolePlugin/${PLUGIN_NAME}`,
        `Deployment/${PLUGIN_NAME}`,
        `Job/${PLUGIN_NAME}-disable`,
        `Job/${PLUGIN_NAME}-enable`,
        `PodDisruptionBudget/${PLUGIN_NAME}`,
        `Service/${PLUGIN_NAME}`,
        `ServiceAccount/${ENABLER_NAME}`,
        `ServiceAccount/${PLUGIN_NAME}`,
      ].sort(),
    );
    for (const o of objects) {
      const clusterScoped = ['ConsolePlugin', 'ClusterRole', 'ClusterRoleBinding'].includes(o.kind);
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(
        clusterScoped ? undefined : NAMESPACE,
      );
      expect(o.metadata.labels?.['app.kubernetes.io/name']).toBeDefined();
    }
  });

  it('registers the ConsolePlugin with the Service on 9443, its build and preloaded i18n', () => {
    const plugin = pick(objects, 'ConsolePlugin');
    expect(plugin.apiVersion).toBe('console.openshift.io/v1');
    expect(plugin.metadata.name).toBe(PLUGIN_NAME);
    expect(plugin.spec).toEqual({
      displayName: 'ClearML',
      i18n: { loadType: 'Preload' },
      backend: {
        type: 'Service',
        // The build for the local cluster's Kubernetes version (console-build.test.ts).
        service: {
          name: PLUGIN_NAME,
          namespace: NAMESPACE,
          port: 9443,
          basePath: Number(KUBE_VERSION.split('.')[1]) >= 35 ? '/' : '/4.19/',
        },
      },
    });
  });

  it('names the ConsolePlugin as the plugin build does', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      consolePlugin: { name: string; displayName: string };
    };
    const plugin = pick(objects, 'ConsolePlugin') as Manifest & {
      spec: { displayName: string };
    };
    expect(plugin.metadata.name).toBe(pkg.consolePlugin.name);
    expect(plugin.spec.displayName).toBe(pkg.consolePlugin.displayName);
  });

  it('annotates the Service for a service-CA serving certificate and serves 9443', () => {
    const svc = pick<k8s.V1Service & Manifest>(objects, 'Service');
    expect(svc.metadata.annotations).toEqual({
      'service.beta.openshift.io/serving-cert-secret-name': `${PLUGIN_NAME}-cert`,
    });
    expect(svc.spec?.type).toBe('ClusterIP');
    expect(svc.spec?.ports).toEqual([
      { name: 'https', protocol: 'TCP', port: 9443, targetPort: 'https' },
    ]);
    const deploy = pick<Deployment>(objects, 'Deployment');
    expect(svc.spec?.selector).toEqual(deploy.spec?.selector.matchLabels);
  });

  it('runs 2 nginx replicas under a restricted-v2 security context', () => {
    const deploy = pick<Deployment>(objects, 'Deployment');
    expect(deploy.spec?.replicas).toBe(2);
    const pod = deploy.spec!.template.spec!;
    expectRestrictedPod(pod);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe(PLUGIN_NAME);
    expect(deploy.spec?.template.metadata?.annotations?.['openshift.io/required-scc']).toBe(
      'restricted-v2',
    );
    expect(pod.containers).toHaveLength(1);
    const [c] = pod.containers;
    expect(c.image).toBe('quay.io/clearml/clearml-console-plugin:0.1.0');
    expect(c.command).toEqual(['nginx', '-e', 'stderr', '-c', '/etc/nginx/nginx.conf']);
    expect(c.ports).toEqual([{ name: 'https', containerPort: 9443, protocol: 'TCP' }]);
    expect(c.resources).toEqual({
      requests: { cpu: '10m', memory: '64Mi' },
      limits: { memory: '256Mi' },
    });
  });

  it('probes nginx over HTTPS: readiness on the plugin manifest, liveness on /healthz', () => {
    const [c] = pick<Deployment>(objects, 'Deployment').spec!.template.spec!.containers;
    expect(c.readinessProbe?.httpGet).toEqual({
      path: '/plugin-manifest.json',
      port: 'https',
      scheme: 'HTTPS',
    });
    expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'https', scheme: 'HTTPS' });
  });

  it('mounts the certificate, nginx.conf and a writable /tmp; nothing else is writable', () => {
    const pod = pick<Deployment>(objects, 'Deployment').spec!.template.spec!;
    const [c] = pod.containers;
    const volumes = Object.fromEntries((pod.volumes ?? []).map((v) => [v.name, v]));
    const mounts = Object.fromEntries((c.volumeMounts ?? []).map((m) => [m.mountPath, m]));
    expect(Object.keys(mounts).sort()).toEqual(['/etc/nginx/nginx.conf', '/tmp', '/var/cert']);
    expect(volumes[mounts['/var/cert'].name].secret?.secretName).toBe(`${PLUGIN_NAME}-cert`);
    expect(mounts['/var/cert'].readOnly).toBe(true);
    expect(volumes[mounts['/etc/nginx/nginx.conf'].name].configMap?.name).toBe(
      `${PLUGIN_NAME}-nginx`,
    );
    expect(mounts['/etc/nginx/nginx.conf'].subPath).toBe('nginx.conf');
    expect(volumes[mounts['/tmp'].name].emptyDir).toBeDefined();
  });

  it('rolls the pods when nginx.conf changes', async () => {
    const checksum = (o: Manifest[]): string | undefined =>
      pick<Deployment>(o, 'Deployment').spec?.template.metadata?.annotations?.[
        'checksum/nginx-conf'
      ];
    const ipv4Only = await render({ values: { nginx: { listenIPv6: false } } });
    expect(checksum(objects)).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum(ipv4Only)).not.toBe(checksum(objects));
  });

  it('keeps one pod up in voluntary disruptions', () => {
    const pdb = pick<k8s.V1PodDisruptionBudget & Manifest>(objects, 'PodDisruptionBudget');
    expect(pdb.spec?.maxUnavailable).toBe(1);
    expect(pdb.spec?.unhealthyPodEvictionPolicy).toBe('AlwaysAllow');
    const deploy = pick<Deployment>(objects, 'Deployment');
    expect(pdb.spec?.selector?.matchLabels).toEqual(deploy.spec?.selector.matchLabels);
  });

  it('serves the nginx.conf from files/ verbatim', () => {
    const cm = pick<k8s.V1ConfigMap & Manifest>(objects, 'ConfigMap', `${PLUGIN_NAME}-nginx`);
    expect(cm.data?.['nginx.conf']?.trimEnd()).toBe(
      fs.readFileSync(NGINX_CONF_PATH, 'utf8').trimEnd(),
    );
    expect(cm.data?.['nginx.conf']).toContain('listen [::]:9443 ssl ipv6only=off;');
  });

  it('ships the enable script verbatim', () => {
    const cm = pick<k8s.V1ConfigMap & Manifest>(objects, 'ConfigMap', ENABLER_NAME);
    expect(cm.data?.['console-plugin.sh']?.trimEnd()).toBe(
      fs.readFileSync(SCRIPT_PATH, 'utf8').trimEnd(),
    );
  });

  it('scopes the enabler RBAC to get/patch on consoles.operator.openshift.io "cluster"', () => {
    const role = pick<k8s.V1ClusterRole & Manifest>(objects, 'ClusterRole');
    expect(role.rules).toEqual([
      {
        apiGroups: ['operator.openshift.io'],
        resources: ['consoles'],
        resourceNames: ['cluster'],
        verbs: ['get', 'patch'],
      },
    ]);
    const binding = pick<k8s.V1ClusterRoleBinding & Manifest>(objects, 'ClusterRoleBinding');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role.metadata.name,
    });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: ENABLER_NAME, namespace: NAMESPACE },
    ]);
  });

  it('runs the enable Job after install/upgrade and the disable Job before delete', () => {
    const jobs = Object.fromEntries(jobsOf(objects).map((j) => [j.metadata.name, j]));
    const enable = jobs[`${PLUGIN_NAME}-enable`];
    const disable = jobs[`${PLUGIN_NAME}-disable`];
    expect(enable.metadata.annotations?.['helm.sh/hook']).toBe('post-install,post-upgrade');
    expect(disable.metadata.annotations?.['helm.sh/hook']).toBe('pre-delete');
    for (const [job, action] of [
      [enable, 'enable'],
      [disable, 'disable'],
    ] as const) {
      expect(job.metadata.annotations?.['helm.sh/hook-delete-policy']).toBe(
        'before-hook-creation,hook-succeeded',
      );
      const pod = job.spec!.template.spec!;
      expect(pod.serviceAccountName).toBe(ENABLER_NAME);
      expect(pod.restartPolicy).toBe('Never');
      expectRestrictedPod(pod);
      const [c] = pod.containers;
      expect(c.image).toBe('registry.redhat.io/openshift4/ose-cli-rhel9:v4.22');
      expect(c.command).toEqual(['/bin/sh', '/scripts/console-plugin.sh', action]);
      expect(c.env).toContainEqual({ name: 'PLUGIN_NAME', value: PLUGIN_NAME });
      expect(c.env).toContainEqual({ name: 'HOME', value: '/tmp' });
      const scripts = pod.volumes?.find((v) => v.name === 'scripts');
      expect(scripts?.configMap?.name).toBe(ENABLER_NAME);
    }
  });

  it('creates the enabler identity and RBAC only for the Jobs, as hooks deleted after them', () => {
    expectEnablerHooks(objects, ['post-install', 'post-upgrade', 'pre-delete']);
    // The script the Jobs mount is an ordinary object: the pre-delete Job needs it too.
    const script = pick(objects, 'ConfigMap', ENABLER_NAME);
    expect(script.metadata.annotations?.['helm.sh/hook']).toBeUndefined();
  });

  it('keeps the Job pods out of the plugin Service and PDB', () => {
    const selector = pick<Deployment>(objects, 'Deployment').spec!.selector.matchLabels!;
    for (const job of jobsOf(objects)) {
      const labels = job.spec!.template.metadata!.labels!;
      const matches = Object.entries(selector).every(([k, v]) => labels[k] === v);
      expect(matches, job.metadata.name).toBe(false);
    }
  });
});
