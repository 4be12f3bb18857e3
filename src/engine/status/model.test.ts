import { healthyInstance, pod, rejectedRoute, workload } from './fixtures';
import { instanceStatus } from './model';
import type { LiveState } from './types';

const byComponent = (live: LiveState) =>
  Object.fromEntries(instanceStatus('clearml', live).components.map((c) => [c.component, c]));

const replace = (live: LiveState, component: string, podStatus: Parameters<typeof pod>[2]) => {
  live.pods = live.pods.filter(
    (p) => p.metadata.labels?.['app.kubernetes.io/component'] !== component,
  );
  live.pods.push(pod(component, 'x1', podStatus));
  const w = [...live.deployments, ...live.statefulSets].find(
    (d) => d.metadata.name === `clearml-${component}`,
  )!;
  w.status = { ...w.status, readyReplicas: 0, availableReplicas: 0 };
};

describe('instance status', () => {
  it('a Ready reason says what runs and how steadily, not the counts the Pods column shows', () => {
    const live = healthyInstance();
    const api = instanceStatus('clearml', live).components.find(
      (c) => c.component === 'apiserver',
    )!;
    expect(api.state).toBe('Ready');
    expect(api.reason).not.toMatch(/\d+ of \d+/);
    const image = live.deployments.find((d) => d.metadata.name === 'clearml-apiserver')!.spec
      ?.template?.spec?.containers?.[0]?.image;
    expect(api.reason).toBe(image ? `Running ${image}, no restarts.` : 'Serving, no restarts.');
  });

  it('is ready when every component is ready, with the route URLs', () => {
    const status = instanceStatus('clearml', healthyInstance());
    expect(status.ready).toBe(true);
    expect(status.state).toBe('Ready');
    expect(status.components.map((c) => c.component)).toEqual([
      'mongodb',
      'redis',
      'elasticsearch',
      'apiserver',
      'fileserver',
      'async-delete',
      'webserver',
    ]);
    expect(status.urls.app).toBe('https://clearml-app-team-a.apps.example.com');
    expect(status.urls.api).toBe('https://api.example.com');
    expect(status.urls.files).toBeUndefined();
  });

  it('names the component, the reason and the image when an image cannot be pulled', () => {
    const live = healthyInstance();
    replace(live, 'apiserver', {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'apiserver',
          image: 'allegroai/clearml:9.9.9-missing',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } },
        },
      ],
    });
    const status = instanceStatus('clearml', live);
    const api = status.components.find((c) => c.component === 'apiserver')!;
    expect(status.ready).toBe(false);
    expect(status.state).toBe('Failed');
    expect(api.state).toBe('Failed');
    expect(api.reason).toContain('allegroai/clearml:9.9.9-missing');
    expect(api.reason).toMatch(/Cannot pull image/);
    expect(api.pods[0].problem).toBe('ImagePullBackOff');
  });

  it('explains a crash loop with the restart count', () => {
    const live = healthyInstance();
    replace(live, 'fileserver', {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'fileserver',
          image: 'x',
          ready: false,
          restartCount: 7,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1 } },
        },
      ],
    });
    const fs = byComponent(live).fileserver;
    expect(fs.state).toBe('Failed');
    expect(fs.reason).toBe(
      'Container fileserver keeps crashing (restarted 7 times, last exit code 1): read its logs.',
    );
  });

  it('reports pods rejected by SCC admission from the controller events', () => {
    const live = healthyInstance();
    live.pods = live.pods.filter((p) => !p.metadata.name.startsWith('clearml-elasticsearch'));
    live.statefulSets.find(
      (s) => s.metadata.name === 'clearml-elasticsearch',
    )!.status!.readyReplicas = 0;
    live.events.push({
      metadata: { name: 'e1' },
      type: 'Warning',
      reason: 'FailedCreate',
      message:
        'create Pod clearml-elasticsearch-0 in StatefulSet clearml-elasticsearch failed error: pods "clearml-elasticsearch-0" is forbidden: violates PodSecurity "baseline:latest": privileged (container "sysctl" must not set securityContext.privileged=true)',
      involvedObject: { kind: 'StatefulSet', name: 'clearml-elasticsearch' },
      lastTimestamp: '2026-11-29T06:00:00Z',
    });
    const es = byComponent(live).elasticsearch;
    expect(es.state).toBe('Failed');
    expect(es.reason).toMatch(/rejected by the cluster's security admission/);
    expect(es.reason).toContain('violates PodSecurity');
    expect(es.warnings[0].reason).toBe('FailedCreate');
  });

  it('says which quota refuses pods, how much is used and what the instance needs', () => {
    const live = healthyInstance();
    live.pods = live.pods.filter((p) => !p.metadata.name.startsWith('clearml-webserver'));
    const web = live.deployments.find((d) => d.metadata.name === 'clearml-webserver')!;
    web.status!.readyReplicas = 0;
    web.spec = {
      replicas: 2,
      template: {
        spec: {
          containers: [
            {
              name: 'webserver',
              image: 'x',
              resources: { requests: { cpu: '250m' }, limits: { memory: '512Mi' } },
            } as { name: string; image: string },
          ],
        },
      },
    };
    live.replicaSets.push({
      ...workload('webserver', 'Deployment', 0),
      kind: 'ReplicaSet',
      metadata: { name: 'clearml-webserver-5d9f', labels: web.metadata.labels },
    });
    live.events.push({
      metadata: { name: 'e2' },
      type: 'Warning',
      reason: 'FailedCreate',
      message:
        '(combined from similar events): Error creating: pods "clearml-webserver-5d9f-x" is forbidden: exceeded quota: compute, requested: limits.memory=512Mi, used: limits.memory=1536Mi, limited: limits.memory=2Gi',
      involvedObject: { kind: 'ReplicaSet', name: 'clearml-webserver-5d9f' },
    });
    const status = byComponent(live).webserver;
    expect(status.state).toBe('Failed');
    expect(status.reason).toBe(
      'Pods cannot be created: quota compute of this project is used up (limits.memory: 1.5 GiB of 2 GiB used, 0.5 GiB more needed; the instance needs 1 GiB in all). Ask a project administrator for a larger quota, or choose a smaller size preset.',
    );
    expect(status.reason).not.toContain('combined from similar events');
    expect(status.reason).not.toContain('forbidden');
  });

  it('names the volume a StatefulSet cannot create for a quota on claims', () => {
    const live = healthyInstance();
    live.pods = live.pods.filter((p) => !p.metadata.name.startsWith('clearml-redis'));
    live.statefulSets.find((s) => s.metadata.name === 'clearml-redis')!.status!.readyReplicas = 0;
    live.events.push({
      metadata: { name: 'e3' },
      type: 'Warning',
      reason: 'FailedCreate',
      message:
        'create Claim data-clearml-redis-0 for Pod clearml-redis-0 in StatefulSet clearml-redis failed error: persistentvolumeclaims "data-clearml-redis-0" is forbidden: exceeded quota: storage, requested: persistentvolumeclaims=1,requests.storage=5Gi, used: persistentvolumeclaims=2,requests.storage=60Gi, limited: persistentvolumeclaims=2,requests.storage=64Gi',
      involvedObject: { kind: 'StatefulSet', name: 'clearml-redis' },
    });
    const redis = byComponent(live).redis;
    expect(redis.state).toBe('Failed');
    expect(redis.reason).toMatch(
      /^Volume data-clearml-redis-0 cannot be created: quota storage of this project is used up \(persistentvolumeclaims: 2 of 2 used, 1 more needed; .*requests\.storage: 60 GiB of 64 GiB used, 5 GiB more needed/,
    );
  });

  it('waits for the data stores before the API server, naming them', () => {
    const live = healthyInstance();
    for (const c of ['elasticsearch', 'mongodb']) {
      replace(live, c, {
        phase: 'Running',
        containerStatuses: [
          { name: c, image: 'x', ready: false, restartCount: 0, state: { running: {} } },
        ],
      });
    }
    replace(live, 'apiserver', {
      phase: 'Pending',
      initContainerStatuses: [
        {
          name: 'wait-for-datastores',
          image: 'x',
          ready: false,
          restartCount: 0,
          state: { running: {} },
        },
      ],
    });
    const api = byComponent(live).apiserver;
    expect(api.state).toBe('Progressing');
    expect(api.reason).toBe('Waiting for MongoDB, Elasticsearch to be ready.');
    // The page translates the component names too: they travel as messages.
    expect(api.i18n.id).toBe('status.waitingFor');
    expect(JSON.stringify(api.i18n.params)).toContain('"id":"component.mongodb"');
  });

  it('explains a volume that waits for storage without a StorageClass', () => {
    const live = healthyInstance();
    replace(live, 'mongodb', { phase: 'Pending' });
    live.pvcs[0] = {
      ...live.pvcs[0],
      spec: { resources: { requests: { storage: '50Gi' } } },
      status: { phase: 'Pending' },
    };
    const mongo = byComponent(live).mongodb;
    expect(mongo.state).toBe('Progressing');
    expect(mongo.reason).toMatch(/no StorageClass is set/);
    expect(mongo.pvcs[0]).toMatchObject({
      name: 'clearml-mongodb-data',
      phase: 'Pending',
      size: '50Gi',
    });
  });

  it('fails a volume whose StorageClass does not exist, naming the ones that do', () => {
    const live = healthyInstance();
    replace(live, 'mongodb', { phase: 'Pending' });
    live.pvcs[0] = {
      ...live.pvcs[0],
      spec: { storageClassName: 'fast-ssd', resources: { requests: { storage: '50Gi' } } },
      status: { phase: 'Pending' },
    };
    live.storageClasses = [
      {
        metadata: {
          name: 'standard',
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
      },
      { metadata: { name: 'slow' } },
    ];
    const mongo = byComponent(live).mongodb;
    expect(mongo.state).toBe('Failed');
    expect(mongo.reason).toBe(
      'Volume clearml-mongodb-data cannot be provisioned: the StorageClass fast-ssd does not exist; choose one of standard (the default), slow, or ask an administrator to create fast-ssd.',
    );
  });

  it('fails such a volume from the provisioning event when StorageClasses cannot be listed', () => {
    const live = healthyInstance();
    replace(live, 'mongodb', { phase: 'Pending' });
    live.pvcs[0] = {
      ...live.pvcs[0],
      spec: { storageClassName: 'fast-ssd', resources: { requests: { storage: '50Gi' } } },
      status: { phase: 'Pending' },
    };
    expect(byComponent(live).mongodb.state).toBe('Progressing');
    live.events.push({
      metadata: { name: 'pf' },
      type: 'Warning',
      reason: 'ProvisioningFailed',
      message: 'storageclass.storage.k8s.io "fast-ssd" not found',
      involvedObject: { kind: 'PersistentVolumeClaim', name: 'clearml-mongodb-data' },
    });
    const mongo = byComponent(live).mongodb;
    expect(mongo.state).toBe('Failed');
    expect(mongo.reason).toMatch(/the StorageClass fast-ssd does not exist; choose one of/);
  });

  it('keeps a volume of an existing StorageClass progressing while it is provisioned', () => {
    const live = healthyInstance();
    replace(live, 'mongodb', { phase: 'Pending' });
    live.pvcs[0] = { ...live.pvcs[0], status: { phase: 'Pending' } };
    live.storageClasses = [{ metadata: { name: 'standard' } }];
    const mongo = byComponent(live).mongodb;
    expect(mongo.state).toBe('Progressing');
    expect(mongo.reason).toBe(
      'Volume clearml-mongodb-data is waiting for storage from StorageClass standard.',
    );
  });

  it('ignores other instances in the same namespace', () => {
    const live = healthyInstance();
    const other = healthyInstance();
    for (const d of other.deployments) {
      d.metadata.labels = { ...d.metadata.labels, 'app.kubernetes.io/instance': 'other' };
      d.status!.readyReplicas = 0;
    }
    live.deployments.push(...other.deployments);
    expect(instanceStatus('clearml', live).ready).toBe(true);
    expect(instanceStatus('other', live).ready).toBe(false);
  });

  it('calls a rollout with every replica still serving progressing, not degraded', () => {
    const live = healthyInstance();
    const web = live.deployments.find((d) => d.metadata.name === 'clearml-webserver')!;
    web.status = { ...web.status, updatedReplicas: 0 };
    live.pods.push(
      pod('webserver', 'new01', {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          {
            name: 'webserver',
            image: 'example/webserver:2',
            ready: false,
            restartCount: 0,
            state: { running: {} },
          },
        ],
      }),
    );
    const webserver = byComponent(live).webserver;
    expect(webserver.state).toBe('Progressing');
    expect(webserver.reason).toMatch(
      /^Rolling out: 0 of 1 updated, 1 of 1 ready\. Container webserver/,
    );
    expect(byComponent(live).apiserver.state).toBe('Ready');
  });

  it('never says more ready than desired during a surge', () => {
    const live = healthyInstance();
    const web = live.deployments.find((d) => d.metadata.name === 'clearml-webserver')!;
    web.status = { ...web.status, readyReplicas: 2, updatedReplicas: 1, replicas: 2 };
    live.pods.push({ ...live.pods.find((p) => p.metadata.name.startsWith('clearml-webserver'))! });
    live.pods[live.pods.length - 1] = {
      ...live.pods[live.pods.length - 1],
      metadata: { ...live.pods[live.pods.length - 1].metadata, name: 'clearml-webserver-new01' },
    };
    const webserver = byComponent(live).webserver;
    expect(webserver.reason).not.toMatch(/2 of 1/);
    expect(webserver.reason).toBe(
      'Rolling out: 1 of 1 updated, 1 of 1 ready, 1 more pod while the rollout replaces old ones.',
    );
  });
});

