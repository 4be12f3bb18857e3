/**
 * Agents on the local control plane: an instance with a CPU and a GPU agent (examples/agents.yaml)
 * deploys with both glues Ready (kwok); each glue's ServiceAccount may manage pods in its own
 * namespace and nothing else; a task pod it creates from the rendered template passes the
 * restricted Pod Security level the API server enforces, and lands on restricted-v2 by the
 * engine's SCC admission (the local control plane has no SCC admission plugin, so no pod gets an
 * `openshift.io/scc` annotation); a GPU task pod waits for a node with nvidia.com/gpu, which
 * `status` says, then runs once such a node exists; uninstall leaves task pods unless
 * `--task-pods`.
 */
import * as k8s from '@kubernetes/client-node';
import { nodeTransport } from '../../src/adapters/node-client';
import type { ClusterClient, ResourceAttributes } from '../../src/engine/cluster/client';
import { createRestClient } from '../../src/engine/cluster/rest-client';
import { retrying } from '../../src/engine/cluster/retrying-client';
import { deploy } from '../../src/engine/deploy/deploy';
import type { ConfigMap, K8sObject, PodSpec } from '../../src/engine/k8s-types';
import { selectScc } from '../../src/engine/scc';
import {
  apiFor,
  createTestNamespace,
  deleteNamespace,
  expectApiError,
  kubeConfigFor,
  statusOf as httpStatusOf,
  waitFor,
} from '../support/cluster';
import { taskPodFromTemplate } from '../support/task-pod';
import { cli, clientAs, exampleValues, statusOf, waitForReady } from './engine-helpers';

const INSTANCE = 'ml';
const GPU_NODE = `kwok-gpu-${Math.random().toString(36).slice(2, 8)}`;
const NO_GPU = 'unschedulable: no node with nvidia.com/gpu available';

/** A client that talks as a ServiceAccount, with a short-lived token from the TokenRequest API. */
async function clientAsAccount(namespace: string, account: string): Promise<ClusterClient> {
  const core = apiFor('admin', k8s.CoreV1Api);
  const request = await core.createNamespacedServiceAccountToken({
    name: account,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 600 } },
  });
  const admin = kubeConfigFor('admin');
  const cluster = admin.getCurrentCluster()!;
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [cluster],
    users: [{ name: account, token: request.status?.token }],
    contexts: [{ name: account, cluster: cluster.name, user: account }],
    currentContext: account,
  });
  return retrying(createRestClient(nodeTransport(kc)));
}

/** A task pod as the glue makes it from the agent's template, with a command that ends at once. */
async function taskPod(namespace: string, agent: string, task: string): Promise<K8sObject> {
  const cm = await clientAs('admin').get<ConfigMap>({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: `${INSTANCE}-agent-${agent}-pod-template`,
    namespace,
  });
  return taskPodFromTemplate(cm?.data?.['template.yaml'] ?? '', {
    name: `clearml-id-${task}`,
    namespace,
    script: 'true ; exit 0',
    labels: { CLEARML: 'agent-0a1b2c3d' },
  }) as unknown as K8sObject;
}

const taskPodsOf = async (namespace: string, agent: string) =>
  (await statusOf(namespace, INSTANCE)).agents.find((a) => a.agent === agent)?.taskPods ?? [];

