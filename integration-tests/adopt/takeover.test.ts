/**
 * `clearml-openshift adopt` on a release installed like the blog, against the real API server
 * with real helm: the dry run writes nothing; a run stopped during a step leaves a recorded
 * progress that the next run continues, and a rollback before the release is removed gives the
 * chart its replicas back; the finished take-over keeps the volumes (same claims, same files)
 * and the credentials, the instance is Ready, the release's workloads are gone and the blog's
 * cluster-wide grants are removed where nothing else used them.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChartReleases, type ChartWorkload } from '../../src/engine/adopt/releases';
import type { K8sObject } from '../../src/engine/k8s-types';
import { clientAs, statusOf as instanceStatus } from '../deploy/engine-helpers';
import {
  KUBECONFIG_PATH,
  REPO_ROOT,
  apiFor,
  createTestNamespace,
  deleteNamespace,
} from '../support/cluster';
import {
  type BlogInstall,
  addSccToUser,
  blogGrants,
  installLikeTheBlog,
  readMarkers,
  removeGrants,
  secretFingerprint,
} from './blog-install';

const exec = promisify(execFile);

/** `clearml-openshift adopt …` as the cluster's admin (with more time than `cli()` gives: it waits for Ready). */
async function adopt(args: string[]) {
  const argv = [
    path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
    'src/cli/main.ts',
    'adopt',
    ...args,
    '--kubeconfig',
    KUBECONFIG_PATH,
    '--context',
    'admin',
  ];
  try {
    const { stdout, stderr } = await exec(process.execPath, argv, {
      cwd: REPO_ROOT,
      timeout: 400_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}

interface AdoptJson {
  ok: boolean;
  instance: string;
  steps: { id: string }[];
  values: { storage?: Record<string, { existingClaim: { name: string } }> };
  done?: string[];
  stoppedAt?: string;
}

const json = (stdout: string) => JSON.parse(stdout) as AdoptJson;
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Everything of the project and the SCC bindings a write would change (status aside). */
async function snapshot(namespace: string): Promise<string[]> {
  const client = clientAs('admin');
  const kinds: [string, string][] = [
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'StatefulSet'],
    ['v1', 'Service'],
    ['v1', 'PersistentVolumeClaim'],
    ['v1', 'Secret'],
    ['v1', 'ConfigMap'],
    ['v1', 'ServiceAccount'],
    ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
    ['route.openshift.io/v1', 'Route'],
  ];
  const lines: string[] = [];
  for (const [apiVersion, kind] of kinds) {
    for (const o of await client.list<K8sObject & Record<string, unknown>>(apiVersion, kind, {
      namespace,
    })) {
      const { labels, annotations } = o.metadata;
      const { spec, data, subjects, roleRef } = o;
      lines.push(
        `${kind}/${o.metadata.name} ${digest({ labels, annotations, spec, data, subjects, roleRef })}`,
      );
    }
  }
  const rbac = apiFor('admin', k8s.RbacAuthorizationV1Api);
  for (const b of (await rbac.listClusterRoleBinding()).items) {
    const mine = (b.subjects ?? []).filter((s) => s.namespace === namespace);
    if (mine.length) lines.push(`ClusterRoleBinding/${b.metadata?.name} ${digest(mine)}`);
  }
  return lines.sort();
}

/** The replicas of the release's workloads, by name. */
async function chartReplicas(install: BlogInstall): Promise<Record<string, number | undefined>> {
  const apps = apiFor('admin', k8s.AppsV1Api);
  const out: Record<string, number | undefined> = {};
  for (const name of install.names.deployments) {
    out[name] = (await apps.readNamespacedDeployment({ name, namespace: install.namespace })).spec
      ?.replicas;
  }
  for (const name of install.names.statefulSets) {
    out[name] = (await apps.readNamespacedStatefulSet({ name, namespace: install.namespace })).spec
      ?.replicas;
  }
  return out;
}

async function clusterRoleBindingSubjects(name: string): Promise<string[]> {
  const rbac = apiFor('admin', k8s.RbacAuthorizationV1Api);
  const all = (await rbac.listClusterRoleBinding()).items.filter((b) => b.metadata?.name === name);
  return all.flatMap((b) => (b.subjects ?? []).map((s) => `${s.namespace}/${s.name}`));
}

describe('adopt on a release installed like the blog', () => {
  const release = 'clearml';
  let namespace = '';
  let install: BlogInstall;
  let instance = '';
  let stopped: AdoptJson;
  // An account of another app of the project, granted anyuid through the same binding.
  const shop = () => ({ scc: 'anyuid', serviceAccount: 'shop', namespace });

  beforeAll(async () => {
    namespace = await createTestNamespace({ prefix: 'adopt' });
    install = await installLikeTheBlog(namespace, release);
    await addSccToUser(shop());
  }, 240_000);

  afterAll(async () => {
    if (!namespace) return;
    await removeGrants([...blogGrants(namespace, release), shop()]);
    await deleteNamespace(namespace);
  });

  it('--dry-run prints the plan and writes nothing, never a credential', async () => {
    const before = await snapshot(namespace);
    const run = await adopt([
      '--release',
      release,
      '-n',
      namespace,
      '--remove-grants',
      '--dry-run',
      '-o',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const plan = json(run.stdout);
    instance = plan.instance;
    expect(instance).toBeTruthy();
    expect(plan.steps.map((s) => s.id)).toEqual([
      'protect-claims',
      'scale-down',
      'deploy',
      'remove-release',
      'remove-grants',
    ]);
    const claims = Object.values(plan.values.storage ?? {}).map((s) => s.existingClaim.name);
    expect(claims.sort()).toEqual([...install.names.claims].sort());
    expect(await snapshot(namespace)).toEqual(before);

    const secret = await apiFor('admin', k8s.CoreV1Api).readNamespacedSecret({
      name: 'clearml-conf',
      namespace,
    });
    for (const value of Object.values(secret.data ?? {})) {
      const plain = Buffer.from(value, 'base64').toString('utf8');
      expect(run.stdout.includes(plain) || run.stderr.includes(plain)).toBe(false);
    }
  }, 120_000);

  it("stops during a step with its progress kept; --rollback then restores the chart's replicas and volumes", async () => {
    const replicas = await chartReplicas(install);
    expect(Object.values(replicas).every((r) => r === 1)).toBe(true);

    // Too short a wait for the instance to become Ready: the run stops before the release is removed.
    const first = await adopt([
      '--release',
      release,
      '-n',
      namespace,
      '--wait',
      '5s',
      '-o',
      'json',
    ]);
    expect(first.code, first.stderr).not.toBe(0);
    const result = json(first.stdout);
    expect(result.ok).toBe(false);
    expect(result.done).toContain('protect-claims');
    expect(result.done).not.toContain('remove-release');
    if (result.done!.includes('scale-down')) {
      expect(Object.values(await chartReplicas(install)).every((r) => r === 0)).toBe(true);
    }

    const rollback = await adopt(['--release', release, '-n', namespace, '--rollback']);
    expect(rollback.code, rollback.stderr).toBe(0);
    expect(await chartReplicas(install)).toEqual(replicas);
    const left = await clientAs('admin').list('apps/v1', 'Deployment', {
      namespace,
      labelSelector: `app.kubernetes.io/instance=${instance}`,
    });
    expect(left.map((d) => d.metadata.name)).toEqual([]);
    expect(await readMarkers(namespace, install.names.claims)).toEqual(install.markers);

    // Stopped again, to be resumed by the next run.
    const second = await adopt([
      '--release',
      release,
      '-n',
      namespace,
      '--wait',
      '5s',
      '-o',
      'json',
    ]);
    stopped = json(second.stdout);
    expect(stopped.ok).toBe(false);
    expect(stopped.done!.length).toBeGreaterThan(0);
    expect(stopped.done).not.toContain('remove-release');
  }, 400_000);

  it('continues after the last finished step: same volumes and credentials, instance Ready, release and unused grants gone', async () => {
    const run = await adopt([
      '--release',
      release,
      '-n',
      namespace,
      '--remove-grants',
      '--wait',
      '5m',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // Each step the stopped run finished is skipped, not run again.
    expect(run.stderr.match(/^» \(done before\) /gm) ?? []).toHaveLength(stopped.done!.length);

    expect(await readMarkers(namespace, install.names.claims)).toEqual(install.markers);
    const credentials = await secretFingerprint(
      namespace,
      `${instance}-credentials`,
      install.secret.keys,
    );
    expect(credentials.hash).toBe(install.secret.hash);
    expect((await instanceStatus(namespace, instance)).ready).toBe(true);

    const client = clientAs('admin');
    const workloads = [
      ...(await client.list<ChartWorkload & K8sObject>('apps/v1', 'Deployment', { namespace })),
      ...(await client.list<ChartWorkload & K8sObject>('apps/v1', 'StatefulSet', { namespace })),
    ];
    expect(findChartReleases(workloads, undefined)).toEqual([]);
    const names = workloads.map((w) => w.metadata.name);
    for (const name of [...install.names.deployments, ...install.names.statefulSets]) {
      expect(names).not.toContain(name);
    }

    // The blog's grants are gone; the other account in the same binding keeps its grant.
    expect(await clusterRoleBindingSubjects('system:openshift:scc:anyuid')).toContain(
      `${namespace}/shop`,
    );
    const ours = [
      ...(await clusterRoleBindingSubjects('system:openshift:scc:anyuid')),
      ...(await clusterRoleBindingSubjects('system:openshift:scc:privileged')),
    ].filter((s) => s.startsWith(`${namespace}/`));
    expect(ours).toEqual([`${namespace}/shop`]);
  }, 400_000);
});
