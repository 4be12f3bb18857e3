// `clearml-openshift adopt`: the plan on --dry-run, exit codes, and no secret in any output.
import { chartInstall } from '../../engine/adopt/takeover-fixtures';
import type { K8sObject } from '../../engine/k8s-types';
import { FakeClusterClient } from '../../test-support/fake-client';
import { TakeoverCluster } from '../../test-support/takeover-cluster';
import { runCommand } from '../../test-support/run-command';

const SECRET_VALUE = 'c2VjcmV0LXZhbHVlLW5ldmVyLXByaW50ZWQ=';

function cluster() {
  const install = chartInstall({ exposed: ['webserver', 'apiserver'] });
  const objects = install.objects.map((o) =>
    o.kind === 'Secret' && o.metadata.name === 'clearml-conf'
      ? ({
          ...o,
          data: { ...(o as { data?: object }).data, apiserver_secret: SECRET_VALUE },
        } as unknown as K8sObject)
      : o,
  );
  return new FakeClusterClient(objects);
}

const writes = (client: FakeClusterClient) =>
  client.calls.filter((c) => (c.method === 'apply' && !c.dryRun) || c.method === 'delete');

describe('clearml-openshift adopt', () => {
  it('--dry-run prints the steps, the values, the SCCs and the findings, and writes nothing', async () => {
    const client = cluster();
    const run = await runCommand('adopt', ['--release', 'clearml', '-n', 'clearml', '--dry-run'], {
      client,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Take-over of Helm release clearml in clearml into instance clearml-managed',
    );
    expect(run.stdout).toMatch(/ {2}1\. Protect the volumes clearml-fileserver-data, /);
    expect(run.stdout).toMatch(/ {2}4\. Remove the \d+ objects of release clearml/);
    expect(run.stdout).toContain('no rollback after it');
    expect(run.stdout).toContain('existingSecret: clearml-conf');
    expect(run.stdout).toContain('Security context constraints of the instance:');
    expect(run.stdout).toContain(
      'i info: The instance keeps the host clearml-webserver-clearml.apps.example.com of Route clearml-webserver',
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET_VALUE);
    expect(writes(client)).toEqual([]);
  });

  it("--dry-run runs the deploy's checks: the SCC grants an administrator must apply, and a quota too small", async () => {
    const client = cluster();
    client.denied.add('use securitycontextconstraints/anyuid');
    client.denied.add('bind clusterroles/system:openshift:scc:anyuid');
    const handoff = await runCommand(
      'adopt',
      ['--release', 'clearml', '-n', 'clearml', '--dry-run'],
      { client },
    );
    expect(handoff.code).toBe(0);
    expect(handoff.stdout).toContain('apply the grants shown below before you start');
    expect(handoff.stdout).toContain('kind: RoleBinding');

    const small = cluster();
    small.put({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tiny', namespace: 'clearml' },
      status: { hard: { 'requests.cpu': '100m' }, used: { 'requests.cpu': '0' } },
    } as K8sObject);
    const blocked = await runCommand('adopt', ['--release', 'clearml', '-n', 'clearml'], {
      client: small,
    });
    expect(blocked.code).not.toBe(0);
    expect(`${blocked.stdout}${blocked.stderr}`).toContain('Quota tiny has');
    expect(blocked.stderr).toContain('is blocked by the findings above; nothing was written');
    expect(writes(small)).toEqual([]);
  });

  it('--output json gives the plan as data, without secrets', async () => {
    const client = cluster();
    const run = await runCommand(
      'adopt',
      ['--release', 'clearml', '-n', 'clearml', '--dry-run', '-o', 'json', '--name', 'ml'],
      { client },
    );
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data).toMatchObject({ ok: true, dryRun: true, instance: 'ml', blocked: false });
    expect(data.steps.map((s: { id: string }) => s.id)).toEqual([
      'protect-claims',
      'scale-down',
      'deploy',
      'remove-release',
    ]);
    expect(data.values.storage.mongodb.existingClaim).toEqual({
      name: 'clearml-mongodb',
      ownerUid: 1001,
    });
    expect(run.stdout).not.toContain(SECRET_VALUE);
  });

  it('exits 4 with nothing written when the release does not exist or a claim is missing', async () => {
    const missing = await runCommand('adopt', ['--release', 'other', '-n', 'clearml'], {
      client: cluster(),
    });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toBe(
      '✗ blocking: No release other of the clearml chart runs in clearml: nothing to take over.\n',
    );

    const install = chartInstall({ withoutClaims: ['clearml-mongodb'] });
    const client = new FakeClusterClient(install.objects);
    const blocked = await runCommand('adopt', ['--release', 'clearml', '-n', 'clearml'], {
      client,
    });
    expect(blocked.code).toBe(4);
    expect(blocked.stdout).toContain('✗ blocking: The MongoDB volume of release clearml');
    expect(blocked.stderr).toContain('nothing was written');
    expect(writes(client)).toEqual([]);
  });

  it('exits 3 when the user may not do a step', async () => {
    const client = cluster();
    client.denied.add('delete services');
    const run = await runCommand('adopt', ['--release', 'clearml', '-n', 'clearml'], { client });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("You may not remove the release's objects: delete services.");
    expect(writes(client)).toEqual([]);
  });

  it('exits 2 on invalid arguments', async () => {
    const noRelease = await runCommand('adopt', ['-n', 'clearml'], { client: cluster() });
    expect(noRelease.code).toBe(2);
    expect(noRelease.stderr).toMatch(/^--release is required/);
    const both = await runCommand('adopt', ['--release', 'clearml', '--rollback', '--dry-run'], {
      client: cluster(),
    });
    expect(both.code).toBe(2);
    const wait = await runCommand('adopt', ['--release', 'clearml', '--wait', 'soon'], {
      client: cluster(),
    });
    expect(wait.code).toBe(2);
    const step = await runCommand('adopt', ['--release', 'clearml', '--until', 'scale'], {
      client: cluster(),
    });
    expect(step.code).toBe(2);
    expect(step.stderr).toMatch(
      /^--until must be the step to stop after: one of protect-claims, scale-down, deploy, remove-release\n/,
    );
    const rollback = await runCommand(
      'adopt',
      ['--release', 'clearml', '--rollback', '--until', 'deploy'],
      { client: cluster() },
    );
    expect(rollback.code).toBe(2);
    expect(rollback.stderr).toMatch(/^--rollback takes no .*--until/);
  });

  it("speaks the command's own words: its flags, to remove the grants and to roll back", async () => {
    const plan = await runCommand('adopt', ['--release', 'clearml', '-n', 'clearml', '--dry-run'], {
      client: cluster(),
    });
    expect(plan.stdout).toMatch(
      /The cluster-wide grants .* stay in place; adopt again with --remove-grants to remove them\./,
    );

    const client = cluster();
    client.denied.add('use securitycontextconstraints');
    client.denied.add('bind clusterroles');
    const run = await runCommand('adopt', ['--release', 'clearml', '-n', 'clearml'], { client });
    expect(run.code).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain(
      'Adopt again once fixed, or adopt --rollback to restore the release.',
    );
  });

  it('--rollback with no take-over recorded changes nothing and says so', async () => {
    const client = cluster();
    const run = await runCommand('adopt', ['--release', 'clearml', '-n', 'clearml', '--rollback'], {
      client,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'Nothing to roll back: no take-over of release clearml is recorded in clearml.\n',
    );
    expect(writes(client)).toEqual([]);
  });
});

describe('clearml-openshift adopt --until', () => {
  const takeoverCluster = () =>
    new TakeoverCluster(chartInstall({ exposed: ['webserver', 'apiserver'] }).objects);
  const args = ['--release', 'clearml', '-n', 'clearml'];

  it('stops after the step, says how to continue or roll back, and a run without it finishes', async () => {
    const client = takeoverCluster();
    const staged = await runCommand('adopt', [...args, '--until', 'scale-down'], { client });
    expect(staged.code, staged.stderr).toBe(0);
    expect(staged.stdout).toBe(
      'The take-over of release clearml into instance clearml-managed is paused after step 2 of 4, scale the release down. Run adopt again without --until to continue, or adopt --rollback to restore the release.\n',
    );
    expect(client.named('Deployment', 'clearml-apiserver')?.spec?.replicas).toBe(0);
    expect(client.named('Deployment', 'clearml-managed-apiserver')).toBeUndefined();

    const rest = await runCommand('adopt', args, { client });
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stderr.match(/^» \(done before\) /gm)).toHaveLength(2);
    expect(rest.stdout).toBe(
      'Release clearml is now instance clearml-managed, managed by this plugin.\n',
    );
  });

  it('-o json reports the step reached and that no rollback is left after removing the release', async () => {
    const client = takeoverCluster();
    const run = await runCommand(
      'adopt',
      [...args, '--remove-grants', '--until', 'remove-release', '-o', 'json'],
      { client },
    );
    expect(run.code, run.stderr).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data).toMatchObject({
      ok: true,
      done: ['protect-claims', 'scale-down', 'deploy', 'remove-release'],
      pausedAfter: 'remove-release',
      rollbackPossible: false,
      message:
        "The take-over of release clearml into instance clearml-managed is paused after step 4 of 5, remove the release's objects; the release's objects are removed, so it can no longer be rolled back. Run adopt again without --until to finish it.",
    });
    const refused = await runCommand('adopt', [...args, '--rollback'], { client });
    expect(refused.code).toBe(4);
  });

  it('-o yaml reports the step reached too', async () => {
    const client = takeoverCluster();
    const run = await runCommand('adopt', [...args, '--until', 'protect-claims', '-o', 'yaml'], {
      client,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^pausedAfter: protect-claims$/m);
    expect(run.stdout).toMatch(/^rollbackPossible: true$/m);
    expect(client.named('Deployment', 'clearml-apiserver')?.spec?.replicas).toBe(1);
  });

  it('with --dry-run, says where the run would stop and writes nothing', async () => {
    const client = cluster();
    const run = await runCommand('adopt', [...args, '--dry-run', '--until', 'deploy'], {
      client,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'With --until deploy, the run stops after step 3; adopt again without --until continues it.',
    );
    expect(writes(client)).toEqual([]);
  });
});
