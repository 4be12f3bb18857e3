/**
 * The glue Deployment of an agent: clearml-agent's k8s glue as the upstream chart runs it
 * (clearml-helm-charts clearml-agent-5.3.2 templates/agentk8sglue-deployment.yaml), with these
 * differences:
 * - it talks to the instance's API, web and file servers through their in-cluster Services;
 * - `K8S_GLUE_MAX_PODS` is always set (the chart leaves it out, and the image's entrypoint
 *   then passes no `--max-pods`: clearml-agent v1.9.2 docker/k8s-glue/build-resources/
 *   entrypoint.sh:34-40);
 * - `CLEARML_AGENT_NO_UPDATE=1`: without it the entrypoint installs the newest clearml-agent
 *   from PyPI at every start (entrypoint.sh:15-21), so the code that runs would change under an
 *   unchanged Deployment;
 * - the start script goes to /tmp (`CLEARML_K8S_GLUE_START_AGENT_SCRIPT_PATH`, read by the glue
 *   process: clearml_agent/glue/definitions.py:3), writable under any UID;
 * - its key pair is its own, registered on the API server (credentials.ts).
 *
 * The image runs as root from /root: the entrypoint is `/root/entrypoint.sh`, sources
 * `/root/.bashrc`, appends the credentials to `~/clearml.conf` and runs the glue script from
 * its working directory /root (entrypoint.sh:28-40; the glue images are built `USER root`,
 * `WORKDIR /root`: clearml-agent docker/k8s-glue/glue-build/Dockerfile:1-24). An arbitrary UID
 * cannot write there, so the pod runs as UID 0 (anyuid) with every capability dropped: it only
 * writes files root owns and runs kubectl and Python.
 */
import type { Deployment, EnvVar, PodSpec } from '../../k8s-types';
import { SECURITY_NOTE_ANNOTATION } from '../../scc/plan';
import { glueImage, glueResources } from '../../values/agent-presets';
import type { AgentValues } from '../../values/schema';
import { configDigest, CONFIG_DIGEST_ANNOTATION } from '../component-extras';
import type { RenderContext } from '../context';
import { apiserverUrl, apiserverWaitTargets, fileserverUrl, PORTS } from '../endpoints';
import { SERVER_CONTAINER_SECURITY, secretEnv, waitInitContainer } from '../pod';
import { agentSecretKeys } from '../secrets';
import { CONNECTS_TO, RUNTIME_LABEL } from '../topology';
import {
  agentLabels,
  agentMeta,
  agentObjectName,
  agentSelector,
  GLUE_MAX_PODS_ENV,
  GLUE_QUEUE_ENV,
  TASK_GPUS_ANNOTATION,
} from './names';
import { TEMPLATE_KEY } from './task-template';

export const GLUE_CONTAINER = 'k8s-glue';
export const TEMPLATE_DIR = '/root/template';
export const START_SCRIPT_PATH = '/tmp/__start_agent__.sh';
export const GLUE_IMAGE_NOTE = 'the ClearML agent image runs as root from /root';

/** The glue's command line, as the chart runs it (agentk8sglue-deployment.yaml:61-66). */
const GLUE_COMMAND = [
  '/bin/bash',
  '-c',
  'export PATH=$PATH:$HOME/bin; source /root/.bashrc && /root/entrypoint.sh',
];

