// Running a take-over through the cluster client: the steps in order, a second run continuing
// after the last finished step, rollback up to the removal of the release and not after it.
import type { ObjectRef } from '../cluster/client';
import type { K8sObject } from '../k8s-types';
import { TakeoverCluster as Cluster } from '../../test-support/takeover-cluster';
import { runTakeover, type TakeoverEvent } from './takeover';
import { chartInstall } from './takeover-fixtures';
import { planTakeover } from './takeover-plan';
import { progressName } from './takeover-progress';
import { readTakeoverInput } from './takeover-read';
import { rollbackTakeover } from './takeover-rollback';
import type { TakeoverPlan, TakeoverStepId } from './takeover-types';

async function setUp(options: { removeGrants?: boolean } = {}) {
  const install = chartInstall({ exposed: ['webserver', 'apiserver'] });
  const client = new Cluster(install.objects);
  const plan = async () => {
    const input = await readTakeoverInput(client, {
      release: 'clearml',
      namespace: 'clearml',
      removeGrants: options.removeGrants,
    });
    return planTakeover(input!);
  };
  return { client, plan, install };
}

const run = async (client: Cluster, plan: TakeoverPlan, until?: TakeoverStepId) => {
  const events: TakeoverEvent[] = [];
  const result = await runTakeover({
    client,
    plan,
    timeoutMs: 200,
    pollMs: 10,
    until,
    onEvent: (e) => events.push(e),
  });
  const steps = events.filter((e) => e.type === 'step');
  return { result, steps: steps.map((e) => `${e.step}:${e.state}`) };
};

const progressOf = (client: Cluster) => client.named('ConfigMap', progressName('clearml'))?.data;