describe('agents on the local control plane', () => {
  let ns = '';

  beforeAll(async () => {
    ns = await createTestNamespace({ prefix: 'agents' });
    const result = await deploy({
      client: clientAs('admin'),
      values: exampleValues('agents.yaml', ns),
    });
    expect(result.ok).toBe(true);
    await waitForReady(ns, INSTANCE, 120_000);
  });

  afterAll(async () => {
    const core = apiFor('admin', k8s.CoreV1Api);
    await core.deleteNode({ name: GPU_NODE }).catch((err: unknown) => {
      if (httpStatusOf(err) !== 404) throw err;
    });
    if (ns && process.env.CLUSTER_KEEP_NAMESPACES !== '1') await deleteNamespace(ns);
  });

  it('runs both glues Ready and reports them with their queues', async () => {
    const status = await statusOf(ns, INSTANCE);
    expect(status.ready).toBe(true);
    expect(
      status.agents.map((a) => [a.agent, a.state, a.ready, a.queues, a.maxPods, a.gpus]),
    ).toEqual([
      ['cpu', 'Ready', 1, ['default'], 4, 0],
      ['gpu', 'Ready', 1, ['gpu'], 1, 1],
    ]);
  });

  it("gives the glue's account pods in its namespace and nothing else, the task account nothing", async () => {
    const glue = await clientAsAccount(ns, `${INSTANCE}-agent-cpu`);
    const task = await clientAsAccount(ns, `${INSTANCE}-agent-cpu-task`);
    const may = async (client: ClusterClient, a: Partial<ResourceAttributes>) =>
      (await client.canI({ group: '', resource: 'pods', verb: 'get', ...a })).allowed;
    for (const verb of ['get', 'list', 'watch', 'create', 'patch', 'delete']) {
      expect(await may(glue, { verb, namespace: ns }), `${verb} pods`).toBe(true);
      expect(await may(task, { verb, namespace: ns }), `task: ${verb} pods`).toBe(false);
    }
    const denied: Partial<ResourceAttributes>[] = [
      { verb: 'create', namespace: 'team-a' },
      { verb: 'delete', namespace: 'team-a' },
      { verb: 'list' },
      ...['create', 'update', 'patch', 'delete', 'get', 'list'].map((verb) => ({
        verb,
        resource: 'secrets',
        namespace: ns,
      })),
      { verb: 'create', resource: 'services', namespace: ns },
      { verb: 'create', group: 'apps', resource: 'deployments', namespace: ns },
      { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'roles', namespace: ns },
      { verb: 'list', resource: 'nodes' },
      { verb: 'create', resource: 'namespaces' },
      { verb: 'create', resource: 'persistentvolumes' },
      { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' },
      { verb: 'use', group: 'security.openshift.io', resource: 'securitycontextconstraints' },
    ];
    for (const a of denied) expect(await may(glue, a), JSON.stringify(a)).toBe(false);
  });

  it('admits a task pod the glue creates from its template under restricted Pod Security and restricted-v2', async () => {
    const core = apiFor('admin', k8s.CoreV1Api);
    // The servers run; from now on the API server refuses any new pod below "restricted".
    await core.patchNamespace(
      {
        name: ns,
        body: { metadata: { labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const glue = await clientAsAccount(ns, `${INSTANCE}-agent-cpu`);
    const pod = await taskPod(ns, 'cpu', 'cpu0001');
    const stored = await glue.create(pod);
    const spec = (stored as unknown as { spec: PodSpec }).spec;
    expect(spec.serviceAccountName).toBe(`${INSTANCE}-agent-cpu-task`);
    const annotations = (await core.readNamespace({ name: ns })).metadata?.annotations ?? {};
    expect(selectScc(spec, ['restricted-v2'], annotations)).toBe('restricted-v2');

    // Not vacuous: the same pod as root is refused by the API server and by restricted-v2.
    const root = structuredClone(pod) as unknown as { metadata: { name: string }; spec: PodSpec };
    root.metadata.name = 'clearml-id-root0001';
    root.spec.securityContext = { runAsUser: 0 };
    expect(
      await expectApiError(core.createNamespacedPod({ namespace: ns, body: root as never })),
    ).toBe(403);
    expect(selectScc(root.spec, ['restricted-v2'], annotations)).toBeUndefined();

    const running = await waitFor(
      async () => {
        const [p] = await taskPodsOf(ns, 'cpu');
        return p?.phase === 'Running' ? p : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000, description: 'CPU task pod Running' },
    );
    expect(running).toMatchObject({ name: 'clearml-id-cpu0001', task: 'cpu0001', reason: '' });
  });

  it('says a GPU task pod waits for a node with nvidia.com/gpu, then runs it on one', async () => {
    const glue = await clientAsAccount(ns, `${INSTANCE}-agent-gpu`);
    await glue.create(await taskPod(ns, 'gpu', 'gpu0001'));
    const waiting = await waitFor(
      async () => {
        const [p] = await taskPodsOf(ns, 'gpu');
        return p?.reason === NO_GPU ? p : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000, description: 'GPU task pod unschedulable' },
    ).catch(async (err: unknown) => {
      // Say what the pod and the model show instead.
      const pod = await clientAs('admin').get({
        apiVersion: 'v1',
        kind: 'Pod',
        name: 'clearml-id-gpu0001',
        namespace: ns,
      });
      const seen = JSON.stringify({
        pod: (pod as { status?: unknown })?.status,
        model: await taskPodsOf(ns, 'gpu'),
      });
      throw new Error(`${(err as Error).message}: ${seen}`);
    });
    expect(waiting.phase).toBe('Pending');
    const text = await cli(['status', '--name', INSTANCE, '-n', ns]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`clearml-id-gpu0001  Pending   ${NO_GPU}`);
    expect(text.stdout).toMatch(/^ml: Ready/);

    // A GPU node only pods that tolerate the GPU taint may use, so other tests' pods stay off it.
    await apiFor('admin', k8s.CoreV1Api).createNode({
      body: {
        metadata: {
          name: GPU_NODE,
          annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
          labels: { 'kubernetes.io/hostname': GPU_NODE, 'kubernetes.io/os': 'linux', type: 'kwok' },
        },
        spec: { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] },
        status: {
          allocatable: { cpu: '8', memory: '32Gi', pods: '10', 'nvidia.com/gpu': '1' },
          capacity: { cpu: '8', memory: '32Gi', pods: '10', 'nvidia.com/gpu': '1' },
        },
      },
    });
    const running = await waitFor(
      async () => {
        const [p] = await taskPodsOf(ns, 'gpu');
        return p?.phase === 'Running' ? p : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 1000, description: 'GPU task pod Running on the GPU node' },
    );
    expect(running.reason).toBe('');
  });

  it('leaves task pods on uninstall unless --task-pods', async () => {
    const left = await cli(['uninstall', '--name', INSTANCE, '-n', ns]);
    expect(left.code).toBe(0);
    expect(left.stdout).toContain(
      `Left 2 task pods of the agents in ${ns} (clearml-id-cpu0001, clearml-id-gpu0001).`,
    );
    const admin = clientAs('admin');
    const selector = {
      namespace: ns,
      labelSelector: `clearml-console-plugin/agent-of=${INSTANCE}`,
    };
    expect((await admin.list('v1', 'Pod', selector)).length).toBe(2);
    expect(await admin.list('apps/v1', 'Deployment', { namespace: ns })).toEqual([]);

    const removed = await cli(['uninstall', '--name', INSTANCE, '-n', ns, '--task-pods']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).not.toContain('Left');
    await waitFor(
      async () => ((await admin.list('v1', 'Pod', selector)).length === 0 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 1000, description: 'task pods gone' },
    );
  });
});
