/**
 * The deploy engine and CLI against the local control plane: a full install as cluster admin,
 * re-runs, status, uninstall that keeps data, and re-install onto the same data.
 */
import { deploy } from '../../src/engine/deploy/deploy';
import { uninstall } from '../../src/engine/deploy/uninstall';
import type { K8sSecret } from '../../src/engine/k8s-types';
import { useTestNamespace } from '../support/cluster';
import { cli, clientAs, exampleValues, statusOf, waitForReady } from './engine-helpers';

describe('deploy as cluster admin', () => {
  const ns = useTestNamespace({ prefix: 'deploy' });

  it('installs every component, re-runs without changes, uninstalls keeping data and reuses it', async () => {
    const client = clientAs('admin');
    const values = exampleValues('minimal.yaml', ns.name);

    const first = await deploy({ client, values });
    expect(first.ok).toBe(true);
    expect(first.changed).toBeGreaterThan(20);
    await waitForReady(ns.name, values.name);

    const status = await statusOf(ns.name, values.name);
    expect(status.components.map((c) => [c.component, c.state])).toEqual([
      ['mongodb', 'Ready'],
      ['redis', 'Ready'],
      ['elasticsearch', 'Ready'],
      ['apiserver', 'Ready'],
      ['fileserver', 'Ready'],
      ['async-delete', 'Ready'],
      ['webserver', 'Ready'],
    ]);
    expect(status.urls.app).toBe(`https://${values.name}-app-${ns.name}.apps.clearml.local`);

    const again = await cli(['deploy', '-f', 'examples/minimal.yaml', '-n', ns.name, '-o', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).changed).toBe(0);

    const green = await cli(['status', '-f', 'examples/minimal.yaml', '-n', ns.name, '-o', 'json']);
    expect(green.code).toBe(0);
    const report = JSON.parse(green.stdout);
    expect(report.ready).toBe(true);
    expect(report.components).toHaveLength(7);
    expect(report.components[0]).toMatchObject({
      component: 'mongodb',
      state: 'Ready',
      reason: expect.any(String),
    });

    const secretRef = {
      apiVersion: 'v1',
      kind: 'Secret',
      name: `${values.name}-credentials`,
      namespace: ns.name,
    };
    const before = await client.get<K8sSecret>(secretRef);
    const claims = await client.list('v1', 'PersistentVolumeClaim', { namespace: ns.name });
    expect(claims.length).toBeGreaterThanOrEqual(2);

    const removed = await uninstall({ client, namespace: ns.name, instance: values.name });
    expect(removed.problems).toEqual([]);
    expect(removed.kept.map((r) => r.kind).sort()).toEqual(
      [...claims.map(() => 'PersistentVolumeClaim'), 'Secret'].sort(),
    );
    expect(await client.list('apps/v1', 'Deployment', { namespace: ns.name })).toEqual([]);
    expect(
      await client.list('rbac.authorization.k8s.io/v1', 'RoleBinding', { namespace: ns.name }),
    ).toEqual([]);
    const keptClaims = await client.list('v1', 'PersistentVolumeClaim', { namespace: ns.name });
    expect(keptClaims.map((c) => c.metadata.uid).sort()).toEqual(
      claims.map((c) => c.metadata.uid).sort(),
    );

    const reinstall = await deploy({ client, values });
    expect(reinstall.ok).toBe(true);
    const after = await client.get<K8sSecret>(secretRef);
    expect(after?.data).toEqual(before?.data);
    const reusedClaims = await client.list('v1', 'PersistentVolumeClaim', { namespace: ns.name });
    expect(reusedClaims.map((c) => c.metadata.uid).sort()).toEqual(
      claims.map((c) => c.metadata.uid).sort(),
    );
    await waitForReady(ns.name, values.name);
  });
});
