/**
 * A project administrator who may not grant SCCs: preflight explains it and hands over the
 * exact objects; once a cluster administrator applies them, the same deploy goes through.
 */
import * as k8s from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { preflight } from '../../src/engine/preflight/preflight';
import { deploy } from '../../src/engine/deploy/deploy';
import { readLive } from '../../src/engine/deploy/live';
import { renderWithPlan } from '../../src/engine/render/render';
import { apiFor, useTestNamespace } from '../support/cluster';
import { cli, clientAs, exampleValues, waitForReady } from './engine-helpers';

describe('deploy as a project administrator', () => {
  const ns = useTestNamespace({ prefix: 'dev', grants: { developer: 'admin' } });

  it('gets the administrator hand-off, then deploys once the grants are applied', async () => {
    const developer = clientAs('developer');
    const values = exampleValues('minimal.yaml', ns.name);
    const { objects } = await renderWithPlan(values);

    const report = await preflight({
      client: developer,
      namespace: ns.name,
      instance: values.name,
      objects,
      live: await readLive(developer, ns.name, objects),
    });
    expect(report.canDeploy).toBe(true);
    const scc = report.findings.find((f) => f.id === 'scc-grants');
    expect(scc?.severity).toBe('warning');
    expect(scc?.message).toMatch(/may not grant the security context constraints anyuid/);
    expect(report.handoff?.grants).toEqual([
      expect.objectContaining({
        scc: 'anyuid',
        serviceAccounts: ['ml-apiserver', 'ml-fileserver', 'ml-webserver'],
        reason: 'runs as root: the ClearML server image has no non-root user',
      }),
    ]);
    expect(report.handoff?.policyCommands).toContain(
      `oc adm policy add-scc-to-user anyuid -z ml-apiserver -n ${ns.name}`,
    );

    // Without waiting, deploy stops before any write with a permission exit code.
    const refused = await cli(
      ['deploy', '-f', 'examples/minimal.yaml', '-n', ns.name],
      'developer',
    );
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('oc adm policy add-scc-to-user anyuid');
    expect(await developer.list('apps/v1', 'Deployment', { namespace: ns.name })).toEqual([]);

    // A cluster administrator applies exactly the hand-off's YAML.
    const rbac = apiFor('admin', k8s.RbacAuthorizationV1Api);
    for (const doc of parseAllDocuments(report.handoff!.yaml)) {
      await rbac.createNamespacedRoleBinding({ namespace: ns.name, body: doc.toJS() });
    }

    const result = await deploy({
      client: developer,
      values,
      waitForGrantsMs: 10_000,
      grantPollMs: 200,
    });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.states.find((s) => s.ref.kind === 'RoleBinding')?.state).toBe('skipped');
    await waitForReady(ns.name, values.name);
  });

  it('waits for the grants while an administrator applies them', async () => {
    const developer = clientAs('developer');
    const values = exampleValues('minimal.yaml', ns.name);
    const events: string[] = [];
    const running = deploy({
      client: developer,
      values,
      waitForGrantsMs: 30_000,
      grantPollMs: 200,
      onEvent: (e) => {
        if (e.type === 'grants') events.push(e.state);
      },
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(events).toEqual(['waiting']);
    await apiFor('admin', k8s.RbacAuthorizationV1Api).createNamespacedRoleBinding({
      namespace: ns.name,
      body: {
        metadata: { name: 'granted-by-admin' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'system:openshift:scc:anyuid',
        },
        subjects: ['ml-apiserver', 'ml-fileserver', 'ml-webserver'].map((name) => ({
          kind: 'ServiceAccount',
          name,
          namespace: ns.name,
        })),
      },
    });
    const result = await running;
    expect(result.ok).toBe(true);
    expect(events).toEqual(['waiting', 'granted']);
  });
});
