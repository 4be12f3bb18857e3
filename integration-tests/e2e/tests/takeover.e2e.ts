/**
 * Taking over a release of the chart from its page, as a cluster admin, on a release installed as
 * the Red Hat blog describes (real helm, the blog's four cluster-wide SCC grants, a marker file in
 * each volume). First a take-over stopped after scaling the chart down is rolled back from the
 * page; then the release is planned (nothing written), taken over with its grants, and becomes a
 * managed instance that reaches Ready on the same volumes, while the release leaves the list.
 */
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll } from 'vitest';
import { runTakeover } from '../../../src/engine/adopt/takeover';
import { planTakeover } from '../../../src/engine/adopt/takeover-plan';
import { readTakeoverInput } from '../../../src/engine/adopt/takeover-read';
import {
  type BlogInstall,
  installLikeTheBlog,
  readMarkers,
  removeGrants,
} from '../../adopt/blog-install';
import { clientAs } from '../../deploy/engine-helpers';
import { apiFor } from '../../support/cluster';
import { ClearMLPage } from '../pages/ClearMLPage';
import { useConsole } from '../support/fixtures';
import { useScratchNamespaces } from '../support/namespaces';

const RELEASE = 'clearml';
const INSTANCE = 'clearml-managed';
const ALL_STEPS = ['protect-claims', 'scale-down', 'deploy', 'remove-release', 'remove-grants'];

/** The replicas of the release's workloads, by name. */
async function chartReplicas(install: BlogInstall): Promise<Record<string, number | undefined>> {
  const apps = apiFor('admin', k8s.AppsV1Api);
  const namespace = install.namespace;
  const out: Record<string, number | undefined> = {};
  for (const name of install.names.deployments) {
    out[name] = (await apps.readNamespacedDeployment({ name, namespace })).spec?.replicas;
  }
  for (const name of install.names.statefulSets) {
    out[name] = (await apps.readNamespacedStatefulSet({ name, namespace })).spec?.replicas;
  }
  return out;
}

/** Whether the take-over's progress ConfigMap exists. */
async function progressRecorded(namespace: string): Promise<boolean> {
  const configMaps = await apiFor('admin', k8s.CoreV1Api).listNamespacedConfigMap({ namespace });
  return configMaps.items.some((c) => c.metadata?.name === `${RELEASE}-takeover`);
}

/** The accounts of `namespace` that cluster-wide SCC bindings (`system:openshift:scc:*`) name. */
async function grantedAccounts(namespace: string): Promise<string[]> {
  const bindings = await apiFor('admin', k8s.RbacAuthorizationV1Api).listClusterRoleBinding();
  return bindings.items
    .filter((b) => b.metadata?.name?.startsWith('system:openshift:scc:'))
    .flatMap((b) => (b.subjects ?? []).filter((s) => s.namespace === namespace))
    .map((s) => s.name);
}