function glueEnv(ctx: RenderContext, agent: AgentValues): EnvVar[] {
  const keys = agentSecretKeys(agent.name);
  const c = ctx.values.components;
  return [
    { name: 'CLEARML_API_HOST', value: apiserverUrl(ctx) },
    ...(c.webserver.enabled
      ? [
          {
            name: 'CLEARML_WEB_HOST',
            value: `http://${ctx.name('webserver')}:${PORTS.webserverService}`,
          },
        ]
      : []),
    { name: 'CLEARML_FILES_HOST', value: fileserverUrl(ctx) },
    secretEnv(ctx, 'CLEARML_API_ACCESS_KEY', keys.key),
    secretEnv(ctx, 'CLEARML_API_SECRET_KEY', keys.secret),
    // The worker id also names the glue's pod label `CLEARML=agent-<md5(id)[:8]>`
    // (clearml-agent v1.9.2 clearml_agent/glue/k8s.py:311-322), one per agent.
    { name: 'CLEARML_WORKER_ID', value: agentObjectName(ctx, agent, 'glue') },
    // Image of tasks that name none (k8s.py:484; clearml_agent/definitions.py:156).
    { name: 'CLEARML_DOCKER_IMAGE', value: agent.taskPod.image },
    // Read by the image's entrypoint (entrypoint.sh:23-25, 34-40); queues are comma-separated
    // (clearml-agent examples/k8s_glue_example.py:128).
    { name: GLUE_QUEUE_ENV, value: agent.queues.join(',') },
    { name: GLUE_MAX_PODS_ENV, value: String(agent.maxPods) },
    {
      name: 'K8S_GLUE_EXTRA_ARGS',
      // As the chart builds it (agentk8sglue-deployment.yaml:96-109); `--create-queue` creates
      // missing queues (clearml-agent v1.8.0 and later: examples/k8s_glue_example.py:91-96).
      value: `--namespace ${ctx.values.namespace} --template-yaml ${TEMPLATE_DIR}/${TEMPLATE_KEY} --create-queue`,
    },
    { name: 'CLEARML_AGENT_NO_UPDATE', value: '1' },
    { name: 'CLEARML_K8S_GLUE_START_AGENT_SCRIPT_PATH', value: START_SCRIPT_PATH },
  ];
}

export function gluePodSpec(
  ctx: RenderContext,
  agent: AgentValues,
  templateConfigMap: string,
): PodSpec {
  const image = glueImage(ctx.values);
  const pullSecret = ctx.values.images.pullSecret;
  return {
    serviceAccountName: agentObjectName(ctx, agent, 'glue'),
    // kubectl in the glue uses the pod's token (in-cluster config); only this pod mounts it.
    automountServiceAccountToken: true,
    enableServiceLinks: false,
    securityContext: { runAsUser: 0 },
    ...(pullSecret ? { imagePullSecrets: [{ name: pullSecret }] } : {}),
    // The chart's init container waits for the servers with curl from the same image
    // (agentk8sglue-deployment.yaml:33-56); here only the API server's /debug.ping.
    initContainers: [waitInitContainer(ctx, 'init-agent', image, apiserverWaitTargets(ctx))],
    containers: [
      {
        name: GLUE_CONTAINER,
        image,
        imagePullPolicy: ctx.values.images.pullPolicy,
        command: GLUE_COMMAND,
        env: glueEnv(ctx, agent),
        resources: glueResources(agent),
        volumeMounts: [{ name: 'pod-template', mountPath: TEMPLATE_DIR, readOnly: true }],
        securityContext: SERVER_CONTAINER_SECURITY,
      },
    ],
    volumes: [{ name: 'pod-template', configMap: { name: templateConfigMap } }],
  };
}

export function renderGlue(
  ctx: RenderContext,
  agent: AgentValues,
  template: { name: string; data: Record<string, string> },
): Deployment {
  const meta = agentMeta(ctx, agent, 'glue', {
    // The Topology view draws an edge to the API server, which the glue waits for.
    [CONNECTS_TO]: JSON.stringify([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: ctx.name('apiserver') },
    ]),
    [TASK_GPUS_ANNOTATION]: String(agent.taskPod.gpus),
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { ...meta, labels: { ...meta.labels, [RUNTIME_LABEL]: 'python' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: agentSelector(ctx, agent) },
      // Two glues with one worker id would both take tasks from the queue.
      strategy: { type: 'Recreate' },
      template: {
        metadata: {
          labels: agentLabels(ctx, agent),
          annotations: {
            [SECURITY_NOTE_ANNOTATION]: GLUE_IMAGE_NOTE,
            // A changed task pod template restarts the glue, so it never works from an older
            // template than the one applied.
            [CONFIG_DIGEST_ANNOTATION]: configDigest(template.data),
          },
        },
        spec: gluePodSpec(ctx, agent, template.name),
      },
    },
  };
}
