// What one deploy asks the API server: every kind read once, each object dry-run and applied
// once, nothing sent twice; SCC access reviews only when the API refuses a grant.
import { kindInfo } from '../cluster/api-paths';
import { FakeClusterClient } from '../../test-support/fake-client';
import {
  type LoggedRequest,
  repeatedRequests,
  withRequestLog,
} from '../../test-support/request-log';
import { renderWithPlan } from '../render/render';
import { createValues } from '../values';
import { type DeployEvent, deploy } from './deploy';
import { uninstall } from './uninstall';

const values = createValues({ name: 'ml', namespace: 'team-a' });

function cluster() {
  const fake = new FakeClusterClient([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
  ]);
  return { fake, ...withRequestLog(fake) };
}

const reads = (requests: LoggedRequest[]) => requests.filter((r) => r.verb === 'GET');
const writesOf = (
  requests: LoggedRequest[],
  ref: { apiVersion: string; kind: string; name: string },
) =>
  requests.filter(
    (r) =>
      r.verb === 'PATCH' &&
      r.path.split('?')[0].endsWith(`/${kindInfo(ref.apiVersion, ref.kind).plural}/${ref.name}`),
  );
/** The resource a read is for: `<plural>` of a list or of a read by name. */
const resourceOf = (r: LoggedRequest) => {
  const parts = r.path.split('?')[0].split('/');
  const i = parts.findIndex((p) => p === 'namespaces');
  return i >= 0 && parts.length > i + 2 ? parts[i + 2] : parts[parts.length - 1 - (i < 0 ? 1 : 0)];
};

async function deployLogged(client: ReturnType<typeof cluster>['client']) {
  const events: DeployEvent[] = [];
  const result = await deploy({ client, values, routeWaitMs: 0, onEvent: (e) => events.push(e) });
  expect(result.ok).toBe(true);
  const objects = result.states.length;
  const kinds = new Set(result.states.map((s) => kindInfo(s.ref.apiVersion, s.ref.kind).plural));
  return { result, events, objects, kinds };
}

