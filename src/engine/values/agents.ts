/**
 * ClearML agents of an instance: each is a Kubernetes "glue" (clearml-agent's k8s glue, as the
 * upstream clearml-agent chart runs it) that pulls tasks from its queues and starts one pod per
 * task from a pod template.
 */
import { z } from 'zod';
import { DNS_LABEL_PATTERN } from '../names';
import { extraEnvEntry, nodeSelector, tolerations } from './component-fields';
import { resourceOverride } from './quantity-field';

/** Agent names are short: they appear in object names, Secret keys and the server's user ids. */
export const MAX_AGENT_NAME_LENGTH = 20;
export const MAX_AGENTS = 10;
export const MAX_AGENT_PODS = 100;
export const MAX_AGENT_GPUS = 16;

/**
 * The default image of task pods. It must already hold python3, pip and git: under restricted-v2
 * the task runs as an arbitrary non-root UID, so the agent's start script cannot apt-get them.
 * The chart's default (`CLEARML_DOCKER_IMAGE=ubuntu:18.04`, clearml-helm-charts
 * clearml-agent-5.3.2 charts/clearml-agent/values.yaml:84) has no python at all, and the glue's
 * start script installs it with apt-get as root (clearml-agent v1.9.2
 * clearml_agent/glue/k8s.py:72-94). The official python image (non-slim) is built on
 * buildpack-deps, which includes git.
 */
export const DEFAULT_TASK_IMAGE = 'docker.io/library/python:3.11-bookworm';

/**
 * The glue's image, as the chart ships it (clearml-helm-charts clearml-agent-5.3.2
 * charts/clearml-agent/values.yaml:52-55, templates/agentk8sglue-deployment.yaml:59-60): it holds
 * kubectl, curl and the glue's start script.
 */
export const DEFAULT_GLUE_IMAGE = 'docker.io/allegroai/clearml-agent-k8s-base:1.24-21';

/** `[host[:port]/]path[:tag][@sha256:digest]`, lower-case path components as registries want. */
const IMAGE_REFERENCE =
  /^[a-z0-9]+([._-][a-z0-9]+)*(:\d{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:\w[\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

const imageReference = (what: string) =>
  z
    .string()
    .min(1, `${what} is required`)
    .max(512, `${what} must be at most 512 characters`)
    .regex(IMAGE_REFERENCE, `${what} must be an image reference such as quay.io/org/image:tag`);

/** A ClearML queue name. The glue gets its queues comma-separated, so a name holds no comma. */
const queueName = z
  .string()
  .min(1, 'queue name must not be empty')
  .max(64, 'queue name must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'queue name must be letters, digits, _, . or -');

/** Variables the task pod template sets itself (see render/agents/task-template.ts). */
export const TASK_POD_OWN_ENV = [
  'CLEARML_API_HOST',
  'CLEARML_WEB_HOST',
  'CLEARML_FILES_HOST',
  'CLEARML_API_ACCESS_KEY',
  'CLEARML_API_SECRET_KEY',
  'CLEARML_AGENT_SKIP_CONTAINER_APT',
  'HOME',
];

const taskEnv = z
  .array(extraEnvEntry, { error: 'env must be a list of {name, value} entries' })
  .max(100, 'env may have at most 100 entries')
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      const add = (message: string) => ctx.addIssue({ code: 'custom', path: [i, 'name'], message });
      if (TASK_POD_OWN_ENV.includes(entry.name)) {
        add(`${entry.name} is set by the plugin for task pods`);
      } else if (seen.has(entry.name)) {
        add(`${entry.name} is set twice`);
      }
      seen.add(entry.name);
    });
  })
  .optional()
  .meta({
    description:
      'Extra environment variables of task pods. Visible in the pod template ConfigMap: no secrets.',
  });

export const agent = z.strictObject({
  name: z
    .string()
    .min(1, 'agent name must not be empty')
    .max(MAX_AGENT_NAME_LENGTH, `agent name must be at most ${MAX_AGENT_NAME_LENGTH} characters`)
    .regex(
      DNS_LABEL_PATTERN,
      "agent name must be lower-case letters, digits and '-', start with a letter and end with a letter or digit",
    ),
  queues: z
    .array(queueName, { error: 'queues must be a list of queue names' })
    .min(1, 'an agent needs at least one queue')
    .max(10, 'an agent may serve at most 10 queues')
    .meta({ description: 'Queues the agent pulls tasks from; created when missing.' }),
  maxPods: z
    .int('maxPods must be a whole number')
    .min(1, 'maxPods must be at least 1')
    .max(MAX_AGENT_PODS, `maxPods must be at most ${MAX_AGENT_PODS}`)
    .default(2)
    .meta({ description: 'The most task pods the agent runs at once.' }),
  taskPod: z
    .strictObject({
      image: imageReference('task image').default(DEFAULT_TASK_IMAGE).meta({
        description:
          'Image of tasks that name none; it must hold python3, pip and git (task pods run non-root).',
      }),
      resources: resourceOverride,
      gpus: z
        .int('gpus must be a whole number')
        .min(0, 'gpus must be at least 0')
        .max(MAX_AGENT_GPUS, `gpus must be at most ${MAX_AGENT_GPUS}`)
        .default(0)
        .meta({ description: 'nvidia.com/gpu per task pod.' }),
      nodeSelector,
      tolerations,
      env: taskEnv,
      runAsRoot: z.boolean().default(false).meta({
        description:
          'Run task pods as root (images without python, apt-get at start); needs the anyuid SCC for the task pods.',
      }),
    })
    .prefault({}),
  resources: resourceOverride.meta({ description: "The glue's own requests and limits." }),
});

export const agents = z
  .array(agent, { error: 'agents must be a list' })
  .max(MAX_AGENTS, `an instance may have at most ${MAX_AGENTS} agents`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.name)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `agent ${a.name} is listed twice`,
        });
      }
      seen.add(a.name);
    });
  })
  .default([])
  .meta({ description: 'ClearML agents that run queued tasks as pods in this project.' });
