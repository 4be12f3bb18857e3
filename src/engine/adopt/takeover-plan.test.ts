// The take-over plan for upstream chart installs read from a project: the instance's values,
// the steps in order and what blocks or what users should know.
import { FakeClusterClient } from '../../test-support/fake-client';
import type { K8sObject } from '../k8s-types';
import { parseValues } from '../values/parse';
import { chartInstall, type ChartInstallOptions } from './takeover-fixtures';
import { planTakeover } from './takeover-plan';
import { readTakeoverInput } from './takeover-read';

async function planFor(
  options: ChartInstallOptions & { instance?: string; removeGrants?: boolean } = {},
  extra: K8sObject[] = [],
  setup?: (client: FakeClusterClient) => void,
) {
  const install = chartInstall(options);
  const client = new FakeClusterClient([...install.objects, ...extra]);
  setup?.(client);
  const input = await readTakeoverInput(client, {
    release: install.release,
    namespace: install.namespace,
    instance: options.instance,
    removeGrants: options.removeGrants,
  });
  if (!input) throw new Error('release not found');
  return { plan: planTakeover(input), install, client };
}

const ids = (plan: { findings: { id: string; severity: string }[] }, severity = 'error') =>
  plan.findings.filter((f) => f.severity === severity).map((f) => f.id);

