/**
 * The status of an instance's agents: each glue Deployment (rendered by render/agents) like a
 * component, and the task pods the glue started, each with a plain reason when it waits or
 * failed. Task pods carry only `AGENT_POD_LABEL` and `AGENT_NAME_LABEL` (render/agents/names.ts);
 * the glue names each `clearml-id-<task id>` and adds no task-id label of its own (clearml-agent
 * v1.9.2 clearml_agent/glue/k8s.py `_kubectl_apply` and `_get_pod_labels`).
 */
import { COMPONENT_LABEL, INSTANCE_LABEL } from '../components';
import { list, type Message, msg } from '../messages/message';
import type { Demand } from '../preflight/quota';
import {
  AGENT_NAME_LABEL,
  GLUE_MAX_PODS_ENV,
  GLUE_QUEUE_ENV,
  TASK_GPUS_ANNOTATION,
  TASK_POD_NAME_PREFIX,
} from '../render/agents/names';
import { AGENT_POD_LABEL } from '../render/network-policies';
import { failedCreate, podProblem } from './pod-problems';
import { schedulerReason, stripFullStop } from './scheduler-message';
import type {
  AgentStatus,
  ComponentHealth,
  LiveEvent,
  LivePod,
  LiveState,
  LiveWorkload,
  Meta,
  TaskPodStatus,
} from './types';

/** The component label value of an agent's glue objects (render/context `labels(ctx, 'agent')`). */
const GLUE_COMPONENT = 'agent';
const QUOTA = /(exceeded|failed) quota/i;

const isGlue = (instance: string) => (o: { metadata: Meta }) =>
  o.metadata.labels?.[INSTANCE_LABEL] === instance &&
  o.metadata.labels?.[COMPONENT_LABEL] === GLUE_COMPONENT &&
  o.metadata.labels?.[AGENT_NAME_LABEL] !== undefined;

/** Whether a pod is a task pod of the instance's agents. */
export const isTaskPod = (instance: string, pod: { metadata: Meta }) =>
  pod.metadata.labels?.[AGENT_POD_LABEL] === instance &&
  pod.metadata.labels?.[AGENT_NAME_LABEL] !== undefined;

function glueEnv(glue: LiveWorkload, name: string): string | undefined {
  for (const c of glue.spec?.template?.spec?.containers ?? []) {
    const found = c.env?.find((e) => e.name === name);
    if (found) return found.value;
  }
  return undefined;
}

const whole = (text: string | undefined) => {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

function eventsOf(events: LiveEvent[], name: string): LiveEvent[] {
  return events
    .filter((e) => e.type === 'Warning' && e.involvedObject.name === name)
    .sort((a, b) =>
      (b.lastTimestamp ?? b.eventTime ?? '').localeCompare(a.lastTimestamp ?? a.eventTime ?? ''),
    );
}

/** Why a task pod waits or failed; undefined while it runs or after it succeeded. */
export function taskPodReason(pod: LivePod, events: LiveEvent[] = []): Message | undefined {
  const phase = pod.status?.phase ?? 'Pending';
  if (phase === 'Running' || phase === 'Succeeded') return undefined;
  if (phase === 'Failed') {
    const terminated = (pod.status?.containerStatuses ?? []).find(
      (c) => c.state?.terminated && c.state.terminated.exitCode !== 0,
    );
    const detail = terminated
      ? msg('status.task.exited', {
          container: terminated.name,
          exitCode: terminated.state?.terminated?.exitCode ?? '?',
        })
      : stripFullStop(pod.status?.message ?? pod.status?.reason ?? 'unknown');
    return msg('status.task.failed', { detail });
  }
  for (const c of [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ]) {
    const waiting = c.state?.waiting?.reason;
    if (waiting === 'ImagePullBackOff' || waiting === 'ErrImagePull') {
      return msg('status.task.cannotPull', { image: c.image });
    }
  }
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    return msg('status.task.unschedulable', { detail: schedulerReason(scheduled.message) });
  }
  const problem = podProblem(pod);
  if (problem) return problem.i18n;
  const quota = eventsOf(events, pod.metadata.name).find((e) => QUOTA.test(e.message ?? ''));
  if (quota) return msg('status.task.quota', { detail: stripFullStop(quota.message ?? '') });
  return pod.spec?.nodeName
    ? msg('status.task.starting', { node: pod.spec.nodeName })
    : msg('status.task.waiting');
}

function taskPodStatus(pod: LivePod, events: LiveEvent[]): TaskPodStatus {
  const reason = taskPodReason(pod, events);
  const name = pod.metadata.name;
  return {
    name,
    phase: pod.status?.phase ?? 'Pending',
    reason: reason?.text ?? '',
    ...(reason ? { i18n: reason } : {}),
    ...(name.startsWith(TASK_POD_NAME_PREFIX)
      ? { task: name.slice(TASK_POD_NAME_PREFIX.length) }
      : {}),
  };
}

