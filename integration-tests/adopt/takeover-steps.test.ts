/**
 * A staged take-over, `clearml-openshift adopt --until STEP`, on one release installed like the
 * blog, against the real API server with real helm. Stopped right after protecting the volumes,
 * scaling the chart down or deploying the instance, `--rollback` gives back the release as it was:
 * its replicas running, the same claims (same UIDs, same files, no annotation of ours), nothing of
 * the instance and no progress record. Stopped after each step in turn, every next run continues
 * after the last recorded step, until the instance is Ready on the release's volumes and
 * credentials, the release's workloads are gone and the blog's cluster-wide grants are removed.
 *
 * The command runs in this process (`command.run`, what `src/cli/main.ts` calls) with the
 * kubeconfig's client: the same code as the terminal without a Node start per call.
 */
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as adoptCommand } from '../../src/cli/commands/adopt';
import { instanceSelector } from '../../src/engine/deploy/ownership';
import type { K8sObject } from '../../src/engine/k8s-types';
import { clientAs, statusOf as instanceStatus } from '../deploy/engine-helpers';
import {
  KUBECONFIG_PATH,
  apiFor,
  createTestNamespace,
  deleteNamespace,
  waitFor,
} from '../support/cluster';
import {
  type BlogInstall,
  blogGrants,
  installLikeTheBlog,
  readMarkers,
  removeGrants,
  secretFingerprint,
  routeAdmission,
  admittedHost,
} from './blog-install';

const release = 'clearml';
const STEPS = ['protect-claims', 'scale-down', 'deploy', 'remove-release', 'remove-grants'];
const KEEP = 'helm.sh/resource-policy';

/** `clearml-openshift adopt …` as the cluster's admin. */
async function adopt(args: string[]) {
  const out = { code: -1, stdout: '', stderr: '' };
  const argv = [...args, '--wait', '3m', '--kubeconfig', KUBECONFIG_PATH, '--context', 'admin'];
  out.code = await adoptCommand.run(argv, {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    readFile: () => Promise.reject(new Error('adopt reads no file')),
  });
  return out;
}

interface AdoptJson {
  ok: boolean;
  instance: string;
  done?: string[];
  pausedAfter?: string;
  rollbackPossible?: boolean;
  message?: string;
}

/** The steps the progress ConfigMap records, or undefined when there is none. */
async function recordedSteps(namespace: string): Promise<string[] | undefined> {
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: `${release}-takeover`, namespace };
  const cm = await clientAs('admin').get<K8sObject & { data?: Record<string, string> }>(ref);
  return cm ? (cm.data?.done ?? '').split(',').filter(Boolean) : undefined;
}

type Workload = K8sObject & { spec?: { replicas?: number }; status?: { readyReplicas?: number } };

/** Each of the release's workloads as `replicas/ready`, or `gone`. */
async function chartState(install: BlogInstall): Promise<Record<string, string>> {
  const client = clientAs('admin');
  const { deployments, statefulSets } = install.names;
  const out: Record<string, string> = {};
  for (const [kind, names] of [
    ['Deployment', deployments],
    ['StatefulSet', statefulSets],
  ] as const) {
    for (const name of names) {
      const ref = { apiVersion: 'apps/v1', kind, name, namespace: install.namespace };
      const w = await client.get<Workload>(ref);
      out[name] = w ? `${w.spec?.replicas}/${w.status?.readyReplicas ?? 0}` : 'gone';
    }
  }
  return out;
}

const every = (install: BlogInstall, state: string) =>
  Object.fromEntries(
    [...install.names.deployments, ...install.names.statefulSets].map((n) => [n, state]),
  );

/** The keep annotation on each of the release's claims (undefined when not set). */
async function keepAnnotations(install: BlogInstall): Promise<Record<string, string | undefined>> {
  const claims = await clientAs('admin').list('v1', 'PersistentVolumeClaim', {
    namespace: install.namespace,
  });
  return Object.fromEntries(
    install.names.claims.map((c) => [
      c,
      claims.find((o) => o.metadata.name === c)?.metadata.annotations?.[KEEP],
    ]),
  );
}