describe('the take-over plan of a chart release', () => {
  it('names the instance after the release without reusing a name, on the release’s claims and Secret', async () => {
    const { plan } = await planFor();
    expect(plan.blocked).toBe(false);
    expect(plan.instance).toBe('clearml-managed');
    expect(plan.values).toEqual({
      name: 'clearml-managed',
      namespace: 'clearml',
      server: { version: '2.0' },
      storage: {
        fileserver: { existingClaim: { name: 'clearml-fileserver-data', ownerUid: 0 } },
        mongodb: { existingClaim: { name: 'clearml-mongodb', ownerUid: 1001 } },
        redis: { existingClaim: { name: 'redis-data-clearml-redis-master-0', ownerUid: 1001 } },
        elasticsearch: {
          existingClaim: {
            name: 'clearml-elastic-master-clearml-elastic-master-0',
            ownerUid: 1000,
          },
        },
      },
      credentials: { existingSecret: 'clearml-conf' },
    });
    // The values are valid instance values as they are.
    expect(parseValues(plan.values).ok).toBe(true);
  });

  it('finds the claims of a release with another name by the chart’s naming rules', async () => {
    const { plan } = await planFor({ release: 'ml', namespace: 'team-a' });
    expect(plan.instance).toBe('ml-managed');
    const claims = Object.values(plan.values.storage ?? {}).map((s) => s.existingClaim.name);
    expect(claims).toEqual([
      'ml-clearml-fileserver-data',
      'ml-mongodb',
      'redis-data-ml-redis-master-0',
      'clearml-elastic-master-clearml-elastic-master-0',
    ]);
    expect(plan.releaseObjects.map((r) => `${r.kind}/${r.name}`)).toContain(
      'Deployment/ml-clearml-apiserver',
    );
  });

  it('takes the chart’s existingSecret and a name given with --name', async () => {
    const { plan } = await planFor({ existingSecret: 'my-clearml-keys', instance: 'prod' });
    expect(plan.values.credentials).toEqual({ existingSecret: 'my-clearml-keys' });
    expect(plan.instance).toBe('prod');
    expect(plan.blocked).toBe(false);
  });

  it('refuses a name whose objects would reuse the release’s names', async () => {
    // Instance "clearml" would be called clearml-apiserver, clearml-mongodb, … like the release.
    const { plan } = await planFor({ instance: 'clearml' });
    expect(ids(plan)).toEqual(['adopt-name-taken']);
    expect(plan.findings.find((f) => f.id === 'adopt-name-taken')!.message).toMatch(
      /Deployment clearml-apiserver/,
    );
    expect(plan.blocked).toBe(true);
  });

  it('blocks before anything is written when the instance could not be deployed there', async () => {
    const { plan } = await planFor({ namespace: 'default' });
    expect(ids(plan)).toEqual(['adopt-values-invalid']);
    expect(plan.findings.find((f) => f.id === 'adopt-values-invalid')!.message).toMatch(
      /^The instance could not be deployed with these values: namespace: /,
    );
  });

  it('blocks when the credentials Secret lacks a key the instance copies, naming it and no value', async () => {
    const { CHART_SECRET } = await import('./takeover-fixtures');
    const { fileserver_key: _left, ...rest } = CHART_SECRET;
    const { plan } = await planFor({ secretData: rest });
    expect(ids(plan)).toEqual(['adopt-secret-keys']);
    const message = plan.findings.find((f) => f.id === 'adopt-secret-keys')!.message;
    expect(message).toMatch(
      /^The credentials Secret clearml-conf of release clearml lacks fileserver_key,/,
    );
    expect(message).not.toContain(CHART_SECRET.apiserver_secret);
  });

  it('blocks on a missing claim rather than guessing another', async () => {
    const { plan } = await planFor({ withoutClaims: ['clearml-mongodb'] });
    expect(ids(plan)).toEqual(['adopt-claim-missing-mongodb']);
    expect(plan.findings.find((f) => f.id === 'adopt-claim-missing-mongodb')!.message).toBe(
      'The MongoDB volume of release clearml (clearml-mongodb) does not exist, so the instance would start without that data. Restore the claim, or take over by hand.',
    );
    expect(plan.values.storage?.mongodb).toBeUndefined();
  });

  it('blocks on a release that is not deployed and on a server release instances do not run', async () => {
    const { plan } = await planFor({ status: 'pending-upgrade', appVersion: '1.16' });
    expect(ids(plan).sort()).toEqual(['adopt-not-deployed', 'adopt-version']);
  });

  it('keeps the hosts of the Routes users expose, and says what changes for the files host', async () => {
    const { plan } = await planFor({ exposed: ['webserver', 'apiserver', 'fileserver'] });
    expect(plan.values.exposure).toEqual({
      hosts: {
        app: 'clearml-webserver-clearml.apps.example.com',
        api: 'clearml-apiserver-clearml.apps.example.com',
      },
      // oc expose makes plain HTTP Routes: clearml.conf files name http:// addresses.
      insecureEdgeTerminationPolicy: 'Allow',
    });
    expect(ids(plan, 'warning')).toEqual(['adopt-files-host']);
    expect(plan.findings.find((f) => f.id === 'adopt-files-host')!.message).toMatch(
      /https:\/\/clearml-webserver-clearml\.apps\.example\.com\/files/,
    );
    // The old Routes go first in step 4, so their hosts pass to the instance's Routes.
    const removal = plan.steps.find((s) => s.id === 'remove-release')!;
    expect(removal.writes.slice(0, 3).map((w) => w.ref.kind)).toEqual(['Route', 'Route', 'Route']);
    expect(parseValues(plan.values).ok).toBe(true);
  });

  it('orders five steps, rollback possible only before the release is removed', async () => {
    const { plan } = await planFor({ removeGrants: true });
    expect(plan.steps.map((s) => [s.id, s.rollbackAfter])).toEqual([
      ['protect-claims', true],
      ['scale-down', true],
      ['deploy', true],
      ['remove-release', false],
      ['remove-grants', false],
    ]);
    const removal = plan.steps[3].writes.map((w) => `${w.ref.kind}/${w.ref.name}`);
    // Claims, Helm's records, the credentials Secret and `default` stay.
    expect(removal).not.toContain('PersistentVolumeClaim/clearml-mongodb');
    expect(removal).not.toContain('Secret/clearml-conf');
    expect(removal).not.toContain('Secret/sh.helm.release.v1.clearml.v1');
    expect(removal).not.toContain('ServiceAccount/default');
    expect(removal).toEqual(
      expect.arrayContaining([
        'Deployment/clearml-apiserver',
        'StatefulSet/clearml-elastic-master',
        'Service/clearml-elastic-master',
        'ServiceAccount/clearml-redis',
        'ConfigMap/clearml-webserver-configmap',
      ]),
    );
    expect(plan.steps[0].writes.map((w) => w.action)).toEqual([
      'annotate',
      'annotate',
      'annotate',
      'annotate',
    ]);
  });

  it('makes StatefulSets that would delete their claims retain them first', async () => {
    const { plan } = await planFor({
      redisRetention: { whenDeleted: 'Delete', whenScaled: 'Delete' },
    });
    expect(plan.blocked).toBe(false);
    expect(plan.retention).toEqual({
      'clearml-redis-master': { whenDeleted: 'Delete', whenScaled: 'Delete' },
    });
    expect(plan.steps[0].message).toMatch(/make clearml-redis-master retain their volumes/);
  });

  it('blocks on a claim that an object outside the release owns', async () => {
    const { plan } = await planFor({}, [], (client) => {
      const claim = [...client.objects.values()].find(
        (o) => o.metadata.name === 'clearml-fileserver-data',
      )!;
      Object.assign(claim.metadata, {
        ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'backup', uid: 'x' }],
      });
    });
    expect(ids(plan)).toEqual(['adopt-claim-owned-fileserver']);
  });

  it('removes only grants that nothing outside the release uses, and only when asked', async () => {
    const other: K8sObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'shop', namespace: 'clearml' },
      spec: { template: { spec: {} } },
    } as K8sObject;
    const { plan } = await planFor({ removeGrants: true }, [other]);
    expect(plan.grantRemovals).toEqual([
      {
        via: 'ClusterRoleBinding',
        object: 'system:openshift:scc:anyuid',
        scc: 'anyuid',
        accounts: ['clearml-mongodb', 'clearml-redis'],
        // `default` stays in it: Deployment shop runs as default.
        deletes: false,
      },
      {
        via: 'ClusterRoleBinding',
        object: 'system:openshift:scc:privileged',
        scc: 'privileged',
        accounts: ['clearml-elastic-master'],
        deletes: true,
      },
    ]);
    expect(
      plan.findings.find((f) => f.id === 'adopt-grant-shared-anyuid-default')!.message,
    ).toMatch(/Deployment shop, outside the release, run as default/);

    const { plan: notAsked } = await planFor({}, [other]);
    expect(notAsked.steps.map((s) => s.id)).not.toContain('remove-grants');
    expect(ids(notAsked, 'info')).toContain('adopt-grants-left');
  });

  it('tells a user who may not change the cluster-wide grants the commands for an administrator', async () => {
    const { plan } = await planFor({ removeGrants: true }, [], (client) => {
      client.denied.add('update clusterrolebindings');
    });
    const denied = plan.findings.find((f) => f.id === 'adopt-grants-denied')!;
    expect(denied.severity).toBe('error');
    expect(denied.message).toMatch(
      /oc adm policy remove-scc-from-user privileged system:serviceaccount:clearml:clearml-elastic-master/,
    );
  });

  it('blocks a step the user may not do, naming the permissions', async () => {
    const { plan } = await planFor({}, [], (client) => client.denied.add('patch deployments'));
    const denied = plan.findings.find((f) => f.id === 'adopt-denied-scale-down')!;
    expect(denied.message).toBe(
      'You may not scale the release down: patch deployments. Ask an administrator of clearml for these permissions.',
    );
    expect(plan.blocked).toBe(true);
  });
});
