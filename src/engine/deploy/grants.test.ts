import { parseAllDocuments } from 'yaml';
import { createValues } from '../values';
import { render } from '../render/render';
import { adminHandoff, sccGrantsOf } from './grants';

describe('SCC grants and the administrator hand-off', () => {
  it('hands over namespaced RoleBindings and oc commands, never cluster-wide grants', async () => {
    const objects = await render(createValues({ name: 'ml', namespace: 'team-a' }));
    const grants = sccGrantsOf(objects);
    expect(grants.map((g) => g.scc)).toEqual(['anyuid']);
    const handoff = adminHandoff(grants, 'team-a');
    const docs = parseAllDocuments(handoff.yaml).map((d) => d.toJS());
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      kind: 'RoleBinding',
      metadata: { name: 'ml-scc-anyuid', namespace: 'team-a' },
      roleRef: { kind: 'ClusterRole', name: 'system:openshift:scc:anyuid' },
    });
    expect(handoff.yaml).not.toMatch(/ClusterRoleBinding/);
    expect(handoff.applyCommand).toBe('oc apply -n team-a -f clearml-scc-grants.yaml');
    expect(handoff.policyCommands).toEqual([
      'oc adm policy add-scc-to-user anyuid -z ml-apiserver -n team-a',
      'oc adm policy add-scc-to-user anyuid -z ml-fileserver -n team-a',
      'oc adm policy add-scc-to-user anyuid -z ml-webserver -n team-a',
    ]);
    expect(handoff.grants[0].reason).toBe(
      'runs as root: the ClearML server image has no non-root user',
    );
  });

  it('asks for privileged only in chart-compatible mode', async () => {
    const objects = await render(
      createValues({ name: 'ml', namespace: 'team-a', security: { mode: 'chart-compatible' } }),
    );
    expect(
      sccGrantsOf(objects)
        .map((g) => g.scc)
        .sort(),
    ).toEqual(['anyuid', 'privileged']);
  });
});