describe('requests of one deploy', () => {
  it('a first deploy reads each kind once, sends nothing twice, and writes each object once, the servers with the Route hosts', async () => {
    const { client, requests } = cluster();
    const { result, events, objects, kinds } = await deployLogged(client);

    expect(repeatedRequests(requests)).toEqual([]);
    // One read per kind: a list, or the one object of a kind read by name (the namespace, the
    // credentials Secret, the install record).
    const perResource = new Map<string, number>();
    for (const r of reads(requests)) {
      perResource.set(resourceOf(r), (perResource.get(resourceOf(r)) ?? 0) + 1);
    }
    expect([...perResource.values()].every((n) => n === 1)).toBe(true);
    expect([...kinds].every((k) => perResource.has(k))).toBe(true);
    // The Routes got their hosts before the servers were written: the objects that carry the
    // URLs were written once, with them.
    const carried = events.filter(
      (e) => e.type === 'object' && e.pass === 'route-hosts' && e.state === 'created',
    );
    expect(carried.map((e) => e.type === 'object' && `${e.ref.kind}/${e.ref.name}`).sort()).toEqual(
      [
        'Deployment/ml-apiserver',
        'Deployment/ml-async-delete',
        'Deployment/ml-webserver',
        'Route/ml-files',
      ],
    );
    const webserver = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ml-webserver' };
    expect(writesOf(requests, webserver)).toHaveLength(2);
    // The files path Route exists only with the web UI's host: it is still dry-run first.
    const files = { apiVersion: 'route.openshift.io/v1', kind: 'Route', name: 'ml-files' };
    expect(writesOf(requests, files).map((r) => r.path.includes('dryRun=All'))).toEqual([
      true,
      false,
    ]);
    // At most a dry run and an apply per object, plus one read per kind.
    expect(requests.length).toBeLessThanOrEqual(2 * objects + perResource.size);
    // No object of the first tiers needed the hosts: none was written twice.
    for (const s of result.states) expect(writesOf(requests, s.ref)).toHaveLength(2);
    // An admin may grant: the grant's dry run said so, no access review was needed.
    expect(requests.filter((r) => r.path.includes('accessreviews'))).toEqual([]);
  });

  it('a re-run: at most two requests per object and one read per kind, and no second render', async () => {
    const { client, requests } = cluster();
    await deployLogged(client);
    requests.length = 0;
    const { result, events, objects } = await deployLogged(client);

    expect(result.changed).toBe(0);
    expect(repeatedRequests(requests)).toEqual([]);
    const readKinds = new Set(reads(requests).map(resourceOf));
    expect(reads(requests)).toHaveLength(readKinds.size);
    expect(requests.length).toBeLessThanOrEqual(2 * objects + readKinds.size);
    for (const s of result.states) expect(writesOf(requests, s.ref)).toHaveLength(2);
    expect(events.some((e) => e.type === 'phase' && e.phase === 'route-hosts')).toBe(false);
  });

  it('writes the install record with the last tier, after every workload', async () => {
    const { client } = cluster();
    const { events } = await deployLogged(client);
    const applied = events.flatMap((e) =>
      e.type === 'object' && e.state === 'created' && !e.pass ? [e] : [],
    );
    const record = applied.findIndex((e) => e.ref.name === 'ml-install-record');
    expect(record).toBeGreaterThan(-1);
    expect(applied[record].tier).toBe(applied[applied.length - 1].tier);
    const lastWorkload = applied.findLastIndex((e) =>
      ['Deployment', 'StatefulSet'].includes(e.ref.kind),
    );
    expect(record).toBeGreaterThan(lastWorkload);
  });

  it('asks each access review once when the API refuses the grants, and hands them off', async () => {
    const { fake, client, requests } = cluster();
    fake.denied.add('use securitycontextconstraints');
    fake.denied.add('bind clusterroles');
    const chart = createValues({
      name: 'ml',
      namespace: 'team-a',
      security: { mode: 'chart-compatible' },
    });
    const result = await deploy({ client, values: chart, routeWaitMs: 0 });

    expect(result.stoppedBecause).toBe('grants-missing');
    expect(result.handoff?.grants.map((g) => g.scc).sort()).toEqual(['anyuid', 'privileged']);
    expect(repeatedRequests(requests)).toEqual([]);
    const reviews = requests.filter((r) => r.path.includes('selfsubjectaccessreviews'));
    // create rolebindings once for both grants, then use and bind per SCC.
    expect(reviews).toHaveLength(5);
    expect(fake.objects.has('RoleBinding/team-a/ml-scc-anyuid')).toBe(false);
  });
});

describe('SCC grants an administrator wrote', () => {
  it('stay theirs: a user who may not grant leaves them alone instead of re-applying them', async () => {
    const { fake, client, requests } = cluster();
    const { objects } = await renderWithPlan(values);
    // The administrator applied the hand-off's binding with their own tool.
    const binding = objects.find((o) => o.kind === 'RoleBinding')!;
    fake.put(binding);
    fake.denied.add('use securitycontextconstraints');
    fake.denied.add('bind clusterroles');
    const result = await deploy({ client, values, routeWaitMs: 0 });

    // It goes to the hand-off (the fake's service accounts never get `use`, so it stops there).
    expect(result.handoff?.grants.map((g) => g.scc)).toEqual(['anyuid']);
    expect(writesOf(requests, { ...binding, name: binding.metadata.name })).toEqual([]);
    expect(repeatedRequests(requests)).toEqual([]);
  });
});

describe('requests of one uninstall', () => {
  it('reads each kind once and deletes each object once', async () => {
    const { client, requests } = cluster();
    await deployLogged(client);
    requests.length = 0;
    const result = await uninstall({
      client,
      namespace: 'team-a',
      instance: 'ml',
      deleteData: true,
    });

    expect(result.problems).toEqual([]);
    expect(repeatedRequests(requests)).toEqual([]);
    const deletes = requests.filter((r) => r.verb === 'DELETE');
    expect(deletes).toHaveLength(result.deleted.length);
    expect(reads(requests)).toHaveLength(new Set(reads(requests).map(resourceOf)).size);
  });
});
