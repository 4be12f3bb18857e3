import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type {
  ConfigMap,
  Deployment,
  K8sObject,
  K8sSecret,
  PodSpec,
  Role,
  RoleBinding,
  Route,
} from '../../k8s-types';
import { admit } from '../../scc/admit';
import { deploymentOf, envOf, exampleValues, expandedEnv, find } from '../../test-helpers';
import { agentPreset, createValues, parseValues, type ClearMLValuesInput } from '../../values';
import { decodeBase64 } from '../base64';
import { AGENT_POD_LABEL } from '../network-policies';
import { render, renderWithPlan } from '../render';
import { TASK_CONTAINER } from '.';

const twoAgents: ClearMLValuesInput = {
  name: 'ml',
  namespace: 'team-a',
  agents: [agentPreset('cpu', 'cpu'), agentPreset('gpu', 'gpu')],
};

/** The task pod as the glue would create it: the template plus a container name and image. */
function taskPod(objects: K8sObject[], agent: string): { labels: object; spec: PodSpec } {
  const cm = find<ConfigMap>(objects, 'ConfigMap', `ml-agent-${agent}-pod-template`);
  const template = parse(cm.data?.['template.yaml'] ?? '') as {
    metadata: { labels: object };
    spec: PodSpec;
  };
  return {
    labels: template.metadata.labels,
    spec: {
      ...template.spec,
      containers: template.spec.containers.map((c) => ({
        ...c,
        name: TASK_CONTAINER,
        image: 'docker.io/library/python:3.11-bookworm',
      })),
    },
  };
}

const secretData = (objects: K8sObject[]) =>
  Object.fromEntries(
    Object.entries(find<K8sSecret>(objects, 'Secret', 'ml-credentials').data ?? {}).map(
      ([k, v]) => [k, decodeBase64(v)],
    ),
  );

