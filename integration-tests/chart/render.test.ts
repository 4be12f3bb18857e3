/**
 * The Helm chart in charts/clearml-console-plugin: lint, render with default and custom values,
 * and check the objects that decide whether the plugin loads and how safely it runs.
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

const NAMESPACE = 'clearml-console-plugin';

type Job = k8s.V1Job & Manifest;
type Deployment = k8s.V1Deployment & Manifest;

const jobsOf = (objects: Manifest[]): Job[] => objects.filter((o) => o.kind === 'Job') as Job[];

const ENABLER_KINDS = ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding'] as const;
const hookEvents = (o: Manifest): string[] =>
  (o.metadata.annotations?.['helm.sh/hook'] ?? '').split(',').filter(Boolean);
const hookWeight = (o: Manifest): number =>
  Number(o.metadata.annotations?.['helm.sh/hook-weight'] ?? '0');

/**
 * The enabler's identity and RBAC are Helm hooks of exactly the Jobs' events, created before
 * every Job of an event (lower weight; ServiceAccount and role before the binding) and deleted
 * once the event's hooks have succeeded, so that they exist only while the Jobs run.
 */
function expectEnablerHooks(objects: Manifest[], events: string[]): void {
  const jobs = jobsOf(objects);
  expect([...new Set(jobs.flatMap(hookEvents))].sort()).toEqual([...events].sort());
  const weights = ENABLER_KINDS.map((kind) => {
    const o = pick(objects, kind, ENABLER_NAME);
    expect(hookEvents(o).sort(), kind).toEqual([...events].sort());
    expect(o.metadata.annotations?.['helm.sh/hook-delete-policy']?.split(',').sort(), kind).toEqual(
      ['before-hook-creation', 'hook-succeeded'],
    );
    for (const job of jobs) expect(hookWeight(o), kind).toBeLessThan(hookWeight(job));
    return hookWeight(o);
  });
  const [serviceAccount, role, binding] = weights;
  expect(serviceAccount).toBeLessThan(binding);
  expect(role).toBeLessThan(binding);
}

function expectRestrictedContainer(c: k8s.V1Container): void {
  expect(c.securityContext).toEqual({
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  });
}

function expectRestrictedPod(spec: k8s.V1PodSpec): void {
  expect(spec.securityContext).toEqual({
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(spec.hostNetwork ?? false).toBe(false);
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    expectRestrictedContainer(c);
    expect(c.securityContext?.runAsUser).toBeUndefined();
    expect(c.ports?.every((p) => p.hostPort === undefined) ?? true).toBe(true);
  }
  // No fixed IDs anywhere: OpenShift assigns them from the namespace.
  const sc = spec.securityContext as Record<string, unknown>;
  for (const key of ['runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups']) {
    expect(sc[key]).toBeUndefined();
  }
}

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