describe('taking over a chart release from its page', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);
  let install: BlogInstall | undefined;
  let installed: Record<string, number | undefined> = {};

  beforeAll(async () => {
    const ns = await namespaces.create('takeover');
    install = await installLikeTheBlog(ns, RELEASE);
    installed = await chartReplicas(install);
  }, 240_000);

  afterAll(async () => {
    // The blog's bindings are cluster-wide; the take-over removes them, this covers a failure.
    if (install) await removeGrants(install.grants);
  });

  it('rolls back a take-over stopped after scaling the chart down: the chart gets its replicas back', async () => {
    const { namespace } = install!;
    expect(Object.values(installed).every((r) => r === 1)).toBe(true);
    // A take-over left after its first two steps, as a closed browser or a stopped run leaves it.
    const client = clientAs('admin');
    const input = await readTakeoverInput(client, { release: RELEASE, namespace });
    const plan = planTakeover(input!);
    const firstTwo = { ...plan, steps: plan.steps.slice(0, 2) };
    const partial = await runTakeover({ client, plan: firstTwo, timeoutMs: 60_000 });
    expect(partial.done).toEqual(['protect-claims', 'scale-down']);
    expect(Object.values(await chartReplicas(install!)).every((r) => r === 0)).toBe(true);

    const shell = await shellAs('admin');
    const clearml = new ClearMLPage(shell);
    await clearml.open(namespace);
    await clearml.openRelease(RELEASE);
    await clearml.takeOver('resume').waitFor({ timeout: 30_000 });
    await expect(clearml.takeOver('resume').innerText()).resolves.toContain(
      `A take-over of ${RELEASE} into instance ${INSTANCE} has begun and is not finished.`,
    );
    await clearml.takeOver('rollback').click();
    await expect(clearml.takeOver('rollback-confirm').innerText()).resolves.toContain(
      `Instance ${INSTANCE} is removed`,
    );
    await clearml.takeOver('rollback-confirm-confirm').click();
    const rolledBack = clearml.takeOver('rolled-back');
    await rolledBack.waitFor({ timeout: 60_000 });
    await expect(rolledBack.innerText()).resolves.toContain(
      `Release ${RELEASE} is back to its recorded replicas; instance ${INSTANCE} was removed and the volumes kept.`,
    );
    await clearml.takeOver('rollback').waitFor({ state: 'detached' });

    expect(await chartReplicas(install!)).toEqual(installed);
    expect(await readMarkers(namespace, install!.names.claims)).toEqual(install!.markers);
    expect(await shell.errors()).toEqual([]);
  }, 120_000);

  it('plans without writing, takes over after confirmation, and opens the managed instance Ready on the same volumes', async () => {
    const { namespace, names } = install!;
    const shell = await shellAs('admin');
    const clearml = new ClearMLPage(shell);
    await clearml.open(namespace);
    await clearml.releaseRow(RELEASE).waitFor();
    await clearml.openRelease(RELEASE);

    // Plan, with the blog's grants to be removed too: what it does, and nothing written.
    const writes: string[] = [];
    shell.page.on('request', (r) => {
      const url = r.url();
      const review = url.includes('/apis/authorization.k8s.io/');
      if (r.method() !== 'GET' && !review && !url.includes('dryRun=All')) {
        writes.push(`${r.method()} ${url}`);
      }
    });
    await clearml.takeOver('remove-grants').check();
    await clearml.takeOver('plan-button').click();
    const plan = clearml.takeOver('plan');
    await plan.waitFor({ timeout: 60_000 });
    await expect(clearml.takeOver('instance').innerText()).resolves.toBe(INSTANCE);
    expect(await clearml.takeOverSteps()).toEqual(
      Object.fromEntries(ALL_STEPS.map((s) => [s, 'pending'])),
    );
    const claims = (await clearml.takeOver('claims').innerText()).split('\n');
    for (const claim of names.claims) {
      expect(claims.some((line) => line.includes(`claim ${claim}`))).toBe(true);
    }
    // The page's own words for what comes next, never the command-line tool's flags.
    await expect(plan.innerText()).resolves.not.toMatch(/--\w/);
    expect(writes).toEqual([]);
    await shell.screenshot('takeover-plan');
    expect(await progressRecorded(namespace)).toBe(false);
    expect(await chartReplicas(install!)).toEqual(installed);
    const blogAccounts = install!.grants.map((g) => g.serviceAccount).sort();
    expect((await grantedAccounts(namespace)).sort()).toEqual(blogAccounts);

    await clearml.takeOver('run').click();
    await expect(clearml.takeOver('confirm').innerText()).resolves.toContain(
      `Release ${RELEASE} in project ${namespace} becomes instance ${INSTANCE}`,
    );
    await clearml.takeOver('confirm-confirm').click();
    // The steps show their progress: one runs while the others wait, then all are done.
    await expect
      .poll(async () => Object.values(await clearml.takeOverSteps()).includes('running'), {
        timeout: 30_000,
      })
      .toBe(true);
    const done = clearml.takeOver('done');
    await done.waitFor({ timeout: 240_000 }).catch(async (err: Error) => {
      const card = await clearml.takeOver().innerText();
      throw new Error(
        `${err.message}\nsteps ${JSON.stringify(await clearml.takeOverSteps())}\n${card}`,
      );
    });
    expect(await clearml.takeOverSteps()).toEqual(
      Object.fromEntries(ALL_STEPS.map((s) => [s, 'done'])),
    );
    await expect(done.innerText()).resolves.toContain(
      `Release ${RELEASE} is now instance ${INSTANCE}, managed here.`,
    );
    await expect(clearml.takeOver('rollback').count()).resolves.toBe(0);
    await shell.screenshot('takeover-done');

    await clearml.takeOver('instance-link').click();
    await clearml.status.waitForInstanceState('Ready', 120_000);
    expect(new URL(shell.page.url()).searchParams.get('instance')).toBe(INSTANCE);

    // Back in the list: the instance is there, the release is not.
    await clearml.open(namespace);
    await clearml.instanceRow(INSTANCE).waitFor();
    await expect.poll(() => clearml.releaseRow(RELEASE).count()).toBe(0);

    // The same volumes, with the files written before the take-over; the blog's grants are gone.
    expect(await readMarkers(namespace, names.claims)).toEqual(install!.markers);
    expect(await grantedAccounts(namespace)).toEqual([]);
    expect(await shell.errors()).toEqual([]);
  }, 360_000);
});