describe('agents: least privilege', async () => {
  const { objects, plan } = await renderWithPlan(createValues(twoAgents));

  it('gives each glue a Role on pods only, bound to its own ServiceAccount', () => {
    for (const agent of ['cpu', 'gpu']) {
      const role = find<Role>(objects, 'Role', `ml-agent-${agent}`);
      expect(role.metadata.namespace).toBe('team-a');
      expect(role.rules).toEqual([
        {
          apiGroups: [''],
          resources: ['pods'],
          verbs: ['get', 'list', 'watch', 'create', 'patch', 'delete'],
        },
      ]);
      const binding = find<RoleBinding>(objects, 'RoleBinding', `ml-agent-${agent}`);
      expect(binding.roleRef).toEqual({
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: `ml-agent-${agent}`,
      });
      expect(binding.subjects).toEqual([
        { kind: 'ServiceAccount', name: `ml-agent-${agent}`, namespace: 'team-a' },
      ]);
    }
    const rules = objects.filter((o): o is Role => o.kind === 'Role').flatMap((r) => r.rules);
    const resources = rules.flatMap((r) => r.resources);
    for (const never of ['secrets', 'services', 'events', 'namespaces', '*']) {
      expect(resources).not.toContain(never);
    }
    expect(rules.flatMap((r) => r.verbs)).not.toContain('*');
  });

  it('renders no ClusterRole or ClusterRoleBinding', () => {
    expect(objects.filter((o) => o.kind.startsWith('Cluster'))).toEqual([]);
  });

  it('mounts a token only in the glue pod, and task pods use a ServiceAccount without a Role', () => {
    const glue = deploymentOf(objects, 'ml-agent-cpu');
    expect(glue.spec.template.spec.serviceAccountName).toBe('ml-agent-cpu');
    expect(glue.spec.template.spec.automountServiceAccountToken).toBe(true);
    const task = taskPod(objects, 'cpu').spec;
    expect(task.serviceAccountName).toBe('ml-agent-cpu-task');
    expect(task.automountServiceAccountToken).toBe(false);
    const bound = objects
      .filter((o): o is RoleBinding => o.kind === 'RoleBinding')
      .flatMap((b) => b.subjects.map((s) => s.name));
    expect(bound).not.toContain('ml-agent-cpu-task');
  });

  it('task pods are admitted under restricted-v2 and need no grant', () => {
    for (const agent of ['cpu', 'gpu']) {
      const result = admit(taskPod(objects, agent).spec, 'restricted-v2');
      expect(result.reasons).toEqual([]);
      expect(result.allowed).toBe(true);
      expect(plan.find((e) => e.serviceAccount === `ml-agent-${agent}-task`)?.scc).toBe(
        'restricted-v2',
      );
    }
  });

  it('the glue gets anyuid, with the reason, because its image runs as root from /root', () => {
    const entry = plan.find((e) => e.serviceAccount === 'ml-agent-gpu');
    expect(entry?.scc).toBe('anyuid');
    expect(entry?.reason).toContain('the ClearML agent image runs as root from /root');
    const anyuid = find<RoleBinding>(objects, 'RoleBinding', 'ml-scc-anyuid');
    expect(anyuid.subjects.map((s) => s.name)).toEqual(
      expect.arrayContaining(['ml-agent-cpu', 'ml-agent-gpu']),
    );
    const glue = deploymentOf(objects, 'ml-agent-gpu').spec.template.spec;
    expect(glue.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
  });

  it('a root task pod gets anyuid for the task ServiceAccount only, with its reason', async () => {
    const values = createValues({
      ...twoAgents,
      agents: [
        { name: 'legacy', queues: ['old'], taskPod: { image: 'ubuntu:22.04', runAsRoot: true } },
      ],
    });
    const r = await renderWithPlan(values);
    const entry = r.plan.find((e) => e.serviceAccount === 'ml-agent-legacy-task');
    expect(entry?.scc).toBe('anyuid');
    expect(entry?.reason).toContain('the agent runs its tasks as root (taskPod.runAsRoot)');
    const task = taskPod(r.objects, 'legacy');
    expect(admit(task.spec, 'restricted-v2').allowed).toBe(false);
    expect(admit(task.spec, 'anyuid').allowed).toBe(true);
    const anyuid = find<RoleBinding>(r.objects, 'RoleBinding', 'ml-scc-anyuid');
    expect(anyuid.subjects.map((s) => s.name)).toContain('ml-agent-legacy-task');
  });
});

describe('agents: task pods', async () => {
  const objects = await render(createValues(twoAgents));

  it('asks for one nvidia.com/gpu per task pod of the GPU agent and none for the CPU agent', () => {
    const gpu = taskPod(objects, 'gpu').spec;
    expect(gpu.containers[0].resources?.limits?.['nvidia.com/gpu']).toBe('1');
    expect(gpu.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    const cpu = taskPod(objects, 'cpu').spec;
    expect(cpu.containers[0].resources?.limits).not.toHaveProperty('nvidia.com/gpu');
  });

  it('runs the start script non-root: HOME on an emptyDir, no apt-get, the agent key pair', () => {
    const { spec, labels } = taskPod(objects, 'cpu');
    const env = Object.fromEntries(
      (spec.containers[0].env ?? []).map((e) => [
        e.name,
        e.value ?? `secret:${e.valueFrom?.secretKeyRef?.key}`,
      ]),
    );
    expect(env).toMatchObject({
      HOME: '/tmp',
      CLEARML_AGENT_SKIP_CONTAINER_APT: '1',
      CLEARML_API_HOST: 'http://ml-apiserver:8008',
      CLEARML_FILES_HOST: 'http://ml-fileserver:8081',
      CLEARML_API_ACCESS_KEY: 'secret:agent_cpu_key',
      CLEARML_API_SECRET_KEY: 'secret:agent_cpu_secret',
    });
    expect(spec.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(labels).toEqual({ [AGENT_POD_LABEL]: 'ml', 'clearml-console-plugin/agent': 'cpu' });
  });

  it('tells task pods the external files URL once the app Route has a host', async () => {
    const route = {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'ml-app' },
      spec: {
        host: 'ml-app-team-a.apps.example.com',
        to: { kind: 'Service', name: 'x' },
        port: { targetPort: 'http' },
      },
    } as Route;
    const withHost = await render(createValues(twoAgents), { routes: { 'ml-app': route } });
    const env = taskPod(withHost, 'cpu').spec.containers[0].env ?? [];
    expect(env.find((e) => e.name === 'CLEARML_FILES_HOST')?.value).toBe(
      'https://ml-app-team-a.apps.example.com/files',
    );
    // A changed template restarts the glue.
    const digest = (objs: K8sObject[]) =>
      deploymentOf(objs, 'ml-agent-cpu').spec.template.metadata.annotations?.[
        'clearml-console-plugin/config-digest'
      ];
    expect(digest(withHost)).not.toBe(digest(objects));
  });
});

describe('agents: the glue', async () => {
  const objects = await render(createValues(twoAgents));

  it('pulls from its queues through the in-cluster Services, at most maxPods at once', () => {
    const glue = deploymentOf(objects, 'ml-agent-gpu');
    expect(envOf(glue)).toMatchObject({
      CLEARML_API_HOST: 'http://ml-apiserver:8008',
      CLEARML_WEB_HOST: 'http://ml-webserver:8080',
      CLEARML_FILES_HOST: 'http://ml-fileserver:8081',
      CLEARML_API_ACCESS_KEY: 'secret:ml-credentials/agent_gpu_key',
      CLEARML_API_SECRET_KEY: 'secret:ml-credentials/agent_gpu_secret',
      K8S_GLUE_QUEUE: 'gpu',
      K8S_GLUE_MAX_PODS: '1',
      K8S_GLUE_EXTRA_ARGS:
        '--namespace team-a --template-yaml /root/template/template.yaml --create-queue',
      CLEARML_AGENT_NO_UPDATE: '1',
      CLEARML_K8S_GLUE_START_AGENT_SCRIPT_PATH: '/tmp/__start_agent__.sh',
    });
    expect(glue.spec.template.spec.volumes).toEqual([
      { name: 'pod-template', configMap: { name: 'ml-agent-gpu-pod-template' } },
    ]);
  });

  it('selects only its own pods and joins the instance in the Topology view', () => {
    const cpu = deploymentOf(objects, 'ml-agent-cpu');
    const gpu = deploymentOf(objects, 'ml-agent-gpu');
    expect(cpu.spec.selector.matchLabels).not.toEqual(gpu.spec.selector.matchLabels);
    expect(cpu.metadata.labels?.['app.kubernetes.io/part-of']).toBe('ml');
    expect(JSON.parse(cpu.metadata.annotations?.['app.openshift.io/connects-to'] ?? '[]')).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ml-apiserver' },
    ]);
    const names = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names.indexOf('Deployment/ml-agent-cpu')).toBeGreaterThan(
      names.indexOf('Deployment/ml-apiserver'),
    );
  });
});

