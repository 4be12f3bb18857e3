/**
 * Upgrading an instance from ClearML server 2.0 to 2.3 on the local control plane: the same
 * volumes and credentials, MongoDB prepared first, and a downgrade refused before any write.
 */
import { deploy, type DeployEvent } from '../../src/engine/deploy/deploy';
import type { Deployment, K8sSecret, StatefulSet } from '../../src/engine/k8s-types';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, useTestNamespace } from '../support/cluster';
import { cli, clientAs, exampleValues, waitForReady } from './engine-helpers';

describe('upgrade between server releases', () => {
  const ns = useTestNamespace({ prefix: 'upgrade' });

  it('installs 2.0, upgrades to 2.3 keeping volumes and credentials, and refuses going back', async () => {
    const client = clientAs('admin');
    const v20 = exampleValues('minimal.yaml', ns.name, { server: { version: '2.0' } });
    const v23 = exampleValues('minimal.yaml', ns.name);
    const name = v20.name;

    const first = await deploy({ client, values: v20 });
    expect(first.ok).toBe(true);
    expect(first.upgrade).toBeUndefined();
    await waitForReady(ns.name, name);

    const secretRef = {
      apiVersion: 'v1',
      kind: 'Secret',
      name: `${name}-credentials`,
      namespace: ns.name,
    };
    const secretBefore = await client.get<K8sSecret>(secretRef);
    expect(Object.keys(secretBefore?.data ?? {})).toEqual(
      expect.arrayContaining(['mongodb_password', 'redis_password', 'apiserver_secret']),
    );
    const claimsBefore = await client.list('v1', 'PersistentVolumeClaim', { namespace: ns.name });
    expect(claimsBefore.length).toBeGreaterThanOrEqual(3);

    const events: DeployEvent[] = [];
    const upgraded = await deploy({ client, values: v23, onEvent: (e) => events.push(e) });
    expect(upgraded.problems).toEqual([]);
    expect(upgraded.ok).toBe(true);
    expect(upgraded.upgrade).toMatchObject({ from: '2.0', to: '2.3', refusals: [] });
    expect(upgraded.upgrade?.notes.map((n) => n.text).join(' ')).toContain('cannot be undone');
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'phase',
        phase: 'upgrade',
        message: expect.stringContaining('featureCompatibilityVersion is 6.0'),
      }),
    );
    // The preparation Job ran and was removed.
    expect(await client.list('batch/v1', 'Job', { namespace: ns.name })).toEqual([]);
    await waitForReady(ns.name, name);

    const mongo = await client.get<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: `${name}-mongodb`,
      namespace: ns.name,
    });
    expect(mongo?.spec.template.spec.containers[0].image).toBe('docker.io/library/mongo:7.0.22');
    const es = await client.get<StatefulSet>({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: `${name}-elasticsearch`,
      namespace: ns.name,
    });
    expect(es?.spec.template.spec.containers[0].image).toBe(
      'docker.io/library/elasticsearch:8.17.0',
    );
    const api = await client.get<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: `${name}-apiserver`,
      namespace: ns.name,
    });
    expect(api?.spec.template.spec.containers[0].image).toBe('docker.io/clearml/server:2.3.0');

    const secretAfter = await client.get<K8sSecret>(secretRef);
    expect(secretAfter?.data).toEqual(secretBefore?.data);
    const claimsAfter = await client.list('v1', 'PersistentVolumeClaim', { namespace: ns.name });
    expect(claimsAfter.map((c) => c.metadata.uid).sort()).toEqual(
      claimsBefore.map((c) => c.metadata.uid).sort(),
    );

    // Going back is refused by the engine and the CLI, and nothing is written.
    const mongoVersion = mongo?.metadata.resourceVersion;
    const back = await deploy({ client, values: v20 });
    expect(back.ok).toBe(false);
    expect(back.stoppedBecause).toBe('upgrade-refused');
    expect(back.changed).toBe(0);
    expect(back.problems.map((p) => p.message).join(' ')).toContain(
      'going back to 2.0 is not supported',
    );
    const dir = mkdtempSync(join(tmpdir(), 'clearml-upgrade-'));
    const file = join(dir, 'v20.yaml');
    writeFileSync(
      file,
      `${readFileSync(join(REPO_ROOT, 'examples/minimal.yaml'), 'utf8')}\nserver:\n  version: "2.0"\n`,
    );
    const cliBack = await cli(['deploy', '-f', file, '-n', ns.name]);
    expect(cliBack.code).toBe(2);
    expect(cliBack.stderr).toContain('going back to 2.0 is not supported');
    expect(cliBack.stderr).toContain('nothing was written');
    const still = await client.get<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: `${name}-mongodb`,
      namespace: ns.name,
    });
    expect(still?.metadata.resourceVersion).toBe(mongoVersion);
  });
});
