import type { K8sObject } from '../../engine/k8s-types';
import { FakeClusterClient } from '../../test-support/fake-client';
import { runCommand } from '../../test-support/run-command';

const STANDARD: K8sObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name: 'standard',
    annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
  },
};

const args = ['-f', 'examples/minimal.yaml', '-n', 'team-a'];

describe('preflight exit codes', () => {
  it('exits 0 when the deploy can finish on its own', async () => {
    const run = await runCommand('preflight', args, { client: new FakeClusterClient([STANDARD]) });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('A cluster administrator must grant');
  });

  it('exits 3 when an administrator must apply the SCC grants, and prints the hand-off', async () => {
    const client = new FakeClusterClient([STANDARD]);
    client.denied.add('use securitycontextconstraints');
    client.denied.add('bind clusterroles');
    const run = await runCommand('preflight', args, { client });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      '! warning: You may not grant the security context constraints anyuid',
    );
    expect(run.stdout).toContain('oc adm policy add-scc-to-user anyuid -z ml-apiserver -n team-a');
  });

  it('exits 4 on a StorageClass that does not exist', async () => {
    const run = await runCommand('preflight', ['-f', 'v.yaml'], {
      client: new FakeClusterClient([STANDARD]),
      files: { 'v.yaml': 'name: ml\nnamespace: team-a\nstorage:\n  storageClass: nope\n' },
    });
    expect(run.code).toBe(4);
    expect(run.stdout).toContain(
      '✗ blocking: StorageClass nope does not exist. Choose one of: standard.',
    );
  });
});