/** Everything labelled as the instance's, pods included, as `Kind/name`. */
async function instanceObjects(namespace: string, instance: string): Promise<string[]> {
  const client = clientAs('admin');
  const kinds: [string, string][] = [
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'StatefulSet'],
    ['v1', 'Pod'],
    ['v1', 'Service'],
    ['v1', 'ConfigMap'],
    ['v1', 'Secret'],
    ['v1', 'ServiceAccount'],
    ['v1', 'PersistentVolumeClaim'],
    ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
    ['networking.k8s.io/v1', 'NetworkPolicy'],
    ['route.openshift.io/v1', 'Route'],
  ];
  const labelSelector = instanceSelector(instance);
  const found: string[] = [];
  for (const [apiVersion, kind] of kinds) {
    for (const o of await client.list(apiVersion, kind, { namespace, labelSelector })) {
      found.push(`${kind}/${o.metadata.name}`);
    }
  }
  return found;
}

/** Subjects of `namespace` left in the blog's cluster-wide SCC bindings. */
async function grantedAccounts(namespace: string): Promise<string[]> {
  const rbac = apiFor('admin', k8s.RbacAuthorizationV1Api);
  const names = ['system:openshift:scc:anyuid', 'system:openshift:scc:privileged'];
  return (await rbac.listClusterRoleBinding()).items
    .filter((b) => names.includes(b.metadata?.name ?? ''))
    .flatMap((b) => b.subjects ?? [])
    .filter((s) => s.namespace === namespace)
    .map((s) => s.name);
}

