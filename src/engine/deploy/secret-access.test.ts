// The instance's Secret is read by name only: deploy, preflight and uninstall never list Secrets,
// so a user needs `get` on that one name, and other applications' Secrets never reach the browser.
import type { K8sSecret } from '../k8s-types';
import { FakeClusterClient } from '../../test-support/fake-client';
import { preflight } from '../preflight/preflight';
import { renderWithPlan } from '../render/render';
import { createValues } from '../values';
import { deploy } from './deploy';
import { readLive } from './live';
import { uninstall } from './uninstall';

const values = createValues({ name: 'ml', namespace: 'team-a' });
const otherAppsSecret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'someone-elses', namespace: 'team-a' },
  data: { token: 'c2VjcmV0' },
};

function cluster() {
  return new FakeClusterClient([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
    otherAppsSecret,
  ]);
}

const secretCalls = (client: FakeClusterClient) =>
  client.calls.filter((c) => c.what.startsWith('Secret') || c.what.endsWith('secrets'));

describe('the credentials Secret is read by name', () => {
  it('deploys and re-deploys without listing Secrets, keeping the live credentials', async () => {
    const client = cluster();
    expect((await deploy({ client, values, routeWaitMs: 0 })).ok).toBe(true);
    const first = client.objects.get('Secret/team-a/ml-credentials');
    client.calls = [];
    const again = await deploy({ client, values, routeWaitMs: 0 });
    expect(again.ok).toBe(true);
    expect((client.objects.get('Secret/team-a/ml-credentials') as K8sSecret).data).toEqual(
      (first as K8sSecret).data,
    );
    expect(client.calls.some((c) => c.method === 'list' && c.what === 'Secret')).toBe(false);
    expect(
      secretCalls(client).some((c) => c.method === 'get' && c.what === 'Secret/ml-credentials'),
    ).toBe(true);
  });

  it('reads only the named Secret among the live objects', async () => {
    const client = cluster();
    const { objects } = await renderWithPlan(values);
    const live = await readLive(client, 'team-a', objects);
    expect([...live.keys()].some((k) => k.includes('someone-elses'))).toBe(false);
    expect(client.calls.filter((c) => c.method === 'list').map((c) => c.what)).not.toContain(
      'Secret',
    );
  });

  it('preflight asks for get on the Secret by name, not for list', async () => {
    const client = cluster();
    client.denied.add('list secrets');
    const { objects } = await renderWithPlan(values);
    const ok = await preflight({ client, namespace: 'team-a', instance: 'ml', objects });
    expect(ok.findings.find((f) => f.id === 'access')?.severity).toBe('info');

    client.denied.add('get secrets/ml-credentials');
    const denied = await preflight({ client, namespace: 'team-a', instance: 'ml', objects });
    const access = denied.findings.find((f) => f.id === 'access');
    expect(access?.severity).toBe('error');
    expect(access?.message).toContain('get secrets ml-credentials');
    expect(access?.message).not.toContain('list secrets');
  });

  it('uninstall deletes the Secret by name only when data goes, and never lists Secrets', async () => {
    const client = cluster();
    await deploy({ client, values, routeWaitMs: 0 });
    client.calls = [];
    const kept = await uninstall({ client, namespace: 'team-a', instance: 'ml' });
    expect(kept.kept.map((r) => `${r.kind}/${r.name}`)).toContain('Secret/ml-credentials');
    const gone = await uninstall({ client, namespace: 'team-a', instance: 'ml', deleteData: true });
    expect(gone.deleted.map((r) => `${r.kind}/${r.name}`)).toContain('Secret/ml-credentials');
    expect(client.objects.has('Secret/team-a/ml-credentials')).toBe(false);
    expect(client.objects.has('Secret/team-a/someone-elses')).toBe(true);
    expect(client.calls.some((c) => c.method === 'list' && c.what === 'Secret')).toBe(false);
  });
});