describe('running a take-over', () => {
  it('protects the claims, scales the chart down, deploys the instance, then removes the release', async () => {
    const { client, plan } = await setUp();
    const { result, steps } = await run(client, await plan());
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(steps).toEqual([
      'protect-claims:start',
      'protect-claims:done',
      'scale-down:start',
      'scale-down:done',
      'deploy:start',
      'deploy:done',
      'remove-release:start',
      'remove-release:done',
    ]);
    // Every claim is still there, marked for Helm to keep.
    for (const name of chartInstall().claimNames) {
      expect(client.named('PersistentVolumeClaim', name)?.metadata.annotations).toEqual({
        'helm.sh/resource-policy': 'keep',
      });
    }
    expect(client.named('Deployment', 'clearml-apiserver')).toBeUndefined();
    expect(client.named('StatefulSet', 'clearml-elastic-master')).toBeUndefined();
    expect(client.named('Route', 'clearml-webserver')).toBeUndefined();
    expect(client.named('Secret', 'clearml-conf')).toBeDefined();
    expect(client.named('Secret', 'sh.helm.release.v1.clearml.v1')).toBeDefined();
    expect(client.named('ConfigMap', 'clearml-managed-install-record')).toBeDefined();
    expect(client.named('Deployment', 'clearml-managed-apiserver')).toBeDefined();
    // The instance's Routes answer on the hosts the release's Routes had.
    expect(
      (client.named('Route', 'clearml-managed-app') as { spec?: { host?: string } }).spec?.host,
    ).toBe('clearml-webserver-clearml.apps.example.com');
    expect(progressOf(client)).toMatchObject({
      done: 'protect-claims,scale-down,deploy,remove-release',
      closed: 'true',
    });

    // Once finished, another run finds every step done and writes nothing of the release's.
    const again = await plan();
    expect(again.blocked).toBe(false);
    expect(again.steps[1].message).toMatch(/^Record the replicas of clearml-apiserver, /);
    const second = await run(client, again);
    expect(second.result.ok).toBe(true);
    expect(second.steps.every((s) => s.endsWith(':skipped'))).toBe(true);
  });

  it('records the replicas before scaling down, and waits for the pods to be gone', async () => {
    const { client, plan } = await setUp();
    client.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'clearml-mongodb-1',
        namespace: 'clearml',
        labels: { app: 'clearml-mongodb' },
      },
    });
    const first = await run(client, await plan());
    expect(first.result).toMatchObject({
      ok: false,
      stoppedAt: 'scale-down',
      done: ['protect-claims'],
    });
    expect(first.result.problems[0].message).toMatch(
      /^The pods of .*clearml-mongodb.* still run after 0s/,
    );
    const mongo = client.named('Deployment', 'clearml-mongodb')!;
    expect(mongo.spec?.replicas).toBe(0);
    expect(mongo.metadata.annotations).toEqual({ 'clearml-console-plugin/takeover-replicas': '1' });

    // The pod stops; a second run continues, and the recorded replicas are still those of before.
    client.objects.delete('Pod/clearml/clearml-mongodb-1');
    const second = await run(client, await plan());
    expect(second.result.ok).toBe(true);
    expect(second.steps[0]).toBe('protect-claims:skipped');
    expect(JSON.parse(progressOf(client)!['replicas.json'])).toMatchObject({
      'Deployment/clearml-mongodb': 1,
    });
  });

  it.each([
    [
      'protect-claims',
      (m: string, o: K8sObject | ObjectRef) =>
        m === 'apply' && 'kind' in o && o.kind === 'PersistentVolumeClaim',
      [],
    ],
    [
      'scale-down',
      (m: string, o: K8sObject | ObjectRef) =>
        m === 'apply' && (o as { spec?: { replicas?: number } }).spec?.replicas === 0,
      ['protect-claims'],
    ],
    [
      'deploy',
      (m: string, o: K8sObject | ObjectRef) =>
        m === 'apply' && ('metadata' in o ? o.metadata.name : '').startsWith('clearml-managed'),
      ['protect-claims', 'scale-down'],
    ],
    ['remove-release', (m: string) => m === 'delete', ['protect-claims', 'scale-down', 'deploy']],
  ] as const)('continues after the last finished step when %s failed', async (step, fail, done) => {
    const { client, plan } = await setUp();
    client.fail = fail;
    const first = await run(client, await plan());
    expect(first.result).toMatchObject({ ok: false, stoppedAt: step, done });
    client.fail = undefined;
    const second = await run(client, await plan());
    expect(second.result.ok).toBe(true);
    expect(second.steps.filter((s) => s.endsWith(':skipped'))).toEqual(
      done.map((d) => `${d}:skipped`),
    );
    expect(client.named('Deployment', 'clearml-apiserver')).toBeUndefined();
  });

  it('rolls back after steps 1–3: the instance goes, the chart gets its replicas back, the claims stay', async () => {
    const { client, plan } = await setUp();
    const full = await plan();
    const firstThree = { ...full, steps: full.steps.slice(0, 3) };
    expect((await run(client, firstThree)).result.ok).toBe(true);
    expect(client.named('Deployment', 'clearml-apiserver')?.spec?.replicas).toBe(0);

    const rolledBack = await rollbackTakeover({ client, release: 'clearml', namespace: 'clearml' });
    expect(rolledBack).toMatchObject({ ok: true, instance: 'clearml-managed' });
    expect(client.named('Deployment', 'clearml-apiserver')?.spec?.replicas).toBe(1);
    expect(client.named('StatefulSet', 'clearml-redis-master')?.spec?.replicas).toBe(1);
    expect(client.named('Deployment', 'clearml-managed-apiserver')).toBeUndefined();
    expect(client.named('ConfigMap', 'clearml-managed-install-record')).toBeUndefined();
    for (const name of chartInstall().claimNames) {
      expect(client.named('PersistentVolumeClaim', name)).toBeDefined();
    }
    expect(progressOf(client)).toBeUndefined();
    // Again: nothing is recorded any more, nothing changes.
    const again = await rollbackTakeover({ client, release: 'clearml', namespace: 'clearml' });
    expect(again).toMatchObject({ ok: true, nothing: true });
  });

  it('refuses to roll back once removing the release has begun', async () => {
    const { client, plan } = await setUp();
    client.fail = (method) => method === 'delete';
    expect((await run(client, await plan())).result.stoppedAt).toBe('remove-release');
    client.fail = undefined;
    const refused = await rollbackTakeover({ client, release: 'clearml', namespace: 'clearml' });
    expect(refused).toMatchObject({ ok: false, closed: true });
    expect(refused.problems[0].message).toBe(
      'The objects of release clearml were removed, so the take-over can no longer be rolled back; its volumes and Helm records are kept.',
    );
    // The instance stays.
    expect(client.named('Deployment', 'clearml-managed-apiserver')).toBeDefined();
  });

  it('with --remove-grants, takes only the release’s accounts out of the cluster-wide grants', async () => {
    const { client, plan } = await setUp({ removeGrants: true });
    client.put({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'shop', namespace: 'clearml' },
      spec: { template: { spec: {} } },
    } as K8sObject);
    const { result } = await run(client, await plan());
    expect(result.ok).toBe(true);
    const anyuid = client.named('ClusterRoleBinding', 'system:openshift:scc:anyuid') as {
      subjects?: { name: string }[];
    };
    expect(anyuid.subjects?.map((s) => s.name)).toEqual(['default']);
    expect(client.named('ClusterRoleBinding', 'system:openshift:scc:privileged')).toBeUndefined();
  });
});

