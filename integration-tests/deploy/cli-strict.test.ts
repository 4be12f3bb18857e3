/**
 * The CLI is as strict as the page: deploy runs preflight first and writes nothing on a missing
 * StorageClass or a quota too small for the plan; preflight exits 3 with the hand-off; deploy
 * --wait waits until Ready or times out with the components and reasons. And the status model's
 * words for a StorageClass that does not exist and for a used-up quota.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { deploy } from '../../src/engine/deploy/deploy';
import { readLiveState } from '../../src/engine/status/read';
import { instanceStatus } from '../../src/engine/status/model';
import { apiFor, useTestNamespace, waitFor } from '../support/cluster';
import { cli, clientAs, exampleValues, statusOf } from './engine-helpers';

const valuesFile = (content: object) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'clearml-values-')), 'values.yaml');
  writeFileSync(file, stringify(content));
  return file;
};

const minimal = (namespace: string, extra: object = {}) => ({
  name: 'ml',
  namespace,
  resources: { preset: 'small' },
  storage: {
    fileserver: { size: '10Gi' },
    mongodb: { size: '10Gi' },
    redis: { size: '1Gi' },
    elasticsearch: { size: '10Gi' },
  },
  ...extra,
});

const deploymentsIn = (namespace: string) =>
  clientAs('admin').list('apps/v1', 'Deployment', { namespace });

/** Creates a ResourceQuota and waits until the quota controller has filled in its status. */
async function tightQuota(namespace: string, hard: Record<string, string>) {
  const core = apiFor('admin', k8s.CoreV1Api);
  await core.createNamespacedResourceQuota({
    namespace,
    body: { metadata: { name: 'tight' }, spec: { hard } },
  });
  await waitFor(
    async () =>
      (await core.readNamespacedResourceQuota({ name: 'tight', namespace })).status?.hard
        ? true
        : undefined,
    { timeoutMs: 30_000, description: 'the quota controller to fill in quota tight' },
  );
}

describe('the CLI checks before it writes', () => {
  const ns = useTestNamespace({ prefix: 'strict' });

  it('refuses a StorageClass that does not exist in preflight and deploy, writing nothing', async () => {
    const file = valuesFile(minimal(ns.name, { storage: { storageClass: 'does-not-exist' } }));
    const checked = await cli(['preflight', '-f', file]);
    expect(checked.code).toBe(4);
    expect(checked.stdout).toContain(
      '✗ blocking: StorageClass does-not-exist does not exist. Choose one of: standard.',
    );

    const deployed = await cli(['deploy', '-f', file]);
    expect(deployed.code).toBe(4);
    expect(deployed.stderr).toContain('StorageClass does-not-exist does not exist');
    expect(deployed.stderr).toContain('nothing was written');
    expect(deployed.stdout).toBe('');
    expect(await deploymentsIn(ns.name)).toEqual([]);
    expect(
      await clientAs('admin').list('v1', 'PersistentVolumeClaim', { namespace: ns.name }),
    ).toEqual([]);
  });

  it('refuses a plan the project quota cannot hold, naming the quota; --force does not help', async () => {
    await tightQuota(ns.name, { pods: '3' });
    const file = valuesFile(minimal(ns.name));
    for (const extra of [[], ['--force']]) {
      const deployed = await cli(['deploy', '-f', file, ...extra]);
      expect(deployed.code).toBe(4);
      expect(deployed.stderr).toContain(
        'Quota tight has 3 of pods left, but the plan needs 7. Choose a smaller size preset or ask for a larger quota.',
      );
    }
    expect(await deploymentsIn(ns.name)).toEqual([]);
  });

  it('deploy --wait times out with exit 4 and the components, then waits until Ready', async () => {
    const file = valuesFile(minimal(ns.name));
    const early = await cli(['deploy', '-f', file, '--wait', '--timeout', '1s']);
    expect(early.code).toBe(4);
    expect(early.stdout).toMatch(/^Deployed ml in .*: \d+ objects written\.$/m);
    // Which components are still rolling out after 1 s depends on the machine: each one named
    // in the summary has a line of its own with its state, ready count and reason.
    const summary = early.stderr.match(/✗ ml in .* is not Ready after 1s: (.+)\.$/m);
    expect(summary, early.stderr).not.toBeNull();
    const named = summary![1].split(', ').filter((n) => !n.startsWith('the workloads'));
    for (const name of named) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(early.stderr).toMatch(
        new RegExp(`… ${escaped} +(Progressing|Degraded|Failed) +\\d+/\\d+ +\\S`),
      );
    }

    const waited = await cli(['deploy', '-f', file, '--wait', '--timeout', '3m']);
    expect(waited.stderr).toMatch(/✓ Web UI +Ready +1\/1/);
    expect(waited.stdout).toContain(`ml in ${ns.name} is Ready: all 7 components.`);
    expect(waited.code).toBe(0);
    expect((await statusOf(ns.name, 'ml')).ready).toBe(true);
  });
});

