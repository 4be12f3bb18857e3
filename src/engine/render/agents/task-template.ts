/**
 * The pod template the glue starts each task from, in a ConfigMap mounted into the glue pod and
 * passed as `--template-yaml` (clearml-helm-charts clearml-agent-5.3.2
 * templates/agentk8sglue-configmap.yaml:1-83, templates/agentk8sglue-deployment.yaml:96-109).
 * The glue writes its own container (image, command, labels, `restartPolicy: Never`) into
 * `containers[0]`, merging env lists by name (clearml-agent v1.9.2 clearml_agent/glue/k8s.py
 * `_kubectl_apply` and `merge_dicts`), so the template's container has no name and no image; the
 * image of tasks that name none comes from the glue's `CLEARML_DOCKER_IMAGE`.
 *
 * By default task pods pass restricted-v2: non-root, no privilege escalation, no capabilities,
 * seccomp RuntimeDefault. The glue's start script then needs (clearml-agent v1.9.2
 * clearml_agent/glue/k8s.py:72-94, `CONTAINER_BASH_SCRIPT`):
 * - `CLEARML_AGENT_SKIP_CONTAINER_APT=1`, which skips its apt-get steps (root only);
 * - a writable HOME: it appends to `~/clearml.conf` and writes its start script there unless the
 *   glue moves it (`CLEARML_K8S_GLUE_START_AGENT_SCRIPT_PATH`, glue/definitions.py:3), and pip
 *   installs clearml-agent into `~/.local` when site-packages is read-only; the agent keeps its
 *   caches under `~/.clearml`. HOME is an emptyDir at /tmp (an arbitrary UID owns no home).
 */
import { stringify } from 'yaml';
import type { ConfigMap, Container, EnvVar, PodSpec, StringMap, Volume } from '../../k8s-types';
import { SECURITY_NOTE_ANNOTATION } from '../../scc/plan';
import { taskPodResources } from '../../values/agent-presets';
import type { AgentValues } from '../../values/schema';
import { literalEnvValue } from '../component-extras';
import type { RenderContext } from '../context';
import { apiserverUrl, fileserverUrl, PORTS } from '../endpoints';
import { secretEnv } from '../pod';
import { agentSecretKeys } from '../secrets';
import { agentMeta, agentObjectName, taskPodLabels } from './names';

export const TEMPLATE_KEY = 'template.yaml';
export const TASK_HOME = '/tmp';
export const ROOT_TASK_NOTE = 'the agent runs its tasks as root (taskPod.runAsRoot)';

/**
 * Where task pods reach the servers. The API stays on the in-cluster Service (the network
 * policies admit task pods by `AGENT_POD_LABEL`); the files URL is the external one when the
 * Route is known, because the SDK stores it in every artifact's URL, which the browser then
 * opens; the web URL only appears in links the task prints.
 */
export function taskServerEnv(ctx: RenderContext): EnvVar[] {
  const web =
    ctx.urls.app ??
    (ctx.values.components.webserver.enabled
      ? `http://${ctx.name('webserver')}:${PORTS.webserverService}`
      : undefined);
  return [
    { name: 'CLEARML_API_HOST', value: apiserverUrl(ctx) },
    ...(web ? [{ name: 'CLEARML_WEB_HOST', value: web }] : []),
    { name: 'CLEARML_FILES_HOST', value: ctx.urls.files ?? fileserverUrl(ctx) },
  ];
}

function userEnv(agent: AgentValues): EnvVar[] {
  return (agent.taskPod.env ?? []).map((e) => ({
    name: e.name,
    value: literalEnvValue(typeof e.value === 'string' ? e.value : JSON.stringify(e.value)),
  }));
}

/** The task pod's spec as the template holds it (no container name or image). */
export function taskPodSpec(ctx: RenderContext, agent: AgentValues): PodSpec {
  const t = agent.taskPod;
  const keys = agentSecretKeys(agent.name);
  const resources = taskPodResources(agent);
  const container: Omit<Container, 'name' | 'image'> = {
    resources: {
      requests: resources.requests,
      limits: {
        ...resources.limits,
        ...(t.gpus > 0 ? { 'nvidia.com/gpu': String(t.gpus) } : {}),
      },
    },
    env: [
      ...taskServerEnv(ctx),
      secretEnv(ctx, 'CLEARML_API_ACCESS_KEY', keys.key),
      secretEnv(ctx, 'CLEARML_API_SECRET_KEY', keys.secret),
      { name: 'HOME', value: TASK_HOME },
      ...(t.runAsRoot ? [] : [{ name: 'CLEARML_AGENT_SKIP_CONTAINER_APT', value: '1' }]),
      ...userEnv(agent),
    ],
    volumeMounts: [{ name: 'tmp', mountPath: TASK_HOME }],
    securityContext: t.runAsRoot
      ? // Root images apt-get at start, which needs root's default capabilities.
        { allowPrivilegeEscalation: false }
      : { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true },
  };
  const volumes: Volume[] = [{ name: 'tmp', emptyDir: {} }];
  const pullSecret = ctx.values.images.pullSecret;
  return {
    serviceAccountName: agentObjectName(ctx, agent, 'task'),
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: t.runAsRoot
      ? { runAsUser: 0 }
      : { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    ...(pullSecret ? { imagePullSecrets: [{ name: pullSecret }] } : {}),
    containers: [container as Container],
    volumes,
    ...(t.nodeSelector && Object.keys(t.nodeSelector).length
      ? { nodeSelector: t.nodeSelector }
      : {}),
    ...(t.tolerations?.length ? { tolerations: t.tolerations } : {}),
  };
}

export const taskPodAnnotations = (agent: AgentValues): StringMap | undefined =>
  agent.taskPod.runAsRoot ? { [SECURITY_NOTE_ANNOTATION]: ROOT_TASK_NOTE } : undefined;

/** The ConfigMap with `template.yaml`. */
export function renderTaskTemplate(ctx: RenderContext, agent: AgentValues): ConfigMap {
  const annotations = taskPodAnnotations(agent);
  const template = {
    apiVersion: 'v1',
    metadata: {
      namespace: ctx.values.namespace,
      labels: taskPodLabels(ctx, agent),
      ...(annotations ? { annotations } : {}),
    },
    spec: taskPodSpec(ctx, agent),
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: agentMeta(ctx, agent, 'template'),
    data: { [TEMPLATE_KEY]: stringify(template) },
  };
}
