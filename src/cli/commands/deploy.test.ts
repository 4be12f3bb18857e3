import { ApiError } from '../../engine/cluster/errors';
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

const cluster = (...objects: K8sObject[]) => new FakeClusterClient([STANDARD, ...objects]);

/** Objects really written (not dry runs). */
const writes = (client: FakeClusterClient) =>
  client.calls.filter((c) => c.method === 'apply' && !c.dryRun);

/** A cluster whose controllers roll every workload out at once. */
class RollingOutCluster extends FakeClusterClient {
  override async list<T extends K8sObject = K8sObject>(
    apiVersion: string,
    kind: string,
    options?: { namespace?: string; labelSelector?: string },
  ): Promise<T[]> {
    const items = await super.list<T>(apiVersion, kind, options);
    if (kind !== 'Deployment' && kind !== 'StatefulSet') return items;
    return items.map((w) => {
      const replicas = (w as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
      return {
        ...w,
        metadata: { ...w.metadata, generation: 1 },
        status: {
          observedGeneration: 1,
          replicas,
          readyReplicas: replicas,
          updatedReplicas: replicas,
          availableReplicas: replicas,
        },
      };
    });
  }
}

const deployArgs = (...extra: string[]) => [
  '-f',
  'examples/minimal.yaml',
  '-n',
  'team-a',
  ...extra,
];

describe('deploy runs preflight first', () => {
  it('stops on a StorageClass that does not exist: exit 4, the finding, nothing written', async () => {
    const client = cluster();
    const run = await runCommand('deploy', ['-f', 'bad-class.yaml'], {
      client,
      files: {
        'bad-class.yaml': 'name: ml\nnamespace: team-a\nstorage:\n  storageClass: fast-ssd\n',
      },
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      '✗ blocking: StorageClass fast-ssd does not exist. Choose one of: standard.',
    );
    expect(run.stderr).toMatch(/block deploying ml in team-a; nothing was written/);
    expect(run.stdout).toBe('');
    expect(writes(client)).toEqual([]);
    expect(client.calls.filter((c) => c.method === 'apply')).toEqual([]);
  });

  it('stops on a quota too small for the plan, naming the quota, what is left and what is needed', async () => {
    const quota = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tight', namespace: 'team-a' },
      status: { hard: { pods: '3' }, used: { pods: '1' } },
    } as K8sObject;
    const client = cluster(quota);
    const run = await runCommand('deploy', deployArgs(), { client });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      'Quota tight has 2 of pods left, but the plan needs 7. Choose a smaller size preset or ask for a larger quota.',
    );
    expect(writes(client)).toEqual([]);
  });

  it('never lets --force override an error', async () => {
    const client = cluster();
    const run = await runCommand('deploy', ['-f', 'bad.yaml', '--force'], {
      client,
      files: { 'bad.yaml': 'name: ml\nnamespace: team-a\nstorage:\n  storageClass: nope\n' },
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('--force overrides warnings, never these.');
    expect(writes(client)).toEqual([]);
  });

  it('stops on a check that could not run unless --force, which then deploys', async () => {
    class QuotaUnreadable extends FakeClusterClient {
      override async list<T extends K8sObject = K8sObject>(
        apiVersion: string,
        kind: string,
        options?: { namespace?: string; labelSelector?: string },
      ): Promise<T[]> {
        if (kind === 'ResourceQuota') {
          throw new ApiError(500, { kind: 'Status', code: 500, message: 'etcd is unavailable' });
        }
        return super.list<T>(apiVersion, kind, options);
      }
    }
    const stopped = new QuotaUnreadable([STANDARD]);
    const run = await runCommand('deploy', deployArgs(), { client: stopped });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^! warning: .*quota/m);
    expect(run.stderr).toContain('Deploy again with --force to go ahead anyway.');
    expect(writes(stopped)).toEqual([]);

    const forced = new QuotaUnreadable([STANDARD]);
    const go = await runCommand('deploy', deployArgs('--force'), { client: forced });
    expect(go.stderr).toMatch(/^! warning: .*quota/m);
    expect(go.code).toBe(0);
    expect(go.stdout).toMatch(/^Deployed ml in team-a: \d+ objects written\.$/m);
  });

  it('reports a preflight stop as JSON with -o json', async () => {
    const client = cluster();
    const run = await runCommand('deploy', ['-f', 'bad.yaml', '-o', 'json'], {
      client,
      files: { 'bad.yaml': 'name: ml\nnamespace: team-a\nstorage:\n  storageClass: nope\n' },
    });
    expect(run.code).toBe(4);
    const out = JSON.parse(run.stdout) as {
      ok: boolean;
      stoppedBecause: string;
      preflight: unknown[];
    };
    expect(out).toMatchObject({ ok: false, stoppedBecause: 'preflight' });
    expect(out.preflight).toContainEqual(
      expect.objectContaining({ id: 'storage-nope', severity: 'error', area: 'storage' }),
    );
  });
});

describe('deploy --wait', () => {
  it('waits until every component is Ready, printing each change', async () => {
    const client = new RollingOutCluster([STANDARD]);
    const run = await runCommand('deploy', deployArgs('--wait', '--timeout', '30s'), { client });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/✓ API server +Ready +1\/1/);
    expect(run.stdout).toContain('ml in team-a is Ready: all 7 components.');
  });

  it('times out with exit 4, naming each component that is not Ready and why', async () => {
    const client = cluster();
    const run = await runCommand('deploy', deployArgs('--wait', '--timeout', '1s'), { client });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/✗ ml in team-a is not Ready after 1s: .*API server/);
    expect(run.stderr).toMatch(/… API server +Progressing +0\/1 +Waiting for .* to be ready\./);
  });

  it('names an agent whose glue is not Ready when the wait times out', async () => {
    class GlueStuck extends RollingOutCluster {
      override async list<T extends K8sObject = K8sObject>(
        apiVersion: string,
        kind: string,
        options?: { namespace?: string; labelSelector?: string },
      ): Promise<T[]> {
        const items = await super.list<T>(apiVersion, kind, options);
        return items.map((w) =>
          w.metadata.name === 'ml-agent-cpu'
            ? ({ ...w, status: { ...(w as { status?: object }).status, readyReplicas: 0 } } as T)
            : w,
        );
      }
    }
    const run = await runCommand(
      'deploy',
      ['-f', 'examples/agents.yaml', '--wait', '--timeout', '1s'],
      { client: new GlueStuck([STANDARD]) },
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('✗ ml in team-a is not Ready after 1s: agent cpu.');
    expect(run.stderr).toMatch(/… agent cpu +Progressing +0\/1 +Starting: 0 of 1 ready\./);
  });

  it('includes the final status in JSON output', async () => {
    const client = new RollingOutCluster([STANDARD]);
    const run = await runCommand('deploy', deployArgs('--wait', '-o', 'json'), { client });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      ok: boolean;
      ready: boolean;
      status: { ready: boolean };
    };
    expect(out).toMatchObject({ ok: true, ready: true, status: { ready: true } });
  });

  it('refuses a bad --timeout, or --timeout without --wait, with exit 2', async () => {
    const bad = await runCommand('deploy', deployArgs('--wait', '--timeout', 'soon'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout must be a duration');
    const alone = await runCommand('deploy', deployArgs('--timeout', '5m'));
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--timeout applies to --wait');
  });
});
