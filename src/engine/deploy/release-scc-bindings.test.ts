// Uninstall takes the instance's service accounts out of the RoleBindings that
// `oc adm policy add-scc-to-user <scc> -z <sa> -n <ns>` writes, and touches no other subject.
import type { K8sObject } from '../k8s-types';
import { FakeClusterClient } from '../../test-support/fake-client';
import { createValues } from '../values';
import { deploy } from './deploy';
import { uninstall } from './uninstall';

const ns = 'team-a';
const sa = (name: string, namespace = ns) => ({ kind: 'ServiceAccount', name, namespace });
const ocBinding = (scc: string, subjects: object[], roleName = `system:openshift:scc:${scc}`) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: `system:openshift:scc:${scc}`, namespace: ns },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
  subjects,
});
const subjectsOf = (client: FakeClusterClient, name: string) =>
  (client.objects.get(`RoleBinding/${ns}/${name}`) as K8sObject & { subjects?: unknown[] })
    ?.subjects;

describe('uninstall and grants made with oc adm policy', () => {
  it('removes only the instance accounts, and deletes a binding left empty', async () => {
    const client = new FakeClusterClient([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
    ]);
    expect(
      (
        await deploy({
          client,
          values: createValues({ name: 'ml', namespace: ns }),
          routeWaitMs: 0,
        })
      ).ok,
    ).toBe(true);
    // An unlabelled account that merely has one of our names belongs to someone else.
    client.put({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'ml-mongodb', namespace: ns },
    });
    const user = { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' };
    for (const b of [
      ocBinding('anyuid', [
        sa('ml-apiserver'),
        sa('ml-webserver'),
        sa('other-apiserver'),
        user,
        sa('ml-apiserver', 'elsewhere'),
      ]),
      ocBinding('nonroot-v2', [sa('ml-fileserver'), sa('ml-redis')]),
      ocBinding('privileged', [sa('ml-mongodb')]),
      ocBinding('hostnetwork', [sa('ml-apiserver')], 'some-other-role'),
    ]) {
      client.put(b as K8sObject);
    }

    const events: string[] = [];
    const result = await uninstall({
      client,
      namespace: ns,
      instance: 'ml',
      onEvent: (e) => events.push(`${e.state} ${e.ref.kind}/${e.ref.name}`),
    });
    expect(result.problems).toEqual([]);
    expect(result.released.map((r) => r.name)).toEqual(['system:openshift:scc:anyuid']);
    expect(result.deleted.map((r) => r.name)).toContain('system:openshift:scc:nonroot-v2');
    expect(events).toContain('released RoleBinding/system:openshift:scc:anyuid');
    expect(subjectsOf(client, 'system:openshift:scc:anyuid')).toEqual([
      sa('other-apiserver'),
      user,
      sa('ml-apiserver', 'elsewhere'),
    ]);
    expect(subjectsOf(client, 'system:openshift:scc:nonroot-v2')).toBeUndefined();
    expect(subjectsOf(client, 'system:openshift:scc:privileged')).toEqual([sa('ml-mongodb')]);
    expect(subjectsOf(client, 'system:openshift:scc:hostnetwork')).toEqual([sa('ml-apiserver')]);
    // The instance's own grant binding goes as before.
    expect(client.objects.has(`RoleBinding/${ns}/ml-scc-anyuid`)).toBe(false);
  });
});
