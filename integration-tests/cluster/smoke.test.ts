import * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  FAULT_LABEL,
  KUBE_VERSION,
  NODE_NAME,
  ROUTER_DOMAIN,
  TEAM_NAMESPACE,
  apiFor,
  deploymentManifest,
  expectApiError,
  useTestNamespace,
  waitFor,
  waitForDeploymentAvailable,
} from '../support/cluster';

const roleBinding = (name: string, clusterRole: string, sa: string): k8s.V1RoleBinding => ({
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
  subjects: [{ kind: 'ServiceAccount', name: sa, namespace: TEAM_NAMESPACE }],
});

describe('local control plane', () => {
  const ns = useTestNamespace({ prefix: 'smoke' });

  it('reports the pinned Kubernetes version on /version', async () => {
    const version = await apiFor('admin', k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe(KUBE_VERSION);
  });

  it('has a Ready fake node with realistic capacity', async () => {
    const node = await apiFor('admin', k8s.CoreV1Api).readNode({ name: NODE_NAME });
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(node.status?.allocatable).toMatchObject({ cpu: '16', memory: '64Gi', pods: '110' });
  });

  it('brings a Deployment to Available', async () => {
    await apiFor('admin', k8s.AppsV1Api).createNamespacedDeployment({
      namespace: ns.name,
      body: deploymentManifest('web', { replicas: 2 }),
    });
    const d = await waitForDeploymentAvailable(ns.name, 'web');
    expect(d.status?.readyReplicas).toBe(2);
  });

  it('removes deleted pods', async () => {
    const core = apiFor('admin', k8s.CoreV1Api);
    await core.createNamespacedPod({
      namespace: ns.name,
      body: {
        metadata: { name: 'short-lived' },
        spec: { containers: [{ name: 'main', image: 'busybox' }] },
      },
    });
    await waitFor(
      async () =>
        (await core.readNamespacedPod({ name: 'short-lived', namespace: ns.name })).status
          ?.phase === 'Running',
      {
        description: 'pod Running',
      },
    );
    await core.deleteNamespacedPod({ name: 'short-lived', namespace: ns.name });
    await waitFor(
      async () => (await core.listNamespacedPod({ namespace: ns.name })).items.length === 0,
      {
        description: 'pod gone',
      },
    );
  });

  it('keeps a pod unready until its readiness probe delay has passed', async () => {
    const core = apiFor('admin', k8s.CoreV1Api);
    await core.createNamespacedPod({
      namespace: ns.name,
      body: {
        metadata: { name: 'slow' },
        spec: {
          containers: [
            {
              name: 'main',
              image: 'busybox',
              readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 4 },
            },
          ],
        },
      },
    });
    const read = (): Promise<k8s.V1Pod> =>
      core.readNamespacedPod({ name: 'slow', namespace: ns.name });
    const ready = (p: k8s.V1Pod): string | undefined =>
      p.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    await waitFor(async () => (await read()).status?.phase === 'Running', {
      description: 'pod Running',
    });
    const started = Date.now();
    expect(ready(await read())).toBe('False');
    await waitFor(async () => ready(await read()) === 'True', {
      description: 'pod Ready',
      timeoutMs: 20_000,
    });
    expect(Date.now() - started).toBeGreaterThan(2_000);
  });

  it('runs Job pods to completion', async () => {
    await apiFor('admin', k8s.BatchV1Api).createNamespacedJob({
      namespace: ns.name,
      body: {
        metadata: { name: 'once' },
        spec: {
          template: {
            spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] },
          },
        },
      },
    });
    await waitFor(
      async () => {
        const job = await apiFor('admin', k8s.BatchV1Api).readNamespacedJob({
          name: 'once',
          namespace: ns.name,
        });
        return job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True');
      },
      { description: 'Job Complete' },
    );
  });

  it('stops a project admin from granting an SCC but lets them grant edit', async () => {
    const rbac = apiFor('developer', k8s.RbacAuthorizationV1Api);
    const status = await expectApiError(
      rbac.createNamespacedRoleBinding({
        namespace: TEAM_NAMESPACE,
        body: roleBinding(`smoke-anyuid-${ns.name}`, 'system:openshift:scc:anyuid', 'default'),
      }),
    );
    expect(status).toBe(403);

    const name = `smoke-edit-${ns.name}`;
    await rbac.createNamespacedRoleBinding({
      namespace: TEAM_NAMESPACE,
      body: roleBinding(name, 'edit', 'default'),
    });
    await apiFor('admin', k8s.RbacAuthorizationV1Api).deleteNamespacedRoleBinding({
      name,
      namespace: TEAM_NAMESPACE,
    });
  });

  it('keeps viewer read-only in team-a', async () => {
    const core = apiFor('viewer', k8s.CoreV1Api);
    await core.listNamespacedPod({ namespace: TEAM_NAMESPACE });
    const status = await expectApiError(
      core.createNamespacedConfigMap({
        namespace: TEAM_NAMESPACE,
        body: { metadata: { name: 'nope' } },
      }),
    );
    expect(status).toBe(403);
  });

  it('rejects an invalid object with 422', async () => {
    const status = await expectApiError(
      apiFor('admin', k8s.AppsV1Api).createNamespacedDeployment({
        namespace: ns.name,
        body: {
          metadata: { name: 'Invalid_Name' },
          spec: { selector: {}, template: {} },
        } as k8s.V1Deployment,
      }),
    );
    expect(status).toBe(422);
  });

  it('serves the OpenShift SCCs and their use ClusterRoles', async () => {
    const custom = apiFor('admin', k8s.CustomObjectsApi);
    const sccs = (await custom.listClusterCustomObject({
      group: 'security.openshift.io',
      version: 'v1',
      plural: 'securitycontextconstraints',
    })) as { items: Array<{ metadata: { name: string }; priority?: number | null }> };
    const names = sccs.items.map((s) => s.metadata.name);
    expect(names).toEqual(
      expect.arrayContaining(['restricted-v2', 'nonroot-v2', 'anyuid', 'privileged']),
    );
    expect(sccs.items.find((s) => s.metadata.name === 'anyuid')?.priority).toBe(10);
    const role = await apiFor('admin', k8s.RbacAuthorizationV1Api).readClusterRole({
      name: 'system:openshift:scc:anyuid',
    });
    expect(role.rules).toEqual([
      expect.objectContaining({
        apiGroups: ['security.openshift.io'],
        resources: ['securitycontextconstraints'],
        resourceNames: ['anyuid'],
        verbs: ['use'],
      }),
    ]);
  });

  it('annotates namespaces with SCC allocations', async () => {
    const n = await apiFor('admin', k8s.CoreV1Api).readNamespace({ name: ns.name });
    const a = n.metadata?.annotations ?? {};
    expect(a['openshift.io/sa.scc.uid-range']).toMatch(/^1\d{9}\/10000$/);
    expect(a['openshift.io/sa.scc.supplemental-groups']).toBe(a['openshift.io/sa.scc.uid-range']);
    expect(a['openshift.io/sa.scc.mcs']).toMatch(/^s0:c\d+,c\d+$/);
  });

  it('admits a Route with a generated host', async () => {
    const custom = apiFor('admin', k8s.CustomObjectsApi);
    const route = {
      group: 'route.openshift.io',
      version: 'v1',
      namespace: ns.name,
      plural: 'routes',
    };
    await custom.createNamespacedCustomObject({
      ...route,
      body: {
        apiVersion: 'route.openshift.io/v1',
        kind: 'Route',
        metadata: { name: 'web' },
        spec: {
          to: { kind: 'Service', name: 'web' },
          port: { targetPort: 'http' },
          tls: { termination: 'edge' },
        },
      },
    });
    const ingress = await waitFor(
      async () => {
        const r = (await custom.getNamespacedCustomObject({ ...route, name: 'web' })) as {
          status?: {
            ingress?: Array<{ host: string; conditions: Array<{ type: string; status: string }> }>;
          };
        };
        return r.status?.ingress?.find((i) =>
          i.conditions.some((c) => c.type === 'Admitted' && c.status === 'True'),
        );
      },
      { description: 'route admitted' },
    );
    expect(ingress.host).toBe(`web-${ns.name}.${ROUTER_DOMAIN}`);
  });

  it('lets a project admin expose a Service with a Route and a viewer read it', async () => {
    const route = {
      group: 'route.openshift.io',
      version: 'v1',
      namespace: TEAM_NAMESPACE,
      plural: 'routes',
    };
    const name = `smoke-${ns.name}`;
    await apiFor('developer', k8s.CustomObjectsApi).createNamespacedCustomObject({
      ...route,
      body: {
        apiVersion: 'route.openshift.io/v1',
        kind: 'Route',
        metadata: { name },
        spec: { to: { kind: 'Service', name: 'web' }, port: { targetPort: 'http' } },
      },
    });
    try {
      const host = await waitFor(
        async () => {
          const r = (await apiFor('viewer', k8s.CustomObjectsApi).getNamespacedCustomObject({
            ...route,
            name,
          })) as {
            status?: { ingress?: Array<{ host: string }> };
          };
          return r.status?.ingress?.[0]?.host;
        },
        { description: 'route admitted' },
      );
      expect(host).toBe(`${name}-${TEAM_NAMESPACE}.${ROUTER_DOMAIN}`);
    } finally {
      await apiFor('admin', k8s.CustomObjectsApi).deleteNamespacedCustomObject({ ...route, name });
    }
  });

  it('serves a host to its oldest Route only, and to the next once that one is deleted', async () => {
    const custom = apiFor('admin', k8s.CustomObjectsApi);
    const route = {
      group: 'route.openshift.io',
      version: 'v1',
      namespace: ns.name,
      plural: 'routes',
    };
    const host = `shared-${ns.name}.${ROUTER_DOMAIN}`;
    const admitted = async (name: string) => {
      const r = (await custom.getNamespacedCustomObject({ ...route, name })) as {
        status?: {
          ingress?: Array<{ conditions: Array<{ type: string; status: string; reason?: string }> }>;
        };
      };
      return r.status?.ingress?.[0]?.conditions.find((c) => c.type === 'Admitted');
    };
    for (const name of ['first', 'second']) {
      await custom.createNamespacedCustomObject({
        ...route,
        body: {
          apiVersion: 'route.openshift.io/v1',
          kind: 'Route',
          metadata: { name },
          spec: { host, to: { kind: 'Service', name: 'web' } },
        },
      });
      // Creation times have a resolution of one second: the second Route is younger.
      if (name === 'first') {
        await waitFor(async () => (await admitted('first'))?.status === 'True', {
          description: 'first route admitted',
        });
        await new Promise((r) => setTimeout(r, 1100));
      }
    }
    const rejected = await waitFor(
      async () => {
        const c = await admitted('second');
        return c?.status === 'False' ? c : undefined;
      },
      { description: 'second route rejected' },
    );
    expect(rejected.reason).toBe('HostAlreadyClaimed');
    expect((await admitted('first'))?.status).toBe('True');

    await custom.deleteNamespacedCustomObject({ ...route, name: 'first' });
    await waitFor(async () => (await admitted('second'))?.status === 'True', {
      description: 'second route admitted once the first is gone',
      timeoutMs: 8_000,
    });
  });

  it('binds a PersistentVolumeClaim through the default StorageClass', async () => {
    const core = apiFor('admin', k8s.CoreV1Api);
    await core.createNamespacedPersistentVolumeClaim({
      namespace: ns.name,
      body: {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
      },
    });
    const pvc = await waitFor(
      async () => {
        const c = await core.readNamespacedPersistentVolumeClaim({
          name: 'data',
          namespace: ns.name,
        });
        return c.status?.phase === 'Bound' ? c : undefined;
      },
      { description: 'PVC Bound' },
    );
    expect(pvc.spec?.volumeName).toBeTruthy();
    expect(pvc.status?.capacity?.storage).toBe('5Gi');
  });

  it('simulates image pull, crash loop and never-ready pods by label', async () => {
    const core = apiFor('admin', k8s.CoreV1Api);
    const image = 'registry.example.com/missing/image:404';
    for (const fault of ['image-pull', 'crash-loop', 'never-ready'] as const) {
      await core.createNamespacedPod({
        namespace: ns.name,
        body: {
          metadata: { name: fault, labels: { [FAULT_LABEL]: fault } },
          spec: { containers: [{ name: 'main', image }] },
        },
      });
    }
    const read = (name: string): Promise<k8s.V1Pod> =>
      core.readNamespacedPod({ name, namespace: ns.name });

    const pulling = await waitFor(async () => {
      const p = await read('image-pull');
      return p.status?.containerStatuses?.[0]?.state?.waiting ? p : undefined;
    });
    expect(pulling.status?.phase).toBe('Pending');
    expect(pulling.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ImagePullBackOff');
    expect(pulling.status?.containerStatuses?.[0]?.state?.waiting?.message).toContain(image);

    const crashing = await waitFor(async () => {
      const p = await read('crash-loop');
      return p.status?.containerStatuses?.[0]?.state?.waiting ? p : undefined;
    });
    expect(crashing.status?.phase).toBe('Running');
    expect(crashing.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe(
      'CrashLoopBackOff',
    );
    expect(crashing.status?.containerStatuses?.[0]?.restartCount).toBeGreaterThan(0);
    expect(crashing.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(1);

    await waitFor(async () => (await read('never-ready')).status?.phase === 'Running');
    await new Promise((r) => setTimeout(r, 3000));
    const idle = await read('never-ready');
    expect(idle.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(idle.status?.containerStatuses?.[0]?.state?.running).toBeTruthy();
  });
});