describe('adopt --until: a take-over stopped after each step', () => {
  let namespace = '';
  let install: BlogInstall;
  let instance = '';

  beforeAll(async () => {
    namespace = await createTestNamespace({ prefix: 'adopt-steps' });
    install = await installLikeTheBlog(namespace, release);
  }, 240_000);

  afterAll(async () => {
    if (!namespace) return;
    await removeGrants(blogGrants(namespace, release));
    await deleteNamespace(namespace);
  });

  it.each(STEPS.slice(0, 3).map((step, i) => [step, i] as const))(
    'stopped right after %s, rolls back to the release as it was',
    async (step, i) => {
      const running = every(install, '1/1');
      await waitFor(
        async () => JSON.stringify(await chartState(install)) === JSON.stringify(running),
        { timeoutMs: 90_000, intervalMs: 500, description: `the chart's pods running` },
      );
      const keptBefore = await keepAnnotations(install);

      const run = await adopt([
        '--release',
        release,
        '-n',
        namespace,
        '--until',
        step,
        '-o',
        'json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as AdoptJson;
      instance = result.instance;
      expect(result).toMatchObject({
        ok: true,
        pausedAfter: step,
        rollbackPossible: true,
        done: STEPS.slice(0, i + 1),
      });
      expect(result.message).toContain('adopt --rollback to restore the release');
      expect(await recordedSteps(namespace)).toEqual(STEPS.slice(0, i + 1));
      // What the user finds at the stop: the steps after it did not run.
      expect(Object.values(await keepAnnotations(install))).toEqual(
        install.names.claims.map(() => 'keep'),
      );
      const chart = await chartState(install);
      if (step === 'protect-claims') expect(chart).toEqual(running);
      else expect(chart).toEqual(every(install, '0/0'));
      if (step === 'deploy') {
        expect((await instanceStatus(namespace, instance)).ready).toBe(true);
        expect(await instanceObjects(namespace, instance)).toContain(
          `Deployment/${instance}-apiserver`,
        );
      } else {
        expect(await instanceObjects(namespace, instance)).toEqual([]);
      }

      const back = await adopt(['--release', release, '-n', namespace, '--rollback']);
      expect(back.code, back.stderr).toBe(0);
      expect(back.stdout).toBe(
        `Release ${release} is back to its recorded replicas; instance ${instance} was removed and the volumes kept.\n`,
      );
      await waitFor(
        async () => JSON.stringify(await chartState(install)) === JSON.stringify(running),
        { timeoutMs: 90_000, intervalMs: 500, description: `the chart's pods running again` },
      );
      // The same claims (UIDs) with the same files, as before the take-over began.
      expect(await readMarkers(namespace, install.names.claims)).toEqual(install.markers);
      expect(await keepAnnotations(install)).toEqual(keptBefore);
      await waitFor(async () => (await instanceObjects(namespace, instance)).length === 0, {
        timeoutMs: 60_000,
        intervalMs: 500,
        description: `nothing of instance ${instance} left`,
      });
      expect(await recordedSteps(namespace)).toBeUndefined();
    },
    300_000,
  );

  it('stopped after each step in turn, every run continues after the last one recorded', async () => {
    const args = ['--release', release, '-n', namespace, '--remove-grants'];

    // The hosts of the Routes the blog made with `oc expose`: the web UI's and the API's pass
    // to the instance's Routes (the file server's cannot: the instance serves files under the
    // web UI's host).
    const exposed = (part: string) => install.routes.find((r) => r.name.endsWith(`-${part}`))!;
    const carried: [string, string][] = [
      [`${instance}-app`, exposed('webserver').host],
      [`${instance}-api`, exposed('apiserver').host],
    ];

    // In words on the terminal, after step 1.
    const first = await adopt([...args, '--until', 'protect-claims']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(
      `The take-over of release ${release} into instance ${instance} is paused after step 1 of 5, protect the volumes. Run adopt again without --until to continue, or adopt --rollback to restore the release.\n`,
    );
    expect(await recordedSteps(namespace)).toEqual(STEPS.slice(0, 1));

    for (const [i, step] of STEPS.slice(1, 4).entries()) {
      const run = await adopt([...args, '--until', step, '-o', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as AdoptJson;
      const done = STEPS.slice(0, i + 2);
      expect(result).toMatchObject({
        ok: true,
        pausedAfter: step,
        rollbackPossible: step !== 'remove-release',
        done,
      });
      expect(await recordedSteps(namespace)).toEqual(done);
      if (step === 'scale-down') {
        expect(await chartState(install)).toEqual(every(install, '0/0'));
        expect(await instanceObjects(namespace, instance)).toEqual([]);
      }
      if (step === 'deploy') {
        expect((await instanceStatus(namespace, instance)).ready).toBe(true);
        expect(await chartState(install)).toEqual(every(install, '0/0'));
        // The instance's Routes ask for the hosts users know; the release's older Routes still
        // hold them, so the router does not serve the instance's yet.
        for (const [route, kept] of carried) {
          await waitFor(async () => (await routeAdmission(namespace, route)).admitted === false, {
            description: `Route ${route} judged by the router`,
          });
          expect(await routeAdmission(namespace, route)).toEqual({
            host: kept,
            admitted: false,
            reason: 'HostAlreadyClaimed',
          });
        }
      }
      if (step === 'remove-release') {
        // The release's Routes are gone: the router serves the same hosts from the instance.
        for (const [route, kept] of carried) {
          await waitFor(async () => (await admittedHost(namespace, route)) === kept, {
            timeoutMs: 15_000,
            description: `Route ${route} served as ${kept}`,
          });
        }
      }
    }

    // After step 4 the release's workloads are gone, and so is the way back.
    const gone = JSON.stringify(every(install, 'gone'));
    await waitFor(async () => JSON.stringify(await chartState(install)) === gone, {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: "the release's workloads gone",
    });
    const refused = await adopt(['--release', release, '-n', namespace, '--rollback']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('can no longer be rolled back');
    expect(await grantedAccounts(namespace)).not.toEqual([]);

    const end = await adopt(args);
    expect(end.code, end.stdout + end.stderr).toBe(0);
    expect(end.stdout).toBe(
      `Release ${release} is now instance ${instance}, managed by this plugin.\n`,
    );
    expect(end.stderr.match(/^» \(done before\) /gm) ?? []).toHaveLength(4);
    expect(await recordedSteps(namespace)).toEqual(STEPS);
    expect((await instanceStatus(namespace, instance)).ready).toBe(true);
    expect(await readMarkers(namespace, install.names.claims)).toEqual(install.markers);
    const credentials = await secretFingerprint(
      namespace,
      `${instance}-credentials`,
      install.secret.keys,
    );
    expect(credentials.hash).toBe(install.secret.hash);
    expect(await grantedAccounts(namespace)).toEqual([]);
  }, 400_000);
});