describe('Routes a router does not serve', () => {
  it('says which Route waits behind an older one for its host, and when it will be served', () => {
    const live = healthyInstance();
    live.routes[0] = rejectedRoute(
      { ...live.routes[0], spec: { ...live.routes[0].spec, host: 'clearml.example.com' } },
      'clearml.example.com',
      'HostAlreadyClaimed',
      'route clearml-webserver already exposes clearml.example.com and is older',
    );
    const status = instanceStatus('clearml', live);
    expect(status.routeProblems).toEqual([
      expect.objectContaining({ route: 'clearml-app', reason: 'HostAlreadyClaimed' }),
    ]);
    expect(status.routeProblems[0].message).toBe(
      'The router does not serve Route clearml-app yet: an older Route holds clearml.example.com (route clearml-webserver already exposes clearml.example.com and is older). It is served once that Route is removed, or give this one another host.',
    );
    // The pods are what make an instance ready; the warning stands beside it.
    expect(status.ready).toBe(true);
  });

  it('names the router and its reason for any other rejection, and nothing for admitted Routes', () => {
    const live = healthyInstance();
    expect(instanceStatus('clearml', live).routeProblems).toEqual([]);
    live.routes[1] = rejectedRoute(
      live.routes[1],
      'api.example.com',
      'InvalidHost',
      'bad host',
      'internal',
    );
    expect(instanceStatus('clearml', live).routeProblems.map((p) => p.message)).toEqual([
      'Router internal rejected Route clearml-api (InvalidHost): bad host',
    ]);
  });
});
