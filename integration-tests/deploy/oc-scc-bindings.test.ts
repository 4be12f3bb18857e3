/**
 * An administrator granted the SCC with `oc adm policy add-scc-to-user anyuid -z <sa> -n <ns>`
 * instead of the hand-off's YAML: oc writes (or extends) the RoleBinding
 * `system:openshift:scc:anyuid` in the namespace. Uninstall takes the instance's accounts out of
 * it and leaves every other subject, on the real API server.
 */
import * as k8s from '@kubernetes/client-node';
import { deploy } from '../../src/engine/deploy/deploy';
import { uninstall } from '../../src/engine/deploy/uninstall';
import { apiFor, statusOf, useTestNamespace } from '../support/cluster';
import { clientAs, exampleValues } from './engine-helpers';

describe('uninstall after grants made with oc adm policy', () => {
  const ns = useTestNamespace({ prefix: 'ocscc' });

  it('removes only the instance service accounts from the shared SCC bindings', async () => {
    const admin = clientAs('admin');
    const rbac = apiFor('admin', k8s.RbacAuthorizationV1Api);
    const values = exampleValues('minimal.yaml', ns.name);
    expect((await deploy({ client: admin, values, routeWaitMs: 0 })).ok).toBe(true);

    const sa = (name: string) => ({ kind: 'ServiceAccount', name, namespace: ns.name });
    // What oc writes: the binding named like the ClusterRole, one subject per -z account.
    const ocBinding = (scc: string, subjects: k8s.RbacV1Subject[]) =>
      rbac.createNamespacedRoleBinding({
        namespace: ns.name,
        body: {
          metadata: { name: `system:openshift:scc:${scc}` },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: `system:openshift:scc:${scc}`,
          },
          subjects,
        },
      });
    await ocBinding('anyuid', [
      sa('ml-apiserver'),
      sa('ml-fileserver'),
      sa('ml-webserver'),
      sa('another-app'),
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'developer' },
    ]);
    await ocBinding('nonroot-v2', [sa('ml-redis')]);

    const result = await uninstall({ client: admin, namespace: ns.name, instance: values.name });
    expect(result.problems).toEqual([]);
    expect(result.released.map((r) => r.name)).toEqual(['system:openshift:scc:anyuid']);
    expect(result.deleted.map((r) => r.name)).toContain('system:openshift:scc:nonroot-v2');

    const anyuid = await rbac.readNamespacedRoleBinding({
      name: 'system:openshift:scc:anyuid',
      namespace: ns.name,
    });
    expect(anyuid.subjects).toEqual([
      sa('another-app'),
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'developer' },
    ]);
    const gone = await rbac
      .readNamespacedRoleBinding({ name: 'system:openshift:scc:nonroot-v2', namespace: ns.name })
      .then(
        () => 200,
        (err: unknown) => statusOf(err),
      );
    expect(gone).toBe(404);
    // The instance's own grant binding is deleted as before.
    const own = await rbac
      .listNamespacedRoleBinding({ namespace: ns.name })
      .then((l) => l.items.map((b) => b.metadata?.name));
    expect(own).not.toContain(`${values.name}-scc-anyuid`);
  });
});
