/**
 * ClearML agents of an instance: each is a Kubernetes "glue" (clearml-agent's k8s glue, as the
 * upstream clearml-agent chart runs it) that pulls tasks from its queues and starts one pod per
 * task from a pod template.
 */
import { z } from 'zod';
import { DNS_LABEL_PATTERN } from '../names';
import { extraEnvEntry, nodeSelector, tolerations } from './component-fields';
import { msg, type Message } from '../messages/message';
import { resourceOverride } from './quantity-field';
import { addIssue, rule, what } from './rule-message';

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

const imageReference = (image: Message) =>
  z
    .string()
    .min(1, rule('values.agent.image.required', { what: image }))
    .max(512, rule('values.agent.image.tooLong', { what: image }))
    .regex(IMAGE_REFERENCE, rule('values.agent.image.format', { what: image }));

/** A ClearML queue name. The glue gets its queues comma-separated, so a name holds no comma. */
const queueName = z
  .string()
  .min(1, rule('values.agent.queue.empty'))
  .max(64, rule('values.agent.queue.tooLong'))
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, rule('values.agent.queue.format'));

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
  .array(extraEnvEntry, { error: rule('values.agent.env.list') })
  .max(100, rule('values.agent.env.tooMany'))
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      const { name } = entry;
      if (TASK_POD_OWN_ENV.includes(name)) {
        addIssue(ctx, msg('values.agent.env.own', { name }), [i, 'name']);
      } else if (seen.has(name)) {
        addIssue(ctx, msg('values.env.twice', { name }), [i, 'name']);
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
    .min(1, rule('values.agent.name.empty'))
    .max(MAX_AGENT_NAME_LENGTH, rule('values.agent.name.tooLong', { max: MAX_AGENT_NAME_LENGTH }))
    .regex(DNS_LABEL_PATTERN, rule('values.agent.name.format')),
  queues: z
    .array(queueName, { error: rule('values.agent.queues.list') })
    .min(1, rule('values.agent.queues.empty'))
    .max(10, rule('values.agent.queues.tooMany'))
    .meta({ description: 'Queues the agent pulls tasks from; created when missing.' }),
  maxPods: z
    .int(rule('values.agent.maxPods.whole'))
    .min(1, rule('values.agent.maxPods.min'))
    .max(MAX_AGENT_PODS, rule('values.agent.maxPods.max', { max: MAX_AGENT_PODS }))
    .default(2)
    .meta({ description: 'The most task pods the agent runs at once.' }),
  taskPod: z
    .strictObject({
      image: imageReference(what('values.what.taskImage')).default(DEFAULT_TASK_IMAGE).meta({
        description:
          'Image of tasks that name none; it must hold python3, pip and git (task pods run non-root).',
      }),
      resources: resourceOverride,
      gpus: z
        .int(rule('values.agent.gpus.whole'))
        .min(0, rule('values.agent.gpus.min'))
        .max(MAX_AGENT_GPUS, rule('values.agent.gpus.max', { max: MAX_AGENT_GPUS }))
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
  .array(agent, { error: rule('values.agents.list') })
  .max(MAX_AGENTS, rule('values.agents.tooMany', { max: MAX_AGENTS }))
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.name)) {
        addIssue(ctx, msg('values.agents.twice', { name: a.name }), [i, 'name']);
      }
      seen.add(a.name);
    });
  })
  .default([])
  .meta({ description: 'ClearML agents that run queued tasks as pods in this project.' });