describe('preflight for a project administrator who may not grant SCCs', () => {
  const ns = useTestNamespace({ prefix: 'strict-dev', grants: { developer: 'admin' } });

  it('exits 3 and prints the hand-off', async () => {
    const file = valuesFile(minimal(ns.name));
    const checked = await cli(['preflight', '-f', file], 'developer');
    expect(checked.stdout).toContain('A cluster administrator must grant');
    expect(checked.stdout).toContain(
      `oc adm policy add-scc-to-user anyuid -z ml-apiserver -n ${ns.name}`,
    );
    expect(checked.code).toBe(3);
  });
});

describe('status words for storage and quota', () => {
  const ns = useTestNamespace({ prefix: 'words', grants: { developer: 'admin' } });

  it('calls a volume of a StorageClass that does not exist Failed, for admin and developer', async () => {
    // The engine alone does not run preflight: this is what an instance deployed before looks like.
    const values = exampleValues('minimal.yaml', ns.name, {
      storage: {
        storageClass: 'does-not-exist',
        fileserver: { size: '10Gi' },
        mongodb: { size: '10Gi' },
        redis: { size: '1Gi' },
        elasticsearch: { size: '10Gi' },
      },
    });
    expect((await deploy({ client: clientAs('admin'), values })).ok).toBe(true);
    const mongo = await waitFor(
      async () => {
        const c = (await statusOf(ns.name, 'ml')).components.find((x) => x.component === 'mongodb');
        return c?.state === 'Failed' ? c : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000, description: 'MongoDB Failed on its volume' },
    );
    expect(mongo.reason).toBe(
      'Volume ml-mongodb-data cannot be provisioned: the StorageClass does-not-exist does not exist; choose one of standard (the default), or ask an administrator to create does-not-exist.',
    );

    // A project administrator may not list StorageClasses: the provisioning event tells.
    const developer = clientAs('developer');
    const seen = await waitFor(
      async () => {
        const live = await readLiveState(developer, ns.name, 'ml');
        expect(live.storageClasses).toBeUndefined();
        const c = instanceStatus('ml', live).components.find((x) => x.component === 'mongodb');
        return c?.state === 'Failed' ? c : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000, description: 'the provisioning failure as developer' },
    );
    expect(seen.reason).toMatch(
      /^Volume ml-mongodb-data cannot be provisioned: the StorageClass does-not-exist does not exist; choose one of/,
    );
    const cliStatus = await cli(['status', '--name', 'ml', '-n', ns.name], 'developer');
    expect(cliStatus.stdout).toMatch(
      /✗ MongoDB +Failed .*StorageClass does-not-exist does not exist/,
    );
  });

  it('says which quota refuses pods, how much is used and what the instance needs', async () => {
    await tightQuota(ns.name, { pods: '4' });
    const values = exampleValues('minimal.yaml', ns.name);
    expect((await deploy({ client: clientAs('admin'), values })).ok).toBe(true);
    const refused = await waitFor(
      async () => {
        const status = await statusOf(ns.name, 'ml');
        const c = status.components.find((x) => x.state === 'Failed' && x.reason.includes('quota'));
        return c;
      },
      { timeoutMs: 60_000, intervalMs: 1000, description: 'a component refused by quota tight' },
    );
    expect(refused.reason).toBe(
      'Pods cannot be created: quota tight of this project is used up (pods: 4 of 4 used, 1 more needed; the instance needs 7 in all). Ask a project administrator for a larger quota, or choose a smaller size preset.',
    );
  });
});