interface Verdict {
  state: ComponentHealth;
  reason: Message;
}

/** The glue's own state: its Deployment, its pod, and whether the API server it waits for runs. */
function glueVerdict(
  glue: LiveWorkload,
  live: LiveState,
  instance: string,
  demand: Demand,
  summary: Message,
): Verdict {
  const desired = glue.spec?.replicas ?? 1;
  const ready = glue.status?.readyReplicas ?? 0;
  if (desired === 0) return { state: 'Ready', reason: msg('status.scaledToZero') };
  if (ready >= desired) return { state: 'Ready', reason: summary };
  const agent = glue.metadata.labels?.[AGENT_NAME_LABEL];
  const pods = live.pods.filter(
    (p) =>
      isGlue(instance)(p) &&
      p.metadata.labels?.[AGENT_NAME_LABEL] === agent &&
      !p.metadata.deletionTimestamp,
  );
  // The glue's ReplicaSets carry its pod labels; `<glue>-<hash>` alone would also match the
  // ReplicaSets of an agent whose name extends this one's (`cpu` and `cpu-big`).
  const replicaSets = new Set(
    live.replicaSets
      .filter((r) => isGlue(instance)(r) && r.metadata.labels?.[AGENT_NAME_LABEL] === agent)
      .map((r) => r.metadata.name),
  );
  const created = failedCreate(
    live.events.filter(
      (e) => e.involvedObject.kind === 'ReplicaSet' && replicaSets.has(e.involvedObject.name ?? ''),
    ),
    demand,
  );
  if (created && pods.length < desired) return { state: 'Failed', reason: created.sentence };
  const problems = pods.map(podProblem).filter((p) => p !== undefined);
  const fatal = problems.find((p) => p.fatal);
  if (fatal) return { state: 'Failed', reason: fatal.i18n };
  const apiserver = live.deployments.find(
    (d) =>
      d.metadata.labels?.[INSTANCE_LABEL] === instance &&
      d.metadata.labels?.[COMPONENT_LABEL] === 'apiserver',
  );
  if (!apiserver || (apiserver.status?.readyReplicas ?? 0) < (apiserver.spec?.replicas ?? 1)) {
    return {
      state: 'Progressing',
      reason: msg('status.waitingFor', { components: list([msg('component.apiserver')]) }),
    };
  }
  if (problems[0]) return { state: 'Progressing', reason: problems[0].i18n };
  return { state: 'Progressing', reason: msg('status.starting', { ready, desired }) };
}

/** Every agent of the instance, in name order; empty when it has none. */
export function agentStatuses(live: LiveState, instance: string, demand: Demand): AgentStatus[] {
  const glues = live.deployments
    .filter(isGlue(instance))
    .sort((a, b) =>
      (a.metadata.labels?.[AGENT_NAME_LABEL] ?? '').localeCompare(
        b.metadata.labels?.[AGENT_NAME_LABEL] ?? '',
      ),
    );
  return glues.map((glue) => {
    const agent = glue.metadata.labels?.[AGENT_NAME_LABEL] ?? '';
    const queues = (glueEnv(glue, GLUE_QUEUE_ENV) ?? '').split(',').filter(Boolean);
    const maxPods = whole(glueEnv(glue, GLUE_MAX_PODS_ENV));
    const taskPods = live.pods
      .filter(
        (p) =>
          isTaskPod(instance, p) &&
          p.metadata.labels?.[AGENT_NAME_LABEL] === agent &&
          !p.metadata.deletionTimestamp,
      )
      .sort((a, b) =>
        (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
      )
      .map((p) => taskPodStatus(p, live.events));
    const running = taskPods.filter((p) => p.phase === 'Running').length;
    const waiting = taskPods.filter((p) => p.phase === 'Pending').length;
    const params = { queues: list(queues), running, maxPods };
    const summary = waiting
      ? msg('status.agent.readyWaiting', { ...params, waiting })
      : msg('status.agent.ready', params);
    const verdict = glueVerdict(glue, live, instance, demand, summary);
    return {
      agent,
      queues,
      state: verdict.state,
      reason: verdict.reason.text,
      i18n: verdict.reason,
      workload: { kind: glue.kind || 'Deployment', name: glue.metadata.name },
      desired: glue.spec?.replicas ?? 1,
      ready: glue.status?.readyReplicas ?? 0,
      maxPods,
      gpus: whole(glue.metadata.annotations?.[TASK_GPUS_ANNOTATION]),
      taskPods,
    };
  });
}