describe('agents: credentials', () => {
  it('registers each agent as a user on the API server with its own key pair', async () => {
    const objects = await render(createValues(twoAgents));
    const env = envOf(deploymentOf(objects, 'ml-apiserver'));
    for (const agent of ['CPU', 'GPU']) {
      const prefix = `CLEARML__SECURE__CREDENTIALS__AGENT_${agent}__`;
      const key = agent.toLowerCase();
      expect(env[`${prefix}ROLE`]).toBe('"user"');
      expect(env[`${prefix}DISPLAY_NAME`]).toBe(`"ClearML agent ${key}"`);
      expect(expandedEnv(env, `${prefix}USER_KEY`)).toBe(
        `"secret:ml-credentials/agent_${key}_key"`,
      );
      expect(expandedEnv(env, `${prefix}USER_SECRET`)).toBe(
        `"secret:ml-credentials/agent_${key}_secret"`,
      );
    }
    const data = secretData(objects);
    expect(data.agent_cpu_key).toMatch(/^[A-Z0-9]{30}$/);
    expect(data.agent_cpu_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(data.agent_cpu_key).not.toBe(data.agent_gpu_key);
  });

  it('keeps every pair across a re-render with the live Secret and drops a removed agent', async () => {
    const first = await render(createValues(twoAgents));
    const live = find<K8sSecret>(first, 'Secret', 'ml-credentials');
    const again = await render(createValues(twoAgents), { secrets: { 'ml-credentials': live } });
    expect(secretData(again)).toEqual(secretData(first));

    const onlyGpu = await render(
      createValues({ ...twoAgents, agents: [agentPreset('gpu', 'gpu')] }),
      { secrets: { 'ml-credentials': live } },
    );
    const data = secretData(onlyGpu);
    expect(data).not.toHaveProperty('agent_cpu_key');
    expect(data).not.toHaveProperty('agent_cpu_secret');
    expect(data.agent_gpu_key).toBe(secretData(first).agent_gpu_key);
    expect(data.apiserver_key).toBe(secretData(first).apiserver_key);
    const apiEnv = envOf(deploymentOf(onlyGpu, 'ml-apiserver'));
    expect(Object.keys(apiEnv).some((n) => n.includes('AGENT_CPU'))).toBe(false);
  });
});

describe('agents: values', () => {
  const issues = (agents: unknown, extra: object = {}) => {
    const r = parseValues({ ...extra, agents });
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  };

  it('accepts the presets and the example, with defaults filled in', () => {
    expect(issues([agentPreset('cpu', 'a'), agentPreset('gpu', 'b')])).toEqual([]);
    const v = exampleValues('agents');
    expect(v.agents.map((a) => [a.name, a.queues, a.taskPod.gpus])).toEqual([
      ['cpu', ['default'], 0],
      ['gpu', ['gpu'], 1],
    ]);
    expect(v.agents[0].taskPod.image).toBe('docker.io/library/python:3.11-bookworm');
  });

  it('refuses bad names, duplicates, no queue, maxPods out of range and an empty image', () => {
    expect(issues([{ name: 'GPU', queues: ['q'] }])[0]).toMatch(/^agents\.0\.name: /);
    expect(
      issues([
        { name: 'a', queues: ['q'] },
        { name: 'a', queues: ['r'] },
      ]),
    ).toEqual(['agents.1.name: agent a is listed twice']);
    expect(issues([{ name: 'a', queues: [] }])).toEqual([
      'agents.0.queues: an agent needs at least one queue',
    ]);
    expect(issues([{ name: 'a', queues: ['q'], maxPods: 0 }])).toEqual([
      'agents.0.maxPods: maxPods must be at least 1',
    ]);
    expect(issues([{ name: 'a', queues: ['q'], maxPods: 101 }])).toEqual([
      'agents.0.maxPods: maxPods must be at most 100',
    ]);
    expect(issues([{ name: 'a', queues: ['q'], taskPod: { image: '' } }])).toEqual([
      'agents.0.taskPod.image: task image is required',
    ]);
    expect(issues([{ name: 'a', queues: ['a,b'] }])[0]).toMatch(/^agents\.0\.queues\.0: /);
  });

  it('checks task pod placement, env and sizes, and needs the file server', () => {
    expect(
      issues([{ name: 'a', queues: ['q'], taskPod: { tolerations: [{ value: 'x' }] } }]),
    ).toContain(
      'agents.0.taskPod.tolerations.0.key: a toleration without a key must use operator Exists',
    );
    expect(
      issues([{ name: 'a', queues: ['q'], taskPod: { env: [{ name: 'HOME', value: '/x' }] } }]),
    ).toEqual(['agents.0.taskPod.env.0.name: HOME is set by the plugin for task pods']);
    expect(
      issues([{ name: 'a', queues: ['q'], taskPod: { resources: { requests: { cpu: '8' } } } }]),
    ).toEqual(['agents.0.taskPod.resources.requests.cpu: cpu request 8 is above the limit 2']);
    expect(
      issues([{ name: 'a', queues: ['q'] }], {
        components: { fileserver: { enabled: false }, asyncDelete: { enabled: false } },
      }),
    ).toEqual(['agents: agents need the file server (components.fileserver.enabled)']);
  });

  it('keeps the agents’ server users out of the API server’s extraEnv', () => {
    const r = parseValues({
      components: {
        apiserver: {
          extraEnv: [{ name: 'CLEARML__SECURE__CREDENTIALS__AGENT_CPU__USER_KEY', value: 'X' }],
        },
      },
    });
    expect(r.ok ? [] : r.issues).toEqual([
      {
        path: 'components.apiserver.extraEnv.0.name',
        message: expect.stringContaining('which the plugin sets itself'),
      },
    ]);
  });

  it('renders nothing for agents by default', async () => {
    const objects = await render(createValues());
    expect(objects.filter((o) => o.kind === 'Role')).toEqual([]);
    expect(objects.some((o) => (o as Deployment).metadata.name.includes('agent'))).toBe(false);
  });
});