describe('a staged take-over (until a step)', () => {
  const ORDER = ['protect-claims', 'scale-down', 'deploy', 'remove-release', 'remove-grants'];

  it('stops after each step in turn with its progress recorded, and a run without it finishes', async () => {
    const { client, plan } = await setUp({ removeGrants: true });
    const seen: Record<string, string[]> = {};
    for (const [i, until] of (ORDER.slice(0, 4) as TakeoverStepId[]).entries()) {
      const { result, steps } = await run(client, await plan(), until);
      expect(result).toMatchObject({
        ok: true,
        pausedAfter: until,
        done: ORDER.slice(0, i + 1),
        rollbackPossible: until !== 'remove-release',
        problems: [],
      });
      // Only the step asked for ran; the ones before were done already.
      expect(steps.filter((s) => !s.endsWith(':skipped'))).toEqual([
        `${until}:start`,
        `${until}:done`,
      ]);
      expect(progressOf(client)?.done).toBe(ORDER.slice(0, i + 1).join(','));
      seen[until] = [
        `chart ${client.named('Deployment', 'clearml-apiserver')?.spec?.replicas ?? 'gone'}`,
        `instance ${client.named('Deployment', 'clearml-managed-apiserver') ? 'there' : 'none'}`,
      ];
    }
    expect(seen).toEqual({
      'protect-claims': ['chart 1', 'instance none'],
      'scale-down': ['chart 0', 'instance none'],
      deploy: ['chart 0', 'instance there'],
      'remove-release': ['chart gone', 'instance there'],
    });

    const last = await run(client, await plan());
    expect(last.result).toMatchObject({ ok: true, done: ORDER });
    expect(last.result.pausedAfter).toBeUndefined();
    expect(last.steps.filter((s) => !s.endsWith(':skipped'))).toEqual([
      'remove-grants:start',
      'remove-grants:done',
    ]);
  });

  it('rolls back cleanly after a run stopped after scaling down', async () => {
    const { client, plan } = await setUp();
    expect((await run(client, await plan(), 'scale-down')).result.pausedAfter).toBe('scale-down');
    const rolledBack = await rollbackTakeover({ client, release: 'clearml', namespace: 'clearml' });
    expect(rolledBack).toMatchObject({ ok: true, instance: 'clearml-managed' });
    expect(client.named('Deployment', 'clearml-apiserver')?.spec?.replicas).toBe(1);
    expect(progressOf(client)).toBeUndefined();
  });

  it('stops at once when the step was done before, naming the last step done', async () => {
    const { client, plan } = await setUp();
    await run(client, await plan(), 'scale-down');
    const again = await run(client, await plan(), 'protect-claims');
    expect(again.result).toMatchObject({ ok: true, pausedAfter: 'scale-down' });
    expect(again.steps).toEqual(['protect-claims:skipped']);
    expect(client.named('Deployment', 'clearml-managed-apiserver')).toBeUndefined();
  });

  it('is an ordinary finished take-over when the step is the last one', async () => {
    const { client, plan } = await setUp();
    const { result } = await run(client, await plan(), 'remove-release');
    expect(result).toMatchObject({ ok: true, done: ORDER.slice(0, 4) });
    expect(result.pausedAfter).toBeUndefined();
  });

  it('reports a failed step as before, without pausing', async () => {
    const { client, plan } = await setUp();
    client.fail = (m, o) => m === 'apply' && 'kind' in o && o.kind === 'PersistentVolumeClaim';
    const { result } = await run(client, await plan(), 'scale-down');
    expect(result).toMatchObject({ ok: false, stoppedAt: 'protect-claims', done: [] });
    expect(result.pausedAfter).toBeUndefined();
  });
});
