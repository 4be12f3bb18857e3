// The deploy's checks run on the take-over plan before anything is written: a quota, a pod
// security level or an SCC grant that would stop the deploy step (with the chart already scaled
// down) is found while the release still serves.
import { FakeClusterClient } from '../../test-support/fake-client';
import type { K8sObject } from '../k8s-types';
import { chartInstall } from './takeover-fixtures';
import { planTakeover } from './takeover-plan';
import { preflightTakeover } from './takeover-preflight';
import { readTakeoverInput } from './takeover-read';

const QUOTA_NAME = 'compute';

/** A quota of `cpu` cores with `used` already taken by the release's pods. */
const quota = (cpu: string, used: string): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: QUOTA_NAME, namespace: 'clearml' },
    spec: { hard: { 'requests.cpu': cpu } },
    status: { hard: { 'requests.cpu': cpu }, used: { 'requests.cpu': used } },
  }) as K8sObject;

/** The chart's workloads, each asking for `cpu` per pod (as the live ones do). */
function withRequests(objects: K8sObject[], cpu: string): K8sObject[] {
  return objects.map((o) => {
    if (o.kind !== 'Deployment' && o.kind !== 'StatefulSet') return o;
    const w = o as K8sObject & { spec: { template: { spec: Record<string, unknown> } } };
    const template = {
      ...w.spec.template,
      spec: {
        ...w.spec.template.spec,
        containers: [{ name: 'main', image: 'x', resources: { requests: { cpu } } }],
      },
    };
    return { ...w, spec: { ...w.spec, template } } as K8sObject;
  });
}

async function checked(extra: K8sObject[], setup?: (c: FakeClusterClient) => void, cpu = '1') {
  const install = chartInstall();
  const client = new FakeClusterClient([...withRequests(install.objects, cpu), ...extra]);
  setup?.(client);
  const input = await readTakeoverInput(client, { release: 'clearml', namespace: 'clearml' });
  const plan = planTakeover(input!);
  return { plan, after: await preflightTakeover(client, plan, input!), client };
}

const quotaErrors = (plan: { findings: { id: string; severity: string; message: string }[] }) =>
  plan.findings.filter((f) => f.id.includes('quota') && f.severity === 'error');

describe('the take-over plan, checked as a deploy', () => {
  it('counts the quota the chart’s pods hold as free, since they stop before the instance starts', async () => {
    // The release's pods hold 3.5 of 4 cores; the instance (0.85 core) fits once they stop.
    const { after } = await checked([quota('4', '3500m')], undefined, '500m');
    expect(quotaErrors(after)).toEqual([]);
    expect(after.blocked).toBe(false);
  });

  it('blocks before any write when the instance does not fit the quota even then', async () => {
    // The instance asks for 0.85 core; the release's pods ask for nothing.
    const { plan, after, client } = await checked([quota('500m', '0')], undefined, '0');
    expect(plan.blocked).toBe(false);
    expect(after.blocked).toBe(true);
    const [short] = quotaErrors(after);
    expect(short.message).toMatch(/Quota compute has .* of requests\.cpu left, but the plan needs/);
    expect(client.calls.filter((c) => c.method === 'apply' || c.method === 'delete')).toEqual([]);
  });

  it('says before the start that an administrator must grant the SCCs, with the objects to apply', async () => {
    const { after } = await checked([], (c) => {
      // Neither holding the SCC nor the right to bind its role: the RBAC escalation check refuses.
      c.denied.add('use securitycontextconstraints/anyuid');
      c.denied.add('bind clusterroles/system:openshift:scc:anyuid');
    });
    const warning = after.findings.find((f) => f.id === 'adopt-scc-handoff');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('before you start');
    expect(warning?.message).toContain('anyuid');
    expect(after.handoff?.yaml).toContain('kind: RoleBinding');
    expect(after.blocked).toBe(false);
  });

  it('blocks when the project’s pod security level rejects the instance’s pods', async () => {
    const ns: K8sObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'clearml', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    };
    const { after } = await checked([ns]);
    expect(after.blocked).toBe(true);
    expect(after.findings.some((f) => f.id.startsWith('adopt-preflight-psa-'))).toBe(true);
  });

  it('leaves a take-over past its deploy step as it is', async () => {
    const { plan } = await checked([]);
    const deployed = {
      ...plan,
      steps: plan.steps.map((s) => (s.id === 'remove-release' ? s : { ...s, done: true })),
    };
    const client = new FakeClusterClient([quota('0', '0')]);
    const input = await readTakeoverInput(new FakeClusterClient(chartInstall().objects), {
      release: 'clearml',
      namespace: 'clearml',
    });
    expect(await preflightTakeover(client, deployed, input!)).toBe(deployed);
    expect(client.calls).toEqual([]);
  });
});
