/** Plain-words reasons for pods that are not running as they should. */
import type { Demand } from '../preflight/quota';
import { quotaSentence } from './quota-reason';
import { schedulerReason, stripFullStop } from './scheduler-message';
import type { LiveEvent, LivePod } from './types';

const PULL_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName']);
const ADMISSION = /security context constraint|violates PodSecurity|forbidden/i;

export interface PodProblem {
  /** Short machine reason, e.g. ImagePullBackOff. */
  reason: string;
  /** A sentence a person understands. */
  sentence: string;
  /** Failed needs someone to act; anything else resolves by waiting. */
  fatal: boolean;
}

/** The most telling problem of one pod, if any. */
export function podProblem(pod: LivePod): PodProblem | undefined {
  const status = pod.status ?? {};
  const init = status.initContainerStatuses ?? [];
  const main = status.containerStatuses ?? [];
  for (const c of [...init, ...main]) {
    const waiting = c.state?.waiting;
    if (!waiting?.reason) continue;
    if (PULL_REASONS.has(waiting.reason)) {
      return {
        reason: waiting.reason,
        sentence: `Cannot pull image ${c.image} (container ${c.name}): check the image name and tag, the registry, and the pull secret.`,
        fatal: true,
      };
    }
    if (waiting.reason === 'CrashLoopBackOff') {
      const last = c.lastState?.terminated;
      const exit = last?.exitCode !== undefined ? `, last exit code ${last.exitCode}` : '';
      return {
        reason: waiting.reason,
        sentence: `Container ${c.name} keeps crashing (restarted ${c.restartCount} times${exit}): read its logs.`,
        fatal: true,
      };
    }
    if (
      waiting.reason === 'CreateContainerConfigError' ||
      waiting.reason === 'CreateContainerError'
    ) {
      return {
        reason: waiting.reason,
        sentence: `Container ${c.name} cannot start: ${stripFullStop(waiting.message ?? waiting.reason)}.`,
        fatal: true,
      };
    }
  }
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    return {
      reason: 'Unschedulable',
      sentence: `Pod ${pod.metadata.name} cannot be scheduled: ${schedulerReason(scheduled.message)}.`,
      fatal: false,
    };
  }
  const waitingInit = init.find((c) => !c.ready && (c.state?.running || c.state?.waiting));
  if (waitingInit) {
    return {
      reason: 'PodInitializing',
      sentence: `Pod ${pod.metadata.name} is running its start-up step ${waitingInit.name}.`,
      fatal: false,
    };
  }
  const notReady = main.find((c) => c.state?.running && !c.ready);
  if (notReady) {
    return {
      reason: 'NotReady',
      sentence: `Container ${notReady.name} is running but does not pass its readiness check yet.`,
      fatal: false,
    };
  }
  return undefined;
}

/**
 * Pods that the controller could not create: admission (SCC/PSA), quota and the like. `demand`
 * is what the instance asks for in all, for quota sentences.
 */
export function failedCreate(
  events: LiveEvent[],
  demand: Demand = {},
): { sentence: string; admission: boolean } | undefined {
  const failed = events
    .filter((e) => e.type === 'Warning' && e.reason === 'FailedCreate')
    .sort((a, b) =>
      (b.lastTimestamp ?? b.eventTime ?? '').localeCompare(a.lastTimestamp ?? a.eventTime ?? ''),
    )[0];
  if (!failed) return undefined;
  const message = failed.message ?? '';
  const quota = quotaSentence(message, demand);
  if (quota) return { sentence: quota, admission: false };
  if (/(exceeded|failed) quota/i.test(message)) {
    return {
      sentence: `Pods cannot be created: a project quota refuses them (${message})`,
      admission: false,
    };
  }
  if (ADMISSION.test(message)) {
    return {
      sentence: `Pods are rejected by the cluster's security admission (SCC or Pod Security): ${message}`,
      admission: true,
    };
  }
  return { sentence: `Pods cannot be created: ${message}`, admission: false };
}
